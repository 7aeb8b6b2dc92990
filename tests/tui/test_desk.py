"""Pilot tests of the review desk: each action, then a look at the store to see it was saved."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, OptionList, Static

from checker.review import ledger
from checker.review.analysis import analyze
from checker.review.desk import differing_words
from checker.review.schema import StoreError, connect
from tui.app import ReviewApp
from tui.dialogs import FilterDialog, HelpScreen, TextDialog
from tui.screens.article import ArticleScreen, article_text
from tui.screens.desk import DeskScreen
from tui.widgets.claim_list import ClaimList
from tui.widgets.detail import DetailPane
from tui.widgets.sources import SourcesPanel

SIZE = (150, 48)
Scenario = Callable[[Pilot[None], ReviewApp], Awaitable[None]]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, seeds: Path) -> Path:
    db = tmp_path_factory.mktemp("desk") / "seeds.db"
    connection = connect(db)
    analyze(connection, [str(seeds)], on_error=lambda path, error: None)
    connection.close()
    return db


@pytest.fixture
def db(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "claimdesk.db"
    with sqlite3.connect(template) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


def drive(db: Path, scenario: Scenario, paths: tuple[str, ...] = ()) -> None:
    async def main() -> None:
        app = ReviewApp(str(db), "ana", paths)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await scenario(pilot, app)

    asyncio.run(main())


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the workers (loading, scoring, writes) are done and the screen updated."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def desk(app: ReviewApp) -> DeskScreen:
    screen = app.screen
    assert isinstance(screen, DeskScreen)
    return screen


def claims(app: ReviewApp) -> ClaimList:
    return desk(app).query_one(ClaimList)


def verdicts(db: Path) -> dict[str, tuple[str, str | None, str]]:
    connection = connect(db)
    try:
        return {c: (v.status, v.note, v.by) for c, v in ledger.verdicts(connection).items()}
    finally:
        connection.close()


def test_desk_opens_with_every_claim(db: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        assert len(claims(app).rows) == 117
        assert claims(app).has_focus
        pane = desk(app).query_one(DetailPane)
        assert pane.detail is not None and pane.detail.item.claim.id == claims(app).rows[0].id

    drive(db, scenario)


def test_mark_keys_save_to_the_store(db: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        first = claims(app).rows[0].id
        second = claims(app).rows[1].id
        await pilot.press("v")
        await settle(pilot)
        assert verdicts(db)[first][0] == "verified"
        assert claims(app).rows[0].status == "verified"
        await pilot.press("j", "d")
        await settle(pilot)
        assert verdicts(db)[second] == ("disputed", None, "ana")
        await pilot.press("u")
        await settle(pilot)
        assert verdicts(db)[second][0] == "unreviewed"

    drive(db, scenario)


def test_note_and_undo(db: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        first = claims(app).rows[0].id
        await pilot.press("d", "n")
        await settle(pilot)
        assert isinstance(app.screen, TextDialog)
        app.screen.query_one(Input).value = "no [b]source[/b] given"
        await pilot.press("enter")
        await settle(pilot)
        assert verdicts(db)[first] == ("disputed", "no [b]source[/b] given", "ana")
        assert claims(app).rows[0].noted
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert verdicts(db)[first] == ("disputed", None, "ana")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert verdicts(db)[first][0] == "unreviewed"
        connection = connect(db)
        actions = [c.action for c in ledger.history(connection)]
        connection.close()
        assert actions == ["mark", "mark", "undo", "undo"]

    drive(db, scenario)


def test_search_and_filter(db: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, TextDialog)
        app.screen.query_one(Input).value = "stellantis"
        await pilot.press("enter")
        await settle(pilot)
        found = claims(app).rows
        assert found and all("stellantis" in r.text.lower() for r in found)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilterDialog)
        app.screen.query_one("#filter-unreviewed", Checkbox).value = True
        await pilot.click("#filter-apply")
        await settle(pilot)
        assert desk(app).filter.unreviewed_only and desk(app).filter.search == "stellantis"
        await pilot.press("v")  # marked, still shown until the filter is applied again
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.click("#filter-apply")
        await settle(pilot)
        assert len(claims(app).rows) == len(found) - 1
        await pilot.press("f")
        await settle(pilot)
        await pilot.click("#filter-clear")
        await settle(pilot)
        assert len(claims(app).rows) == len(found)

    drive(db, scenario)


def test_source_panel_filters_and_scores(db: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        panel = desk(app).query_one(SourcesPanel)
        assert panel.count == 4
        panel.focus()
        await pilot.press("j", "j", "enter")
        await settle(pilot)
        assert {r.source for r in claims(app).rows} == {"001_907246576983a4f9"}
        low, high = panel.scores["000_2691664a77488a22"], panel.scores["002_1a2241cd6018348f"]
        assert low is not None and high is not None and low < high

    drive(db, scenario)


def test_enter_jumps_to_a_claim_of_another_source(db: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        target = next(r for r in claims(app).rows if "previously invested in Rivian" in r.text)
        claims(app).select(target.id)
        await settle(pilot)
        pane = desk(app).query_one(DetailPane)
        assert pane.detail is not None
        agreeing = [n for n in pane.detail.neighbours if n.relation.relation == "agrees"]
        assert agreeing and agreeing[0].other.claim.source == "001_907246576983a4f9"
        await pilot.press("enter")  # to the other sources' claims
        await settle(pilot)
        await pilot.press("enter")  # to the first of them: the agreement
        await settle(pilot)
        current = claims(app).current
        assert current is not None and current.id == agreeing[0].other.claim.id
        await pilot.press("v")
        await settle(pilot)
        assert verdicts(db)[current.id][0] == "verified"

    drive(db, scenario)


def test_next_unreviewed_sort_article_report_help(db: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await pilot.press("v", "right_square_bracket")
        await settle(pilot)
        assert claims(app).cursor == 1
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert claims(app).cursor == 1  # the first claim is reviewed: nothing before
        await pilot.press("s")
        await settle(pilot)
        assert desk(app).sort_by == "status"
        assert claims(app).rows[-1].status == "verified"
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("escape")
        await pilot.press("r")  # asks where, offering the store's folder
        await settle(pilot)
        assert isinstance(app.screen, TextDialog)
        offered = app.screen.query_one(Input).value
        assert offered == str((db.parent / "claimdesk-report.html").resolve())
        await pilot.press("enter")
        await settle(pilot)
        assert (db.parent / "claimdesk-report.html").read_text().startswith("<!DOCTYPE html>")
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)

    drive(db, scenario)


def test_review_with_paths_analyses_first(tmp_path: Path, seeds: Path) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(seeds, folder)
    db = tmp_path / "new.db"

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await settle(pilot)
        assert len(claims(app).rows) == 117

    drive(db, scenario, paths=(str(folder),))
    assert verdicts(db) == {}


def test_hostile_text_is_shown_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "evil.txt").write_text(
        "Acme [bold red]cut[/] 3,100 jobs \x1b[2J at its plant, the union said.\n"
    )
    db = tmp_path / "h.db"

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await settle(pilot)
        row = claims(app).rows[0]
        assert "[bold red]" in row.text
        line = claims(app).render_line(1).text
        assert "[bold red]cut[/]" in line and "\x1b" not in line and "\\x1b" in line

    drive(db, scenario, paths=(str(folder),))


def test_desk_and_scripts_see_each_others_verdicts(db: Path) -> None:
    cli = "import sys; from claimdesk import main; main()"

    def claimdesk(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", cli, *args, "--db", str(db)],
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        first, second = claims(app).rows[0].id, claims(app).rows[1].id
        await pilot.press("v")
        await settle(pilot)
        assert first in claimdesk("claims", "--status", "verified", "--format", "jsonl")
        claimdesk("mark", second, "disputed", "--note", "from a script", "--by", "bot")
        for _ in range(40):  # the desk looks for other writers every second
            await pilot.pause(0.1)
            if claims(app).rows[1].status == "disputed":
                break
        assert claims(app).rows[1].status == "disputed" and claims(app).rows[1].noted
        assert claims(app).rows[0].status == "verified"
        assert verdicts(db)[second] == ("disputed", "from a script", "bot")

    drive(db, scenario)


def test_mouse_and_command_palette(db: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await pilot.click("#claims", offset=(20, 3))  # the header is line 0
        await settle(pilot)
        assert claims(app).cursor == 2
        target = claims(app).rows[2].id
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"review disputed")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert verdicts(db)[target][0] == "disputed"

    drive(db, scenario)


def test_hostile_file_names_are_shown_as_text(tmp_path: Path) -> None:
    """File names, source ids and errors reach notices, the filter's source list and the
    article screen as plain text: ``[@click=app.quit]`` is no action link, a closing tag that
    was never opened (``[/i]``) no markup error."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    body = "Acme cut 3,100 jobs at its plant, the union said.\n"
    (folder / "[@click=app.quit]x.txt").write_text(body)
    (folder / "[i]d[b].md").write_text(body.replace("Acme", "Bolt"))
    (folder / "[@click=app.quit]bad[b].json").write_text("{not json")
    (folder / "named.json").write_text(
        '{"text": "Rivian said it will hire 400 workers.", "id": "[@click=app.quit]src[/i]"}'
    )
    db = tmp_path / "h.db"

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await settle(pilot)
        messages = [notice.message for notice in app._notifications]
        assert any("[@click=app.quit]bad[b].json" in message for message in messages)
        assert all(notice.markup is False for notice in app._notifications)
        await pilot.pause(0.2)  # the toasts are drawn
        assert app.is_running and isinstance(app.screen, DeskScreen)
        sources = {row.source for row in claims(app).rows}
        assert "[@click=app.quit]src[/i]" in sources
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilterDialog)
        await pilot.press("escape")
        await settle(pilot)
        named = next(i for i, r in enumerate(claims(app).rows) if r.source.startswith("[@"))
        claims(app).select(claims(app).rows[named].id)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running

    drive(db, scenario, paths=(str(folder),))


