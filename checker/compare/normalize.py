"""What a claim is compared on: its concepts, named entities, quantities, times and polarity.

``features(text)`` turns a claim into a ``Features`` record once; pairs of claims are then
compared on these records only (``checker.compare.scoring``, ``checker.compare.relate``). Entities are
capitalised names, lower-cased, with possessives and name-forming hyphens removed
("Amazon’s", "Amazon-affiliated" → ``amazon``); abbreviations are expanded ("EV" → electric
vehicle); concepts are stemmed words with synonym groups applied.
"""

from __future__ import annotations

import functools
import itertools
import re

import attrs
from rapidfuzz import utils

from checker.compare.directions import Direction, directions
from checker.compare.quantities import Quantity, compound_head, find_quantities
from checker.compare.times import TimeRef, find_times
from checker.compare.words import (
    TOKEN,
    abbreviations,
    denials,
    homographs,
    negations,
    opposites,
    past_forms,
    phrases,
    stem,
    stopwords,
    strip_possessive,
    verb_markers,
)
from claims.lexicon import read_list

GRAMS = 4


@attrs.frozen
class Features:
    """A claim's comparable content. ``concepts`` keeps word order; the sets are for overlap."""

    text: str
    concepts: tuple[str, ...]
    content: frozenset[str]
    entities: frozenset[str]
    actors: frozenset[str]
    quantities: tuple[Quantity, ...]
    times: tuple[TimeRef, ...]
    negations: tuple[tuple[str, str], ...]
    denial: str | None
    predicates: frozenset[str]
    sort_key: str
    word_key: str  # the lower-cased words, sorted: token-sort similarity is a plain ratio
    grams: tuple[frozenset[str | tuple[str, ...]], ...]
    numbers: frozenset[str]
    topic: frozenset[str]  # the concepts and the actors' stems: what the claim is about
    core: tuple[str, ...]  # from one named actor to the next ("amazon invest rivian"), or ()
    directions: tuple[Direction, ...]  # "55 km south of Bireun" (``checker.compare.directions``)
    surfaces: dict[str, str] = attrs.field(hash=False, repr=False)  # concept → word as written

    def negated(self, frame: frozenset[str] | None = None) -> bool:
        """An odd number of negations (a denial counts as one) makes the claim a negation.
        With ``frame`` (another claim's concepts), only negations of a concept in it count:
        "whom authorities did not identify" does not negate a claim about something else."""
        cues = [c for c, target in self.negations if frame is None or target in frame]
        return len(cues) % 2 == 1

    def negation_cue(self, frame: frozenset[str] | None = None) -> str:
        return next((c for c, target in self.negations if frame is None or target in frame), "")


@attrs.define
class _Reading:
    """What reading a claim's words left to right collects: concepts in order, named entities,
    negation cues with the first concept after each, a denial, and how each concept was written."""

    concepts: list[str] = attrs.Factory(list)
    entities: set[str] = attrs.Factory(set)
    negation_cues: list[list[str]] = attrs.Factory(list)  # [cue, first concept after it]
    denial: str | None = None
    surfaces: dict[str, str] = attrs.Factory(dict)

    def concept(self, concept: str, written: str) -> None:
        self.concepts.append(concept)
        self.surfaces.setdefault(concept, written)
        for cue in self.negation_cues:
            cue[1] = cue[1] or concept

    def word(self, word: str, capital: bool, before: str) -> None:
        lower = word.lower()
        if _is_negation(lower):
            self.negation_cues.append([word, ""])
        elif lower in denials():
            self.denial = self.denial or word
            self.negation_cues.append([word, ""])
        elif lower in stopwords() or (len(lower) < 2 and not capital):
            return
        else:
            self._content(word, lower, capital, before)

    def _content(self, word: str, lower: str, capital: bool, before: str) -> None:
        nouns = homographs()
        if lower in nouns and before not in verb_markers():
            lower = nouns[lower]  # "a fire broke out": the blaze, not the opposite of hired
        concept = stem(lower)
        self.concepts.append(concept)
        self.surfaces.setdefault(concept, word)
        if head := compound_head(concept):
            self.concepts.append(head)  # "dockworkers" are workers too
            self.surfaces.setdefault(head, word)
        if capital:
            self.surfaces.setdefault(lower, word)
        for cue in self.negation_cues:
            cue[1] = cue[1] or concept
        if capital:
            self.entities.add(lower)


def _is_negation(lower: str) -> bool:
    return lower in negations() or lower.endswith(("n't", "n’t"))


@functools.cache
def _not_negation() -> re.Pattern[str]:
    return re.compile("|".join(read_list("not_negations.txt", "checker")), re.I)


def _read(text: str, hidden: set[int]) -> _Reading:
    reading = _Reading()
    tokens = [match for match in TOKEN.finditer(text) if match.start() not in hidden]
    phrase_at = _phrases_in(text, tokens, hidden)
    previous = ""
    for number, match in enumerate(tokens):
        before, previous = previous, match.group().lower()
        if match.start() in hidden:  # a later word of a phrase (``_phrases_in`` hides them)
            continue
        if match.start() in phrase_at:
            reading.concept(*phrase_at[match.start()])
            continue
        if _is_negation(previous) and _not_negation().match(text, match.start()):
            continue  # "not only", "No. 5", "none other than": no negation, no concept
        for word, capital in _words(
            strip_possessive(match.group()), text, match.end(), number == 0
        ):
            reading.word(word, capital, before)
    return reading


