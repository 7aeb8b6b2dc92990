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


def read_list(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>``, comments and blank lines dropped, order kept."""
    text = resources.files("claims").joinpath("data", *name.split("/")).read_text("utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """The entries of a one-word-per-line list, case kept."""
    return frozenset(read_list(name))


@functools.cache
def lower_set(name: str) -> frozenset[str]:
    """The entries of a list, lower-cased."""
    return frozenset(entry.lower() for entry in read_list(name))


@attrs.frozen
class CueRule:
    """One line of a cue file."""

    type: CueType
    weight: float
    phrase: str


def phrase_pattern(phrase: str) -> str:
    """Regex source for a cue phrase: words on word boundaries, ``*`` any ending, ``(a|b)``."""
    parts = []
    for word in phrase.split():
        if word.startswith("(") and word.endswith(")"):
            options = (re.escape(option) for option in word[1:-1].split("|"))
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
    """All cue rules compiled into one regex; ``rules[i]`` belongs to group ``c{i}``."""

    rules: tuple[CueRule, ...]
    pattern: re.Pattern[str]
    exclusions: re.Pattern[str]


@functools.cache
def cue_lexicon() -> CueLexicon:
    """Compile every cue file into one case-insensitive alternation grouped by first letter.

    Grouping by the first letter keeps the regex engine from trying every phrase at every word;
    within a group longer phrases come first so "some people" wins over "some".
    """
    rules = tuple(rule for cue_type in CUE_TYPES for rule in _rules(cue_type))
    by_letter: dict[str, list[tuple[int, str]]] = {}
    for index, rule in enumerate(rules):
        source = phrase_pattern(rule.phrase)
        by_letter.setdefault(rule.phrase[0].lower(), []).append((index, source))
    groups = []
    for letter in sorted(by_letter):
        members = sorted(by_letter[letter], key=lambda item: -len(item[1]))
        alternatives = "|".join(f"(?P<c{index}>{source})" for index, source in members)
        groups.append(f"(?={re.escape(letter)})(?:{alternatives})")
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(groups) + r")(?![\w-])", re.IGNORECASE)
    exclusions = re.compile(
        "|".join(f"(?:{line})" for line in read_list("cues/exclusions.txt")), re.I
    )
    return CueLexicon(rules, pattern, exclusions)
