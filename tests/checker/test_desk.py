"""The desk's rows and detail, without the UI."""

from __future__ import annotations

from pathlib import Path

from checker.review.analysis import analyze
from checker.review.desk import DeskFilter, detail, differing_words, load_rows, sort_rows
from checker.review.schema import connect

WIRE = "Acme Corp cut 3,100 jobs at its Ohio plant on Monday, the company said.\n"
LOCAL = "Acme Corp eliminated 3,100 jobs at the Ohio plant on Monday.\n"


def test_rows_count_copies_of_a_wire_story_once(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE)
    (folder / "copy.txt").write_text(WIRE)
    (folder / "local.txt").write_text(LOCAL)
    connection = connect(tmp_path / "c.db")
    analyze(connection, [str(folder)], on_error=lambda path, error: None)
    rows = {row.source: row for row in load_rows(connection)}
    assert rows["local"].corroboration == "2 agree"  # wire and its copy are one origin
    assert rows["wire"].corroboration == "2 agree"
    first = load_rows(connection, limit=2)
    assert [r.id for r in first] == [r.id for r in load_rows(connection)[:2]]
    view = sort_rows([r for r in rows.values() if DeskFilter(search="ELIMINATED").keeps(r)], "text")
    assert [r.source for r in view] == ["local"]
    shown = detail(connection, rows["local"].id)
    assert shown.numbers == ("3,100 (jobs)", "Monday (weekday)")
    assert {n.other.claim.source for n in shown.neighbours} == {"wire", "copy"}
    assert shown.context.startswith("Acme Corp eliminated")


def test_differing_words() -> None:
    a = "Acme cut 3,100 jobs on Monday."
    b = "Acme cut 1,300 jobs on Friday."
    mine, theirs = differing_words(a, b)
    assert [a[s:e] for s, e in mine] == ["3,100", "Monday"]
    assert [b[s:e] for s, e in theirs] == ["1,300", "Friday"]