def features(text: str, context: str = "") -> Features:
    """The features of a claim. ``context`` (e.g. who it is attributed to) adds actors only."""
    quantities = find_quantities(text)
    times = find_times(text)
    # "yesterday" and "last night" stay words too: they are read as days only against the
    # article's publication date
    masked = [(q.start, q.end) for q in quantities] + [
        (t.start, t.end) for t in times if t.kind != "relative"
    ]
    hidden = {i for start, end in masked for i in range(start, end)}
    reading = _read(text, hidden)
    concepts, entities, surfaces = reading.concepts, reading.entities, reading.surfaces
    negation_cues, denial = reading.negation_cues, reading.denial

    context_entities = {
        word.lower()
        for match in TOKEN.finditer(context)
        for word, capital in _words(strip_possessive(match.group()), context, match.end(), False)
        if capital and word.lower() not in stopwords()
    }
    content = frozenset(concepts)
    table = opposites()
    keys = sorted(content) + sorted(f"{q.unit}{q.value:g}" for q in quantities)
    return Features(
        text=text,
        concepts=tuple(concepts),
        content=content,
        entities=frozenset(entities),
        actors=frozenset(entities | context_entities),
        quantities=quantities,
        times=times,
        negations=tuple((cue, target) for cue, target in negation_cues),
        denial=denial,
        predicates=frozenset(c for c in content if c in table),
        sort_key=" ".join(keys),
        word_key=" ".join(sorted(text.lower().split())),
        grams=_grams(text),
        numbers=frozenset(f"{q.value:g}" for q in quantities)
        | frozenset(t.value for t in times if not t.said and t.kind != "relative"),
        topic=content | {stem(actor) for actor in entities | context_entities},
        core=_core(concepts, entities, surfaces),
        directions=directions(text),
        surfaces=surfaces,
    )


def _core(concepts: list[str], entities: set[str], surfaces: dict[str, str]) -> tuple[str, ...]:
    """The claim's words from its first named actor to the next different one, with a verb
    in the past between ("Amazon … invested … Rivian"); ``()`` when there is none. Without
    the verb it is a noun phrase ("Kestrel's founder, Mira Lund"), not something that happened."""
    names = {stem(entity) for entity in entities}
    positions = [i for i, concept in enumerate(concepts) if concept in names]
    for first, second in itertools.pairwise(positions):
        middle = concepts[first + 1 : second]
        if (
            middle
            and concepts[first] != concepts[second]
            and any(_past(surfaces.get(concept, "")) for concept in middle)
        ):
            return tuple(concepts[first : second + 1])
    return ()


def _past(word: str) -> bool:
    lower = word.lower()
    return (len(lower) > 4 and lower.endswith("ed")) or lower in past_forms()


def claim_keys(item: Features) -> frozenset[str]:
    """The blocking keys of one claim, tagged by kind: ``c:`` concept, ``a:`` actor,
    ``q:`` quantity. A store keeps them, so blocking needs no features of stored claims."""
    keys = {f"c:{concept}" for concept in item.content}
    keys.update(f"a:{actor}" for actor in item.actors)
    keys.update(f"q:{q.unit}:{q.value:g}" for q in item.quantities)
    return frozenset(keys)


def _phrases_in(
    text: str, tokens: list[re.Match[str]], hidden: set[int]
) -> dict[int, tuple[str, str]]:
    """Where a phrase of ``phrases.txt`` starts (token start → its concept and its words as
    written); the phrase's other tokens are added to ``hidden``."""
    found: dict[int, tuple[str, str]] = {}
    table = phrases()
    for index, match in enumerate(tokens):
        for words, concept in table.get(stem(match.group().lower()), ()):
            run = tokens[index : index + len(words)]
            adjacent = all(
                not text[x.end() : y.start()].strip() for x, y in itertools.pairwise(run)
            )
            if adjacent and tuple(stem(t.group().lower()) for t in run) == words:
                found[match.start()] = (concept, text[match.start() : run[-1].end()])
                hidden.update(t.start() for t in run[1:])
                break
    return found


def _grams(text: str) -> tuple[frozenset[str | tuple[str, ...]], ...]:
    """The 1- to 4-grams of the claim's stemmed words and numbers, for word-order overlap
    (words, then tuples of 2, 3 and 4 words)."""
    words = [stem(word) for word in utils.default_process(text).split()]
    grams: list[frozenset[str | tuple[str, ...]]] = [frozenset(words)]
    for n in range(2, GRAMS + 1):  # the shifted copies are shorter: zip stops at the last gram
        grams.append(frozenset(zip(*(words[i:] for i in range(n)), strict=False)))
    return tuple(grams)


def _words(token: str, text: str, end: int, initial: bool) -> list[tuple[str, bool]]:
    """The words of a token with whether each is a name: abbreviations expanded, hyphenated
    parts split ("Amazon-affiliated" → Amazon, affiliated)."""
    expansion = abbreviations().get(token)
    if expansion:
        return [(word, word[:1].isupper()) for word in expansion]
    parts = token.replace("’", "'").split("-") if "-" in token else [token]
    words = []
    for part in parts:
        if not part:
            continue
        capital = part[:1].isupper() and part.lower() not in stopwords()
        if capital and initial and len(parts) == 1:
            capital = _name_at_start(part, text, end)
        words.append((part, capital))
    return words


def _name_at_start(word: str, text: str, end: int) -> bool:
    """A capitalised first word is a name if it is written like one (all capitals, inner
    capitals), is followed by another capitalised word, or does not look like a common noun,
    verb or adverb form."""
    if (word.isupper() and len(word) > 1) or any(c.isupper() for c in word[1:]):
        return True
    following = text[end:].lstrip(" ")
    if following[:1].isupper():
        return True
    return not word.lower().endswith(("s", "ing", "ed", "ly", "tion", "ity"))
