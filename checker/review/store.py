"""The review store: every SQL statement of claimdesk, on a connection from ``checker.review.schema``.

Functions take a connection and return models. Writes happen inside :func:`writing`, one
``BEGIN IMMEDIATE`` transaction each, so a crash leaves the store as it was before the write
and a second process waits for the first instead of failing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import attrs

from checker.compare.relate import KEEP_RELATED, Relation, keep_best
from checker.review.records import Reviewed, Source, Status, Verdict
from checker.review.schema import StoreError
from claims.convert import converter, cue_records
from claims.models import Claim

if TYPE_CHECKING:
    from checker.compare.partition import Judged  # comparison only: no numpy for the others


RelationRow = tuple[str, str, str, float, str, float]  # a, b, relation, score, reasons, weight


class StoreConflict(StoreError):
    """The store changed under a write in a way that makes the write wrong."""


def now() -> str:
    """The time stamps of the store: UTC, ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextmanager
def writing(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: committed whole on success, rolled back on any error."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def fetch_rows(connection: sqlite3.Connection, sql: str, *params: object) -> list[sqlite3.Row]:
    """Rows of a query as ``sqlite3.Row`` (columns by name)."""
    cursor = connection.execute(sql, params)
    cursor.row_factory = sqlite3.Row
    return cursor.fetchall()


CHUNK = 400  # ids per ``IN (...)`` list, well under SQLite's limit on parameters


def fetch_in(
    connection: sqlite3.Connection, sql: str, ids: Sequence[str], *, named: bool = False
) -> list[Any]:
    """Rows of ``sql`` for all ``ids``, asked for in chunks: every ``{ids}`` in ``sql`` becomes
    a ``?, ?, …`` list of one chunk. ``named`` gives ``sqlite3.Row`` rows."""
    found: list[Any] = []
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        query = sql.replace("{ids}", ", ".join("?" * len(chunk)))
        params = chunk * sql.count("{ids}")
        if named:
            found += fetch_rows(connection, query, *params)
        else:
            found += connection.execute(query, params).fetchall()
    return found


def relation_from_row(row: Sequence[Any]) -> Relation:
    """A relation from its ``a, b, relation, score, reasons, weight`` columns."""
    a, b, relation, score, reasons, weight = row[:6]
    return Relation(a, b, relation, float(score), tuple(json.loads(reasons)), float(weight))


# -- sources and claims ------------------------------------------------------------------

_SOURCE_COLUMNS = (
    "id, path, location, sha256, file_sha256, title, author, published, url, outlet, encoding, "
    "extractor, analyzed_at"
)


def sources(connection: sqlite3.Connection) -> list[Source]:
    rows = fetch_rows(connection, f"SELECT {_SOURCE_COLUMNS} FROM sources ORDER BY id")
    return [Source.from_row(row) for row in rows]


def source_text(connection: sqlite3.Connection, source: str) -> str:
    row = connection.execute("SELECT text FROM sources WHERE id = ?", (source,)).fetchone()
    if row is None:
        raise KeyError(source)
    return str(row[0])


_CLAIM_COLUMNS = (
    'c.id, c.source, s.path, c.start, c."end", c.quote, c.text, c.kind, c.confidence, c.cues, '
    "c.attribution, c.superseded"
)
_VERDICT_COLUMNS = ", ".join(
    f"v.{column} AS v_{column}"
    for column in ("claim", "source", "quote", "status", "note", "reviewer", "at")
)
_REVIEWED = (
    f"SELECT {_CLAIM_COLUMNS}, {_VERDICT_COLUMNS} FROM claims c"
    " JOIN sources s ON s.id = c.source LEFT JOIN verdicts v ON v.claim = c.id"
)


def claim_from_row(row: sqlite3.Row) -> Claim:
    """A stored claim as the model the extraction made."""
    attribution = row["attribution"]
    record = {
        "id": row["id"],
        "source": row["source"],
        "path": row["path"],
        "start": row["start"],
        "end": row["end"],
        "quote": row["quote"],
        "text": row["text"],
        "kind": row["kind"],
        "confidence": float(row["confidence"]),
        "cues": json.loads(row["cues"]),
        "attribution": json.loads(attribution) if attribution else None,
        "superseded": bool(row["superseded"]),
    }
    return converter.structure(record, Claim)


def stored_claims(
    connection: sqlite3.Connection, sources: Collection[str] | None = None
) -> list[Claim]:
    """Claims in reading order, source by source; all of them, or those of ``sources``."""
    sql = f"SELECT {_CLAIM_COLUMNS} FROM claims c JOIN sources s ON s.id = c.source"
    params: list[object] = []
    if sources is not None:
        sql += f" WHERE c.source IN ({', '.join('?' * len(sources))})"
        params.extend(sources)
    rows = fetch_rows(connection, sql + " ORDER BY c.source, c.position", *params)
    return [claim_from_row(row) for row in rows]


def list_claims(
    connection: sqlite3.Connection,
    *,
    sources: Collection[str] = (),
    kind: str | None = None,
    status: Status | None = None,
    relation: str | None = None,
    search: str | None = None,
) -> list[Reviewed]:
    """Stored claims with their verdicts, filtered: any of ``sources``, one ``kind``, one
    review ``status``, having at least one ``relation`` of that kind, containing ``search``."""
    where: list[str] = []
    params: list[object] = []
    if sources:
        where.append(f"c.source IN ({', '.join('?' * len(sources))})")
        params.extend(sources)
    if kind:
        where.append("c.kind = ?")
        params.append(kind)
    if status == "unreviewed":
        where.append("(v.status IS NULL OR v.status = 'unreviewed')")
    elif status:
        where.append("v.status = ?")
        params.append(status)
    if relation:
        where.append(
            "c.id IN (SELECT a FROM relations WHERE relation = ?"
            " UNION SELECT b FROM relations WHERE relation = ?)"
        )
        params.extend((relation, relation))
    if search:
        where.append("(instr(lower(c.text), ?) > 0 OR instr(lower(c.quote), ?) > 0)")
        params.extend((search.lower(), search.lower()))
    sql = _REVIEWED
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = fetch_rows(connection, sql + " ORDER BY c.source, c.position", *params)
    return [Reviewed(claim_from_row(row), _verdict(row)) for row in rows]


def _verdict(row: sqlite3.Row) -> Verdict | None:
    return Verdict.from_row(row, "v_") if row["v_status"] is not None else None


def reviewed(connection: sqlite3.Connection, ids: Sequence[str]) -> list[Reviewed]:
    """The claims with these ids and their verdicts, in the order given (unknown ids left out)."""
    rows = fetch_in(connection, _REVIEWED + " WHERE c.id IN ({ids})", ids, named=True)
    found = {row["id"]: Reviewed(claim_from_row(row), _verdict(row)) for row in rows}
    return [found[i] for i in ids if i in found]


def find_claim(connection: sqlite3.Connection, given: str) -> Claim:
    """The claim with id ``given``, or the only one whose id starts with it (at least 4
    characters); ``LookupError`` with a readable reason otherwise."""
    text = given.strip().lower()
    if len(text) < 4:
        raise LookupError(f"claim id {given!r} is too short (give at least 4 characters)")
    pattern = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = fetch_rows(
        connection,
        f"SELECT {_CLAIM_COLUMNS} FROM claims c JOIN sources s ON s.id = c.source"
        " WHERE c.id LIKE ? ESCAPE '\\' ORDER BY c.id LIMIT 3",
        pattern,
    )
    exact = [row for row in rows if row["id"] == text]
    if exact or len(rows) == 1:
        return claim_from_row((exact or rows)[0])
    if not rows:
        raise LookupError(f"no claim with id {given!r} in the store")
    raise LookupError(f"claim id {given!r} is ambiguous ({', '.join(r['id'] for r in rows)}, …)")


def stored_keys(
    connection: sqlite3.Connection, ids: Sequence[str] | None = None
) -> dict[str, frozenset[str]]:
    """Stored claims' blocking keys (``checker.compare.blocking.claim_keys``), by claim id: all, or
    those of ``ids``."""
    if ids is None:
        rows = connection.execute("SELECT id, keys FROM claims").fetchall()
    else:
        rows = fetch_in(connection, "SELECT id, keys FROM claims WHERE id IN ({ids})", ids)
    return {claim: frozenset(json.loads(keys)) for claim, keys in rows}


# -- relations -----------------------------------------------------------------------------


def corroboration_tables(
    connection: sqlite3.Connection,
) -> tuple[dict[str, str], dict[str, str], list[tuple[str, str, str]]]:
    """What corroboration needs, read straight from the tables: each claim's source and text
    by id, and the agreements and contradictions as ``(a, b, relation)`` (related links do not
    count), without building claim or relation models."""
    source_of, text_of = {}, {}
    for claim, source, text in connection.execute("SELECT id, source, text FROM claims"):
        source_of[claim] = source
        text_of[claim] = text
    links = connection.execute(
        "SELECT a, b, relation FROM relations WHERE relation != 'related' ORDER BY a, b"
    ).fetchall()
    return source_of, text_of, [tuple(row) for row in links]


def relations(connection: sqlite3.Connection, *, shown: bool = False) -> list[Relation]:
    """Stored relations sorted by claim ids: all of them, or with ``shown`` only those a person
    is shown — every agreement and contradiction and each claim's best ``KEEP_RELATED`` related
    links, ranked as ``checker.compare.relate.keep_best`` ranks them (speculation against a reported
    fact first, then the rarest shared topic, then the score)."""
    sql = "SELECT a, b, relation, score, reasons, weight FROM relations"
    if shown:
        sql = _SHOWN.format(keep=KEEP_RELATED)
    return [relation_from_row(row) for row in connection.execute(sql + " ORDER BY a, b")]


_SHOWN = """
WITH links AS (
    SELECT r.a, r.b, r.score, r.weight,
           (x.kind != y.kind AND x.kind IN ('speculation', 'fact')
            AND y.kind IN ('speculation', 'fact')) AS contrast
    FROM relations r JOIN claims x ON x.id = r.a JOIN claims y ON y.id = r.b
    WHERE r.relation = 'related'
), ends AS (
    SELECT a AS claim, a, b, contrast, weight, score FROM links
    UNION ALL SELECT b AS claim, a, b, contrast, weight, score FROM links
), ranked AS (
    SELECT a, b, row_number() OVER (
        PARTITION BY claim ORDER BY contrast DESC, weight DESC, score DESC, a, b
    ) AS n FROM ends
)
SELECT a, b, relation, score, reasons, weight FROM relations
WHERE relation != 'related' OR (a, b) IN (SELECT a, b FROM ranked WHERE n <= {keep})
"""


def relations_of(connection: sqlite3.Connection, ids: Sequence[str]) -> list[Relation]:
    """The shown relations that touch these claims: their agreements and contradictions and
    the related links among the best of either claim (as ``relations(shown=True)``, but
    ranked only among the links of the claims concerned)."""
    wanted = set(ids)
    rows = fetch_in(
        connection,
        "SELECT a, b, relation, score, reasons, weight FROM relations WHERE a IN ({ids})"
        " UNION SELECT a, b, relation, score, reasons, weight FROM relations WHERE b IN ({ids})",
        ids,
    )
    found = sorted(
        {(row[0], row[1]): relation_from_row(row) for row in rows}.values(),
        key=lambda r: (r.a, r.b),
    )
    others = sorted({claim for r in found for claim in (r.a, r.b)})
    kinds = dict(fetch_in(connection, "SELECT id, kind FROM claims WHERE id IN ({ids})", others))
    return [r for r in keep_best(found, kinds) if r.a in wanted or r.b in wanted]


def relation_tally(connection: sqlite3.Connection) -> dict[str, int]:
    """How many agreements, contradictions and updates the store holds (all are shown)."""
    return dict(
        connection.execute(
            "SELECT relation, count(*) FROM relations WHERE relation != 'related' GROUP BY relation"
        ).fetchall()
    )


def related_links(connection: sqlite3.Connection) -> list[tuple[str, str, float, float]]:
    """Every related link as ``(a, b, score, weight)``, in key order."""
    return connection.execute(
        "SELECT a, b, score, weight FROM relations WHERE relation = 'related' ORDER BY a, b"
    ).fetchall()


def claim_kinds(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every claim's ``(id, kind)``."""
    return connection.execute("SELECT id, kind FROM claims").fetchall()


# -- analysis --------------------------------------------------------------------------------


@attrs.frozen
class Extracted:
    """A source to write with its text and its claims (replacing what the store had), with
    each claim's blocking keys."""

    source: Source
    text: str
    claims: tuple[Claim, ...]
    keys: tuple[frozenset[str], ...]


def save_analysis(
    connection: sqlite3.Connection,
    *,
    extracted: Sequence[Extracted],
    refreshed: Sequence[Source],
    expected: Mapping[str, str | None],
) -> None:
    """Write one batch of an analysis in one transaction: ``extracted`` sources replace their
    stored claims (their relations go with them; the claims' relations are computed by
    :func:`begin_comparison`, :func:`save_judged` and :func:`finish_comparison` once
    every batch is in, and ``pending`` says so until then);
    ``refreshed`` sources only get new metadata (a changed outlet or date has their claims
    compared again). ``expected`` is each written source's file
    sha256 (or ``None`` for a new one) as read when the analysis began: if another process
    changed one since, nothing is written and :class:`StoreConflict` is raised."""
    with writing(connection):
        for source_id, sha in expected.items():
            row = connection.execute(
                "SELECT file_sha256 FROM sources WHERE id = ?", (source_id,)
            ).fetchone()
            if (row[0] if row else None) != sha:
                raise StoreConflict(
                    source_id, "changed by another analyze while this one ran; run it again"
                )
        for item in extracted:
            _put_source(connection, item.source, item.text)
            connection.execute("DELETE FROM claims WHERE source = ?", (item.source.id,))
            connection.executemany(
                'INSERT INTO claims (id, source, position, start, "end", quote, text, kind,'
                " confidence, cues, attribution, superseded, keys)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (*_claim_row(claim, position), json.dumps(sorted(keys), ensure_ascii=False))
                    for position, (claim, keys) in enumerate(
                        zip(item.claims, item.keys, strict=True)
                    )
                ],
            )
        for source in refreshed:
            before = connection.execute(
                "SELECT outlet, published FROM sources WHERE id = ?", (source.id,)
            ).fetchone()
            _put_source(connection, source, None)
            if before is not None and tuple(before) != (source.outlet, source.published):
                # a new outlet or date changes which pairs corroborate, update or are one
                # story: the source's claims are compared again
                connection.execute("UPDATE claims SET posted = NULL WHERE source = ?", (source.id,))
                connection.execute("INSERT OR IGNORE INTO pending (what) VALUES ('relations')")
        if extracted:
            connection.execute("INSERT OR IGNORE INTO pending (what) VALUES ('relations')")


def comparison_pending(connection: sqlite3.Connection) -> bool:
    """Whether claims came or went since the relations were last computed."""
    return (
        connection.execute("SELECT 1 FROM pending WHERE what = 'relations'").fetchone() is not None
    )


def posted_digests(connection: sqlite3.Connection) -> dict[str, str | None]:
    """Each claim's digest of the blocking keys it posted when its relations were computed."""
    return dict(connection.execute("SELECT id, posted FROM claims").fetchall())


def comparison_claims(
    connection: sqlite3.Connection,
) -> list[tuple[str, str, str, frozenset[str], tuple[str, str]]]:
    """Every claim as the comparison needs it, in reading order: ``(id, source, kind,
    keys, (text, speaker))``, the speaker ``""`` when nobody (what its comparison features
    are computed from, ``checker.compare.relate.claim_features``), without building claim
    models (the comparison of a large store holds these only)."""
    rows = connection.execute(
        "SELECT id, source, kind, keys, text, json_extract(attribution, '$.who') FROM claims"
        " ORDER BY source, position"
    ).fetchall()
    return [
        (claim, source, kind, frozenset(json.loads(keys)), (text, who or ""))
        for claim, source, kind, keys, text, who in rows
    ]


def begin_comparison(connection: sqlite3.Connection, changed: Sequence[str]) -> None:
    """Start recomputing the relations of the ``changed`` claims: theirs are deleted and their
    posted-keys digests cleared in one transaction, so a run killed before
    :func:`finish_comparison` leaves them to be recomputed by the next (``pending`` stays).
    The new relations are staged (:func:`save_judged`) in a temporary table of this
    connection, which a killed run takes with it."""
    connection.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {_STAGED} (a, b, relation, score, reasons, weight)"
    )
    with writing(connection):
        connection.execute(f"DELETE FROM {_STAGED}")
        for start in range(0, len(changed), CHUNK):
            chunk = list(changed[start : start + CHUNK])
            marks = ", ".join("?" * len(chunk))
            connection.execute(
                f"DELETE FROM relations WHERE a IN ({marks}) OR b IN ({marks})", chunk * 2
            )
            connection.execute(f"UPDATE claims SET posted = NULL WHERE id IN ({marks})", chunk)


