"""Outlets and publication dates: who is independent of whom, and when a report was made.
Articles of one outlet never corroborate each other; an article without an outlet stands
alone and the run says so; ``--outlet-from folder`` names the outlet by the folder; a date
that cannot be read is one notice line and the article is still analysed; a version-1 store
takes ``updates`` after its migration."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from checker.review import store
from checker.review.analysis import stored_corroboration
from checker.review.schema import MIGRATIONS, connect
from claimdesk import main

REPORT = "Rivian raised $700 million from Amazon in 2019, the Rivian company said on Tuesday."
# the same fact in other words: not a verbatim copy, so another origin when another outlet
RETOLD = "In 2019 Amazon led a $700 million round in Rivian, Rivian said."


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def article(
    folder: Path, name: str, outlet: str | None, published: str | None = None, text: str = REPORT
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    record = {"text": text, "outlet": outlet, "published": published}
    (folder / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")


def statuses(db: Path) -> set[str]:
    connection = connect(db, create=False)
    try:
        return {c.status for c in stored_corroboration(connection).values()}
    finally:
        connection.close()


def test_articles_of_one_outlet_do_not_corroborate_each_other(tmp_path: Path) -> None:
    article(tmp_path / "a", "wire1", "Agency", "2019-02-15")
    article(tmp_path / "a", "wire2", "agency", "2019-02-15", RETOLD)  # outlets compare without case
    code, out, err = run("analyze", str(tmp_path / "a"), "--db", str(tmp_path / "one.db"))
    assert code == 0, err
    assert "1 agree" in out
    assert statuses(tmp_path / "one.db") == {"single-source"}
    connection = connect(tmp_path / "one.db", create=False)
    (agreement,) = store.relations(connection)
    assert agreement.reasons[-1] in ("same outlet: Agency", "same outlet: agency")
    connection.close()
    article(tmp_path / "b", "wire1", "Agency", "2019-02-15")
    article(tmp_path / "b", "paper", "Herald", "2019-02-16", RETOLD)
    code, out, err = run("analyze", str(tmp_path / "b"), "--db", str(tmp_path / "two.db"))
    assert code == 0, err
    assert statuses(tmp_path / "two.db") == {"corroborated"}


def test_an_article_without_an_outlet_stands_alone_and_the_run_says_so(tmp_path: Path) -> None:
    article(tmp_path / "herald", "x", None)
    article(tmp_path / "herald", "y", None, text=RETOLD)
    code, out, _ = run("analyze", str(tmp_path / "herald"), "--db", str(tmp_path / "s.db"))
    assert code == 0
    assert "2 of them name no outlet and stand alone" in out
    assert statuses(tmp_path / "s.db") == {"corroborated"}
    code, out, _ = run(
        "analyze",
        str(tmp_path / "herald"),
        "--db",
        str(tmp_path / "f.db"),
        "--outlet-from",
        "folder",
    )
    assert code == 0 and "no outlet" not in out
    connection = connect(tmp_path / "f.db", create=False)
    assert {s.outlet for s in store.sources(connection)} == {"herald"}
    connection.close()
    assert statuses(tmp_path / "f.db") == {"single-source"}


def test_a_date_that_cannot_be_read_is_one_line_and_the_article_is_kept(tmp_path: Path) -> None:
    article(tmp_path / "d", "odd", "Herald", "the day after the storm")
    code, out, err = run("analyze", str(tmp_path / "d"), "--db", str(tmp_path / "d.db"))
    assert code == 0
    (line,) = err.strip().splitlines()
    assert (
        "odd.json" in line and "publication date 'the day after the storm' not understood" in line
    )
    assert "1 new" in out


def test_a_version_1_store_takes_updates_after_migrating(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    connect(path, migrations=MIGRATIONS[:1]).close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    connection = connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    sql = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'relations'").fetchone()[0]
    assert "'updates'" in sql and "CHECK (a < b)" in sql
    connection.close()


def test_a_new_date_alone_has_the_claims_compared_again(tmp_path: Path) -> None:
    # the same text with only its date changed is refreshed, not extracted again; its claims'
    # relations must follow the date (months apart: different stories, no contradiction)
    first = "Rescuers said 40 people were killed when the quake struck Qeshm island."
    second = "Rescuers said 32 people were killed when the quake struck Qeshm island."
    folder, db = tmp_path / "news", tmp_path / "s.db"
    article(folder, "wire", "Wire", "2008-09-10", first)
    article(folder, "paper", "Paper", "2008-09-10", second)

    def relations() -> set[str]:
        assert run("analyze", str(folder), "--db", str(db))[0] == 0
        connection = connect(db, create=False)
        try:
            return {r for (r,) in connection.execute("SELECT relation FROM relations")}
        finally:
            connection.close()

    assert "contradicts" in relations()
    article(folder, "paper", "Paper", "2008-12-24", second)
    assert "contradicts" not in relations()
    article(folder, "paper", "Paper", "2008-09-11", second)
    assert relations() == {"updates"}  # a toll that changed from one day to the next
    article(folder, "paper", "Paper", "2008-09-10", second)
    assert "contradicts" in relations()
