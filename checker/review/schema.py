"""The review store's SQLite file: opening it safely and migrating its schema forward.

The schema version is ``PRAGMA user_version``; ``MIGRATIONS[n]`` takes a store from version
``n`` to ``n + 1``. Each migration runs in its own transaction with the version bump, so a
store is always at one whole version. The connection is in autocommit mode: callers open
their write transactions with ``BEGIN IMMEDIATE`` (``checker.review.store.writing``), so a second
process waits for the lock (``busy_timeout``) instead of failing half-way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

BUSY_TIMEOUT_MS = 30_000  # a writer waits this long for another process's transaction

_V1 = """
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    location TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    title TEXT, author TEXT, published TEXT, url TEXT, outlet TEXT,
    encoding TEXT NOT NULL,
    text TEXT NOT NULL,
    extractor TEXT NOT NULL,
    analyzed_at TEXT NOT NULL
);
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('fact', 'speculation', 'opinion')),
    confidence REAL NOT NULL,
    cues TEXT NOT NULL,
    attribution TEXT,
    keys TEXT NOT NULL
);
CREATE INDEX claims_by_source ON claims(source, position);
CREATE TABLE relations (
    a TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    b TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    relation TEXT NOT NULL CHECK (relation IN ('agrees', 'contradicts', 'related')),
    score REAL NOT NULL,
    reasons TEXT NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
) WITHOUT ROWID;
CREATE INDEX relations_by_b ON relations(b);
-- Verdicts are not tied to claims by a foreign key: a verdict whose claim disappeared on
-- re-analysis is kept (orphaned) and comes back to life if the claim does.
CREATE TABLE verdicts (
    claim TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    quote TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('unreviewed', 'verified', 'disputed')),
    note TEXT,
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    claim TEXT NOT NULL,
    at TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('mark', 'undo')),
    old_status TEXT NOT NULL,
    new_status TEXT NOT NULL,
    old_note TEXT,
    new_note TEXT,
    undoes INTEGER REFERENCES history(seq),
    undone INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX history_by_claim ON history(claim, seq);
"""

# Version 2: relations may be ``updates`` (a running tally changed between reports). SQLite
# cannot change a CHECK constraint in place, so the table is rebuilt.
_V2 = """
CREATE TABLE relations_v2 (
    a TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    b TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    relation TEXT NOT NULL CHECK (relation IN ('agrees', 'contradicts', 'updates', 'related')),
    score REAL NOT NULL,
    reasons TEXT NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
) WITHOUT ROWID;
INSERT INTO relations_v2 SELECT a, b, relation, score, reasons, weight FROM relations;
DROP TABLE relations;
ALTER TABLE relations_v2 RENAME TO relations;
CREATE INDEX relations_by_b ON relations(b);
"""

# Version 3: a claim the source itself later corrected ("at first said ..., but later admitted ...").
# Stores written before it hold no such claims: 0 is right for every existing row.
_V3 = """
ALTER TABLE claims ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1));
"""

# Version 4: relations as a function of the claims alone (issue 17): each claim keeps a digest of the
# blocking keys it posted when its relations were last computed (NULL: not yet), and
# ``pending`` says that claims came or went since; ``analyze`` then finishes the comparison.
_V4 = """
ALTER TABLE claims ADD COLUMN posted TEXT;
CREATE TABLE pending (what TEXT PRIMARY KEY);
INSERT INTO pending (what) SELECT 'relations' WHERE EXISTS (SELECT 1 FROM claims);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4)