# A comparison's new relations until it ends. Written into the store block by block, they
# would land all over its B-trees (claim ids are hashes) and each block's commit would
# rewrite most of their pages: 12 s for the 880,000 relations of a 2,600-article archive,
# against 2 s staged and 5 s moved in key order (bench/archive).
_STAGED = "temp.staged_relations"


def judged_rows(
    a: Sequence[str], b: Sequence[str], which: Sequence[int], judged: Sequence[Judged | None]
) -> list[RelationRow]:
    """The relation rows of the pairs ``a[k]``, ``b[k]`` that the judgement ``judged[which[k]]``
    gives (``checker.compare.partition.fan_out``; none where it is ``None``): each
    judgement's reasons are encoded once, however many pairs it has, and the rows are
    made column by column."""
    unrelated = {k for k, j in enumerate(judged) if j is None}
    if not unrelated.isdisjoint(which):
        kept = [n for n, k in enumerate(which) if k not in unrelated]
        a, b, which = [a[n] for n in kept], [b[n] for n in kept], [which[n] for n in kept]
    columns = (
        [j and j.relation for j in judged],
        [j and j.score for j in judged],
        [j and json.dumps(list(j.reasons)) for j in judged],
        [j and j.weight for j in judged],
    )
    return list(zip(a, b, *(map(column.__getitem__, which) for column in columns), strict=True))


