"""The commands that hand the store's contents on: ``report`` for editors, ``export`` for
scripts and the fact-checking ecosystem. Files are written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import click

from checker.report.build import report_json
from checker.report.files import write_atomically
from checker.report.html import render_html
from checker.report.interop import claim_reviews, web_annotations
from checker.report.markdown import render_markdown
from checker.review import store
from checker.review.reading import build_report, export_store
from claimdesk.context import Context, F
from claimdesk.workflow import db_option, open_store
from claims.convert import dumps


def output_option(command: F) -> F:
    return click.option(
        "-o", "--output", type=click.Path(dir_okay=False), help="Write to this file."
    )(command)


def emit(run: Context, text: str, output: str | None) -> None:
    """``text`` to standard output, or written whole to ``output``."""
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        write_atomically(Path(output), text if text.endswith("\n") else text + "\n")
    except OSError as error:
        run.report(output, f"cannot write: {error.strerror or error}")


@click.command(name="report")
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True
)
@output_option
@click.pass_obj
def report_command(run: Context, db: str, fmt: str, output: str | None) -> None:
    """The credibility report: story summary and a scorecard per source."""
    with open_store(run, db, read_only=True) as connection:
        report = build_report(connection)
    if fmt == "md":
        text = render_markdown(report)
    elif fmt == "html":
        text = render_html(report)
    else:
        text = dumps(report_json(report))
    emit(run, text, output)
    run.finish()


@click.command(name="export")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "claimreview", "annotations"]),
    default="json",
    show_default=True,
    help="json: the whole store; claimreview: schema.org ClaimReview of reviewed claims;"
    " annotations: W3C Web Annotations of every claim.",
)
@click.option("--org", help="ClaimReview author: this organisation (default: each reviewer).")
@click.option(
    "--review-url", help="ClaimReview url: where reviews are published, {id} for the claim id."
)
@output_option
@click.pass_obj
def export_command(
    run: Context, db: str, fmt: str, org: str | None, review_url: str | None, output: str | None
) -> None:
    """Dump the store as JSON, or its verdicts as ClaimReview or Web Annotations."""
    with open_store(run, db, read_only=True) as connection:
        if fmt == "json":
            value: object = export_store(connection)
        else:
            items = store.list_claims(connection)
            sources = {source.id: source for source in store.sources(connection)}
            if fmt == "claimreview":
                value = claim_reviews(items, sources, organisation=org, review_url=review_url)
            else:
                texts = {s: store.source_text(connection, s) for s in sources}
                value = web_annotations(items, sources, texts)
    emit(run, dumps(value), output)
    run.finish()


COMMANDS = (report_command, export_command)
