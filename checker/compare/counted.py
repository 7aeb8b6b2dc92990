"""What a figure counts, read from the words around it: the tally (the killed or the
injured), the whole a share is of, the kind of a sum, the place of a count, two groups
counted together, a bound carried to a conversion, and the measure a thing is named by ("the
17-inch"). ``checker.compare.conflicts`` compares only figures that can count one thing."""

from __future__ import annotations

import functools
import re

from checker.compare.normalize import Features
from checker.compare.quantities import Quantity, converted
from checker.compare.words import pairs, stem, stopwords, tallies
from claims.lexicon import read_list

_WORD = re.compile(r"[A-Za-z]+")


# tally words that count the same people: the dead are the killed, the wounded the injured
TALLY_GROUPS = {
    stem(word): stem(group)
    for group, words in (
        ("killed", ("kill", "dead", "death", "died", "die", "toll", "bodies", "victims")),
        ("injured", ("injuring", "injure", "wounded", "wounding", "hurt", "hospitalized")),
    )
    for word in (group, *words)
}


TALLY_REACH = 40  # characters between a figure and the tally word it counts


def _tally_of(text: str, quantity: Quantity) -> str | None:
    """The running tally a figure counts: the nearest tally word ("killing at least five",
    "five people were injured"), so the killed are not compared with the injured."""
    return _nearest_tally(text, quantity.start, quantity.end)


@functools.lru_cache(maxsize=65536)
def _nearest_tally(text: str, start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for word in _WORD.finditer(text):
        concept = stem(word.group().lower())
        if concept not in tallies():
            continue
        gap = max(word.start() - end, start - word.end(), 0)
        if gap <= TALLY_REACH and (best is None or gap < best[0]):
            best = (gap, TALLY_GROUPS.get(concept, concept))
    return best[1] if best else None


def _same_tally(a: Features, x: Quantity, b: Features, y: Quantity) -> bool:
    """Whether the figures can count the same people: the killed are not the injured ("Ten
    people were killed" against "injuring five people")."""
    ours, theirs = _tally_of(a.text, x), _tally_of(b.text, y)
    return ours is None or theirs is None or ours == theirs


_WHOLE = {word: re.compile(rf"\s+{word}\s+((?:[\w’'-]+\s*){{1,8}})") for word in ("of", "in")}


def _same_whole(a: Features, x: Quantity, b: Features, y: Quantity) -> bool:
    """Whether two shares can be of one whole, or two sums of one kind: "82 percent of India's
    voice traffic to Europe" is not a share of "traffic to India", "$4.2 billion in cash" not
    "$5.4 billion in cash and stock". Compared only when both claims say."""
    if x.unit == "percent":
        ours, theirs = _whole(a.text, x.end), _whole(b.text, y.end)
    elif x.unit in _money():
        ours, theirs = _whole(a.text, x.end, "in"), _whole(b.text, y.end, "in")
    elif x.noun and y.noun:
        ours, theirs = _place(a.text, x), _place(b.text, y)
    else:
        return True
    return not (ours and theirs) or ours == theirs


# a count's noun, up to three words ("people dead and missing", "people were killed"), then
# where: "in the province", "across 14 countries", "around the Indian Ocean"
_PLACE = re.compile(
    r"\s+([\w’'-]+)((?:\s+[a-z]+){0,3}?)\s+(?:in|across|around|throughout)\s+"
    r"((?:[\w’'-]+\s*){1,3})"
)


def _place(text: str, quantity: Quantity) -> frozenset[str]:
    """Where a count is counted, when a place follows its noun: "170,000 people in the
    province" is not "230,000 people dead and missing in a dozen countries". A place is a
    name or a place noun (``place_nouns.txt``): "12 people in the quake" says no place."""
    match = _PLACE.match(text, quantity.end)
    if not match or match.group(1) != quantity.noun:
        return frozenset()
    words = _content_words(match.group(3), _WHOLE_ENDS | {"and"})
    named = any(w[:1].isupper() for w in _WORD.findall(match.group(3))[:3])
    return words if named or words & _place_nouns() else frozenset()


@functools.cache
def _place_nouns() -> frozenset[str]:
    return frozenset(stem(noun) for noun in read_list("place_nouns.txt", "checker"))


@functools.cache
def _money() -> frozenset[str]:
    return frozenset(unit for unit in pairs("currencies.txt").values())


def _whole(text: str, end: int, joint: str = "of") -> frozenset[str]:
    """The content words of what a share is of ("of the network in India": network, india),
    to the first verb of saying or being, or punctuation."""
    match = _WHOLE[joint].match(text, end)
    return _content_words(match.group(1), _WHOLE_ENDS) if match else frozenset()


def _content_words(phrase: str, ends: frozenset[str]) -> frozenset[str]:
    """The stems of a phrase's words that are not stopwords, up to the first of ``ends``."""
    words = []
    for word in _WORD.findall(phrase):
        lower = word.lower()
        if lower in ends:
            break
        if lower not in stopwords():
            words.append(stem(lower))
    return frozenset(words)


_WHOLE_ENDS = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "said", "says"}
)


# "420 passengers and crew": one count of two groups, not a count of the first alone
_COMBINED = re.compile(r"\s+[A-Za-z-]+\s+and\s+([a-z]+)\b")


