"""The verdict ledger: each claim's current verdict and the history of every change to it.

Verdicts are not tied to claims by a foreign key: one whose claim disappeared on re-analysis
stays (an orphan) and comes back to life with the claim. Every change is one transaction that
writes the verdict and appends to the history; an undo is a change of its own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import attrs

from checker.review.records import Change, Status, Verdict
from checker.review.store import StoreConflict, fetch_in, fetch_rows, now, writing


def verdicts(connection: sqlite3.Connection) -> dict[str, Verdict]:
    rows = fetch_rows(connection, "SELECT * FROM verdicts ORDER BY claim")
    return {row["claim"]: Verdict.from_row(row) for row in rows}


def verdicts_of(connection: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Verdict]:
    """The verdicts of these claims, by claim id (claims without one left out)."""
    rows = fetch_in(connection, "SELECT * FROM verdicts WHERE claim IN ({ids})", ids, named=True)
    return {row["claim"]: Verdict.from_row(row) for row in rows}


def orphans(connection: sqlite3.Connection) -> list[Verdict]:
    """Verdicts that say something (a status or a note) about claims no longer in the store."""
    rows = fetch_rows(
        connection,
        "SELECT * FROM verdicts v WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = v.claim)"
        " AND (v.status != 'unreviewed' OR v.note IS NOT NULL) ORDER BY v.source, v.claim",
    )
    return [Verdict.from_row(row) for row in rows]


def history(connection: sqlite3.Connection, claim: str | None = None) -> list[Change]:
    if claim is None:
        rows = fetch_rows(connection, "SELECT * FROM history ORDER BY seq")
    else:
        rows = fetch_rows(connection, "SELECT * FROM history WHERE claim = ? ORDER BY seq", claim)
    return [Change.from_row(row) for row in rows]


def mark(
    connection: sqlite3.Connection,
    claim_id: str,
    status: Status,
    *,
    by: str,
    note: str | None = None,
) -> Change:
    """Record a verdict on a stored claim and append it to the history. ``note=None`` keeps
    the claim's note; ``note=""`` clears it."""
    with writing(connection):
        claim = connection.execute(
            "SELECT source, quote FROM claims WHERE id = ?", (claim_id,)
        ).fetchone()
        if claim is None:
            raise LookupError(f"no claim with id {claim_id!r} in the store")
        old = _current(connection, claim_id)
        old_status, old_note = (old.status, old.note) if old else ("unreviewed", None)
        new_note = old_note if note is None else (note or None)
        return _record(
            connection,
            Verdict(claim_id, claim[0], claim[1], status, new_note, by, now()),
            "mark",
            old_status,
            old_note,
        )


def undo(connection: sqlite3.Connection, *, by: str | None = None) -> Change | None:
    """Undo the last verdict change not yet undone (``by`` one reviewer, or anyone's); the
    undo is itself recorded. ``None`` when there is nothing to undo; ``StoreConflict`` when
    the claim's verdict was changed since by something that is not undone."""
    with writing(connection):
        sql = "SELECT * FROM history WHERE action = 'mark' AND undone = 0"
        params: list[object] = []
        if by is not None:
            sql += " AND reviewer = ?"
            params.append(by)
        rows = fetch_rows(connection, sql + " ORDER BY seq DESC LIMIT 1", *params)
        if not rows:
            return None
        change = Change.from_row(rows[0])
        current = _current(connection, change.claim)
        state = (current.status, current.note) if current else ("unreviewed", None)
        if state != (change.new_status, change.new_note):
            raise StoreConflict(
                change.claim,
                f"verdict changed since ({state[0]}); the change #{change.seq} was not undone",
            )
        assert current is not None
        connection.execute("UPDATE history SET undone = 1 WHERE seq = ?", (change.seq,))
        reverted = attrs.evolve(
            current,
            status=change.old_status,
            note=change.old_note,
            by=by or change.by,
            at=now(),
        )
        return _record(
            connection, reverted, "undo", change.new_status, change.new_note, undoes=change.seq
        )


def _current(connection: sqlite3.Connection, claim_id: str) -> Verdict | None:
    rows = fetch_rows(connection, "SELECT * FROM verdicts WHERE claim = ?", claim_id)
    return Verdict.from_row(rows[0]) if rows else None


def _record(
    connection: sqlite3.Connection,
    verdict: Verdict,
    action: str,
    old_status: str,
    old_note: str | None,
    undoes: int | None = None,
) -> Change:
    connection.execute(
        "INSERT INTO verdicts (claim, source, quote, status, note, reviewer, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(claim) DO UPDATE SET source = excluded.source,"
        " quote = excluded.quote, status = excluded.status, note = excluded.note,"
        " reviewer = excluded.reviewer, at = excluded.at",
        (
            verdict.claim,
            verdict.source,
            verdict.quote,
            verdict.status,
            verdict.note,
            verdict.by,
            verdict.at,
        ),
    )
    cursor = connection.execute(
        "INSERT INTO history (claim, at, reviewer, action, old_status, new_status, old_note,"
        " new_note, undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            verdict.claim,
            verdict.at,
            verdict.by,
            action,
            old_status,
            verdict.status,
            old_note,
            verdict.note,
            undoes,
        ),
    )
    rows = fetch_rows(connection, "SELECT * FROM history WHERE seq = ?", cursor.lastrowid)
    return Change.from_row(rows[0])
