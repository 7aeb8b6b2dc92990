"""The store's read-only views for the desk and the command line's summaries: light claim rows,
the decided links between claims, one claim's links with the other claim's kind, totals, and
what tells a reader that another process wrote. With ``checker.review.store`` (claims, sources,
relations), ``checker.review.ledger`` (verdicts and history) and ``checker.review.schema``
(tables and migrations) this is all of claimdesk's SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

import attrs

from checker.compare.relate import Relation
from checker.review.store import fetch_in, relation_from_row

DeskTuple = tuple[
    str, str, int, str, str, int, str
]  # id, source, position, kind, status, noted, text

_ROWS = (
    "SELECT c.id, c.source, c.position, c.kind, coalesce(v.status, 'unreviewed'),"
    " v.note IS NOT NULL, c.text FROM claims c LEFT JOIN verdicts v ON v.claim = c.id"
    " ORDER BY c.source, c.position"
)
_DECIDED = "SELECT a, b, relation FROM relations WHERE relation != 'related'"


def claim_rows(connection: sqlite3.Connection, limit: int | None = None) -> list[DeskTuple]:
    """Every claim as a plain tuple, source by source in reading order (or the first
    ``limit``)."""
    sql = _ROWS + (f" LIMIT {int(limit)}" if limit else "")
    return [tuple(row) for row in connection.execute(sql).fetchall()]


def decided_links(
    connection: sqlite3.Connection, ids: Sequence[str] | None = None
) -> list[tuple[str, str, str]]:
    """The agreements and contradictions, as ``(a, b, relation)``; with ``ids``, only those
    touching one of them, each pair once."""
    if ids is None:
        return [tuple(row) for row in connection.execute(_DECIDED).fetchall()]
    sql = f"{_DECIDED} AND (a IN ({{ids}}) OR b IN ({{ids}}))"
    # a pair may come back with each of its claims' chunks
    return list(dict.fromkeys(tuple(row) for row in fetch_in(connection, sql, list(ids))))


def sources_of(connection: sqlite3.Connection, ids: Sequence[str]) -> dict[str, str]:
    """The source of each claim id."""
    return dict(fetch_in(connection, "SELECT id, source FROM claims WHERE id IN ({ids})", ids))


def links_with_kind(connection: sqlite3.Connection, claim_id: str) -> list[tuple[Relation, str]]:
    """Every relation of a claim, ordered by ``(a, b)``, each with the other claim's kind."""
    rows = connection.execute(
        "SELECT r.a, r.b, r.relation, r.score, r.reasons, r.weight, o.kind FROM relations r"
        " JOIN claims o ON o.id = CASE WHEN r.a = ? THEN r.b ELSE r.a END"
        " WHERE r.a = ? UNION ALL SELECT r.a, r.b, r.relation, r.score, r.reasons, r.weight,"
        " o.kind FROM relations r JOIN claims o ON o.id = r.a WHERE r.b = ? ORDER BY 1, 2",
        (claim_id, claim_id, claim_id),
    ).fetchall()
    return [(relation_from_row(row), row[6]) for row in rows]


@attrs.frozen
class Totals:
    sources: int
    kinds: dict[str, int]
    reviewed: int  # claims with a verdict other than unreviewed


def totals(connection: sqlite3.Connection) -> Totals:
    kinds = dict(connection.execute("SELECT kind, count(*) FROM claims GROUP BY kind").fetchall())
    sources = connection.execute("SELECT count(*) FROM sources").fetchone()[0]
    reviewed = connection.execute(
        "SELECT count(*) FROM verdicts v JOIN claims c ON c.id = v.claim"
        " WHERE v.status != 'unreviewed'"
    ).fetchone()[0]
    return Totals(int(sources), kinds, int(reviewed))


def database_file(connection: sqlite3.Connection) -> str:
    """The file the connection's main database lives in."""
    return str(connection.execute("PRAGMA database_list").fetchone()[2])


def data_version(connection: sqlite3.Connection) -> int:
    """A number that changes when another connection commits a write."""
    return int(connection.execute("PRAGMA data_version").fetchone()[0])


def claim_count(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT count(*) FROM claims").fetchone()[0])


def marks(connection: sqlite3.Connection) -> dict[str, tuple[str, bool]]:
    """Each claim with a verdict row: its status and whether it has a note."""
    rows: list[Any] = connection.execute(
        "SELECT claim, status, note IS NOT NULL FROM verdicts"
    ).fetchall()
    return {claim: (status, bool(noted)) for claim, status, noted in rows}


def outlets(connection: sqlite3.Connection) -> dict[str, str | None]:
    """Each source's outlet (``None`` where its article names none)."""
    return dict(connection.execute("SELECT id, outlet FROM sources").fetchall())
