"""``claimdesk review``: the Textual desk. The UI is imported only when this command runs, so
every other command starts without loading Textual."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimdesk.context import Context, max_bytes_option
from claimdesk.workflow import by_option, db_option


@click.command(name="review")
@click.argument("paths", nargs=-1, type=click.Path())
@db_option
@by_option
@max_bytes_option
@click.pass_obj
def review_command(run: Context, paths: tuple[str, ...], db: str, by: str, max_bytes: int) -> None:
    """Review claims in a terminal UI; with PATHs, analyse them into the store first."""
    if not paths and not Path(db).exists():
        run.report(db, "no store here; run `claimdesk review PATH...` or `claimdesk analyze`")
        run.finish()
    from tui.app import ReviewApp

    app = ReviewApp(db, by, paths, max_bytes)
    app.run()
    if app.return_code:
        sys.exit(app.return_code)
