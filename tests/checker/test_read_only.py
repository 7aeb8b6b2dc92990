"""Commands that only read (``claims``, ``history``, ``report``, ``export``) open the store
read-only and never write it, so a user without write permission can use them."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import claimdesk.workflow
from checker.review import schema
from claimdesk import main

READS = (
    ["claims"],
    ["claims", "--format", "jsonl"],
    ["history"],
    ["report"],
    ["report", "--format", "json"],
    ["export"],
    ["export", "--format", "annotations"],
)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory, seeds: Path) -> Path:
    folder = tmp_path_factory.mktemp("ro")
    db = folder / "s.db"
    result = CliRunner().invoke(main, ["analyze", str(seeds), "--db", str(db)])
    assert result.exit_code == 0, result.output
    connection = schema.connect(db)  # a verdict, so that history has a row
    first = connection.execute("SELECT id FROM claims ORDER BY id LIMIT 1").fetchone()[0]
    connection.close()
    marked = CliRunner().invoke(main, ["mark", first, "verified", "--db", str(db), "--by", "a"])
    assert marked.exit_code == 0, marked.output
    return db


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_read_commands_open_read_only_and_write_nothing(
    stored: Path, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[dict[str, Any]] = []
    real = schema.connect

    def spy(path: str, **options: Any) -> sqlite3.Connection:
        opened.append(options)
        return real(path, **options)

    monkeypatch.setattr(claimdesk.workflow, "connect", spy)
    before = _digest(stored)
    result = CliRunner().invoke(main, [*args, "--db", str(stored)])
    assert result.exit_code == 0, result.output
    assert result.stdout
    assert opened and all(options.get("read_only") for options in opened)
    assert _digest(stored) == before


def test_a_read_only_connection_refuses_writes(stored: Path) -> None:
    connection = schema.connect(stored, read_only=True)
    try:
        assert connection.execute("SELECT count(*) FROM claims").fetchone()[0] > 0
        with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only"):
            connection.execute("DELETE FROM verdicts")
    finally:
        connection.close()


def test_read_only_open_of_a_missing_or_foreign_file(tmp_path: Path) -> None:
    with pytest.raises(schema.StoreError, match="no store here"):
        schema.connect(tmp_path / "none.db", read_only=True)
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(schema.StoreError, match="not a claimdesk store"):
        schema.connect(tmp_path / "junk.db", read_only=True)
    (tmp_path / "empty.db").write_bytes(b"")
    with pytest.raises(schema.StoreError, match="not a claimdesk store"):
        schema.connect(tmp_path / "empty.db", read_only=True)


@pytest.fixture
def locked_folder(stored: Path) -> Iterator[Path]:
    """A copy of the store in a folder nobody but root may write, the file itself read-only."""
    folder = Path(tempfile.mkdtemp(prefix="claimdesk-ro-", dir="/tmp"))
    db = folder / "s.db"
    with sqlite3.connect(stored) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    copy.close()
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield db
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def _as_nobody(args: list[str]) -> tuple[int, str]:
    """The command run in a forked child that dropped root for ``nobody`` (the modules are
    already loaded, so the child needs no access to the virtualenv)."""
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process
        os.close(read)
        code = 99
        try:
            os.setgid(65534)
            os.setuid(65534)
            result = CliRunner().invoke(main, args)
            code, text = result.exit_code, result.output
        except BaseException as error:
            text = repr(error)
        os.write(write, f"{code}\n{text}".encode())
        os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 1 << 16):
        chunks.append(chunk)
    os.close(read)
    os.waitpid(child, 0)
    status, _, text = b"".join(chunks).decode().partition("\n")
    return int(status), text


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to become another user")
def test_a_user_without_write_permission_can_read(locked_folder: Path) -> None:
    before = _digest(locked_folder)
    for args in READS:
        code, text = _as_nobody([*args, "--db", str(locked_folder)])
        assert code == 0, (args, text)
        assert "readonly" not in text
    code, text = _as_nobody(["claims", "--search", "Rivian", "--db", str(locked_folder)])
    assert code == 0 and "Rivian" in text
    code, text = _as_nobody(["undo", "--anyone", "--db", str(locked_folder)])
    assert code == 2 and "read-only" in text and "Traceback" not in text
    assert _digest(locked_folder) == before
    assert sorted(p.name for p in locked_folder.parent.iterdir()) == ["s.db"]
