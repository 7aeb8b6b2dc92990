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
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import attrs

from checker.compare.alignment import articles_aligned, source_actors
from checker.compare.conflicts import (
    _conflicts,
    _figures_comparable,
    _polarity_differs,
    _published,
    _surface,
    _tally_of,
    _weekdays_differ,
)
from checker.compare.normalize import Features, claim_keys, features
from checker.compare.scoring import similarity
from checker.compare.words import opposites, stem, tallies
from claims.models import Claim, Kind
from claims.tagger import tag_text

if TYPE_CHECKING:
    from checker.compare.blocking import Candidates
    from checker.compare.bulk import Indices
    from checker.compare.quantities import Quantity

RelationKind = Literal["agrees", "contradicts", "updates", "related"]
Verdict = Literal["agrees", "contradicts", "updates", "related", "unrelated"]
RELATIONS: tuple[RelationKind, ...] = ("agrees", "contradicts", "updates", "related")

AGREE = 0.3  # score from which two claims state the same proposition (best MRPC F1)
RELATED_SHARED = 3  # concepts in common that make claims related without a shared actor
PROVISIONAL = frozenset({"toll", "far"})  # "the death toll", "so far": a figure still counted
SAME_FIGURE_CONCEPTS = 2  # concepts two claims with one telling figure must share to agree
LARGE = 1000  # a figure this large of the same thing, in the same story, is one fact
TELLING = 10  # a count below this ("two", "5") says too little alone to make an agreement
FRAME = 0.5  # share of the smaller claim's concepts the other must have for a contradiction
CONTRAST = {"speculation", "fact"}  # the kinds that set a rumour against the record
WITHIN = 4  # concepts a claim needs for "all of it is in the other" to be an agreement
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
    conflicts = tuple(_conflicts(a, b, score, dates, in_articles=in_articles))
    unsure = in_articles and not all(dates) and _weekdays_differ(a, b)
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
    if {kinds[0], kinds[1]} == CONTRAST:
        reasons.append("speculation vs reported fact")
    return Judgement(relation, score, tuple(r for r in reasons if r))


@attrs.frozen
class _Pair:
    """Two claims' features with what the verdict rules share: their similarity, their shared
    concepts and the slots in which they conflict."""

    a: Features
    b: Features
    score: float
    shared: frozenset[str]
    conflicts: tuple[str, ...]
    dates: tuple[str | None, str | None] = (None, None)  # the articles' publication dates
    unsure: bool = False  # no agreement: unanchored weekdays differ, or one claim negates


VerdictRule = Callable[[_Pair], tuple[RelationKind, list[str]] | None]


def _conflict_frame(pair: _Pair) -> str | None:
    """The shared frame of two claims of the same actors that conflict, if they do. Claims
    that each name someone the other does not ("Bush will miss two games", "Thomas missed
    nine games") are about different people, whatever else they share."""
    a, b = pair.a, pair.b
    private = (_names(a, b) - b.entities, _names(b, a) - a.entities)
    same_actors = not (private[0] and private[1]) and (
        bool(a.actors & b.actors) or not (_names(a, b) and _names(b, a))
    )
    if pair.conflicts and same_actors and _same_frame(a, b):
        return _shared(a, pair.shared, "same frame")
    if same_actors and pair.conflicts and all(c.startswith("direction") for c in pair.conflicts):
        same = _same_figures(a, b)  # "55 km south of Bireun", "55 km west of Bireun"
        return "; ".join(same) if same else None
    return None


def _update(pair: _Pair) -> tuple[RelationKind, list[str]] | None:
    """A running tally (the killed, the injured, homes destroyed) whose figure differs between
    two reports of the same actors and frame: an update when the reports are of different
    days, or of unknown days with a figure given as provisional ("at least 30", "the toll")."""
    a, b = pair.a, pair.b
    first, second = pair.dates
    if (first and first == second) or not (a.quantities and b.quantities):
        return None
    if not pair.shared & tallies() or not all(c.startswith("number") for c in pair.conflicts):
        return None
    changed = _changed_figure(a, b)
    if changed is None:
        return None
    if not (first and second) and not _provisional(a, b):
        return None
    same_actors = bool(a.actors & b.actors) or not (_names(a, b) and _names(b, a))
    if not (same_actors and _same_frame(a, b)):
        return None
    when = f"reported {first} and {second}" if first and second else "report dates unknown"
    return "updates", [changed, when, _shared(a, pair.shared, "same frame")]


