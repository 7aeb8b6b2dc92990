"""What every command shares: reporting bad input in one line and the exit code."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import click

from checker.report.terminal import visible
from claims.ingest import DEFAULT_MAX_BYTES

F = TypeVar("F", bound=Callable[..., Any])


def max_bytes_option(command: F) -> F:
    """``--max-bytes``: the size limit of an article file."""
    return click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=DEFAULT_MAX_BYTES,
        show_default=True,
        help="Skip files (or pages in a web archive) larger than this.",
    )(command)


class Context:
    """What every command shares: the debug flag and whether any input failed."""

    def __init__(self, debug: bool) -> None:
        self.debug = debug
        self.failed = False

    def report(self, where: str, reason: str) -> None:
        """One clear line on stderr naming the input and the reason; the run will exit 2."""
        self.failed = True
        click.echo(f"claimdesk: {visible(where)}: {visible(reason)}", err=True)

    def notice(self, where: str, what: str) -> None:
        """One line on stderr about an input that was processed in a way worth knowing (a
        fallback encoding); the exit code is unchanged."""
        click.echo(f"claimdesk: {visible(where)}: {visible(what)}", err=True)

    def unexpected(self, where: str, error: Exception) -> None:
        if self.debug:
            traceback.print_exception(error, file=sys.stderr)
        self.report(where, f"internal error: {type(error).__name__}: {error}")

    def finish(self) -> None:
        if self.failed:
            sys.exit(2)
