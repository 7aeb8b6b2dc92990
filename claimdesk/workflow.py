"""The commands on the review store: ``analyze``, ``claims``, ``mark``, ``undo``, ``history``
and ``export``. The store is ``--db``, else ``$CLAIMDESK_DB``, else ``./claimdesk.db``."""

from __future__ import annotations

import getpass
import os
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING

import click

from checker.compare.corroboration import Corroboration
from checker.compare.relate import RELATIONS
from checker.report.export import change_record, reviewed_record, verdict_record
from checker.report.labels import cut, labels
from checker.report.terminal import table, visible
from checker.review import ledger, reading, store, views
from checker.review.analysis import BATCH_ARTICLES, Outcome, analyze, stored_corroboration
from checker.review.records import STATUSES, Change, Status
from checker.review.schema import StoreError, connect
from claimdesk.context import Context, F, max_bytes_option
from claimdesk.progress import TerminalProgress
from claims.convert import dumps
from claims.ingest import IngestError
from claims.models import KINDS

if TYPE_CHECKING:
    from checker.review.cluster import Cluster

DEFAULT_ARTICLE_TIMEOUT = 120.0  # seconds; a 5 MB article on one line takes about 10
LABEL_WIDTH = 40  # characters of a source's outlet and title in the claims table
SHOW_SOURCES = 20  # analyze lists new and changed sources one per line up to this many


def db_option(command: F) -> F:
    return click.option(
        "--db",
        envvar="CLAIMDESK_DB",
        default="claimdesk.db",
        show_default=True,
        type=click.Path(dir_okay=False),
        help="The review store (also $CLAIMDESK_DB).",
    )(command)


def _reviewer() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "reviewer"


def by_option(command: F) -> F:
    return click.option(
        "--by",
        envvar="CLAIMDESK_REVIEWER",
        default=_reviewer,
        show_default="your user name",
        help="Reviewer name (also $CLAIMDESK_REVIEWER).",
    )(command)


def format_option(command: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "jsonl"]),
        default="table",
        show_default=True,
    )(command)


@contextmanager
def open_store(
    run: Context, db: str, *, create: bool = False, read_only: bool = False
) -> Iterator[sqlite3.Connection]:
    """The store for one command, closed after it. A store that cannot be used (missing, not
    a database, locked by another process for longer than the busy timeout) ends the command
    with one line and exit 2; its own writes are transactions, so nothing is half-written.
    Commands that only read pass ``read_only``: the file is opened read-only and never
    written, so a user without write permission can use them."""
    try:
        connection = connect(db, create=create, read_only=read_only)
    except StoreError as error:
        run.report(error.path, error.reason)
        run.finish()
        raise
    try:
        yield connection
    except StoreError as error:
        run.report(error.path, error.reason)
    except sqlite3.Error as error:
        run.report(db, f"store error: {error}")
    finally:
        connection.close()
    run.finish()


@click.command(name="analyze")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@max_bytes_option
@click.option(
    "--force",
    is_flag=True,
    help="Extract and compare unchanged files again (after upgrading claimdesk's rules).",
)
@click.option(
    "--outlet-from",
    type=click.Choice(["metadata", "folder"]),
    default="metadata",
    show_default=True,
    help="Where an article's outlet comes from when its metadata names none: nowhere (it"
    " stands alone), or the name of its folder.",
)
@click.option(
    "--article-timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_ARTICLE_TIMEOUT,
    show_default=True,
    help="Seconds one article may take to extract (in a worker process); one that takes"
    " longer is reported and skipped. 0: no limit, extract in this process.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="all cores",
    help="Worker processes that extract articles side by side (the result is the same).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Extract and compare on the Dask cluster of this scheduler (e.g. tcp://host:8786)"
    " instead of local workers; the store stays here. Needs pip install 'claimdesk[dask]'.",
)
@click.option(
    "--batch",
    type=click.IntRange(min=1),
    default=BATCH_ARTICLES,
    show_default=True,
    help="Articles committed to the store at a time; a killed run loses at most one batch.",
)
@click.pass_obj
def analyze_command(
    run: Context,
    paths: tuple[str, ...],
    db: str,
    max_bytes: int,
    force: bool,
    article_timeout: float,
    batch: int,
    outlet_from: str,
    jobs: int,
    scheduler: str | None,
) -> None:
    """Extract, tag and compare the claims of article files or folders, into the store.

    Re-running is incremental: unchanged files are skipped, verdicts are kept. Articles are
    committed in batches; a run that was stopped picks up where it stopped."""

    def on_error(path: str, error: Exception) -> None:
        if isinstance(error, IngestError):
            run.report(error.path, error.reason)
        else:
            run.unexpected(path, error)

    pool = _cluster(run, scheduler) if scheduler else None
    progress = TerminalProgress()
    with open_store(run, db, create=True) as connection, pool or nullcontext():
        outcome = analyze(
            connection,
            list(paths),
            max_bytes=max_bytes,
            on_error=on_error,
            force=force,
            on_notice=run.notice,
            outlet_from=outlet_from,
            timeout=article_timeout or None,
            batch=batch,
            jobs=jobs,
            progress=progress,
            pool=pool,
        )
        progress.close()
        _print_outcome(outcome)
        _print_totals(connection, db)


