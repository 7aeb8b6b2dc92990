"""Making article text safe and readable on a terminal."""

from __future__ import annotations

import re
import shutil
import sys

# C0 and C1 control characters (tab and newline included: a table cell is one line), DEL,
# and the Unicode line and paragraph separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def visible(text: str) -> str:
    """``text`` with every control character shown as ``\\xNN`` instead of acting on the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def one_line(text: str) -> str:
    """Whitespace runs collapsed to one space, then made visible."""
    return visible(" ".join(text.split(" ")).replace("\n", " ").replace("\t", " "))


def table(rows: list[list[str]], headers: list[str], *, width: int | None = None) -> str:
    """A plain-text table; the last column takes the remaining width and is cut with ``…``."""
    if width is None:
        # Cut long cells only on a terminal; a pipe or file gets whole lines.
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else 1_000_000
    cells = [[one_line(cell) for cell in row] for row in rows]
    widths = [
        max([len(headers[i]), *(len(row[i]) for row in cells)]) for i in range(len(headers) - 1)
    ]
    last = max(20, width - sum(widths) - 2 * len(widths))
    lines = []
    for row in [headers, *cells]:
        head = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:-1]))
        tail = row[-1] if len(row[-1]) <= last else row[-1][: last - 1] + "…"
        lines.append(f"{head}  {tail}".rstrip())
    return "\n".join(lines)
