"""The bad-input battery: whatever is in the folder, each bad file gets one line naming it and
the reason, the good files are processed, the run exits 2, and no traceback shows."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.review import ledger, store
from checker.review.schema import connect
from claimdesk import main

GOOD = "Acme cut 3,100 jobs at its Ohio plant on Monday, the company said.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def battery(folder: Path) -> dict[str, str]:
    """Bad files (name → a word of the reason they must be reported with)."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "report.pdf").write_bytes(b"%PDF-1.7\n\x00\x01\x02binary")
    (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("  \n\t\n", encoding="utf-8")
    (folder / "huge.txt").write_text("word " * 300_000, encoding="utf-8")
    (folder / "broken.json").write_text('{"text": "unfinished', encoding="utf-8")
    (folder / "list.json").write_text("[1, 2, 3]", encoding="utf-8")
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (folder / "deep-key.json").write_text(
        '{"text": "x", "title": ' + "[" * 50_000 + "]" * 50_000 + "}", encoding="utf-8"
    )
    (folder / "front.md").write_text("---\ntitle: no end\nbody text here.\n", encoding="utf-8")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop").mkdir()
    (folder / "loop" / "again").symlink_to(folder / "loop")
    return {
        "report.pdf": "unsupported file type",
        "scan.txt": "binary",
        "empty.txt": "empty",
        "blank.md": "empty",
        "huge.txt": "too large",
        "broken.json": "malformed JSON",
        "list.json": "JSON article must be an object",
        "deep.json": "JSON nested too deeply",
        "deep-key.json": "JSON nested too deeply",
        "front.md": "malformed front matter",
        "gone.txt": "cannot read",
        "pipe.txt": "not a regular file",
        "again": "symlink loop",
    }


@pytest.mark.parametrize("command", ["extract", "analyze"])
def test_every_bad_file_gets_one_line_and_the_good_one_is_processed(
    tmp_path: Path, command: str
) -> None:
    folder = tmp_path / "mixed"
    expected = battery(folder)
    args = [command, str(folder), "--max-bytes", "1000000"]
    if command == "analyze":
        args += ["--db", str(tmp_path / "c.db")]
    started = time.monotonic()
    code, out, err = run(*args)
    assert time.monotonic() - started < 30
    assert code == 2
    lines = err.strip().splitlines()
    assert "Traceback" not in err
    for name, reason in expected.items():
        mine = [line for line in lines if name in line]
        assert len(mine) == 1, (name, lines)
        assert mine[0].startswith("claimdesk: ") and reason in mine[0], mine[0]
    assert len(lines) == len(expected)
    if command == "extract":
        assert [json.loads(line)["source"] for line in out.splitlines()] == ["good"]
    else:
        connection = connect(tmp_path / "c.db")
        assert [s.id for s in store.sources(connection)] == ["good"]
        connection.close()


def test_missing_path_and_a_directory_given_as_file(tmp_path: Path) -> None:
    code, _, err = run("extract", str(tmp_path / "nope.txt"))
    assert code == 2 and err == f"claimdesk: {tmp_path / 'nope.txt'}: no such file or folder\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD)
    path.chmod(0)
    code, _, err = run("extract", str(path))
    assert code == 2 and "cannot read: Permission denied" in err


def test_other_encodings_are_read_and_said(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Le café a coûté 3 euros, dit José.\n".encode("cp1252"))
    (tmp_path / "wide.txt").write_bytes(GOOD.encode("utf-16"))
    code, out, err = run("extract", str(tmp_path))
    assert code == 0
    assert sorted(err.strip().splitlines()) == [
        f"claimdesk: {tmp_path / 'latin.txt'}: not UTF-8; read as Windows-1252",
        f"claimdesk: {tmp_path / 'wide.txt'}: not UTF-8; read as UTF-16",
    ]
    quotes = {json.loads(line)["quote"] for line in out.splitlines()}
    assert "Le café a coûté 3 euros" in " ".join(quotes)
    assert any("3,100 jobs" in quote for quote in quotes)


@pytest.mark.parametrize(
    "text",
    [
        "word " * 40_000,  # one enormous sentence with no punctuation at all
        ("a" * 5_000 + " ") * 40,  # very long tokens
        "Die Regierung hat 3.100 Stellen gestrichen, sagte der Sprecher am Montag.\n",
        "政府周一表示，该工厂裁减了3100个工作岗位。工会否认罢工。\n",
        "قالت الشركة إنها ألغت 3100 وظيفة في المصنع يوم الاثنين.\n",
        "Компания сократила 3100 рабочих мест, сообщил представитель.\n",
        "\x1b[2J\x1b]0;pwned\x07 Acme cut jobs.\r\n\x00" * 3,
    ],
)
def test_odd_text_is_processed_quickly_and_safely(tmp_path: Path, text: str) -> None:
    path = tmp_path / "odd.txt"
    path.write_text(text, encoding="utf-8")
    started = time.monotonic()
    code, out, err = run("extract", str(path), "--format", "table")
    assert time.monotonic() - started < 20
    assert "Traceback" not in err
    if "\x00" in text:
        assert code == 2 and "binary" in err
    else:
        assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out


def test_bad_files_never_touch_stored_verdicts(tmp_path: Path, seeds: Path) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(seeds, folder)
    db = str(tmp_path / "c.db")
    assert run("analyze", str(folder), "--db", db)[0] == 0
    connection = connect(db)
    claim = store.stored_claims(connection)[0]
    ledger.mark(connection, claim.id, "verified", by="ana", note="kept")
    before = {s.id: s.sha256 for s in store.sources(connection)}
    connection.close()
    (folder / "000_2691664a77488a22.txt").write_bytes(b"\x00\x00garbage")
    (folder / "new.json").write_text("{oops", encoding="utf-8")
    code, _, err = run("analyze", str(folder), "--db", db)
    assert code == 2 and "binary" in err and "malformed JSON" in err
    connection = connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert {s.id: s.sha256 for s in store.sources(connection)} == before
    assert ledger.verdicts(connection)[claim.id].note == "kept"
    connection.close()


def test_debug_shows_the_traceback_of_an_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD)

    def broken(article: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr("claimdesk.text.extract_claims", broken)
    code, _, err = run("extract", str(path))
    assert code == 2 and err == f"claimdesk: {path}: internal error: RuntimeError: boom\n"
    code, _, err = run("--debug", "extract", str(path))
    assert code == 2 and "Traceback" in err and "RuntimeError: boom" in err