def _changed_figure(a: Features, b: Features) -> str | None:
    """The two figures of one counted thing that differ, if the claims state no same one."""
    if not _figures_comparable(a, b, tally=True) or not a.quantities or not b.quantities:
        return None
    pairs = [
        (x, y)
        for x in a.quantities
        for y in b.quantities
        if x.unit == y.unit and x.unit and _tally_of(a.text, x) == _tally_of(b.text, y)
    ]
    if not pairs or any(x.same_figure(y) for x, y in pairs):
        return None
    x, y = min(pairs, key=lambda p: abs(p[0].value - p[1].value))
    return f"figure changed: {x.text} vs {y.text} ({x.label()})"


def _provisional(a: Features, b: Features) -> bool:
    """A figure given as a lower bound, or as the toll so far."""
    bounded = any(q.high == math.inf for q in (*a.quantities, *b.quantities))
    return bounded or bool((a.content | b.content) & PROVISIONAL)


def _contradiction(pair: _Pair) -> tuple[RelationKind, list[str]] | None:
    """A conflict between claims of the same actors in the same frame."""
    frame = _conflict_frame(pair)
    return None if frame is None else ("contradicts", [*pair.conflicts, frame])


def _same_proposition(pair: _Pair) -> tuple[RelationKind, list[str]] | None:
    """Alike enough, in the same frame, without a conflict."""
    if pair.unsure:
        return None
    a, b = pair.a, pair.b
    if pair.score >= AGREE and not pair.conflicts and _same_frame(a, b) and _figures_match(a, b):
        return "agrees", [_shared(a, pair.shared, "same proposition"), *_same_figures(a, b)]
    return None


def _whole_within(pair: _Pair) -> tuple[RelationKind, list[str]] | None:
    """Every concept and figure of one claim is in the other."""
    if pair.unsure:
        return None
    if not pair.conflicts and (whole := _all_within(pair.a, pair.b) or _all_within(pair.b, pair.a)):
        return "agrees", [f"all of one claim is in the other: {whole}"]
    return None


def _core_in(pair: _Pair) -> tuple[RelationKind, list[str]] | None:
    """One claim's actor-verb-actor core is in the other."""
    if pair.unsure:
        return None
    if not pair.conflicts and (
        core := _core_within(pair.a, pair.b) or _core_within(pair.b, pair.a)
    ):
        return "agrees", [f"one claim's core is in the other: {core}"]
    return None


def _same_figure(pair: _Pair) -> tuple[RelationKind, list[str]] | None:
    """The same telling figure of the same thing, converted where need be ("a depth of 35
    kilometers" and "a depth of 22 miles"), with at least two concepts in common and nothing in
    conflict: one fact stated alike however the rest is worded."""
    a, b = pair.a, pair.b
    if pair.unsure or pair.conflicts or not pair.shared:
        return None
    if a.actors and b.actors and not a.actors & b.actors:
        return None  # "Echenique had 11 points" is not "McDermott scored his 11th point"
    for qa in a.quantities:
        for qb in b.quantities:
            converted = qa.unit != qb.unit
            large = qa.value >= LARGE  # "$108 million", "14,000 people": telling alone
            if len(pair.shared) < SAME_FIGURE_CONCEPTS and not (converted or large):
                continue
            exact = _stated(qa) and _stated(qb)  # not "thousands", "millions"
            telling = qa.unit and (qa.value >= TELLING or converted or "." in qa.text)
            if exact and telling and qa.same_figure(qb):
                figure = qa.text if qa.unit == qb.unit else f"{qa.text} = {qb.text}"
                return "agrees", [
                    f"same figure: {figure} ({qa.label()})",
                    _shared(pair.a, pair.shared, "same frame"),
                ]
    return None


def _stated(quantity: Quantity) -> bool:
    """A figure stated as a number ("24", "at least 24", "about 14,000") or an exact number
    word, not a vague amount ("thousands", "dozens") nor a range."""
    if quantity.span:
        return False  # a stated range is the same only as the same range (``same_figure``)
    return quantity.low == quantity.high or any(c.isdigit() for c in quantity.text)


def _topic(pair: _Pair) -> tuple[RelationKind, list[str]] | None:
    """A rare topic shared beside the actors."""
    topic = _related_topic(pair.a, pair.b, pair.shared)
    if topic is None:
        return None
    return "related", [_actors(pair.a, pair.b), _shared(pair.a, topic, "shared topic")]


# The verdicts in order: the first rule that answers decides; none answering is "unrelated".
VERDICT_RULES: tuple[tuple[str, VerdictRule], ...] = (
    ("update", _update),
    ("contradiction", _contradiction),
    ("same proposition", _same_proposition),
    ("whole claim within", _whole_within),
    ("core within", _core_in),
    ("same figure", _same_figure),
    ("shared topic", _topic),
)


