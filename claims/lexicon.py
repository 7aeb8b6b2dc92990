"""Word lists and cue lexicons, loaded from the data files shipped in ``claims/data``.

Each list is a plain text file, one entry a line, ``#`` starting a comment line. Cue files hold
``weight phrase`` lines; see ``data/cues/hedge.txt`` for the phrase syntax.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import attrs

from claims.models import CUE_TYPES, CueType


def read_list(name: str, package: str = "claims") -> tuple[str, ...]:
    """The entries of ``<package>/data/<name>``, comments and blank lines dropped, order kept."""
    text = resources.files(package).joinpath("data", *name.split("/")).read_text("utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@functools.cache
def word_set(name: str, package: str = "claims") -> frozenset[str]:
    """The entries of a one-word-per-line list, case kept."""
    return frozenset(read_list(name, package))


@functools.cache
def lower_set(name: str, package: str = "claims") -> frozenset[str]:
    """The entries of a list, lower-cased."""
    return frozenset(entry.lower() for entry in read_list(name, package))


@functools.cache
def month_names() -> tuple[tuple[str, int], ...]:
    """Month names and their abbreviations with the month's number, full names first in each
    month (``data/month_names.txt``)."""
    pairs = (line.rsplit(None, 1) for line in read_list("month_names.txt"))
    return tuple((name, int(number)) for name, number in pairs)


@functools.cache
def month_abbreviations() -> frozenset[str]:
    """The short forms of month names ("Sept", "Jan"): every name but the first of its month."""
    seen: set[int] = set()
    short = set()
    for name, number in month_names():
        if number in seen:
            short.add(name)
        seen.add(number)
    return frozenset(short)


@functools.cache
def weekdays() -> tuple[tuple[str, str], ...]:
    """Each weekday's name with its short form (``data/weekdays.txt``), Monday first."""
    pairs = (line.split() for line in read_list("weekdays.txt"))
    return tuple((name, short) for name, short in pairs)


@attrs.frozen
class CueRule:
    """One line of a cue file."""

    type: CueType
    weight: float
    phrase: str


def phrase_words(phrase: str) -> list[str]:
    """The words of a cue phrase; a parenthesised group counts as one word."""
    return re.findall(r"\([^)]*\)|\S+", phrase)


def phrase_pattern(phrase: str) -> str:
    """Regex source for a cue phrase: words on word boundaries, ``*`` any ending, ``(a|b)``."""
    parts = []
    for word in phrase_words(phrase):
        if word.startswith("(") and word.endswith(")"):
            options = (r"\s+".join(map(re.escape, o.split())) for o in word[1:-1].split("|"))
            parts.append("(?:" + "|".join(options) + ")")
        elif word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"[\w-]*")
        else:
            parts.append(re.escape(word))
    return r"\s+".join(parts)


def _rules(cue_type: CueType) -> list[CueRule]:
    rules = []
    for line in read_list(f"cues/{cue_type}.txt"):
        weight, _, phrase = line.partition(" ")
        rules.append(CueRule(cue_type, float(weight), phrase.strip()))
    return rules


@attrs.frozen
class CueLexicon:
    """Cue rules indexed by their first word, for a two-stage search.

    A regex alternation of hundreds of phrases makes Python's engine try every phrase at
    every word (about 1 MB/s). Instead the words of a text are collected once, looked up
    among the rules' anchor words (``first``: a phrase's first word that is not a very common
    one) and word stems (``stems``, for ``word*``), and only the rules of words that occur
    are tried: anchored at the word when it opens the phrase (``opens``), else in a small
    window before it.
    ``exclusions`` maps a cue's first word to the patterns that cancel it.
    """

    rules: tuple[CueRule, ...]
    patterns: tuple[re.Pattern[str], ...]
    first: dict[str, tuple[int, ...]]
    stems: dict[str, tuple[int, ...]]
    opens: frozenset[int]
    stem_pattern: re.Pattern[str]
    exclusions: dict[str, re.Pattern[str]]
    # the first words of each rule's first element, lower-cased: a rule not anchored at its
    # first word is searched for only if one of them occurs just before the anchor
    heads: tuple[tuple[str, ...], ...] = ()


def _anchor_words(phrase: str) -> tuple[list[str], list[str], bool]:
    """The exact words and the stems (``word*``) a phrase is found by: the options of its
    first element that is not only common words (or of its first element if all are), and
    whether that element opens the phrase."""
    elements = phrase_words(phrase)
    chosen = elements[0]
    for element in elements:
        options = element.strip("()").lower().split("|")
        if not all(option.split()[0] in lower_set("common_words.txt") for option in options):
            chosen = element
            break
    options = [option.split()[0] for option in chosen.strip("()").lower().split("|")]
    exact = [option for option in options if not option.endswith("*")]
    stems = [option[:-1] for option in options if option.endswith("*")]
    return exact, stems, chosen is elements[0]


@functools.cache
def cue_lexicon() -> CueLexicon:
    """Every cue file, compiled."""
    rules = tuple(rule for cue_type in CUE_TYPES for rule in _rules(cue_type))
    first: dict[str, list[int]] = {}
    stems: dict[str, list[int]] = {}
    opening: set[int] = set()
    for index, rule in enumerate(rules):
        exact, stem_list, opens = _anchor_words(rule.phrase)
        if opens:
            opening.add(index)
        for word in exact:
            first.setdefault(word, []).append(index)
        for stem in stem_list:
            stems.setdefault(stem, []).append(index)
    patterns = tuple(
        re.compile(phrase_pattern(rule.phrase) + r"(?![\w-])", re.IGNORECASE) for rule in rules
    )
    by_word: dict[str, list[str]] = {}
    for line in read_list("cues/exclusions.txt"):
        word, _, pattern = line.partition(":")
        by_word.setdefault(word.strip().lower(), []).append(f"(?:{pattern.strip()})")
    exclusions = {
        word: re.compile("|".join(patterns), re.IGNORECASE) for word, patterns in by_word.items()
    }
    return CueLexicon(
        rules=rules,
        patterns=patterns,
        first={word: tuple(indexes) for word, indexes in first.items()},
        stems={stem: tuple(indexes) for stem, indexes in stems.items()},
        opens=frozenset(opening),
        stem_pattern=re.compile(
            "|".join(re.escape(stem) for stem in sorted(stems, key=len, reverse=True)) or "(?!)"
        ),
        exclusions=exclusions,
        heads=tuple(_heads(rule.phrase) for rule in rules),
    )


def _heads(phrase: str) -> tuple[str, ...]:
    """The words a phrase can open with (without a stem's ``*``)."""
    first = phrase_words(phrase)[0]
    return tuple(
        option.split()[0].rstrip("*").lower() for option in first.strip("()").split("|") if option
    )
