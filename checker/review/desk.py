"""What the review desk shows, without any UI: light rows for every claim, filters, and the
detail of one claim (its paragraph, cues, attribution, numbers and what other sources say).

Rows are plain tuples read in one query each, so a store of 50,000 claims loads in a fraction
of a second; the full models are built only for the claim being looked at.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections import defaultdict
from collections.abc import Sequence

import attrs

from checker.compare.corroboration import origins_of
from checker.compare.quantities import find_quantities
from checker.compare.relate import KEEP_RELATED, Relation, related_rank
from checker.compare.times import find_times
from checker.compare.words import stem, stopwords, strip_possessive
from checker.review import store, views
from checker.review.records import Reviewed
from claims.lexicon import read_list

PARAGRAPH_LIMIT = 1200  # characters of context shown around a claim in a long paragraph
_WORD = re.compile(r"[\w$%][\w$%.,'’]*[\w%]|[\w$%]")


@attrs.frozen
class DeskRow:
    """One line of the claims table."""

    id: str
    source: str
    position: int
    kind: str
    status: str
    noted: bool
    text: str
    agreeing_sources: int = 0  # other independent sources with a claim that agrees
    contradictions: int = 0

    @property
    def corroboration(self) -> str:
        if self.contradictions:
            return "contradicted"
        return f"{self.agreeing_sources + 1} agree" if self.agreeing_sources else "single"


def load_rows(connection: sqlite3.Connection, limit: int | None = None) -> list[DeskRow]:
    """Every stored claim as a row, source by source in reading order; or only the first
    ``limit`` of them (a first screenful while the rest loads)."""
    claims = views.claim_rows(connection, limit)
    source_of = {row[0]: row[1] for row in claims}
    if limit:
        relations = views.decided_links(connection, list(source_of))
        others = sorted({x for a, b, _ in relations for x in (a, b)} - set(source_of))
        source_of.update(views.sources_of(connection, others))
    else:
        relations = views.decided_links(connection)
    agreements = [(a, b) for a, b, relation in relations if relation == "agrees"]
    origin: dict[str, str] = {}
    if not limit:  # copies of one wire story count once, as in ``claimdesk claims``
        texts = {row[0]: row[6] for row in claims}
        origin = origins_of(source_of, texts, agreements, views.outlets(connection))
    agreeing: dict[str, set[str]] = defaultdict(set)
    contradictions: dict[str, int] = defaultdict(int)
    for a, b in agreements:
        agreeing[a].add(origin.get(source_of[b], source_of[b]))
        agreeing[b].add(origin.get(source_of[a], source_of[a]))
    for a, b, relation in relations:
        if relation == "contradicts":
            contradictions[a] += 1
            contradictions[b] += 1
    return [
        DeskRow(
            claim_id,
            source,
            position,
            kind,
            status,
            bool(noted),
            text,
            len(agreeing[claim_id] - {origin.get(source, source)}),
            contradictions[claim_id],
        )
        for claim_id, source, position, kind, status, noted, text in claims
    ]


@attrs.frozen
class DeskFilter:
    """What the table shows: all fields optional, combined with "and"."""

    source: str | None = None
    kind: str | None = None
    status: str | None = None
    contradicted_only: bool = False
    unreviewed_only: bool = False
    search: str = ""

    def keeps(self, row: DeskRow) -> bool:
        return (
            (self.source is None or row.source == self.source)
            and (self.kind is None or row.kind == self.kind)
            and (self.status is None or row.status == self.status)
            and (not self.contradicted_only or row.contradictions > 0)
            and (not self.unreviewed_only or row.status == "unreviewed")
            and (not self.search or self.search.lower() in row.text.lower())
        )

    def describe(self) -> str:
        parts = [
            f"{name}: {value}"
            for name, value in (
                ("source", self.source),
                ("kind", self.kind),
                ("status", self.status),
                ("search", self.search or None),
            )
            if value
        ]
        if self.contradicted_only:
            parts.append("contradicted only")
        if self.unreviewed_only:
            parts.append("unreviewed only")
        return ", ".join(parts) or "all claims"


SORTS: dict[str, str] = {
    "reading order": "source",
    "status": "status",
    "kind": "kind",
    "corroboration": "corroboration",
    "text": "text",
}


def sort_rows(rows: Sequence[DeskRow], by: str) -> list[DeskRow]:
    """Rows in reading order, or by status / kind / corroboration / text (then reading order)."""
    order = {"unreviewed": 0, "disputed": 1, "verified": 2}
    keys = {
        "source": lambda r: (r.source, r.position),
        "status": lambda r: (order.get(r.status, 3), r.source, r.position),
        "kind": lambda r: (r.kind, r.source, r.position),
        "corroboration": lambda r: (-r.contradictions, -r.agreeing_sources, r.source, r.position),
        "text": lambda r: (r.text.lower(), r.source, r.position),
    }
    return sorted(rows, key=keys[by])


@attrs.frozen
class Neighbour:
    """A claim of another source and how it relates to the one looked at."""

    relation: Relation
    other: Reviewed
    mine_only: tuple[tuple[int, int], ...]  # spans of the looked-at claim's text not in other
    theirs_only: tuple[tuple[int, int], ...]  # spans of the other claim's text not in mine


@attrs.frozen
class Detail:
    item: Reviewed
    paragraph: tuple[int, int]  # the span of article text shown around the claim
    context: str  # that text
    numbers: tuple[str, ...]
    neighbours: tuple[Neighbour, ...]


def detail(connection: sqlite3.Connection, claim_id: str) -> Detail:
    """Everything the detail pane shows about one claim."""
    (item,) = store.reviewed(connection, [claim_id])
    claim = item.claim
    text = store.source_text(connection, claim.source)
    start = text.rfind("\n", 0, claim.start) + 1
    end = text.find("\n", claim.end)
    end = len(text) if end < 0 else end
    start = max(start, claim.start - PARAGRAPH_LIMIT // 2)
    end = min(end, claim.end + PARAGRAPH_LIMIT // 2)
    numbers = [f"{q.text} ({q.label()})" for q in find_quantities(claim.text)]
    numbers += [f"{t.text} ({t.kind})" for t in find_times(claim.text)]
    relations = _relations_of(connection, claim_id, claim.kind)
    others = {
        r.claim.id: r for r in store.reviewed(connection, [_other(r, claim_id) for r in relations])
    }
    neighbours = []
    for relation in relations:
        other = others[_other(relation, claim_id)]
        mine, theirs = differing_words(claim.text, other.claim.text)
        neighbours.append(Neighbour(relation, other, mine, theirs))
    return Detail(item, (start, end), text[start:end], tuple(numbers), tuple(neighbours))


def _other(relation: Relation, claim_id: str) -> str:
    return relation.b if relation.a == claim_id else relation.a


_ORDER = {"contradicts": 0, "updates": 1, "agrees": 2, "related": 3}


def _relations_of(connection: sqlite3.Connection, claim_id: str, kind: str) -> list[Relation]:
    """The claim's agreements and contradictions, and its best related links ranked as
    ``checker.compare.relate.keep_best`` ranks them."""
    linked = views.links_with_kind(connection, claim_id)
    found = [relation for relation, _ in linked]
    kinds = {claim_id: kind} | {_other(r, claim_id): other for r, other in linked}
    decided = [r for r in found if r.relation != "related"]
    related = sorted(
        (r for r in found if r.relation == "related"),
        key=lambda r: related_rank(r, kinds),
        reverse=True,  # a stable sort: equal links stay in (a, b) order
    )
    best = related[:KEEP_RELATED]
    return sorted(decided + best, key=lambda r: (_ORDER[r.relation], -r.score, r.a, r.b))


def differing_words(
    a: str, b: str
) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Spans of the words of ``a`` that ``b`` does not have, and of ``b`` that ``a`` does not
    (function words left alone): what to highlight side by side. Words are compared as the
    comparison compares them (``checker.compare.words.stem``: case, inflections, irregular
    forms and synonym groups), so "quake" and "earthquake", "killed" and "died" match."""
    words_a, words_b = _words(a), _words(b)
    set_a = {w for _, _, w in words_a}
    set_b = {w for _, _, w in words_b}
    return (
        tuple((s, e) for s, e, w in words_a if w not in set_b and w not in _STOP),
        tuple((s, e) for s, e, w in words_b if w not in set_a and w not in _STOP),
    )


