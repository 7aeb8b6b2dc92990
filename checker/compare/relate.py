"""Relations between claims of different sources: agrees, contradicts, related.

``judge`` decides one pair from its features and says why; ``relate_claims`` does a whole
story: features once per claim, candidate pairs by blocking, a judgement per candidate, and
only the best few ``related`` links per claim kept so the list stays useful.

- ``contradicts``: the two claims share their frame (most of the smaller claim's concepts and,
  when both name actors, an actor) and differ in a quantity of the same unit, a date, weekday,
  month or year, in polarity (a negation or denial against an assertion), or in an opposite
  predicate (rose / fell). A negation and an opposite predicate together cancel out.
- ``agrees``: the similarity score (``checker.compare.scoring``) reaches ``AGREE`` with no conflict,
  and the claims share their frame (as for a contradiction), so two claims that only name the
  same company and place do not corroborate each other.
- ``related``: shared actors and topic, below agreement.

The verdict rules themselves are in ``checker.compare.verdicts``; the slot conflicts in
``checker.compare.conflicts``.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import attrs

from checker.compare.alignment import articles_aligned, source_actors
from checker.compare.conflicts import (
    _conflicts,
    _polarity_differs,
    _published,
    _weekdays_differ,
    two_places_and_moments,
)
from checker.compare.counted import identities_differ
from checker.compare.normalize import Features, claim_keys, features
from checker.compare.scoring import similarity
from checker.compare.verdicts import VERDICT_RULES, RelationKind, _Pair
from checker.compare.words import stem
from claims.models import Claim, Kind
from claims.tagger import tag_text

if TYPE_CHECKING:
    from checker.compare.blocking import Candidates
    from checker.compare.bulk import Indices

Verdict = Literal["agrees", "contradicts", "updates", "related", "unrelated"]
RELATIONS: tuple[RelationKind, ...] = ("agrees", "contradicts", "updates", "related")

CONTRAST = {"speculation", "fact"}  # the kinds that set a rumour against the record
KEEP_RELATED = 4  # related links kept per claim


@attrs.frozen
class Judgement:
    relation: Verdict
    score: float
    reasons: tuple[str, ...]


@attrs.frozen
class Relation:
    """A relation between two claims of different sources; ``a`` is the smaller id."""

    a: str
    b: str
    relation: RelationKind = attrs.field(validator=attrs.validators.in_(RELATIONS))
    score: float = attrs.field(validator=[attrs.validators.ge(0.0), attrs.validators.le(1.0)])
    reasons: tuple[str, ...]
    weight: float = 0.0  # for related links: how rare the shared topic is, to rank them


def judge(
    a: Features,
    b: Features,
    kinds: tuple[Kind | None, Kind | None] = (None, None),
    score: float | None = None,
    *,
    same_story: bool = True,
    dates: tuple[str | None, str | None] = (None, None),
    in_articles: bool = False,
) -> Judgement:
    """The relation of two claims, its score and the reasons a person can check. ``score``
    is their similarity when already computed (``checker.compare.bulk.scores``). Claims of
    articles about different stories (``checker.compare.alignment``) are at most related."""
    score = round(similarity(a, b).score if score is None else score, 3)
    other = identities_differ(a, b)  # two quakes: "magnitude 4.4", "a 4.6-magnitude quake"
    conflicts = () if other else tuple(_conflicts(a, b, score, dates, in_articles=in_articles))
    unsure = bool(other) or (in_articles and not all(dates) and _weekdays_differ(a, b))
    unsure = unsure or two_places_and_moments(a, b, dates, in_articles=in_articles)
    unsure = unsure or (not conflicts and _polarity_differs(a, b))  # never agree across a "not"
    pair = _Pair(a, b, score, a.content & b.content, conflicts, dates, unsure)
    rules = VERDICT_RULES if same_story else VERDICT_RULES[-1:]
    for _, rule in rules:
        found = rule(pair)
        if found is not None:
            relation, reasons = found
            break
    else:
        return Judgement("unrelated", score, ())
    if other:
        reasons.append(other)
    if {kinds[0], kinds[1]} == CONTRAST:
        reasons.append("speculation vs reported fact")
    return Judgement(relation, score, tuple(r for r in reasons if r))


def may_relate(candidates: Candidates) -> Indices:
    """Which candidate pairs (by position) meet a cheap necessary condition for any relation:
    two concepts or actors in common, or one when a claim has at most two concepts. It is
    read off the blocking keys, so pairs failing it need no features at all."""
    import numpy as np  # comparison only: the other commands start without loading numpy

    shared, concepts = candidates.topics, candidates.concepts
    small = np.minimum(concepts[candidates.left], concepts[candidates.right]) <= 2
    return np.flatnonzero((shared >= 2) | ((shared == 1) & small))


@attrs.frozen
class TextPair:
    """One input line of ``claimdesk relate``."""

    a: str
    b: str


def relate_texts(pair: TextPair) -> Judgement:
    """The relation of two free-standing claims, each tagged first so speculation against a
    reported fact is said."""
    kinds = (tag_text(pair.a)[0], tag_text(pair.b)[0])
    return judge(features(pair.a), features(pair.b), kinds)


def claim_features(claim: Claim) -> Features:
    """A claim's features, with who it is attributed to as context."""
    return features(claim.text, claim.attribution.who if claim.attribution else "")