class StoreError(Exception):
    """A store that cannot be used: missing, not a database, or from a newer claimdesk."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def connect(
    path: str | Path,
    *,
    create: bool = True,
    migrations: Sequence[str] = MIGRATIONS,
    any_thread: bool = False,
    read_only: bool = False,
) -> sqlite3.Connection:
    """An open, migrated store. With ``create=False`` a missing file is an error rather than
    a new empty store (for commands that only read). ``any_thread`` lets other threads use
    the connection; the caller then makes sure only one does at a time. ``read_only`` opens
    the file read-only (a ``mode=ro`` URI): nothing is written, not even the journal mode or
    a migration, so a user without write permission can read the store; an older schema is
    read as it is (the reads do not need what later migrations add)."""
    name = str(path)
    if (not create or read_only) and not Path(name).exists():
        raise StoreError(name, "no store here; run `claimdesk analyze PATH...` first")
    if read_only:
        return _connect_read_only(name, migrations, any_thread)
    connection = _open(name, name, any_thread)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        # FULL: a commit is on disk before the command says "saved", even across power loss.
        connection.execute("PRAGMA synchronous = FULL")
        if connection.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
            raise StoreError(name, "cannot switch the store to write-ahead logging")
        migrate(connection, migrations, name)
    except BaseException as error:
        connection.close()
        raise _store_error(name, error) from None
    return connection


def _open(name: str, target: str, any_thread: bool, *, uri: bool = False) -> sqlite3.Connection:
    """A connection to ``target`` (the store's path, or a ``file:`` URI for it) in autocommit
    mode that waits ``BUSY_TIMEOUT_MS`` for another process's lock."""
    try:
        connection = sqlite3.connect(
            target,
            uri=uri,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=not any_thread,
        )
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except sqlite3.Error as error:
        raise StoreError(name, f"cannot open: {error}") from None
    return connection


def _store_error(name: str, error: BaseException) -> BaseException:
    if getattr(error, "sqlite_errorname", "").startswith("SQLITE_READONLY"):
        return StoreError(name, f"the store is read-only here, nothing was written ({error})")
    if isinstance(error, sqlite3.OperationalError):
        return StoreError(name, f"cannot use the store: {error}")
    if isinstance(error, sqlite3.DatabaseError):
        return StoreError(name, f"not a claimdesk store ({error})")
    return error


def _connect_read_only(
    name: str, migrations: Sequence[str], any_thread: bool
) -> sqlite3.Connection:
    """The store opened read-only. A store in write-ahead-log mode whose ``-shm`` file is
    missing can only be opened read-only where that file could be created; in a folder the
    user cannot write to (and so where no other process is writing either, or it would be
    there) the file is read as immutable."""
    uri = Path(name).resolve().as_uri() + "?mode=ro"
    for attempt in (uri, uri + "&immutable=1"):
        connection = _open(name, attempt, any_thread, uri=True)
        try:
            connection.execute("PRAGMA query_only = ON")
            _check_version(connection, migrations, name)
            return connection
        except sqlite3.OperationalError as error:
            connection.close()
            readonly = getattr(error, "sqlite_errorname", "").startswith("SQLITE_READONLY")
            if not readonly or attempt.endswith("immutable=1"):
                raise _store_error(name, error) from None
        except BaseException as error:
            connection.close()
            raise _store_error(name, error) from None
    raise AssertionError("unreachable")


def _check_version(connection: sqlite3.Connection, migrations: Sequence[str], name: str) -> int:
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > len(migrations):
        raise StoreError(
            name,
            f"written by a newer claimdesk (schema {version}, this one knows {len(migrations)})",
        )
    if version == 0:
        raise StoreError(name, "not a claimdesk store (empty, or no schema version)")
    return version


def migrate(connection: sqlite3.Connection, migrations: Sequence[str], name: str = "") -> int:
    """Apply the migrations the store has not had yet; return the resulting version."""
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > len(migrations):
        raise StoreError(
            name,
            f"written by a newer claimdesk (schema {version}, this one knows {len(migrations)})",
        )
    for number in range(version, len(migrations)):
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while this one waited for the lock.
            current = int(connection.execute("PRAGMA user_version").fetchone()[0])
            if current > number:
                connection.execute("COMMIT")
                continue
            for statement in _statements(migrations[number]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return max(version, len(migrations))


def _statements(script: str) -> list[str]:
    """The statements of a migration script (``executescript`` would commit on its own)."""
    lines = [line for line in script.splitlines() if not line.lstrip().startswith("--")]
    statements, current = [], ""
    for piece in "\n".join(lines).split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \n;"):
                statements.append(current.strip())
            current = ""
    if current.strip(" \n;"):
        statements.append(current.strip())
    return statements
