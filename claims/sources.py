"""The type of a speaker: who-phrases as ``anonymous``, ``group``, ``named`` or ``official``.

``anonymous`` for unnamed or vague sources (anonymous_sources.txt, bare plurals such as
"witnesses"), ``group`` for people the story identifies by their part in it (group_sources.txt),
``named`` for a person (a first and last name, or a surname the article gives in full elsewhere),
``official`` for an organisation, institution or document on the record (official_sources.txt,
or a definite description: "the port", "its annual report").
"""

from __future__ import annotations

import functools
import re

from claims.lexicon import lower_set, word_set
from claims.models import AttributionType

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_STOP_FIRST = lower_set("name_stopwords.txt")
# Capitalised only because they open the phrase: "Some analysts", "The companies".
_NOT_NAMES = frozenset(
    {"the", "a", "an", "this", "these", "that", "those", "but", "and"}
    | {"some", "many", "several", "most", "few", "numerous", "various", "other", "all", "both"}
)
# Who-phrases opening with these point at a source the story has named or identifies
# ("the port said", "according to its annual report", "it said"): on the record.
_DEFINITE = frozenset(
    {"the", "this", "these", "that", "those", "its", "it", "his", "her", "their", "our"}
    | {"we", "they"}
)


@functools.cache
def INSTITUTIONS() -> frozenset[str]:
    return lower_set("official_sources.txt") | lower_set("group_sources.txt")


@functools.cache
def _phrases(name: str) -> re.Pattern[str]:
    """One search for any phrase of a list as whole words in a space-padded lower-cased text."""
    phrases = sorted(lower_set(name), key=len, reverse=True)
    return re.compile(" (?:" + "|".join(map(re.escape, phrases)) + ") ")


def classify_source(who: str, article: str) -> AttributionType:
    """``anonymous``, ``named`` or ``official`` for the who-phrase of an attribution."""
    lowered = " " + " ".join(re.findall(r"[\w’'-]+", who.lower())) + " "
    if _phrases("anonymous_sources.txt").search(lowered):
        return "anonymous"
    if _is_group(lowered):
        return "group"
    names = _capitalised_runs(who)
    if lowered.strip() in PRONOUNS - {"it", "they", "we"}:
        return "named"
    org_words = word_set("org_suffixes.txt")
    for run in names:
        if any(word in org_words for word in run):
            continue
        if len(run) == 1 and run[0].lower() in INSTITUTIONS():
            continue  # "Police said": an institution, whatever "Vancouver Police" makes of it
        if len(run) >= 2:
            return "named"
        if _known_surname(run[0], article):
            return "named"
    if names or _phrases("official_sources.txt").search(lowered):
        return "official"
    if lowered.split()[:1] and lowered.split()[0] in _DEFINITE:
        return "official"  # "the port", "its annual report", "it": someone the story names
    return "anonymous"  # "relatives", "witnesses", "skeptics": people nobody names


def _is_group(lowered: str) -> bool:
    """Whether the head of the who-phrase is a group of people the story identifies by their
    part in it ("family members", "Mexico City residents", "witnesses at the scene")."""
    head = lowered.split(" of ")[0].split()
    if not head or head[0] in _VAGUE:
        return False  # "several former employees": vaguely sourced, not a group
    groups = lower_set("group_sources.txt")
    return head[-1] in groups or " ".join(head[-2:]) in groups


_VAGUE = frozenset({"some", "several", "many", "most", "few", "numerous", "various", "other"})


def _capitalised_runs(who: str) -> list[list[str]]:
    """Runs of capitalised words (possessive marks removed), the first word kept only if it is a
    name rather than a capitalised determiner."""
    runs: list[list[str]] = []
    current: list[str] = []
    for token in re.findall(r"[\w.’'&-]+", who):
        word = re.sub(r"[’']s?$", "", token)
        if word[:1].isupper() and word.lower() not in _NOT_NAMES:
            current.append(word)
            if token != word:  # a possessive ends the run: "Wedbush Securities’ Dan Ives"
                runs.append(current)
                current = []
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _known_surname(word: str, article: str) -> bool:
    """Whether the article elsewhere gives ``word`` after a capitalised first name."""
    if len(word) < 2 or not word.isalpha():
        return False
    org_words = word_set("org_suffixes.txt")
    return any(
        first not in org_words and first.lower() not in _STOP_FIRST
        for first in _name_pairs(article).get(word, ())
    )


# A first name and the word after it, unless a third capitalised word follows: "Former
# Brantley CFO" and "Brantley Logistics Inc" are no person.
# "John R. Amoss" gives "Amoss" too, and so does a title: "Dr. Amoss".
_NAME_PAIR = re.compile(
    r"\b([A-Z][a-z]+|(?:Dr|Mr|Mrs|Ms|Prof|Gov|Sen|Rep|Gen|Lt|Sgt|Capt|Det)\.)\s+(?:[A-Z]\.\s+)?"
    r"(?=([^\W\d_]+)\b(?!\s+[A-Z]))"
)


@functools.lru_cache(maxsize=4)
def _name_pairs(article: str) -> dict[str, set[str]]:
    """Each word of the article that follows a capitalised word, with the words it follows
    (one pass per article instead of one search per candidate surname)."""
    pairs: dict[str, set[str]] = {}
    for match in _NAME_PAIR.finditer(article):
        pairs.setdefault(match.group(2), set()).add(match.group(1))
    return pairs
