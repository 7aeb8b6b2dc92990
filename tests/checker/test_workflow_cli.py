"""The store commands through CliRunner: analyze, claims (each filter), mark, undo, history,
export, and how they fail."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimdesk import main
from tests.checker.test_cli import CLAIM_KEYS as EXTRACTED_KEYS

CLAIM_KEYS = [*EXTRACTED_KEYS, "status", "note"]


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, seeds: Path) -> Path:
    folder = tmp_path_factory.mktemp("template")
    shutil.copytree(seeds, folder / "articles")
    code, _, err = run("analyze", str(folder / "articles"), "--db", str(folder / "t.db"))
    assert code == 0, err
    return folder


@pytest.fixture
def db(template: Path, tmp_path: Path) -> str:
    """A copy of the analysed seeds' store for one test."""
    target = tmp_path / "claimdesk.db"
    with sqlite3.connect(template / "t.db") as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return str(target)


def lines(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def claims(db: str, *filters: str) -> list[dict[str, object]]:
    code, out, err = run("claims", "--db", db, "--format", "jsonl", *filters)
    assert code == 0, err
    return lines(out)


def test_analyze_prints_what_it_did(tmp_path: Path, seeds: Path) -> None:
    db = str(tmp_path / "x.db")
    code, out, err = run("analyze", str(seeds), "--db", db)
    assert code == 0, err
    assert out.count("new ") == 3
    assert "analysed 3 sources: 3 new" in out
    summary = out.splitlines()[-1]
    assert summary.startswith(f"{db}: 3 sources, ") and "agree" in summary
    code, out, _ = run("analyze", str(seeds), "--db", db)
    assert "analysed 3 sources: 3 unchanged" in out


def test_store_from_the_environment(tmp_path: Path, seeds: Path) -> None:
    env = {"CLAIMDESK_DB": str(tmp_path / "env.db")}
    assert run("analyze", str(seeds / "001_907246576983a4f9.txt"), env=env)[0] == 0
    code, out, _ = run("claims", "--format", "jsonl", env=env)
    assert code == 0 and {r["source"] for r in lines(out)} == {"001_907246576983a4f9"}


def test_analyze_reports_bad_files_and_keeps_the_good(tmp_path: Path, seeds: Path) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(seeds, folder)
    (folder / "bad.json").write_text("[1, 2]")
    db = str(tmp_path / "m.db")
    code, out, err = run("analyze", str(folder), "--db", db)
    assert code == 2
    assert err.strip().splitlines() == [
        f'claimdesk: {folder / "bad.json"}: JSON article must be an object like {{"text": "..."}}'
    ]
    assert "3 new" in out


def test_claims_table_and_jsonl(db: str) -> None:
    code, out, _ = run("claims", "--db", db)
    assert code == 0
    header = out.splitlines()[0].split()
    assert header == ["id", "source", "kind", "status", "sources", "claim"]
    records = claims(db)
    assert all(list(r) == CLAIM_KEYS for r in records)
    assert {r["status"] for r in records} == {"unreviewed"}
    assert len(out.splitlines()) == len(records) + 1


def test_claims_filter_by_source_kind_status_relation_search(db: str) -> None:
    everything = claims(db)
    source = "002_1a2241cd6018348f"
    assert {r["source"] for r in claims(db, "--source", source)} == {source}
    assert len(claims(db, "--source", source, "--source", "001_907246576983a4f9")) > len(
        claims(db, "--source", source)
    )
    assert {r["kind"] for r in claims(db, "--kind", "opinion")} == {"opinion"}
    target = str(everything[3]["id"])
    assert run("mark", target, "disputed", "--db", db)[0] == 0
    assert [r["id"] for r in claims(db, "--status", "disputed")] == [target]
    assert len(claims(db, "--status", "unreviewed")) == len(everything) - 1
    agreeing = claims(db, "--relation", "agrees")
    assert any("previously invested in Rivian" in str(r["quote"]) for r in agreeing)
    assert claims(db, "--relation", "contradicts") == []
    found = claims(db, "--search", "stellantis")
    assert found and all("stellantis" in str(r["text"]).lower() for r in found)


def test_claims_unknown_source_is_reported(db: str) -> None:
    code, _out, err = run("claims", "--db", db, "--source", "nope")
    assert code == 2
    assert err.startswith("claimdesk: nope: no such source")


def test_mark_with_prefix_note_and_reviewer(db: str) -> None:
    target = claims(db)[0]
    code, out, err = run(
        "mark", str(target["id"])[:6], "verified", "--note", "Checked.", "--by", "ana", "--db", db
    )
    assert code == 0, err
    assert out.startswith(f"{target['id']}: unreviewed → verified (marked by ana, change #1)")
    (record,) = claims(db, "--status", "verified")
    assert (record["id"], record["note"]) == (target["id"], "Checked.")


def test_mark_reviewer_from_the_environment(db: str) -> None:
    target = str(claims(db)[0]["id"])
    _code, out, _ = run("mark", target, "verified", "--db", db, env={"CLAIMDESK_REVIEWER": "zoe"})
    assert "marked by zoe" in out


def test_mark_unknown_claim_fails_in_one_line(db: str) -> None:
    code, out, err = run("mark", "ffffffffffff", "verified", "--db", db)
    assert code == 2 and out == ""
    assert err == "claimdesk: ffffffffffff: no claim with id 'ffffffffffff' in the store\n"


def test_mark_rejects_an_unknown_status(db: str) -> None:
    code, _, err = run("mark", str(claims(db)[0]["id"]), "true", "--db", db)
    assert code == 2 and "'true' is not one of" in err


def test_undo_and_history(db: str) -> None:
    first, second = (str(r["id"]) for r in claims(db)[:2])
    run("mark", first, "verified", "--by", "ana", "--db", db)
    run("mark", second, "disputed", "--by", "ben", "--db", db)
    code, out, _ = run("undo", "--by", "ana", "--db", db)
    assert code == 0 and out.startswith(f"{first}: verified → unreviewed (undone by ana")
    assert run("undo", "--by", "ana", "--db", db)[1] == "nothing to undo\n"
    assert [r["id"] for r in claims(db, "--status", "disputed")] == [second]
    code, out, _ = run("history", "--db", db, "--format", "jsonl")
    history = lines(out)
    assert [(h["seq"], h["action"], h["undone"]) for h in history] == [
        (1, "mark", True),
        (2, "mark", False),
        (3, "undo", False),
    ]
    code, out, _ = run("history", first, "--db", db)
    assert out.splitlines()[0].split() == ["change", "at", "by", "claim", "verdict", "note"]
    assert len(out.splitlines()) == 3
    assert run("undo", "--anyone", "--db", db)[1].startswith(f"{second}: disputed → unreviewed")


def test_export_json_is_complete_sorted_and_stable(db: str) -> None:
    run("mark", str(claims(db)[0]["id"]), "verified", "--note", "ok", "--db", db)
    code, out, err = run("export", "--db", db)
    assert code == 0, err
    dump = json.loads(out)
    assert dump["schema"] == "claimdesk/1"
    assert list(dump) == ["schema", "sources", "claims", "relations", "orphans", "history"]
    assert [s["id"] for s in dump["sources"]] == sorted(s["id"] for s in dump["sources"])
    assert list(dump["sources"][0]) == [
        "id",
        "path",
        "title",
        "author",
        "published",
        "outlet",
        "url",
        "sha256",
    ]
    assert all(list(c) == CLAIM_KEYS for c in dump["claims"])
    assert [c["id"] for c in dump["claims"]] == [c["id"] for c in claims(db)]
    source_of = {c["id"]: c["source"] for c in dump["claims"]}
    pairs = [(r["a"], r["b"]) for r in dump["relations"]]
    assert pairs == sorted(pairs) and len(set(pairs)) == len(pairs)
    assert all(a < b and source_of[a] != source_of[b] for a, b in pairs)
    assert all(r["reasons"] and 0 <= r["score"] <= 1 for r in dump["relations"])
    assert [c["status"] for c in dump["claims"]].count("verified") == 1
    assert len(dump["history"]) == 1
    assert run("export", "--db", db)[1] == out


def test_export_to_a_file(db: str, tmp_path: Path) -> None:
    target = tmp_path / "dump.json"
    code, out, _ = run("export", "--db", db, "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "claimdesk/1"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".dump")] == []


def test_orphaned_verdicts_are_listed(seeds: Path, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(seeds, folder)
    db = str(tmp_path / "o.db")
    run("analyze", str(folder), "--db", db)
    target = next(r for r in claims(db) if "previously invested in Rivian" in str(r["quote"]))
    run("mark", str(target["id"]), "verified", "--db", db)
    path = folder / Path(str(target["path"])).name
    path.write_text(
        path.read_text(encoding="utf-8").replace("invested in Rivian", "invested in Lucid"),
        encoding="utf-8",
    )
    code, out, _ = run("analyze", str(folder), "--db", db)
    assert code == 0
    assert f"orphaned  {target['id']} (verified)" in out
    assert "closest claim now:" in out and "1 orphaned verdicts" in out
    code, out, _ = run("claims", "--orphaned", "--db", db, "--format", "jsonl")
    assert [r["claim"] for r in lines(out)] == [target["id"]]
    code, out, _ = run("claims", "--orphaned", "--db", db)
    assert out.splitlines()[0].split()[-2:] == ["claim", "(gone)"]


def test_reading_a_missing_store_fails_without_creating_it(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    for command in (["claims"], ["export"], ["history"], ["undo"], ["mark", "abcd", "verified"]):
        code, _out, err = run(*command, "--db", str(db))
        assert code == 2, command
        assert err == f"claimdesk: {db}: no store here; run `claimdesk analyze PATH...` first\n"
    assert not db.exists()


def test_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("not sqlite\n" * 200)
    code, _, err = run("claims", "--db", str(db))
    assert code == 2 and err.startswith(f"claimdesk: {db}: not a claimdesk store")
    assert db.read_text() == "not sqlite\n" * 200


def test_a_store_locked_too_long_fails_in_one_line(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("checker.review.schema.BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, out, err = run("mark", str(claims(db)[0]["id"]), "verified", "--db", db)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2 and out == ""
    assert err == f"claimdesk: {db}: store error: database is locked\n"
    assert claims(db, "--status", "verified") == []


def test_analyze_the_folder_that_holds_the_store(tmp_path: Path, seeds: Path) -> None:
    folder = tmp_path / "desk"
    shutil.copytree(seeds, folder)
    db = str(folder / "claimdesk.db")
    assert run("analyze", str(folder), "--db", db)[0] == 0
    code, out, err = run("analyze", str(folder), "--db", db)
    assert (code, err) == (0, "")
    assert "3 unchanged" in out
