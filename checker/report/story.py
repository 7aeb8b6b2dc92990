"""What the sources of a story say together: agreed, contested, single-source, speculation only.

Built from the stored claims, their verdicts and the relations a person is shown. Agreement
is grouped: claims joined by ``agrees`` links form one finding, with the sources behind it
(copies of one wire story count as one origin, as in ``checker.compare.corroboration``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

import attrs

from checker.compare.corroboration import Corroboration, origins
from checker.compare.relate import Relation, related_rank
from checker.report.scorecard import UNSOURCED
from checker.review.records import Reviewed


@attrs.frozen
class ClaimRef:
    """A claim as a report shows it."""

    id: str
    source: str
    text: str
    kind: str
    status: str
    note: str | None = None
    attribution: str | None = None  # "who (type)"

    @classmethod
    def of(cls, item: Reviewed) -> ClaimRef:
        claim = item.claim
        who = claim.attribution
        return cls(
            claim.id,
            claim.source,
            claim.text,
            claim.kind,
            item.status,
            item.note,
            f"{who.who} ({who.type})" if who else None,
        )


@attrs.frozen
class Agreement:
    """Claims of several sources stating the same thing."""

    claims: tuple[ClaimRef, ...]
    sources: tuple[str, ...]
    origins: int
    reasons: tuple[str, ...]


@attrs.frozen
class Contest:
    """Two claims of different sources that contradict each other."""

    a: ClaimRef
    b: ClaimRef
    reasons: tuple[str, ...]
    score: float = 0.0  # how alike the two claims are (0–1), the strongest first


@attrs.frozen
class Rumour:
    """A speculative claim no other source corroborates, with the reported facts of other
    sources on the same actors and topic (the rumour against the record)."""

    claim: ClaimRef
    cues: tuple[str, ...]
    record: tuple[ClaimRef, ...]  # the strongest link first, as the desk orders them
    outlets: int = 0  # other sources whose record it is set against
    position: float = 0.0  # where it comes in its article, 0 (the lede) to 1 (the end)


@attrs.frozen
class Profile:
    """A source at a glance."""

    source: str
    claims: int
    kinds: dict[str, int]
    unsourced: int  # claims resting on anonymous sources, rumour or weasel words
    corroborated: int
    contradicted: int
    verdicts: dict[str, int]


@attrs.frozen
class Overlap:
    """What two sources share."""

    a: str
    b: str
    agrees: int
    contradicts: int
    related: int
    updates: int = 0


@attrs.frozen
class Story:
    profiles: tuple[Profile, ...]
    overlaps: tuple[Overlap, ...]
    agreed: tuple[Agreement, ...]
    contested: tuple[Contest, ...]
    single_source: tuple[ClaimRef, ...]  # facts only one origin states
    speculation: tuple[Rumour, ...]
    reviewed: tuple[ClaimRef, ...]
    updated: tuple[Contest, ...] = ()  # a running tally that changed between reports


def story(
    items: Sequence[Reviewed],
    relations: Sequence[Relation],
    corroboration: Mapping[str, Corroboration],
    origin: Mapping[str, str] | None = None,
) -> Story:
    """The story of ``items``; ``origin`` (``checker.compare.corroboration.origins``) when known."""
    by_id = {item.claim.id: item for item in items}
    refs = {claim_id: ClaimRef.of(item) for claim_id, item in by_id.items()}
    if origin is None:
        origin = origins([item.claim for item in items], relations)
    return Story(
        profiles=tuple(_profiles(items, corroboration)),
        overlaps=tuple(_overlaps(relations, refs)),
        agreed=tuple(_agreements(relations, refs, origin)),
        contested=_contests(relations, refs, "contradicts"),
        single_source=tuple(
            refs[i.claim.id]
            for i in items
            if i.claim.kind == "fact" and corroboration[i.claim.id].status == "single-source"
        ),
        speculation=tuple(_rumours(items, relations, refs, corroboration)),
        reviewed=tuple(refs[i.claim.id] for i in items if i.status != "unreviewed"),
        updated=_contests(relations, refs, "updates"),
    )


def _contests(
    relations: Sequence[Relation], refs: Mapping[str, ClaimRef], kind: str
) -> tuple[Contest, ...]:
    """The contradictions (or updates), the closest pairs first: the strongest evidence."""
    found = [
        Contest(refs[r.a], refs[r.b], r.reasons, r.score) for r in relations if r.relation == kind
    ]
    return tuple(sorted(found, key=lambda c: (-c.score, c.a.id, c.b.id)))


def _profiles(
    items: Sequence[Reviewed], corroboration: Mapping[str, Corroboration]
) -> list[Profile]:
    per_source: dict[str, list[Reviewed]] = defaultdict(list)
    for item in items:
        per_source[item.claim.source].append(item)
    result = []
    for source, mine in sorted(per_source.items()):
        status = Counter(corroboration[i.claim.id].status for i in mine)
        result.append(
            Profile(
                source=source,
                claims=len(mine),
                kinds=dict(Counter(i.claim.kind for i in mine)),
                unsourced=sum(
                    1
                    for i in mine
                    if (i.claim.attribution and i.claim.attribution.type == "anonymous")
                    or any(c.type in UNSOURCED for c in i.claim.cues)
                ),
                corroborated=status["corroborated"],
                contradicted=status["contradicted"],
                verdicts=dict(Counter(i.status for i in mine if i.status != "unreviewed")),
            )
        )
    return result


def _overlaps(relations: Sequence[Relation], refs: Mapping[str, ClaimRef]) -> list[Overlap]:
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for relation in relations:
        x, y = sorted((refs[relation.a].source, refs[relation.b].source))
        counts[(x, y)][relation.relation] += 1
    return [
        Overlap(x, y, count["agrees"], count["contradicts"], count["related"], count["updates"])
        for (x, y), count in sorted(counts.items())
    ]


def _agreements(
    relations: Sequence[Relation], refs: Mapping[str, ClaimRef], origin: Mapping[str, str]
) -> list[Agreement]:
    parent: dict[str, str] = {}

    def find(claim: str) -> str:
        parent.setdefault(claim, claim)
        while parent[claim] != claim:
            parent[claim] = parent[parent[claim]]
            claim = parent[claim]
        return claim

    reasons: dict[str, list[str]] = defaultdict(list)
    agreeing = [r for r in relations if r.relation == "agrees"]
    for relation in agreeing:
        ra, rb = find(relation.a), find(relation.b)
        parent[max(ra, rb)] = min(ra, rb)
    for relation in agreeing:
        reasons[find(relation.a)].extend(relation.reasons)
    groups: dict[str, list[str]] = defaultdict(list)
    for claim in parent:
        groups[find(claim)].append(claim)
    result = []
    for root, members in groups.items():
        claims = sorted((refs[m] for m in members), key=lambda r: (r.source, r.id))
        sources = tuple(sorted({c.source for c in claims}))
        result.append(
            Agreement(
                tuple(claims),
                sources,
                len({origin[s] for s in sources}),
                tuple(dict.fromkeys(reasons[root])),
            )
        )
    return sorted(result, key=lambda a: (-a.origins, -len(a.claims), a.claims[0].id))


def _rumours(
    items: Sequence[Reviewed],
    relations: Sequence[Relation],
    refs: Mapping[str, ClaimRef],
    corroboration: Mapping[str, Corroboration],
) -> list[Rumour]:
    """Speculation no other source corroborates, each with the reported facts of other
    sources on its actors and topic, strongest link first (``related_rank``, as the desk).
    Ranked by relevance: set against the record of more other sources first, then the
    earlier in its article (what the article leads with), then the stronger the record."""
    kinds = {claim_id: ref.kind for claim_id, ref in refs.items()}
    record: dict[str, list[tuple[tuple[bool, float, float], str]]] = defaultdict(list)
    for relation in relations:
        if relation.relation != "related":
            continue
        for mine, other in ((relation.a, relation.b), (relation.b, relation.a)):
            if refs[mine].kind == "speculation" and refs[other].kind == "fact":
                record[mine].append((related_rank(relation, kinds), other))
    position = _positions(items)
    rumours = []
    strength: dict[str, float] = {}
    for item in items:
        claim_id = item.claim.id
        if item.claim.kind != "speculation" or corroboration[claim_id].status == "corroborated":
            continue
        links = sorted(record[claim_id], key=lambda link: (link[0], link[1]), reverse=True)
        facts = tuple(refs[other] for _, other in links)
        strength[claim_id] = sum(rank[1] * rank[2] for rank, _ in links[:3])
        rumours.append(
            Rumour(
                refs[claim_id],
                tuple(dict.fromkeys(f"{c.text} ({c.type})" for c in item.claim.cues)),
                facts,
                len({ref.source for ref in facts}),
                round(position[claim_id], 3),
            )
        )
    return sorted(
        rumours,
        key=lambda r: (-r.outlets, r.position, -strength[r.claim.id], r.claim.id),
    )


def _positions(items: Sequence[Reviewed]) -> dict[str, float]:
    """Each claim's place in its article: 0 for the first, 1 for the last."""
    per_source: dict[str, list[Reviewed]] = defaultdict(list)
    for item in items:
        per_source[item.claim.source].append(item)
    result = {}
    for mine in per_source.values():
        ordered = sorted(mine, key=lambda i: (i.claim.start, i.claim.end))
        last = max(len(ordered) - 1, 1)
        result.update({item.claim.id: index / last for index, item in enumerate(ordered)})
    return result
