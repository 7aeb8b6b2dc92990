"""A progress line for long ``analyze`` runs on a terminal: the stage, files done of all, and
the time left at the pace so far. Quiet when the output is not a terminal (a pipe, a file, a
test), so scripts read the same output as before."""

from __future__ import annotations

import sys
import time
from typing import TextIO

SHOW_AFTER = 2.0  # seconds: a short run shows no progress at all
EVERY = 0.2  # seconds between two redraws


class TerminalProgress:
    """An ``analyze`` progress callback writing one line, redrawn in place, to ``stream``."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.on = self.stream.isatty()
        self.started = _now()
        self.drawn = 0.0
        self.width = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.on:
            return
        now = _now()
        final = done >= total
        if now - self.started < SHOW_AFTER or (now - self.drawn < EVERY and not final):
            return
        self.drawn = now
        line = f"{stage}: {done:,}/{total:,} files" if stage != "compare" else "comparing claims"
        if stage in ("read", "extract") and 0 < done < total:
            left = (now - self.started) / done * (total - done)
            line += f", about {int(left) // 60}:{int(left) % 60:02d} left"
        self.stream.write("\r" + line.ljust(self.width))
        self.width = len(line)
        self.stream.flush()

    def close(self) -> None:
        """End the line, if one was drawn, so what follows starts on its own."""
        if self.on and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def _now() -> float:
    return time.monotonic()
