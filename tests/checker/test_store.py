"""The store: schema and migrations, verdicts with history and undo, incremental analyze."""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.compare.corroboration import corroborate
from checker.compare.relate import keep_best, relate_claims
from checker.review import ledger, reading, store
from checker.review.analysis import Outcome, analyze, shown_relations, stored_corroboration
from checker.review.schema import MIGRATIONS, StoreError, connect, migrate

STORIES = Path(__file__).parent / "stories"


def run_analyze(connection: sqlite3.Connection, *paths: Path) -> tuple[Outcome, list[str]]:
    errors: list[str] = []
    outcome = analyze(
        connection,
        [str(p) for p in paths],
        on_error=lambda path, error: errors.append(f"{path}: {error}"),
    )
    return outcome, errors


@pytest.fixture
def articles(tmp_path: Path, seeds: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(seeds, folder)
    return folder


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = connect(tmp_path / "claimdesk.db")
    yield connection
    connection.close()


# -- schema ----------------------------------------------------------------------------------


def test_new_store_is_migrated_wal_with_foreign_keys(db: sqlite3.Connection) -> None:
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_missing_store_is_not_created_for_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here"):
        connect(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists()


def test_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a claimdesk store"):
        connect(path)
    assert path.read_text().startswith("these are my notes")


def test_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    connect(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="newer claimdesk"):
        connect(path)


def test_migrations_run_forward_once_each(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    steps = ("CREATE TABLE one (x); INSERT INTO one VALUES (1);", "CREATE TABLE two (y);")
    connection = connect(path, migrations=steps[:1])
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    assert migrate(connection, steps) == 2
    assert migrate(connection, steps) == 2  # nothing left to do
    assert connection.execute("SELECT count(*) FROM one").fetchone()[0] == 1
    connection.execute("SELECT * FROM two")


def test_a_failing_migration_leaves_the_store_at_its_version(tmp_path: Path) -> None:
    connection = connect(tmp_path / "m.db", migrations=("CREATE TABLE one (x);",))
    broken = ("CREATE TABLE one (x);", "CREATE TABLE half (z); THIS IS NOT SQL;")
    with pytest.raises(sqlite3.OperationalError):
        migrate(connection, broken)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "half" not in tables


def test_v3_adds_superseded_to_the_claims_of_a_v1_store(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    old = connect(path, migrations=MIGRATIONS[:1])
    old.execute(
        "INSERT INTO sources VALUES ('s', 'a.txt', '/a.txt', 'h', 'h', NULL, NULL, NULL, NULL,"
        " NULL, 'utf-8', 'Ships sail.', 'x', 'now')"
    )
    old.execute(
        "INSERT INTO claims VALUES ('c', 's', 0, 0, 11, 'Ships sail.', 'Ships sail.', 'fact',"
        " 0.9, '[]', NULL, '[]')"
    )
    old.close()
    connection = connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) == 4
    (claim,) = store.stored_claims(connection)
    assert claim.quote == "Ships sail." and claim.superseded is False
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute("UPDATE claims SET superseded = 2")


# -- analyze ---------------------------------------------------------------------------------


def test_analyze_stores_sources_claims_and_relations(
    db: sqlite3.Connection, articles: Path
) -> None:
    outcome, errors = run_analyze(db, articles)
    assert errors == []
    assert outcome.count("new") == 3 and outcome.written
    sources = store.sources(db)
    assert [s.path for s in sources] == sorted(str(p) for p in articles.glob("*.txt"))
    claims = store.stored_claims(db)
    for claim in claims:
        assert store.source_text(db, claim.source)[claim.start : claim.end] == claim.quote
    # The same claims and relations as the stateless pipeline computes.
    assert len(claims) == len({c.id for c in claims})
    expected = relate_claims(claims)
    assert [(r.a, r.b, r.relation) for r in shown_relations(db)] == [
        (r.a, r.b, r.relation) for r in expected
    ]


def test_second_analyze_of_unchanged_files_writes_nothing(
    db: sqlite3.Connection, articles: Path
) -> None:
    run_analyze(db, articles)
    before = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    outcome, _ = run_analyze(db, articles)
    assert outcome.count("unchanged") == 3 and not outcome.written
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == before


def test_edit_keeps_verdicts_of_unchanged_claims_and_reports_the_changed(
    db: sqlite3.Connection, articles: Path
) -> None:
    run_analyze(db, articles)
    claims = store.stored_claims(db)
    rivian = next(c for c in claims if "previously invested in Rivian" in c.quote)
    others = [c for c in claims if c.source == rivian.source and c.id != rivian.id][:5]
    ledger.mark(db, rivian.id, "verified", by="ana", note="S-1 filing")
    for claim in others:
        ledger.mark(db, claim.id, "disputed", by="ben")
    path = Path(rivian.path)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "previously invested in Rivian", "previously invested $1.3 billion in Rivian"
        ),
        encoding="utf-8",
    )
    outcome, _ = run_analyze(db, articles)
    change = next(c for c in outcome.changes if c.source == rivian.source)
    assert (change.state, change.added, change.removed) == ("changed", 1, 1)
    assert outcome.count("unchanged") == 2
    kept = ledger.verdicts(db)
    assert all(kept[c.id].status == "disputed" for c in others)
    assert [o.verdict.claim for o in outcome.orphaned] == [rivian.id]
    successor = outcome.orphaned[0].successor
    assert successor is not None and "$1.3 billion in Rivian" in successor.quote
    assert [v.claim for v in ledger.orphans(db)] == [rivian.id]
    assert kept[rivian.id].note == "S-1 filing"
    # Undoing the edit brings the claim, and so its verdict, back.
    path.write_text(
        path.read_text(encoding="utf-8").replace("$1.3 billion in Rivian", "in Rivian"),
        encoding="utf-8",
    )
    run_analyze(db, articles)
    assert ledger.orphans(db) == []
    assert store.list_claims(db, status="verified")[0].claim.id == rivian.id


def test_relations_of_a_changed_source_are_recomputed(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text("Acme Corp cut 3,100 jobs at its Ohio plant on Monday.\n")
    (folder / "b.txt").write_text("Acme Corp cut 3,100 jobs at the Ohio plant on Monday.\n")
    run_analyze(db, folder)
    assert [r.relation for r in shown_relations(db)] == ["agrees"]
    (folder / "b.txt").write_text("Acme Corp cut 1,300 jobs at the Ohio plant on Monday.\n")
    run_analyze(db, folder)
    (relation,) = shown_relations(db)
    assert relation.relation == "contradicts"
    assert relation.reasons[0] == "number differs: 3,100 vs 1,300 (jobs)"


def test_corroboration_read_from_the_tables_equals_the_models(db: sqlite3.Connection) -> None:
    run_analyze(db, STORIES, Path(__file__).parent / "fire_story")
    expected = corroborate(store.stored_claims(db), store.relations(db))
    assert stored_corroboration(db) == expected
    assert {c.status for c in expected.values()} == {
        "corroborated",
        "contradicted",
        "single-source",
    }


def test_incremental_relations_match_a_single_run(tmp_path: Path, articles: Path) -> None:
    together = connect(tmp_path / "together.db")
    run_analyze(together, articles)
    apart = connect(tmp_path / "apart.db")
    for path in sorted(articles.glob("*.txt")):
        run_analyze(apart, path)
    decided = {"agrees", "contradicts"}
    assert [(r.a, r.b, r.relation) for r in shown_relations(apart) if r.relation in decided] == [
        (r.a, r.b, r.relation) for r in shown_relations(together) if r.relation in decided
    ]
    related = {(r.a, r.b) for r in store.relations(together) if r.relation == "related"}
    assert {(r.a, r.b) for r in store.relations(apart) if r.relation == "related"} == related


def test_moved_file_keeps_its_source_and_verdicts(db: sqlite3.Connection, articles: Path) -> None:
    run_analyze(db, articles)
    claim = store.stored_claims(db)[0]
    ledger.mark(db, claim.id, "verified", by="ana")
    moved = articles.parent / "moved"
    articles.rename(moved)
    outcome, _ = run_analyze(db, moved)
    assert outcome.count("refreshed") == 3 and outcome.count("new") == 0
    assert ledger.verdicts(db)[claim.id].status == "verified"
    assert all(s.location.startswith(str(moved.resolve())) for s in store.sources(db))


def test_same_name_in_two_folders_gets_two_sources(db: sqlite3.Connection, tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(
            f"The {folder} desk filed this report today.\n"
        )
    run_analyze(db, tmp_path / "one", tmp_path / "two")
    assert [s.id for s in store.sources(db)] == ["story", "story-2"]
    run_analyze(db, tmp_path / "two", tmp_path / "one")
    assert [s.id for s in store.sources(db)] == ["story", "story-2"]


def test_metadata_change_refreshes_without_extracting(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"title": "First", "text": "Acme cut 3,100 jobs in Ohio on Monday."}')
    run_analyze(db, path)
    ids = [c.id for c in store.stored_claims(db)]
    path.write_text('{"title": "Second", "text": "Acme cut 3,100 jobs in Ohio on Monday."}')
    outcome, _ = run_analyze(db, path)
    assert outcome.count("refreshed") == 1
    assert store.sources(db)[0].title == "Second"
    assert [c.id for c in store.stored_claims(db)] == ids


def test_bad_file_is_reported_and_the_rest_analysed(db: sqlite3.Connection, articles: Path) -> None:
    (articles / "broken.json").write_text('{"text": ')
    (articles / "empty.txt").write_text("  \n")
    outcome, errors = run_analyze(db, articles)
    assert outcome.count("new") == 3
    assert len(errors) == 2
    assert any("broken.json" in e and "malformed JSON" in e for e in errors)
    assert any("empty.txt" in e and "empty" in e for e in errors)


def test_conflicting_concurrent_analysis_writes_nothing(
    db: sqlite3.Connection, articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = store.save_analysis

    def another_analyze_first(connection: sqlite3.Connection, **parts: object) -> None:
        monkeypatch.setattr(store, "save_analysis", real)
        other = connect(connection.execute("PRAGMA database_list").fetchone()[2])
        run_analyze(other, articles / next(p.name for p in articles.glob("*.txt")))
        other.close()
        real(connection, **parts)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "save_analysis", another_analyze_first)
    with pytest.raises(store.StoreConflict, match="run it again"):
        run_analyze(db, articles)
    assert db.execute("SELECT count(*) FROM sources").fetchone()[0] == 1


# -- verdicts ----------------------------------------------------------------------------------


@pytest.fixture
def analysed(db: sqlite3.Connection, articles: Path) -> sqlite3.Connection:
    run_analyze(db, articles)
    return db


def test_mark_records_history_and_keeps_or_clears_the_note(analysed: sqlite3.Connection) -> None:
    claim = store.stored_claims(analysed)[0].id
    first = ledger.mark(analysed, claim, "verified", by="ana", note="checked the filing")
    assert (first.old_status, first.new_status, first.new_note) == (
        "unreviewed",
        "verified",
        "checked the filing",
    )
    second = ledger.mark(analysed, claim, "disputed", by="ben")
    assert second.new_note == "checked the filing"  # no --note keeps it
    third = ledger.mark(analysed, claim, "disputed", by="ben", note="")
    assert third.new_note is None
    assert [c.seq for c in ledger.history(analysed, claim)] == [first.seq, second.seq, third.seq]
    assert ledger.verdicts(analysed)[claim].by == "ben"


def test_mark_unknown_claim(analysed: sqlite3.Connection) -> None:
    with pytest.raises(LookupError, match="no claim"):
        ledger.mark(analysed, "ffffffffffff", "verified", by="ana")
    assert ledger.history(analysed) == []


def test_undo_walks_back_and_is_recorded(analysed: sqlite3.Connection) -> None:
    a, b = (c.id for c in store.stored_claims(analysed)[:2])
    ledger.mark(analysed, a, "verified", by="ana", note="ok")
    ledger.mark(analysed, b, "disputed", by="ana")
    ledger.mark(analysed, a, "disputed", by="ana", note="on second thought")
    undone = ledger.undo(analysed, by="ana")
    assert undone is not None and undone.undoes is not None
    assert (ledger.verdicts(analysed)[a].status, ledger.verdicts(analysed)[a].note) == (
        "verified",
        "ok",
    )
    ledger.undo(analysed, by="ana")
    assert ledger.verdicts(analysed)[b].status == "unreviewed"
    ledger.undo(analysed, by="ana")
    assert ledger.verdicts(analysed)[a].status == "unreviewed"
    assert ledger.undo(analysed, by="ana") is None
    actions = [c.action for c in ledger.history(analysed)]
    assert actions == ["mark", "mark", "mark", "undo", "undo", "undo"]


def test_undo_is_per_reviewer_and_never_clobbers_a_later_change(
    analysed: sqlite3.Connection,
) -> None:
    claim = store.stored_claims(analysed)[0].id
    ledger.mark(analysed, claim, "verified", by="ana")
    assert ledger.undo(analysed, by="ben") is None
    ledger.mark(analysed, claim, "disputed", by="ben")
    with pytest.raises(store.StoreConflict, match="changed since"):
        ledger.undo(analysed, by="ana")
    assert ledger.verdicts(analysed)[claim].status == "disputed"


def test_find_claim_by_unique_prefix(analysed: sqlite3.Connection) -> None:
    claim = store.stored_claims(analysed)[0]
    assert store.find_claim(analysed, claim.id[:8].upper()).id == claim.id
    with pytest.raises(LookupError, match="too short"):
        store.find_claim(analysed, claim.id[:2])
    with pytest.raises(LookupError, match="no claim"):
        store.find_claim(analysed, "zzzz")
    with pytest.raises(LookupError, match="no claim"):
        store.find_claim(analysed, "%%%%")


def test_filters(analysed: sqlite3.Connection) -> None:
    everything = store.list_claims(analysed)
    source = everything[0].claim.source
    assert {i.claim.source for i in store.list_claims(analysed, sources=[source])} == {source}
    speculation = store.list_claims(analysed, kind="speculation")
    assert speculation and all(i.claim.kind == "speculation" for i in speculation)
    ledger.mark(analysed, everything[0].claim.id, "disputed", by="ana")
    assert [i.claim.id for i in store.list_claims(analysed, status="disputed")] == [
        everything[0].claim.id
    ]
    assert len(store.list_claims(analysed, status="unreviewed")) == len(everything) - 1
    agreeing = {i.claim.id for i in store.list_claims(analysed, relation="agrees")}
    expected = {x for r in shown_relations(analysed) if r.relation == "agrees" for x in (r.a, r.b)}
    assert agreeing == expected and agreeing
    found = store.list_claims(analysed, search="RIVIAN")
    assert found and all("rivian" in i.claim.text.lower() for i in found)


def test_shown_relations_rank_as_keep_best(db: sqlite3.Connection, articles: Path) -> None:
    run_analyze(db, articles, STORIES)
    kinds = dict(db.execute("SELECT id, kind FROM claims").fetchall())
    everything = store.relations(db)
    shown = store.relations(db, shown=True)
    assert shown == keep_best(everything, kinds)
    assert len(shown) < len(everything)
    assert reading.relation_counts(db) == Counter(r.relation for r in shown)


def test_force_extracts_unchanged_files_again(db: sqlite3.Connection, articles: Path) -> None:
    run_analyze(db, articles)
    claim = store.stored_claims(db)[0]
    ledger.mark(db, claim.id, "verified", by="ana")
    db.execute("DELETE FROM relations")  # as if the rules had changed
    outcome = analyze(db, [str(articles)], on_error=lambda p, e: None, force=True)
    assert outcome.count("changed") == 3 and outcome.written
    assert all(c.added == 0 and c.removed == 0 for c in outcome.changes)
    assert store.relations(db)
    assert ledger.verdicts(db)[claim.id].status == "verified"