def save_judged(
    connection: sqlite3.Connection,
    a: Sequence[str],
    b: Sequence[str],
    which: Sequence[int],
    judged: Sequence[Judged | None],
) -> None:
    """Stage one block of a comparison's relations given as judgements and their pairs
    (``judged_rows``); :func:`finish_comparison` writes them into the store."""
    with writing(connection):
        connection.executemany(
            f"INSERT INTO {_STAGED} VALUES (?, ?, ?, ?, ?, ?)", judged_rows(a, b, which, judged)
        )


WEIGH_PAGE = 50_000  # related links re-weighed at a time


def finish_comparison(
    connection: sqlite3.Connection,
    *,
    posted: Mapping[str, str],
    weigh: Callable[[Sequence[tuple[str, str]]], Sequence[float]],
) -> None:
    """End a comparison in one transaction: the digests of the claims of ``posted`` (whose
    relations :func:`begin_comparison` cleared) are stored, every related link kept from
    before gets the weight ``weigh`` gives it now (it depends on all the claims of the store;
    the staged ones were weighed so), the staged relations are written, and ``pending`` is
    cleared."""
    connection.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {_STAGED} (a, b, relation, score, reasons, weight)"
    )
    with writing(connection):
        connection.executemany(
            "UPDATE claims SET posted = ? WHERE id = ?", [(d, c) for c, d in posted.items()]
        )
        after: tuple[str, str] = ("", "")
        while links := connection.execute(  # a page of links at a time, in key order
            "SELECT a, b, weight FROM relations WHERE relation = 'related' AND (a, b) > (?, ?)"
            " ORDER BY a, b LIMIT ?",
            (*after, WEIGH_PAGE),
        ).fetchall():
            weights = weigh([(a, b) for a, b, _ in links])
            connection.executemany(
                "UPDATE relations SET weight = ? WHERE a = ? AND b = ?",
                [
                    (new, a, b)
                    for (a, b, old), new in zip(links, weights, strict=True)
                    if new != old
                ],
            )
            after = links[-1][0], links[-1][1]
        _move_staged(connection)
        connection.execute("DELETE FROM pending WHERE what = 'relations'")


