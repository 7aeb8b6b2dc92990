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
    matrix: tuple[Cell, ...]  # every ordered pair of outlets, the diagonal included
    timeline: tuple[Event, ...]  # by date, undated last


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
    return Figures(
        bars,
        _matrix(items, relations, outlet, names),
        _timeline(sources, items, relations, label, outlet),
    )


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
