"""The report's figures as data: kind and verdict per outlet, the outlet × outlet matrix of
agreements and contradictions, and the story's timeline by publication date. The HTML report
draws them (``checker.report.svg``), the Markdown report tabulates them and the JSON report
gives them as they are."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

import attrs

from checker.compare.relate import Relation
from checker.review.records import Reviewed, Source
from claims.models import KINDS

VERDICTS = ("verified", "disputed", "unreviewed")


@attrs.frozen
class OutletBar:
    outlet: str
    sources: int
    kinds: dict[str, int]  # fact, speculation, opinion
    verdicts: dict[str, int]  # verified, disputed, unreviewed


@attrs.frozen
class Cell:
    a: str  # outlet
    b: str
    agrees: int
    contradicts: int
    updates: int
    related: int


@attrs.frozen
class Event:
    date: str | None  # ISO date; None for an undated article
    outlet: str
    source: str  # the source's label
    what: str  # "first report", "report", "update", "contradiction"
    detail: str
    claims: tuple[str, ...] = ()


@attrs.frozen
class Figures:
    outlets: tuple[OutletBar, ...]
    matrix: tuple[Cell, ...]  # every ordered pair of the matrix's outlets, the diagonal included
    timeline: tuple[Event, ...]  # by date, undated last
    left_out: int = (
        0  # outlets not in the matrix: those with the fewest links beyond MATRIX_OUTLETS
    )


def figures(
    sources: Sequence[Source],
    items: Sequence[Reviewed],
    relations: Sequence[Relation],
    label: Mapping[str, str],
    outlet: Mapping[str, str],
) -> Figures:
    """The figures of a report; ``label`` and ``outlet`` name each source id."""
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        where = outlet[item.claim.source]
        kinds[where][item.claim.kind] += 1
        verdicts[where][item.status] += 1
    names = sorted({outlet[s.id] for s in sources})
    members = Counter(outlet[s.id] for s in sources)
    bars = tuple(
        OutletBar(
            name,
            members[name],
            {k: kinds[name][k] for k in KINDS},
            {v: verdicts[name][v] for v in VERDICTS},
        )
        for name in names
    )
    shown = _busiest(items, relations, outlet, names)
    return Figures(
        bars,
        _matrix(items, relations, outlet, shown),
        _timeline(sources, items, relations, label, outlet),
        len(names) - len(shown),
    )


MATRIX_OUTLETS = 25  # a matrix of more outlets is no longer readable (nor small: n² cells)


def _busiest(
    items: Sequence[Reviewed],
    relations: Sequence[Relation],
    outlet: Mapping[str, str],
    names: Sequence[str],
) -> list[str]:
    """The outlets of the matrix: all of them, or the ``MATRIX_OUTLETS`` with the most
    agreements, contradictions and updates with other outlets (ties by name), in name order."""
    if len(names) <= MATRIX_OUTLETS:
        return list(names)
    source_of = {item.claim.id: item.claim.source for item in items}
    links: Counter[str] = Counter()
    for relation in relations:
        if relation.relation == "related":
            continue
        x, y = outlet[source_of[relation.a]], outlet[source_of[relation.b]]
        if x != y:
            links[x] += 1
            links[y] += 1
    ranked = sorted(names, key=lambda name: (-links[name], name))
    return sorted(ranked[:MATRIX_OUTLETS])


def _matrix(
    items: Sequence[Reviewed],
    relations: Sequence[Relation],
    outlet: Mapping[str, str],
    names: Sequence[str],
) -> tuple[Cell, ...]:
    source_of = {item.claim.id: item.claim.source for item in items}
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for relation in relations:
        x, y = outlet[source_of[relation.a]], outlet[source_of[relation.b]]
        counts[(x, y)][relation.relation] += 1
        if x != y:
            counts[(y, x)][relation.relation] += 1
    return tuple(
        Cell(a, b, c["agrees"], c["contradicts"], c["updates"], c["related"])
        for a in names
        for b in names
        for c in [counts[(a, b)]]
    )


def _timeline(
    sources: Sequence[Source],
    items: Sequence[Reviewed],
    relations: Sequence[Relation],
    label: Mapping[str, str],
    outlet: Mapping[str, str],
) -> tuple[Event, ...]:
    by_id = {s.id: s for s in sources}
    claims = Counter(item.claim.source for item in items)
    source_of = {item.claim.id: item.claim.source for item in items}
    dated = sorted((s for s in sources if s.published), key=lambda s: (s.published or "", s.id))
    first = dated[0].id if dated else None
    events = [
        Event(
            s.published[:10] if s.published else None,
            outlet[s.id],
            label[s.id],
            "first report" if s.id == first else "report",
            f"{claims[s.id]} claims",
        )
        for s in sources
    ]
    for relation in relations:
        if relation.relation not in ("updates", "contradicts"):
            continue
        pair = [by_id[source_of[relation.a]], by_id[source_of[relation.b]]]
        later = max(pair, key=lambda s: (s.published or "", s.id))
        events.append(
            Event(
                later.published[:10] if later.published else None,
                outlet[later.id],
                label[later.id],
                "update" if relation.relation == "updates" else "contradiction",
                "; ".join(relation.reasons),
                (relation.a, relation.b),
            )
        )
    order = {"first report": 0, "report": 1, "update": 2, "contradiction": 3}
    return tuple(
        sorted(events, key=lambda e: (e.date is None, e.date or "", order[e.what], e.source))
    )
