"""Word-level normalisation for comparing claims: tokens, light stemming, synonym groups.

Two claims are compared on the *concepts* their words name, so "invested" and "investment",
"rose" and "rising", "EV" and "electric vehicle", "hurt" and "injured" must come out equal.
The rules are deliberately light (a few suffixes, an irregular-forms list, synonym groups from
data files): they run on every claim of a story and must stay fast and predictable.
"""

from __future__ import annotations

import functools
import re

from claims.lexicon import lower_set, read_list

# Dotted abbreviations ("U.S."), then words with inner apostrophes, hyphens and ampersands.
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_](?:[\w&]|['’-](?=\w))*")
_POSSESSIVE = re.compile(r"['’]s?$")
_DOUBLE = re.compile(r"([b-df-hj-km-np-tv-xz])\1$")


def pairs(name: str) -> dict[str, str]:
    """A ``key value`` data file of ``checker/data`` as a dict."""
    pairs = {}
    for line in read_list(name, "checker"):
        key, _, value = line.partition(" ")
        pairs[key] = value.strip()
    return pairs


LEMMAS = pairs("lemmas.txt")


def _suffix_stem(word: str) -> str:
    if (len(word) > 4 and word.endswith("ies")) or (len(word) > 4 and word.endswith("ied")):
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif len(word) > 6 and word.endswith("ments"):
        word = word[:-5]
    elif len(word) > 6 and word.endswith("ment"):
        word = word[:-4]
    elif len(word) > 7 and word.endswith("tion") and not word.endswith("stion"):
        word = word[:-3]  # "evacuation", "investigation" name what "evacuated" does
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif (len(word) > 4 and word.endswith("ed")) or (
        len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses", "zes"))
    ):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    word = _DOUBLE.sub(r"\1", word)
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 2 and word.endswith("y"):
        word = word[:-1] + "i"
    return word


@functools.cache
def _groups() -> dict[str, str]:
    groups = {}
    for line in read_list("synonyms.txt", "checker"):
        words = line.lower().split()
        head = _suffix_stem(LEMMAS.get(words[0], words[0]))
        for word in words:
            groups[_suffix_stem(LEMMAS.get(word, word))] = head
    return groups


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The concept a lower-case word names: irregular forms, suffixes, then synonym groups."""
    base = _suffix_stem(LEMMAS.get(word, word))
    return _groups().get(base, base)


@functools.cache
def stopwords() -> frozenset[str]:
    """Lower-case words that are not compared: function words, hedges, reporting verbs."""
    return lower_set("stopwords.txt", "checker") | lower_set("attribution_verbs.txt")


@functools.cache
def negations() -> frozenset[str]:
    return lower_set("negations.txt", "checker")


@functools.cache
def denials() -> frozenset[str]:
    return lower_set("denials.txt")


@functools.cache
def abbreviations() -> dict[str, tuple[str, ...]]:
    """Abbreviation as written → the words it stands for."""
    table = {}
    for line in read_list("abbreviations.txt", "checker"):
        short, _, long = line.partition("=")
        table[short.strip()] = tuple(long.split())
    return table


@functools.cache
def expansion_words() -> dict[str, str]:
    """Concept → a word spelling it out, for concepts that came from an abbreviation."""
    return {stem(w.lower()): w.lower() for words in abbreviations().values() for w in words}


@functools.cache
def opposites() -> dict[str, frozenset[str]]:
    """Concept → the concepts that contradict it (symmetric)."""
    table: dict[str, set[str]] = {}
    for line in read_list("opposites.txt", "checker"):
        word, _, others = line.partition(":")
        for other in others.split():
            table.setdefault(stem(word.strip()), set()).add(stem(other))
            table.setdefault(stem(other), set()).add(stem(word.strip()))
    return {word: frozenset(others) for word, others in table.items()}


@functools.cache
def phrases() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """``phrases.txt`` by the stem of each phrase's first word: (the phrase's stems, the
    concept it is compared as), longest phrases first."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for line in read_list("phrases.txt", "checker"):
        word, _, forms = line.partition(":")
        for form in forms.split("|"):
            words = tuple(stem(w) for w in form.lower().split())
            table.setdefault(words[0], []).append((words, stem(word.strip().lower())))
    return {first: tuple(sorted(v, key=lambda e: -len(e[0]))) for first, v in table.items()}


@functools.cache
def homographs() -> dict[str, str]:
    """Word → the concept of its noun reading (``homographs.txt``)."""
    return {word.rstrip(":"): noun for word, noun in pairs("homographs.txt").items()}


@functools.cache
def past_forms() -> frozenset[str]:
    """Irregular past forms ("rose", "won", "made"), from claims' list."""
    return lower_set("irregular_verbs.txt")


@functools.cache
def verb_markers() -> frozenset[str]:
    """Words after which a homograph is read as a verb: auxiliaries and modals, "to", "not"."""
    return lower_set("auxiliaries.txt") | {"to", "not", "never"}


def strip_possessive(token: str) -> str:
    if len(token) > 2 and ("'" in token or "’" in token):
        return _POSSESSIVE.sub("", token)
    return token


@functools.cache
def scope_words() -> frozenset[str]:
    """Stems of the words that make a figure an aggregate (``data/scope_words.txt``)."""
    return frozenset(stem(word) for word in lower_set("scope_words.txt", "checker"))


@functools.cache
def tallies() -> frozenset[str]:
    """Stems of the running tallies (``data/tallies.txt``): the killed, the injured, ..."""
    return frozenset(stem(word) for word in lower_set("tallies.txt", "checker"))
