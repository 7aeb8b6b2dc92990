"""SVG snapshots of the desk's main screens on the seeds (pytest-textual-snapshot). After a
deliberate change of the UI, review the differences and run ``pytest --snapshot-update``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.tui.test_desk import SIZE, settle
from tui.app import ReviewApp


def compare(snap_compare: Any, db: Path, *keys: str) -> bool:
    async def ready(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return bool(snap_compare(ReviewApp(str(db), "ana"), terminal_size=SIZE, run_before=ready))


def test_desk(snap_compare: Any, db: Path) -> None:
    assert compare(snap_compare, db, "j", "j")


def test_rumour_against_the_record(snap_compare: Any, db: Path) -> None:
    # The ninth claim of 000 is the "yet-to-be-named Amazon-affiliated brand".
    assert compare(snap_compare, db, *["j"] * 8, "enter")


def test_article_view(snap_compare: Any, db: Path) -> None:
    assert compare(snap_compare, db, "a")


def test_help(snap_compare: Any, db: Path) -> None:
    assert compare(snap_compare, db, "question_mark")


def test_filter_dialog(snap_compare: Any, db: Path) -> None:
    assert compare(snap_compare, db, "f")