def _cluster(run: Context, scheduler: str) -> Cluster:
    """The Dask cluster of ``--scheduler``, or one line and exit 2 (no Dask, no scheduler)."""
    from checker.review.cluster import Cluster, ClusterUnavailable

    try:
        return Cluster(scheduler)
    except ClusterUnavailable as error:
        run.report("--scheduler", str(error))
        run.finish()
        raise


def _print_outcome(outcome: Outcome) -> None:
    shown = [change for change in outcome.changes if change.state in ("new", "changed")]
    if len(shown) <= SHOW_SOURCES:
        for change in shown:
            detail = (
                f"{change.added} claims"
                if change.state == "new"
                else f"{change.kept} claims kept, {change.added} new, {change.removed} gone"
            )
            click.echo(f"{change.state:<9} {visible(change.source)}: {detail}")
    for orphan in outcome.orphaned:
        verdict = orphan.verdict
        line = (
            f"orphaned  {verdict.claim} ({verdict.status}) in {visible(verdict.source)}:"
            f" “{_short(verdict.quote)}” is no longer in the article; the verdict is kept"
        )
        if orphan.successor is not None:
            line += f"; closest claim now: {orphan.successor.id} “{_short(orphan.successor.quote)}”"
        click.echo(line)
    states = Counter(change.state for change in outcome.changes)
    parts = [f"{states[s]} {s}" for s in ("new", "changed", "refreshed", "unchanged") if states[s]]
    click.echo(f"analysed {len(outcome.changes)} sources: {', '.join(parts) or 'none'}")
    if outcome.standalone:
        click.echo(
            f"{len(outcome.standalone)} of them name no outlet and stand alone, each its own"
            " outlet (give `outlet:` in front matter or JSON, or use --outlet-from folder)"
        )


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return visible(flat if len(flat) <= width else flat[: width - 1] + "…")


def _print_totals(connection: sqlite3.Connection, db: str) -> None:
    counted = views.totals(connection)
    kinds, sources, reviewed = counted.kinds, counted.sources, counted.reviewed
    relations = reading.relation_counts(connection)
    orphans = len(ledger.orphans(connection))
    claims = sum(kinds.values())
    click.echo(
        f"{visible(db)}: {sources} sources, {claims} claims"
        f" ({', '.join(f'{kinds.get(k, 0)} {k}' for k in KINDS)}),"
        f" {relations.get('agrees', 0)} agree, {relations.get('contradicts', 0)} contradict,"
        f" {relations.get('related', 0)} related; {reviewed} reviewed"
        + (f", {orphans} orphaned verdicts" if orphans else "")
    )


@click.command(name="claims")
@db_option
@click.option("--source", "sources", multiple=True, help="Only this source (repeatable).")
@click.option("--kind", type=click.Choice(KINDS), help="Only claims of this kind.")
@click.option("--status", type=click.Choice(STATUSES), help="Only claims with this verdict.")
@click.option(
    "--relation",
    type=click.Choice(RELATIONS),
    help="Only claims with at least one relation of this kind (contradicts: the contested ones).",
)
@click.option("--search", help="Only claims containing this text (case-insensitive).")
@click.option("--orphaned", is_flag=True, help="List verdicts whose claims are gone instead.")
@format_option
@click.pass_obj
def claims_command(
    run: Context,
    db: str,
    sources: tuple[str, ...],
    kind: str | None,
    status: Status | None,
    relation: str | None,
    search: str | None,
    orphaned: bool,
    fmt: str,
) -> None:
    """List the stored claims with their verdicts and corroboration, filtered."""
    with open_store(run, db, read_only=True) as connection:
        if orphaned:
            _print_orphans(connection, fmt)
            return
        known = {source.id for source in store.sources(connection)}
        for source in sources:
            if source not in known:
                run.report(source, f"no such source in {db} (see `claimdesk claims`)")
        items = store.list_claims(
            connection, sources=sources, kind=kind, status=status, relation=relation, search=search
        )
        if fmt == "jsonl":
            for item in items:
                click.echo(dumps(reviewed_record(item)))
        elif items:
            status_of = stored_corroboration(connection)
            label = _labels(connection)
            rows = [
                [
                    item.claim.id,
                    cut(label.get(item.claim.source, item.claim.source), LABEL_WIDTH),
                    item.claim.kind,
                    item.status,
                    _corroboration(status_of.get(item.claim.id)),
                    item.claim.text,
                ]
                for item in items
            ]
            click.echo(table(rows, ["id", "source", "kind", "status", "sources", "claim"]))