def relate_claims(
    claims: Sequence[Claim],
    keep_related: int = KEEP_RELATED,
    items: Sequence[Features] | None = None,
) -> list[Relation]:
    """Every relation between claims of different sources, sorted by claim ids, with only the
    best ``keep_related`` related links per claim (``keep_best``). ``items`` are the claims'
    features when already computed (``claim_features``)."""
    kinds = {claim.id: claim.kind for claim in claims}
    return keep_best(find_relations(claims, items), kinds, keep_related)


def find_relations(
    claims: Sequence[Claim],
    items: Sequence[Features | None] | None = None,
    focus: Collection[int] | None = None,
    keys: Sequence[Collection[str]] | None = None,
    outlets: Mapping[str, str | None] | None = None,
    published: Mapping[str, str | None] | None = None,
) -> list[Relation]:
    """All relations among the candidate pairs of ``claims``, sorted by claim ids.

    ``outlets`` and ``published`` give each source's outlet and publication date, where
    known: a running tally that differs between days is an update, weekdays are read from
    the day of the article, and agreement within one outlet says so (it is no corroboration).

    With ``focus`` (claim indices), only the pairs with at least one claim in it, so a store
    recomputes what changed. ``items`` are the claims' features where already computed (the
    others are ``None``). Given the claims' blocking ``keys`` (``claim_keys``, as a store keeps
    them), features are computed only for the claims of candidate pairs. Related links carry
    the rarity of their shared topic in the batch as ``weight``."""
    import numpy as np  # comparison only: the other commands start without loading numpy

    from checker.compare import bulk
    from checker.compare.blocking import candidate_pairs

    computed = {i: f for i, f in enumerate(items or ()) if f is not None}

    def item(index: int) -> Features:
        if index not in computed:
            computed[index] = claim_features(claims[index])
        return computed[index]

    if keys is None:
        keys = [claim_keys(item(index)) for index in range(len(claims))]
    candidates = candidate_pairs(keys, [claim.source for claim in claims], focus=focus)
    chosen = may_relate(candidates)
    left, right = candidates.left[chosen], candidates.right[chosen]
    involved = np.unique(np.r_[left, right])
    similar = bulk.scores(
        [item(index) for index in involved.tolist()],
        np.searchsorted(involved, left),
        np.searchsorted(involved, right),
    )
    actors = source_actors([claim.source for claim in claims], keys)
    aligned: dict[tuple[str, str], bool] = {}
    topics = [key_topic(each) for each in keys]
    frequency = Counter(concept for topic in topics for concept in topic)
    found: list[Relation] = []
    for i, j, score in zip(left.tolist(), right.tolist(), similar.tolist(), strict=True):
        if claims[i].id > claims[j].id:
            i, j = j, i  # reasons name the claims in the relation's order ("a vs b")
        kinds = (claims[i].kind, claims[j].kind)
        x, y = claims[i].source, claims[j].source
        dates = (published.get(x), published.get(y)) if published else (None, None)
        if (x, y) not in aligned:
            aligned[(x, y)] = aligned[(y, x)] = articles_aligned(
                (actors[x], actors[y]), (_published(dates[0]), _published(dates[1]))
            )
        outlet = same_outlet(outlets or {}, x, y)
        verdict = judge_in_articles(
            (item(i), item(j)), kinds, score, same_story=aligned[(x, y)], dates=dates, outlet=outlet
        )
        if verdict.relation == "unrelated":
            continue
        weight = 0.0
        if verdict.relation == "related":
            shared = topics[i] & topics[j]
            weight = round(sum(math.log(len(claims) / frequency[c]) for c in shared), 6)
        found.append(_relation(claims[i], claims[j], verdict, weight))
    return sorted(found, key=lambda r: (r.a, r.b))


