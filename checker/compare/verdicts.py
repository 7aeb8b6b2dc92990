"""The verdict rules of a pair of claims, in order: the first that answers decides
(``VERDICT_RULES``); ``checker.compare.relate.judge`` runs them. Each rule reads a
:class:`_Pair` (the two claims' features, their similarity, their shared concepts and the
slots in which they conflict, ``checker.compare.conflicts``) and gives a relation with the
reasons a person can check, or nothing.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

import attrs
from rapidfuzz import fuzz

from checker.compare.conflicts import _clocks, _figures_comparable, _surface
from checker.compare.counted import _same_tally, _tally_of, measures_differ
from checker.compare.normalize import Features
from checker.compare.words import opposites, stem, stopwords, tallies
from claims.lexicon import lower_set

if TYPE_CHECKING:
    from checker.compare.quantities import Quantity

RelationKind = Literal["agrees", "contradicts", "updates", "related"]

AGREE = 0.3  # score from which two claims state the same proposition (best MRPC F1)
RELATED_SHARED = 3  # concepts in common that make claims related without a shared actor
PROVISIONAL = frozenset({"toll", "far"})  # "the death toll", "so far": a figure still counted
SAME_FIGURE_CONCEPTS = 2  # concepts two claims with one telling figure must share to agree
LARGE = 1000  # a figure this large of the same thing, in the same story, is one fact
TELLING = 10  # a count below this ("two", "5") says too little alone to make an agreement
FRAME = 0.5  # share of the smaller claim's concepts the other must have for a contradiction
TALLIES = 2  # figures of running tallies, all alike, that make an agreement alone
WITHIN = 4  # concepts a claim needs for "all of it is in the other" to be an agreement


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
    same_actors = (
        not (private[0] and private[1])
        and not _apart(a, b)
        and (bool(a.actors & b.actors) or not (_names(a, b) and _names(b, a)))
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
    if pair.score < AGREE or pair.conflicts or _apart(a, b):
        return None
    if _same_frame(a, b) and _figures_match(a, b):
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
    if pair.unsure or _apart(pair.a, pair.b):
        return None
    if not pair.conflicts and (
        core := _core_within(pair.a, pair.b) or _core_within(pair.b, pair.a)
    ):
        return "agrees", [f"one claim's core is in the other: {core}"]
    return None


def _same_figure(pair: _Pair) -> tuple[RelationKind, list[str]] | None:
    """The same telling figure of the same thing, converted where need be ("a depth of 35
    kilometers" and "a depth of 22 miles"), with at least two concepts in common and nothing in
    conflict: one fact stated alike however the rest is worded. A count of the same running
    tally in both ("three bank workers died", "left three bank workers dead") tells however
    small, with one concept in common."""
    a, b = pair.a, pair.b
    if pair.unsure or pair.conflicts or not pair.shared:
        return None
    if _other_actors(a, b):
        return None  # "Echenique had 11 points" is not "McDermott scored his 11th point"
    if measures_differ(a, b):
        return None  # $1,499 for the 13-inch model is not $1,499 for the 15-inch
    for qa in a.quantities:
        tally = _tally_of(a.text, qa)
        for qb in b.quantities:
            converted = qa.unit != qb.unit
            large = qa.value >= LARGE  # "$108 million", "14,000 people": telling alone
            toll = tally is not None and tally == _tally_of(b.text, qb)
            if len(pair.shared) < SAME_FIGURE_CONCEPTS and not (converted or large or toll):
                continue
            exact = _stated(qa) and _stated(qb)  # not "thousands", "millions"
            telling = qa.unit and (qa.value >= TELLING or converted or "." in qa.text or toll)
            if exact and telling and qa.same_figure(qb):
                figure = qa.text if qa.unit == qb.unit else f"{qa.text} = {qb.text}"
                return "agrees", [
                    f"same figure: {figure} ({qa.label()})",
                    _shared(pair.a, pair.shared, "same frame"),
                ]
    return None


def _same_tallies(pair: _Pair) -> tuple[RelationKind, list[str]] | None:
    """Every figure of the claim with fewer is the same figure of the same running tally in
    the other, and there are at least two ("24 dead and over 200 injured" against "at least 24
    people were killed and more than 200 injured"): one toll retold, whatever the wording."""
    a, b = sorted((pair.a, pair.b), key=lambda item: len(item.quantities))
    if pair.unsure or pair.conflicts or _other_actors(a, b):
        return None
    if len(a.quantities) < TALLIES or measures_differ(a, b):
        return None
    same = []
    for qa in a.quantities:
        tally = _tally_of(a.text, qa)
        if tally is None or not _stated(qa):
            return None
        if not any(
            _stated(qb) and qb.value == qa.value and _tally_of(b.text, qb) == tally
            for qb in b.quantities
        ):
            return None
        same.append(f"{qa.text} ({tally})")
    return "agrees", ["same tallies: " + ", ".join(same)]


def _same_time(pair: _Pair) -> tuple[RelationKind, list[str]] | None:
    """The same time of day to the minute ("The temblor occurred at 9:27 a.m." and "the
    4.4-magnitude temblor on Sunday at 9:27 a.m."), every time of each claim in the other, a
    concept in common and nothing in conflict: one moment of one event told alike."""
    a, b = pair.a, pair.b
    if pair.unsure or pair.conflicts or not pair.shared or _other_actors(a, b):
        return None
    ours, theirs = _clocks(a.text), _clocks(b.text)
    if not ours or ours != theirs or measures_differ(a, b):
        return None
    hour, minute = min(ours)
    return "agrees", [
        f"same time of day: {hour:02d}:{minute:02d}",
        _shared(a, pair.shared, "same frame"),
    ]


def _other_actors(a: Features, b: Features) -> bool:
    """Both claims name actors, and none in common."""
    return bool(a.actors and b.actors and not a.actors & b.actors)


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
    ("same tallies", _same_tallies),
    ("same time", _same_time),
    ("shared topic", _topic),
)


def _related_topic(a: Features, b: Features, shared: frozenset[str]) -> frozenset[str] | None:
    """The topic two claims share besides their actors when they are related: shared actors
    and something more, or ``RELATED_SHARED`` concepts in common; else ``None``."""
    topic = shared - _actor_stems(a, b) if a.actors & b.actors else shared
    if (topic and a.actors & b.actors) or len(shared) >= RELATED_SHARED:
        return topic
    return None


def _apart(a: Features, b: Features) -> bool:
    """Each claim names someone or something the other does not ("The Saints placed Pierre
    Thomas on injured reserve", "... placed Reggie Bush on injured reserve"), or names its
    thing by another measure ("the 13-inch model", "the 15-inch"): not one fact."""
    if measures_differ(a, b):
        return True
    ours, theirs = _names(a, b) - b.entities, _names(b, a) - a.entities
    if not (ours and theirs):
        return False
    if any(_variant(x, y) for x in ours for y in theirs) or _acronym(ours, theirs):
        return False  # "Muqtada" and "Moqtada", "Tim" and "Timothy", "AP" and "Associated
        # Press": one name written two ways
    known, shared = a.entities | b.entities, a.entities & b.entities
    # a lone name on both sides may be a place ("off Aceh", "off Indonesia"): one side must
    # give a full name in the slot the other fills with another name
    return any(
        (long_a > 1 or long_b > 1) and slots_a & slots_b
        for long_a, slots_a in _name_slots(a.text, ours, known, shared)
        for long_b, slots_b in _name_slots(b.text, theirs, known, shared)
    )


VARIANT = 75  # rapidfuzz ratio from which two names are spellings of one


def _acronym(ours: set[str], theirs: set[str]) -> bool:
    """One side's name is the initials of the other's ("ATA", "Air Transport Association")."""
    for short, long in ((ours, theirs), (theirs, ours)):
        initials = {name[0] for name in long}
        if any(len(name) > 1 and set(name) <= initials for name in short):
            return True
    return False


def _variant(x: str, y: str) -> bool:
    return x.startswith(y) or y.startswith(x) or fuzz.ratio(x, y) >= VARIANT


_WORD = re.compile(r"[A-Za-z][A-Za-z.']*")


def _name_slots(
    text: str, names: set[str], known: frozenset[str], shared: frozenset[str]
) -> list[tuple[int, set[str]]]:
    """Where names stand in a claim: for each run of them, its length in words and the words
    around it ("before back" for "running back Pierre Thomas"). Words too common to tell a
    slot, and other names ("Adm. Hal Gehman", "Admiral Harold Gehman": the shared surname),
    are left out; so are speakers ("Police allege", "Constable Tim Fanning allege"), who are
    not participants, and titles before a name in both ("Sgt." and "Sergeant" La Croix)."""
    words = [w.lower().rstrip(".'") for w in _WORD.findall(text)]
    runs = []
    for index, word in enumerate(words):
        if word not in names or (index and words[index - 1] in names):
            continue
        end = index
        while end + 1 < len(words) and words[end + 1] in names:
            end += 1
        following = words[end + 1] if end + 1 < len(words) else ""
        if stem(following) in _speaking() or following in shared:
            continue  # a speaker, or a title of a name both give ("Sgt. La Croix")
        slots = {
            f"{side} {words[at]}"
            for side, at in (("before", index - 1), ("after", end + 1))
            if 0 <= at < len(words) and words[at] not in stopwords() and words[at] not in known
        }
        runs.append((end - index + 1, slots))
    return runs


@functools.cache
def _speaking() -> frozenset[str]:
    """The stems of the verbs of saying ("allege" as "alleged", "says" as "said")."""
    return frozenset(stem(verb) for verb in lower_set("attribution_verbs.txt"))


def _names(a: Features, b: Features) -> set[str]:
    """The entities of ``a`` that are names for this comparison: not those ``b`` writes as a
    common word ("Container traffic ..." against "... container traffic ...": a capitalised
    first word is often no name)."""
    return {e for e in a.entities if e in b.entities or stem(e) not in b.content}


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
    """Every unit both claims count has one figure the same in both, of the same running
    tally: two claims that state "about 55 miles" and "about 65 miles" do not agree, though
    neither excludes the other, nor do "two people were killed" and "two people were injured"."""
    units = {q.unit for q in a.quantities} & {q.unit for q in b.quantities}
    return all(
        any(
            qa.same_figure(qb) and _same_tally(a, qa, b, qb)
            for qa in a.quantities
            for qb in b.quantities
            if qa.unit == unit
        )
        for unit in units
    )