def _combined(text: str, quantity: Quantity) -> bool:
    """Whether the figure counts its noun and another together ("420 passengers and crew")."""
    match = _COMBINED.match(text, quantity.end)
    if match is None or quantity.noun == "":
        return False
    other = match.group(1)  # not a second figure ("12 points and four assists") nor a verb
    numbers, _ = _measure_words()
    return other not in stopwords() and other not in numbers and not other.endswith(("ing", "ed"))


# a depth, not a distance along the ground: "at a depth of 1.1 miles", "10 km deep",
# "35 kilometres below the surface"
_DEPTH_BEFORE = re.compile(r"\bdepths?\s+of\s+(?:about\s+|some\s+|around\s+)?$", re.I)
_DEPTH_AFTER = re.compile(r"\s*(?:\([^)]{0,20}\)\s*)?(?:deep|below|beneath|underground)\b", re.I)


def _depth(text: str, quantity: Quantity) -> bool:
    """Whether the figure is a depth ("at a depth of 1.1 miles"): a quake's depth is not its
    distance from a town ("two miles from The Geysers")."""
    return bool(
        _DEPTH_BEFORE.search(text, max(0, quantity.start - 30), quantity.start)
        or _DEPTH_AFTER.match(text, quantity.end)
    )


# a record, not anyone's current figure: "Rodney Buford's school scoring record of 2,116
# points" is what was passed, not what the new leader has ("now has 2,129 points")
_RECORD_BEFORE = re.compile(r"\brecords?\s+(?:of\s+)?(?:about\s+|some\s+)?$", re.I)


def _record(text: str, quantity: Quantity) -> bool:
    """Whether the figure is a record ("a record of 2,116 points", "the record 110 goals")."""
    return bool(_RECORD_BEFORE.search(text, max(0, quantity.start - 20), quantity.start))


def _bound_converted(item: Features, quantity: Quantity) -> bool:
    """The figure is the conversion of a bound the claim states: "less than 50 km (30
    miles)" bounds the miles too, which are read as written."""
    return any(
        other.unit != quantity.unit
        and (other.low == 0 or other.high == float("inf"))
        and other.low != other.high
        and converted(other, quantity)
        for other in item.quantities
    )


def _entities_apart(a: Features, b: Features) -> bool:
    """Both claims name someone and share no name: "Bush missed four games" and "Phillips
    missed three games, Saints coach Payton said" are two players' absences."""
    if not (a.entities and b.entities) or a.entities & b.entities:
        return False
    return not any(stem(e) in b.content for e in a.entities) and not any(
        stem(e) in a.content for e in b.entities
    )


# an attributive measure: "the 17-inch MacBook Pro", "an eight-year offer" (not an age: "a
# 22-year-old" and "her 12-year-old" are often two people of one story)
_MEASURE = re.compile(
    r"\b(\d[\d,]*(?:\.\d+)?|[a-z]+)-([a-z]+)\b(?!-old)|\b(\d+(?:\.\d+)?)[\"”](?=\s+[a-z])", re.I
)


@functools.lru_cache(maxsize=65536)
def _measures(text: str) -> dict[str, set[str]]:
    """The measures a claim names things by, as {noun: values written} (cached by text: every
    pair a claim is in asks; callers only read it)."""
    numbers, nouns = _measure_words()
    found: dict[str, set[str]] = {}
    for match in _MEASURE.finditer(text):
        if match.group(3):  # the 13" model: inches
            found.setdefault("inch", set()).add(match.group(3))
            continue
        value, noun = match.group(1).lower(), match.group(2).lower().removesuffix("s")
        if noun in nouns and (value[0].isdigit() or value in numbers):
            found.setdefault(noun, set()).add(numbers.get(value, value.replace(",", "")))
    return found


@functools.cache
def _measure_words() -> tuple[dict[str, str], frozenset[str]]:
    """Number words with the digits they stand for ("eight" → "8"), and the measure nouns."""
    numbers = {"one": "1"}
    for line in read_list("number_words.txt", "checker"):
        word, value, *_ = line.split()
        numbers[word] = value
    return numbers, frozenset(read_list("measure_nouns.txt", "checker"))


def measures_differ(a: Features, b: Features) -> bool:
    """Both claims name a thing by a measure of one kind, and no measure is in both: the
    17-inch model's price is not the 15-inch model's, a seven-year offer not an eight-year one."""
    ours, theirs = _measures(a.text), _measures(b.text)
    return any(not ours[kind] & theirs[kind] for kind in ours.keys() & theirs.keys())


@functools.cache
def _identifying_units() -> frozenset[str]:
    return frozenset(read_list("identifying_units.txt", "checker"))


def identities_differ(a: Features, b: Features) -> str | None:
    """The two figures of a unit that names a thing (``identifying_units.txt``) in which the
    claims differ, with no figure of that unit alike: "magnitude 4.4" and "a 4.6-magnitude
    quake" are two quakes, or a preliminary and a revised figure of one."""
    if not (a.quantities and b.quantities):
        return None
    for unit in _identifying_units():
        ours = [q for q in a.quantities if q.unit == unit]
        theirs = [q for q in b.quantities if q.unit == unit]
        if ours and theirs and not any(x.value == y.value for x in ours for y in theirs):
            return f"{unit} differs: {ours[0].text} vs {theirs[0].text}"
    return None