def judge_in_articles(
    items: tuple[Features, Features],
    kinds: tuple[Kind | None, Kind | None],
    score: float,
    *,
    same_story: bool,
    dates: tuple[str | None, str | None],
    outlet: str | None,
) -> Judgement:
    """``judge`` of two claims of two articles, as ``find_relations`` judges each candidate
    pair (and ``checker.compare.partition`` each pair of a block): with the articles' dates,
    whether they tell the same story, and the outlet they share, if any (an agreement within
    one outlet says so: it is no corroboration)."""
    verdict = judge(*items, kinds, score, same_story=same_story, dates=dates, in_articles=True)
    if verdict.relation == "agrees" and outlet:
        verdict = attrs.evolve(verdict, reasons=(*verdict.reasons, f"same outlet: {outlet}"))
    return verdict


def same_outlet(outlets: Mapping[str, str | None], x: str, y: str) -> str | None:
    """The outlet of sources ``x`` and ``y`` when it is the same one (ignoring case)."""
    outlet, other = outlets.get(x), outlets.get(y)
    return outlet if outlet and other and outlet.casefold() == other.casefold() else None


def related_rank(relation: Relation, kinds: Mapping[str, str]) -> tuple[bool, float, float]:
    """How good a related link is, higher first: speculation against a reported fact, then
    the rarer the shared topic, then the score."""
    contrast = {kinds[relation.a], kinds[relation.b]} == CONTRAST
    return contrast, relation.weight, relation.score


def keep_best(
    relations: Iterable[Relation], kinds: Mapping[str, str], keep_related: int = KEEP_RELATED
) -> list[Relation]:
    """``relations`` with only the best ``keep_related`` related links of each claim (a link
    stays when it is among the best of either of its claims), in their order. ``related``
    links are many in a story about one company; the best set speculation against a
    reported fact (the rumour against the record), then share the rarest topic."""
    relations = list(relations)
    ranked: dict[str, list[tuple[tuple[bool, float, float], int]]] = defaultdict(list)
    for index, relation in enumerate(relations):
        if relation.relation == "related":
            rank = related_rank(relation, kinds)
            ranked[relation.a].append((rank, -index))
            ranked[relation.b].append((rank, -index))
    kept = {
        -key for links in ranked.values() for _, key in sorted(links, reverse=True)[:keep_related]
    }
    return [r for i, r in enumerate(relations) if r.relation != "related" or i in kept]


def key_topic(keys: Collection[str]) -> frozenset[str]:
    """``Features.topic`` of a claim from its blocking keys: its concepts and its actors'
    stems."""
    return frozenset(
        key[2:] if key.startswith("c:") else stem(key[2:])
        for key in keys
        if key[:2] in ("c:", "a:")
    )


def _relation(x: Claim, y: Claim, verdict: Judgement, weight: float) -> Relation:
    a, b = sorted((x.id, y.id))
    assert verdict.relation != "unrelated"
    return Relation(a, b, verdict.relation, verdict.score, verdict.reasons, weight)
