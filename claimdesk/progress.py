"""A progress line for long ``analyze`` runs on a terminal: the stage, files (or blocks of
pairs, when comparing) done of all, the claims so far, and the time left at the pace of the
stage so far. Quiet when the output is not a terminal (a pipe, a file, a
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
        self.stage = ""
        self.stage_started = self.started

    def __call__(self, stage: str, done: int, total: int, claims: int = 0) -> None:
        if not self.on:
            return
        now = _now()
        if stage != self.stage:  # the first stage runs from the start
            self.stage_started = now if self.stage else self.started
            self.stage = stage
        final = done >= total
        if now - self.started < SHOW_AFTER or (now - self.drawn < EVERY and not final):
            return
        self.drawn = now
        unit = "blocks of pairs" if stage == "compare" else "files"
        line = f"{stage}: {done:,}/{total:,} {unit}"
        if claims:
            line += f", {claims:,} claims"
        if 0 < done < total:
            left = (now - self.stage_started) / done * (total - done)
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
