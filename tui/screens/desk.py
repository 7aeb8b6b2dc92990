"""The review desk: sources · claims · detail. Store reads for the claim in view run here (a
few milliseconds); loading, analysis, scoring, verdicts and the report run in worker threads,
and a verdict shows on screen only once it is committed."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

import attrs
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, OptionList, ProgressBar, Static

from checker.report.files import write_atomically
from checker.report.html import render_html
from checker.report.labels import labels, source_label
from checker.review import ledger, store, views
from checker.review.analysis import Outcome, analyze
from checker.review.desk import (
    SORTS,
    DeskFilter,
    DeskRow,
    detail,
    load_rows,
    relax,
    sort_rows,
)
from checker.review.reading import build_report, source_scorecard
from checker.review.records import Change, Status
from checker.review.schema import StoreError, connect
from tui.dialogs import FilterDialog, TextDialog
from tui.screens.article import ArticleScreen
from tui.widgets.claim_list import ClaimList
from tui.widgets.detail import DetailPane
from tui.widgets.sources import SourcesPanel

KEYS: tuple[tuple[str, str, str, str], ...] = (
    # key, action, footer label, description (help screen and command palette)
    ("v", "mark('verified')", "Verified", "mark the claim verified"),
    ("d", "mark('disputed')", "Disputed", "mark the claim disputed"),
    ("u", "mark('unreviewed')", "Unreviewed", "set the claim back to unreviewed"),
    ("n", "note", "Note", "write a note on the claim's verdict"),
    ("ctrl+z", "undo", "Undo", "undo your last verdict change"),
    ("slash", "search", "Search", "show only claims containing a text"),
    ("f", "filter", "Filter", "filter by source, kind, status, contradicted or unreviewed"),
    ("right_square_bracket", "next_unreviewed(1)", "Next unrev.", "next unreviewed claim"),
    ("left_square_bracket", "next_unreviewed(-1)", "Prev unrev.", "previous unreviewed claim"),
    ("s", "sort", "Sort", "sort by reading order, status, kind, corroboration or text"),
    ("a", "article", "Article", "the whole article, claims coloured by kind and status"),
    ("o", "sources", "Sources", "to the sources pane: enter shows a source's claims"),
    ("r", "report", "Report", "write the credibility report (HTML): asks where, next to the store"),
)
FIRST_ROWS = 300  # claims shown at once while the rest of a large store loads
SCORE_BATCH = 0.5  # seconds of scoring between updates of the sources panel
WATCH_INTERVAL = 1.0  # seconds between looks for other processes' writes
DETAIL_DELAY = 0.05  # seconds the cursor rests on a claim before its detail is drawn
SHOWN = {"v", "d", "n", "ctrl+z", "slash", "f", "right_square_bracket", "a", "r"}


class DeskScreen(Screen[None]):
    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        *(
            Binding(key, action, label, show=key in SHOWN, id=action.split("(")[0] + key)
            for key, action, label, _ in KEYS
        ),
        Binding("enter", "related", "Other sources", show=False),
    ]

    def __init__(self, db: str, reviewer: str, paths: Sequence[str] = (), max_bytes: int = 0):
        super().__init__()
        self.db = db
        self.reviewer = reviewer
        self.paths = list(paths)
        self.max_bytes = max_bytes
        self.rows: list[DeskRow] = []
        self.labels: dict[str, str] = {}  # source id → outlet and title
        self.filter = DeskFilter()
        self.sort_by = "source"
        self.reader: sqlite3.Connection | None = None
        self.read_only = False  # the store cannot be written: the desk only shows it
        self.writer: sqlite3.Connection | None = None
        self.write_lock = threading.Lock()
        self._pending: Timer | None = None
        self._watcher: Timer | None = None
        self._seen_version = 0
        # (seconds from key to commit, from key to the row showing it) of each write, for
        # bench/ui_speed.py
        self.write_latency: list[tuple[float, float]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield SourcesPanel(id="sources")
            with Vertical(id="main"):
                yield Static(id="status-line")
                yield ClaimList(id="claims")
                yield DetailPane(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ClaimList).focus()
        if self.paths:
            self._analyze()
        else:
            self._open()

    def on_unmount(self) -> None:
        for connection in (self.reader, self.writer):
            if connection is not None:
                connection.close()

    def say(
        self, message: str, severity: SeverityLevel = "information", timeout: float | None = None
    ) -> None:
        """A notice on screen, always as plain text: file names, errors and notes may hold
        square brackets that Textual's markup would read as styles or action links."""
        self.notify(message, severity=severity, timeout=timeout, markup=False)

    # -- loading ------------------------------------------------------------------------------

    def _open(self) -> None:
        try:
            self.reader = connect(self.db, read_only=True)
        except StoreError as error:
            self.app.exit(message=Text(f"claimdesk: {error.path}: {error.reason}"), return_code=2)
            return
        try:
            self.writer = connect(self.db, any_thread=True)
        except StoreError as error:
            self.read_only = True
            self.say(f"read-only view, verdicts cannot be saved: {error.reason}", "warning", 12)
        self._status("loading claims…")
        self._load()

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        """A first screenful at once, then every claim (sources, filters and sorting need
        them all)."""
        connection = connect(self.db, read_only=True)
        try:
            first = load_rows(connection, limit=FIRST_ROWS)
            if len(first) == FIRST_ROWS:
                self.app.call_from_thread(self._loaded, first, False)
            rows = load_rows(connection) if len(first) == FIRST_ROWS else first
            named = labels(store.sources(connection), [])
            named.update(_untitled_labels(connection, rows))
        finally:
            connection.close()
        self.app.call_from_thread(self._loaded, rows, True, named)

    def _loaded(
        self, rows: list[DeskRow], complete: bool, named: dict[str, str] | None = None
    ) -> None:
        self.rows = rows
        if named is not None:
            self.labels = named
            self.query_one(ClaimList).labels = named
            self.query_one(DetailPane).labels = named
        self._refresh_view()
        if complete:
            self.query_one(SourcesPanel).show(rows, self.labels)
            self._score()
            if self.reader is not None and self._watcher is None:
                self._seen_version = self._data_version()
                self._watcher = self.set_interval(WATCH_INTERVAL, self._watch)
        else:
            self._status(f"{len(rows)} claims shown, loading the rest…")

    @work(thread=True, exclusive=True, group="score")
    def _score(self) -> None:
        """Scores source by source, handed to the panel in batches so the UI stays fluid."""
        connection = connect(self.db, read_only=True)
        found: dict[str, float | None] = {}
        last = time.monotonic()
        try:
            for source in store.sources(connection):
                found[source.id] = source_scorecard(connection, source).score
                if time.monotonic() - last > SCORE_BATCH:
                    self.app.call_from_thread(self.query_one(SourcesPanel).score, found)
                    found, last = {}, time.monotonic()
                time.sleep(0)  # let the UI thread take the interpreter between sources
        finally:
            connection.close()
        self.app.call_from_thread(self.query_one(SourcesPanel).score, found)

    @work(thread=True, exclusive=True, group="analyze")
    def _analyze(self) -> None:
        errors: list[str] = []

        def progress(stage: str, done: int, total: int, claims: int = 0) -> None:
            self.app.call_from_thread(self._progress, stage, done, total)

        connection = connect(self.db)
        try:
            outcome = analyze(
                connection,
                self.paths,
                max_bytes=self.max_bytes or 20 * 1024 * 1024,
                on_error=lambda path, error: errors.append(f"{path}: {error}"),
                progress=progress,
            )
        except (StoreError, sqlite3.Error) as error:
            self.app.call_from_thread(self.say, f"analysis failed: {error}", "error")
            outcome = None
        finally:
            connection.close()
        self.app.call_from_thread(self._analysed, outcome, errors)

    def _progress(self, stage: str, done: int, total: int) -> None:
        bars = self.query("#progress").results(ProgressBar)
        bar = next(bars, None)
        if bar is None:  # shown only while analysing: an idle bar still animates
            bar = ProgressBar(id="progress", show_eta=False)
            self.query_one("#main").mount(bar, after="#status-line")
        bar.update(total=max(total, 1), progress=done)
        self._status(f"analysing: {stage} {done}/{total}")

    def _analysed(self, outcome: Outcome | None, errors: list[str]) -> None:
        for bar in self.query("#progress"):
            bar.remove()
        for error in errors[:5]:
            self.say(error, "warning", timeout=8)
        if outcome is not None:
            states = ", ".join(
                f"{outcome.count(s)} {s}"
                for s in ("new", "changed", "unchanged")
                if outcome.count(s)
            )
            self.say(f"analysed: {states or 'nothing'}")
        self._open()

    # -- other writers ------------------------------------------------------------------------

    def _data_version(self) -> int:
        assert self.reader is not None
        return views.data_version(self.reader)

    def _watch(self) -> None:
        """Pick up what other processes wrote (``claimdesk mark`` from a script, another
        desk): verdicts at once; new or re-analysed claims by loading the rows again."""
        if self.reader is None or self._data_version() == self._seen_version:
            return
        self._seen_version = self._data_version()
        count = views.claim_count(self.reader)
        if count != len(self.rows):
            self._load()
            return
        current = views.marks(self.reader)
        claims = self.query_one(ClaimList)
        for index, row in enumerate(self.rows):
            status, noted = current.get(row.id, ("unreviewed", False))
            if (status, noted) != (row.status, row.noted):
                self.rows[index] = attrs.evolve(row, status=status, noted=noted)
                claims.replace(self.rows[index])
        self._status()

    # -- the view -------------------------------------------------------------------------------

    def _refresh_view(self, keep: str | None = None) -> None:
        claims = self.query_one(ClaimList)
        keep = keep or (claims.current.id if claims.current else None)
        view = sort_rows([r for r in self.rows if self.filter.keeps(r)], self.sort_by)
        claims.show(view, keep)
        self._status()

    def _status(self, text: str | None = None) -> None:
        if text is None:
            shown = len(self.query_one(ClaimList).rows)
            unreviewed = sum(1 for r in self.rows if r.status == "unreviewed")
            text = (
                f"{shown} of {len(self.rows)} claims · {self.filter.describe()} · sorted by"
                f" {self.sort_by} · {unreviewed} unreviewed · reviewer {self.reviewer}"
                + (" · read-only" if self.read_only else "")
            )
        self.query_one("#status-line", Static).update(Text(text))

    @on(ClaimList.Moved)
    def _show_detail(self, event: ClaimList.Moved) -> None:
        # Drawn once the cursor rests: holding j scrolls the list without redrawing the pane
        # for every claim passed.
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(DETAIL_DELAY, self._draw_detail)

    def _draw_detail(self) -> None:
        self._pending = None
        row = self.query_one(ClaimList).current
        pane = self.query_one(DetailPane)
        if row is None or self.reader is None:
            pane.show(None)
        else:
            pane.show(detail(self.reader, row.id))

    @on(SourcesPanel.Picked)
    def _choose_source(self, event: SourcesPanel.Picked) -> None:
        self.filter = attrs.evolve(self.filter, source=event.source)
        self._refresh_view()
        self.query_one(ClaimList).focus()

    @on(DetailPane.Jump)
    def _jump(self, event: DetailPane.Jump) -> None:
        """To a claim of another source: only the parts of the filter that hide it are
        dropped (an active search stays when the claim contains it), and the desk says so."""
        claims = self.query_one(ClaimList)
        if not claims.select(event.claim_id):
            row = next((r for r in self.rows if r.id == event.claim_id), None)
            if row is not None:
                self.filter, dropped = relax(self.filter, row)
                if dropped:
                    names = ", ".join(name.replace("_", " ") for name in dropped)
                    self.say(f"filter eased to show the claim: {names} dropped")
            self._refresh_view(keep=event.claim_id)
            claims.select(event.claim_id)
        claims.focus()

    # -- verdicts -------------------------------------------------------------------------------

    def action_mark(self, status: Status) -> None:
        row = self.query_one(ClaimList).current
        if row is not None:
            self._write(lambda c: ledger.mark(c, row.id, status, by=self.reviewer))

    def action_note(self) -> None:
        row = self.query_one(ClaimList).current
        if row is None or self.reader is None:
            return
        verdict = ledger.verdicts_of(self.reader, [row.id]).get(row.id)
        current = verdict.note if verdict and verdict.note else ""

        def save(note: str | None) -> None:
            if note is not None:
                status: Status = verdict.status if verdict else "unreviewed"
                self._write(lambda c: ledger.mark(c, row.id, status, by=self.reviewer, note=note))

        self.app.push_screen(TextDialog(f"Note on {row.id}", current, "empty clears"), save)

    def action_undo(self) -> None:
        self._write(lambda c: ledger.undo(c, by=self.reviewer))

    def _write(self, change: Callable[[sqlite3.Connection], Change | None]) -> None:
        if self.writer is None:
            self.say("read-only view: the store cannot be written, nothing was saved", "error")
            return
        self._run_write(change, time.perf_counter())

    @work(thread=True, group="write")
    def _run_write(
        self, change: Callable[[sqlite3.Connection], Change | None], started: float
    ) -> None:
        assert self.writer is not None
        try:
            with self.write_lock:
                done = change(self.writer)
        except (LookupError, StoreError, sqlite3.Error) as error:
            self.app.call_from_thread(self.say, f"not saved: {error}", "error")
            return
        committed = time.perf_counter() - started
        self.app.call_from_thread(self._saved, done, started, committed)

    def _saved(self, change: Change | None, started: float = 0.0, committed: float = 0.0) -> None:
        if change is None:
            self.say("nothing to undo")
            return
        verdict = (
            ledger.verdicts_of(self.reader, [change.claim]).get(change.claim)
            if self.reader
            else None
        )
        for index, row in enumerate(self.rows):
            if row.id == change.claim:
                updated = attrs.evolve(
                    row,
                    status=verdict.status if verdict else "unreviewed",
                    noted=bool(verdict and verdict.note),
                )
                self.rows[index] = updated
                self.query_one(ClaimList).replace(updated)
                break
        self.write_latency.append((committed, time.perf_counter() - started))
        verb = "undone" if change.action == "undo" else "saved"
        self.say(f"{change.claim}: {change.describe()} ({verb})")
        self._status()

    # -- moving and finding ---------------------------------------------------------------------

    def action_related(self) -> None:
        """From the claims, ``enter`` moves to the other sources' claims, where it jumps."""
        neighbours = self.query_one("#detail-neighbours", OptionList)
        if self.query_one(ClaimList).has_focus and neighbours.option_count:
            neighbours.focus()
            neighbours.highlighted = 0

    def action_next_unreviewed(self, step: int) -> None:
        claims = self.query_one(ClaimList)
        index = claims.cursor + step
        while 0 <= index < len(claims.rows):
            if claims.rows[index].status == "unreviewed":
                claims.select(claims.rows[index].id)
                return
            index += step
        self.say("no more unreviewed claims this way")

    def action_search(self) -> None:
        def apply(text: str | None) -> None:
            if text is not None:
                self.filter = attrs.evolve(self.filter, search=text.strip())
                self._refresh_view()

        self.app.push_screen(TextDialog("Search claims", self.filter.search, "text"), apply)

    def action_filter(self) -> None:
        def apply(chosen: DeskFilter | None) -> None:
            if chosen is not None:
                self.filter = chosen
                self._refresh_view()

        sources = sorted({row.source for row in self.rows})
        self.app.push_screen(FilterDialog(self.filter, sources, self.labels), apply)

    def action_sources(self) -> None:
        self.query_one(SourcesPanel).focus()

    def action_sort(self) -> None:
        order = list(SORTS.values())
        self.sort_by = order[(order.index(self.sort_by) + 1) % len(order)]
        self._refresh_view()

    def action_article(self) -> None:
        row = self.query_one(ClaimList).current
        if row is None or self.reader is None:
            return
        items = store.list_claims(self.reader, sources=[row.source])
        text = store.source_text(self.reader, row.source)
        title = self.labels.get(row.source, row.source)
        self.app.push_screen(ArticleScreen(title, text, items, row.id))

    def report_path(self) -> Path:
        """Where ``r`` offers to write the report: next to the store, named after it."""
        return Path(self.db).resolve().with_name(Path(self.db).stem + "-report.html")

    def action_report(self) -> None:
        def write(path: str | None) -> None:
            if path is not None and path.strip():
                self.say(f"writing the report to {path.strip()}…")
                self._report(Path(path.strip()).expanduser())

        self.app.push_screen(
            TextDialog("Write the HTML report to", str(self.report_path()), "a file path"), write
        )

    @work(thread=True, exclusive=True, group="report")
    def _report(self, target: Path) -> None:
        connection = connect(self.db, read_only=True)
        try:
            write_atomically(target, render_html(build_report(connection)))
        except OSError as error:
            self.app.call_from_thread(self.say, f"report not written: {error}", "error")
            return
        finally:
            connection.close()
        self.app.call_from_thread(self.say, f"report written: {target}")


def _untitled_labels(connection: sqlite3.Connection, rows: Sequence[DeskRow]) -> dict[str, str]:
    """Labels of sources without a title, from the opening words of their first claim (the
    rows are in reading order), as the report names them."""
    sources = {source.id: source for source in store.sources(connection) if not source.title}
    first: dict[str, DeskRow] = {}
    for row in rows:
        if row.source in sources and (
            row.source not in first or row.position < first[row.source].position
        ):
            first[row.source] = row
    return {source: source_label(sources[source], row.text) for source, row in first.items()}