class _Stop:
    """Function words, and their concepts, that are never highlighted."""

    def __contains__(self, concept: object) -> bool:
        return concept in _stop_concepts()


_STOP = _Stop()


def _stop_concepts() -> frozenset[str]:
    global _STOP_CONCEPTS
    if _STOP_CONCEPTS is None:
        _STOP_CONCEPTS = frozenset(stopwords()) | {stem(w) for w in stopwords()}
    return _STOP_CONCEPTS


_STOP_CONCEPTS: frozenset[str] | None = None


@functools.cache
def _equivalents() -> dict[str, str]:
    """``data/desk_equivalents.txt``: stem → the stem of its group's first word."""
    groups = {}
    for line in read_list("desk_equivalents.txt", "checker"):
        words = [stem(w) for w in line.lower().split()]
        groups.update({w: words[0] for w in words})
    return groups


def _concept(word: str) -> str:
    word = strip_possessive(word.lower().rstrip(".,"))
    if not word.isalpha():
        return word
    concept = stem(word)
    return _equivalents().get(concept, concept)


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), _concept(m.group())) for m in _WORD.finditer(text)]


def relax(current: DeskFilter, row: DeskRow) -> tuple[DeskFilter, tuple[str, ...]]:
    """The least change to ``current`` that shows ``row``: only the parts that hide it are
    dropped (a search stays when the claim contains it), with their names."""
    changes: dict[str, object] = {}
    if current.source is not None and row.source != current.source:
        changes["source"] = None
    if current.kind is not None and row.kind != current.kind:
        changes["kind"] = None
    if current.status is not None and row.status != current.status:
        changes["status"] = None
    if current.contradicted_only and not row.contradictions:
        changes["contradicted_only"] = False
    if current.unreviewed_only and row.status != "unreviewed":
        changes["unreviewed_only"] = False
    if current.search and current.search.lower() not in row.text.lower():
        changes["search"] = ""
    return attrs.evolve(current, **changes), tuple(changes)  # type: ignore[arg-type]