def _related_topic(a: Features, b: Features, shared: frozenset[str]) -> frozenset[str] | None:
    """The topic two claims share besides their actors when they are related: shared actors
    and something more, or ``RELATED_SHARED`` concepts in common; else ``None``."""
    topic = shared - _actor_stems(a, b) if a.actors & b.actors else shared
    if (topic and a.actors & b.actors) or len(shared) >= RELATED_SHARED:
        return topic
    return None


def _names(a: Features, b: Features) -> set[str]:
    """The entities of ``a`` that are names for this comparison: not those ``b`` writes as a
    common word ("Container traffic ..." against "... container traffic ...": a capitalised
    first word is often no name)."""
    return {e for e in a.entities if e in b.entities or stem(e) not in b.content}


def may_relate(candidates: Candidates) -> Indices:
    """Which candidate pairs (by position) meet a cheap necessary condition for any relation:
    two concepts or actors in common, or one when a claim has at most two concepts. It is
    read off the blocking keys, so pairs failing it need no features at all."""
    import numpy as np  # comparison only: the other commands start without loading numpy

    shared, concepts = candidates.topics, candidates.concepts
    small = np.minimum(concepts[candidates.left], concepts[candidates.right]) <= 2
    return np.flatnonzero((shared >= 2) | ((shared == 1) & small))


def _same_frame(a: Features, b: Features) -> bool:
    """Most of the smaller claim's concepts and figures are in the other, leaving out the
    predicates that oppose each other: at least two and ``FRAME`` of them, or all."""
    table = opposites()
    frame_a = (a.content | a.numbers) - {c for c in a.predicates if table[c] & b.predicates}
    frame_b = (b.content | b.numbers) - {c for c in b.predicates if table[c] & a.predicates}
    smaller = min(len(frame_a), len(frame_b))
    shared = len(frame_a & frame_b)
    return bool(smaller) and ((shared >= 2 and shared >= FRAME * smaller) or shared == smaller)


def _all_within(a: Features, b: Features) -> str:
    """All of ``a`` — at least ``WITHIN`` concepts, and its figures — when ``b`` says it too
    (with more: where, when, why), as written in ``a``; else ``""``."""
    if len(a.content) < WITHIN or not a.content <= b.content:
        return ""
    if not all(
        any(qa.value == qb.value and qa.unit == qb.unit for qb in b.quantities)
        for qa in a.quantities
    ):
        return ""
    words = [_surface(a, c) for c in a.concepts] + [q.text for q in a.quantities]
    return ", ".join(dict.fromkeys(words))


def _core_within(a: Features, b: Features) -> str:
    """The core of ``a`` (``Features.core``) when all of it is in ``b``, counting who ``b``
    is attributed to; else ``""``."""
    if a.core and b.topic.issuperset(a.core):
        return " … ".join(_surface(a, concept) for concept in a.core)
    return ""


def _shared(item: Features, concepts: frozenset[str], label: str) -> str:
    if not concepts:
        return ""
    words = [_surface(item, c) for c in item.concepts if c in concepts]
    return f"{label}: " + ", ".join(dict.fromkeys(words))


def _actor_stems(a: Features, b: Features) -> frozenset[str]:
    return frozenset(stem(actor) for actor in a.actors & b.actors)


def _actors(a: Features, b: Features) -> str:
    shared = sorted(a.actors & b.actors)
    return (
        "shared actors: " + ", ".join(_display(a, b, actor) for actor in shared) if shared else ""
    )


def _display(a: Features, b: Features, actor: str) -> str:
    return a.surfaces.get(actor) or b.surfaces.get(actor) or actor.title()


def _same_figures(a: Features, b: Features) -> list[str]:
    return [
        f"same figure: {qa.text}"
        for qa in a.quantities
        if any(qa.same_figure(qb) for qb in b.quantities)
    ]


def _figures_match(a: Features, b: Features) -> bool:
    """Every unit both claims count has one figure the same in both: two claims that state
    "about 55 miles" and "about 65 miles" do not agree, though neither excludes the other."""
    units = {q.unit for q in a.quantities} & {q.unit for q in b.quantities}
    return all(
        any(qa.same_figure(qb) for qa in a.quantities for qb in b.quantities if qa.unit == unit)
        for unit in units
    )


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
    topics = [_key_topic(each) for each in keys]
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


def _key_topic(keys: Collection[str]) -> frozenset[str]:
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