def _labels(connection: sqlite3.Connection) -> dict[str, str]:
    """Each source by outlet and title; an untitled one by the opening words of its first
    claim, as the report and the desk name it."""
    known = store.sources(connection)
    untitled = [source.id for source in known if not source.title]
    return labels(known, store.list_claims(connection, sources=untitled) if untitled else [])


def _print_orphans(connection: sqlite3.Connection, fmt: str) -> None:
    verdicts = ledger.orphans(connection)
    if fmt == "jsonl":
        for verdict in verdicts:
            click.echo(dumps(verdict_record(verdict)))
    elif verdicts:
        rows = [[v.claim, v.source, v.status, v.by, v.at, v.quote] for v in verdicts]
        click.echo(table(rows, ["id", "source", "status", "by", "at", "claim (gone)"]))


def _corroboration(result: Corroboration | None) -> str:
    if result is None or result.status == "single-source":
        return "single"
    if result.status == "contradicted":
        return "contradicted"
    return f"{result.origins} agree"


@click.command(name="mark")
@click.argument("claim_id")
@click.argument("status", type=click.Choice(STATUSES))
@click.option("--note", help="A note on the verdict; an empty one clears it (default: keep).")
@by_option
@db_option
@click.pass_obj
def mark_command(
    run: Context, claim_id: str, status: Status, note: str | None, by: str, db: str
) -> None:
    """Record a verdict on a claim (an id or a unique start of one); kept in the history."""
    with open_store(run, db) as connection:
        try:
            claim = store.find_claim(connection, claim_id)
            change = ledger.mark(connection, claim.id, status, by=by, note=note)
        except LookupError as error:
            run.report(claim_id, str(error.args[0]))
            return
        click.echo(_change_line(change))


def _change_line(change: Change) -> str:
    verb = "undone" if change.action == "undo" else "marked"
    note = f"; note: {_short(change.new_note)}" if change.new_note else ""
    return (
        f"{change.claim}: {change.describe()}"
        f" ({verb} by {visible(change.by)}, change #{change.seq}){note}"
    )


@click.command(name="undo")
@click.option("--by", envvar="CLAIMDESK_REVIEWER", default=_reviewer, show_default="you")
@click.option("--anyone", is_flag=True, help="Undo the last change whoever made it.")
@db_option
@click.pass_obj
def undo_command(run: Context, by: str, anyone: bool, db: str) -> None:
    """Undo the last verdict change (yours, or anyone's with --anyone); repeat to go back."""
    with open_store(run, db) as connection:
        change = ledger.undo(connection, by=None if anyone else by)
        click.echo("nothing to undo" if change is None else _change_line(change))


@click.command(name="history")
@click.argument("claim_id", required=False)
@db_option
@format_option
@click.pass_obj
def history_command(run: Context, claim_id: str | None, db: str, fmt: str) -> None:
    """The verdict history, oldest first: of one claim, or of the whole store."""
    with open_store(run, db, read_only=True) as connection:
        claim = None
        if claim_id is not None:
            try:
                claim = store.find_claim(connection, claim_id).id
            except LookupError:
                claim = claim_id  # a claim that is gone may still have a history
        changes = ledger.history(connection, claim)
    if fmt == "jsonl":
        for change in changes:
            click.echo(dumps(change_record(change)))
    elif changes:
        rows = [
            [
                f"#{c.seq}",
                c.at,
                c.by,
                c.claim,
                c.describe()
                + (f" (undoes #{c.undoes})" if c.undoes else "")
                + (" [undone]" if c.undone else ""),
                c.new_note or "",
            ]
            for c in changes
        ]
        click.echo(table(rows, ["change", "at", "by", "claim", "verdict", "note"]))


COMMANDS = (
    analyze_command,
    claims_command,
    mark_command,
    undo_command,
    history_command,
)