def test_a_store_that_cannot_be_written_opens_as_a_read_only_view(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.screens.desk

    real = connect

    def refuse_writers(path: str, **options: object) -> sqlite3.Connection:
        if not options.get("read_only"):
            raise StoreError(path, "the store is read-only here, nothing was written")
        return real(path, read_only=True)

    monkeypatch.setattr(tui.screens.desk, "connect", refuse_writers)
    before = verdicts(db)

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        assert len(claims(app).rows) == 117
        assert desk(app).read_only
        await pilot.press("v")
        await settle(pilot)
        messages = [notice.message for notice in app._notifications]
        assert any(m.startswith("read-only view") for m in messages), messages
        assert any("nothing was saved" in m for m in messages), messages

    drive(db, scenario)
    assert verdicts(db) == before


def test_sources_pane_filters_by_keyboard_alone(db: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await pilot.press("o")  # to the sources pane
        panel = desk(app).query_one(SourcesPanel)
        assert panel.has_focus
        await pilot.press("j", "j", "enter")
        await settle(pilot)
        assert {r.source for r in claims(app).rows} == {"001_907246576983a4f9"}
        assert claims(app).has_focus
        assert panel.labels["001_907246576983a4f9"].startswith("Amazon targets Tesla")
        await pilot.press("shift+tab", "k", "k", "enter")  # the first line: every source
        await settle(pilot)
        assert len({r.source for r in claims(app).rows}) == 3

    drive(db, scenario)


def test_outlets_and_titles_not_ids(db: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        screen = desk(app)
        assert not any("_" in label and label[:3].isdigit() for label in screen.labels.values())
        assert claims(app).labels == screen.labels
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilterDialog)
        assert app.screen.labels == screen.labels
        await pilot.press("escape")

    drive(db, scenario)


def test_a_note_is_not_a_change_of_verdict(db: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"source checked", "enter")
        await settle(pilot)
        toasts = [n.message for n in app._notifications]
        assert any("note saved (disputed)" in t for t in toasts), toasts
        assert not any("disputed → disputed" in t for t in toasts)
        connection = connect(db)
        try:
            last = ledger.history(connection)[-1]
        finally:
            connection.close()
        assert last.note_only and last.describe() == "note saved (disputed)"

    drive(db, scenario)


def test_other_sources_move_with_j_and_keep_the_search(db: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await pilot.press("slash", *"Amazon", "enter")
        await settle(pilot)
        target = next(r for r in claims(app).rows if "yet-to-be-named" in r.text)
        claims(app).select(target.id)
        await settle(pilot)
        pane = desk(app).query_one(DetailPane)
        assert pane.detail is not None and len(pane.detail.neighbours) > 2
        await pilot.press("enter")  # to the other sources' claims
        neighbours = desk(app).query_one("#detail-neighbours", OptionList)
        assert neighbours.has_focus and neighbours.highlighted == 0
        await pilot.press("j", "j")
        assert neighbours.highlighted == 2
        await pilot.press("k")
        assert neighbours.highlighted == 1
        chosen = pane.detail.neighbours[1].other
        await pilot.press("enter")
        await settle(pilot)
        current = claims(app).current
        assert current is not None and current.id == chosen.claim.id
        if "amazon" in chosen.claim.text.lower():
            assert desk(app).filter.search == "Amazon"  # the search was not cleared

    drive(db, scenario)


def test_article_view_hides_markdown_marks() -> None:
    text = "### The Origins\nBezos is **bold** here.\n"
    shown = article_text(text, [], None)
    assert "#" not in shown.plain and "*" not in shown.plain
    assert shown.plain == "The Origins\nBezos is bold here.\n"
    bold = [shown.plain[s.start : s.end] for s in shown.spans if "bold" in str(s.style)]
    assert "The Origins" in bold and "bold" in bold


def test_synonyms_are_not_highlighted_as_differences() -> None:
    a, b = "A quake killed 30 people in Haiti.", "An earthquake in Haiti: 30 people died."
    mine, theirs = differing_words(a, b)
    assert mine == () and theirs == ()
    mine, theirs = differing_words("Acme cut 3,100 jobs.", "Acme cut 1,300 jobs.")
    assert [(s, e) for s, e in mine] == [(9, 14)]


def test_help_explains_every_symbol_and_score(db: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        for symbol in ("*", "2 agree", "single", "agrees 0.04", "spec.", "score", "✓ ✗", "0.93"):
            assert symbol in shown, symbol

    drive(db, scenario)
