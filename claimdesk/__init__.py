"""The ``claimdesk`` command line. Commands stay thin: the work is in ``claims`` and ``checker``;
``review`` imports the Textual UI only when it runs, so the other commands start fast."""

from __future__ import annotations

from importlib import metadata

import click

from claimdesk import output, review, text, workflow
from claimdesk.context import Context


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(metadata.version("claimdesk"), prog_name="claimdesk")
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Split news articles into tagged claims, compare sources, review and report."""
    ctx.obj = Context(debug)


for command in (
    *workflow.COMMANDS,
    review.review_command,
    *output.COMMANDS,
    text.extract,
    text.tag,
    text.relate,
):
    main.add_command(command)