def _move_staged(connection: sqlite3.Connection) -> None:
    """The staged relations into the store, in key order. When they outnumber the stored
    ones, the index on ``b`` is built again after them rather than kept up as they come
    (in the same transaction: a crash leaves it as it was)."""
    staged = connection.execute(f"SELECT count(*) FROM {_STAGED}").fetchone()[0]
    stored = connection.execute("SELECT count(*) FROM relations").fetchone()[0]
    rebuild = staged > stored
    if rebuild:
        connection.execute("DROP INDEX relations_by_b")
    connection.execute(
        "INSERT INTO relations (a, b, relation, score, reasons, weight)"
        f" SELECT a, b, relation, score, reasons, weight FROM {_STAGED} ORDER BY a, b"
    )
    if rebuild:
        connection.execute("CREATE INDEX relations_by_b ON relations(b)")
    connection.execute(f"DELETE FROM {_STAGED}")


def _put_source(connection: sqlite3.Connection, source: Source, text: str | None) -> None:
    """Insert or replace a source with its text; with ``text=None``, update its metadata."""
    values = attrs.asdict(source)
    columns = list(values)
    if text is None:
        connection.execute(
            f"UPDATE sources SET {', '.join(f'{c} = ?' for c in columns[1:])} WHERE id = ?",
            [*(values[c] for c in columns[1:]), source.id],
        )
        return
    values["text"] = text
    columns.append("text")
    updates = ", ".join(f"{column} = excluded.{column}" for column in columns[1:])
    connection.execute(
        f"INSERT INTO sources ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        f" ON CONFLICT(id) DO UPDATE SET {updates}",
        [values[column] for column in columns],
    )


def _claim_row(claim: Claim, position: int) -> tuple[object, ...]:
    attribution = converter.unstructure(claim.attribution) if claim.attribution else None
    return (
        claim.id,
        claim.source,
        position,
        claim.start,
        claim.end,
        claim.quote,
        claim.text,
        claim.kind,
        claim.confidence,
        json.dumps(cue_records(list(claim.cues)), ensure_ascii=False),
        json.dumps(attribution, ensure_ascii=False) if attribution else None,
        int(claim.superseded),
    )
