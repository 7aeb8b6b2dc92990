"""Tagging claims as fact, speculation or opinion from the cue words they contain.

Cues come from the lexicons in ``data/cues``. Each cue has a weight; the cues of one class
combine as independent evidence, ``1 - prod(1 - w)``. A claim is ``speculation`` when its
speculative cues (hedges, predictions, rumour, anonymous sourcing, beliefs, conditionals,
weasel words) reach 0.5, else ``opinion`` when its opinion cues reach 0.5, else ``fact``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import attrs

from claims.lexicon import cue_lexicon
from claims.models import SPECULATIVE_CUES, Cue, Kind

THRESHOLD = 0.5
ANONYMOUS_WEIGHT = 0.9


@attrs.frozen
class WeightedCue:
    cue: Cue
    weight: float


_TOKEN = re.compile(r"[a-z][\w/-]*(?:['’][a-z]+)?")
_EXCLUSION_WINDOW = 60
_PHRASE_REACH = 40  # no cue phrase has more than this before its anchor word
_CUE_REACH = 400  # nor more than this from its anchor word to its end


@functools.cache
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[WeightedCue]:
    """Every cue in ``text[start:end]``, leftmost-longest, without those an exclusion overrides."""
    end = len(text) if end is None else end
    lowered = text[start:end].lower()
    candidates = _candidates(lowered)
    if not candidates:
        return []
    matches = [
        match
        for token, at in _occurrences(lowered, candidates)
        for match in _matches_at(text, start + at, candidates[token], start, end)
    ]
    matches.sort(key=lambda m: (m[0], -m[1], m[2]))
    return _leftmost_longest(text, matches, start, end)


# A stretch of text in which cue words can start: from a letter not after a word character or
# hyphen, through the characters a token may hold. Inside it, a word can also start after a
# "/" or an apostrophe, and end before one.
_RUN = re.compile(r"(?<![\w-])[a-z][\w/'’-]*")
_INNER = re.compile(r"[/'’]")


# Candidate words times characters up to which each word is searched for with its own
# pattern: a scan in C per word beats a pass over every word in Python on a paragraph, and
# past it the one pass keeps the time linear in the text's length.
_SCAN_BUDGET = 60_000


def _occurrences(lowered: str, candidates: dict[str, tuple[int, ...]]) -> Iterable[tuple[str, int]]:
    """Each whole-word occurrence of a candidate token in ``lowered`` (not overlapping an
    earlier one of the same token)."""
    if len(candidates) * len(lowered) <= _SCAN_BUDGET:
        return [
            (token, found.start())
            for token in candidates
            for found in _word_pattern(token).finditer(lowered)
        ]
    return _one_pass(lowered, candidates)


def _one_pass(lowered: str, candidates: dict[str, tuple[int, ...]]) -> Iterator[tuple[str, int]]:
    """The occurrences ``_word_pattern``'s ``finditer`` finds token by token, in one pass over
    the text: searching the text once per candidate word takes time in the text's length times
    its vocabulary."""
    longest = max(map(len, candidates))
    last_end: dict[str, int] = {}
    for run in _RUN.finditer(lowered):
        token = run.group()
        if token in candidates:
            first = run.start()
            if first >= last_end.get(token, 0):
                last_end[token] = first + len(token)
                yield token, first
        if "/" not in token and "'" not in token and "’" not in token:
            continue  # most words: no word inside the run
        first, stop = run.span()
        inner = [m.start() for m in _INNER.finditer(lowered, first, stop)]
        ends = [*inner, stop]
        starts = [first] + [i + 1 for i in inner if i + 1 < stop and "a" <= lowered[i + 1] <= "z"]
        for at in starts:
            for until in ends:
                if until <= at or (at == first and until == stop):
                    continue
                if until - at > longest:
                    break
                token = lowered[at:until]
                if token in candidates and at >= last_end.get(token, 0):
                    last_end[token] = until
                    yield token, at


def _candidates(lowered: str) -> dict[str, tuple[int, ...]]:
    """The words of the text that can be part of a cue, with the rules each can be part of."""
    candidates = {}
    for token in set(_TOKEN.findall(lowered)):
        rules = _RULES_OF_WORD.get(token)
        if rules is None:
            rules = _rules_of_word(token)
        if rules:
            candidates[token] = rules
    return candidates


def _matches_at(
    text: str, position: int, rules: tuple[int, ...], start: int, end: int
) -> Iterator[tuple[int, int, int]]:
    """``(start, end, rule)`` of each match of ``rules`` that covers the word at ``position``:
    a rule that opens with the word matches from it; another may start up to
    ``_PHRASE_REACH`` before it. No cue is longer than ``_CUE_REACH``, so the search stops
    there whatever the length of the sentence."""
    lexicon = cue_lexicon()
    stop = min(end, position + _CUE_REACH)
    for index in rules:
        pattern = lexicon.patterns[index]
        if index in lexicon.opens:
            found = pattern.match(text, position, stop)
            if found:
                yield position, found.end(), index
            continue
        window = max(start, position - _PHRASE_REACH)
        heads = lexicon.heads[index]
        if heads and not any(head in text[window:position].lower() for head in heads):
            continue  # the phrase's first words are not before the anchor: no regex search
        for found in pattern.finditer(text, window, stop):
            if found.start() > position:
                break
            before = text[found.start() - 1 : found.start()] if found.start() > start else ""
            # from a word's start ("FBI will" holds no "I will")
            if position < found.end() and not (before and (before.isalnum() or before in "-_")):
                yield found.start(), found.end(), index


def _leftmost_longest(
    text: str, matches: list[tuple[int, int, int]], start: int, end: int
) -> list[WeightedCue]:
    lexicon = cue_lexicon()
    result: list[WeightedCue] = []
    covered = start
    for cue_start, cue_end, index in matches:
        if cue_start < covered or _excluded(text, cue_start, cue_end, start, end):
            continue
        rule = lexicon.rules[index]
        if (
            rule.type == "opinion"
            and " " not in text[cue_start:cue_end]
            and _named(text, cue_start, start)
        ):
            continue
        covered = cue_end
        cue = Cue(cue_start, cue_end, text[cue_start:cue_end], rule.type)
        result.append(WeightedCue(cue, rule.weight))
    return result


# Which rules a word can start, memoised: the vocabulary of news is small next to its text.
_RULES_OF_WORD: dict[str, tuple[int, ...]] = {}
_MEMO_LIMIT = 500_000


def _rules_of_word(token: str) -> tuple[int, ...]:
    lexicon = cue_lexicon()
    rules = lexicon.first.get(token, ())
    stem = lexicon.stem_pattern.match(token)
    if stem:
        rules += lexicon.stems[stem.group()]
    if len(_RULES_OF_WORD) > _MEMO_LIMIT:
        _RULES_OF_WORD.clear()
    _RULES_OF_WORD[token] = rules
    return rules


def _named(text: str, cue_start: int, start: int) -> bool:
    """Whether an opinion word is capitalised inside a sentence, so part of a name ("Billy King",
    "Hero Complex"), not a judgement."""
    word = text[cue_start : cue_start + 40].split(None, 1)[0]
    if not word[:1].isupper() or (word[:1] == "I" and word[1:2] in ("", "'", "’")):
        return False
    before = text[max(start, cue_start - 3) : cue_start].rstrip(" “\"'‘(")
    return bool(before) and before[-1] not in ".!?:;—–-\n"


def _excluded(text: str, cue_start: int, cue_end: int, start: int, end: int) -> bool:
    """Whether an exclusion for the cue's first word overlaps the cue."""
    first_word = text[cue_start:cue_end].split()[0].lower()
    pattern = cue_lexicon().exclusions.get(first_word)
    if pattern is None:
        return False
    window_start = max(start, cue_start - _EXCLUSION_WINDOW)
    window_end = min(end, cue_end + _EXCLUSION_WINDOW)
    return any(
        m.start() < cue_end and cue_start < m.end()
        for m in pattern.finditer(text, window_start, window_end)
    )


def combine(weights: Iterable[float]) -> float:
    remaining = 1.0
    for weight in weights:
        remaining *= 1.0 - weight
    return 1.0 - remaining


def classify(cues: Iterable[WeightedCue]) -> tuple[Kind, float]:
    """The kind a set of cues gives, and a confidence in [0, 1]."""
    cues = list(cues)
    speculative = combine(c.weight for c in cues if c.cue.type in SPECULATIVE_CUES)
    opinion = combine(c.weight for c in cues if c.cue.type == "opinion")
    if speculative >= THRESHOLD:
        return "speculation", round(speculative, 3)
    if opinion >= THRESHOLD:
        return "opinion", round(opinion, 3)
    return "fact", round(0.1 + 0.8 * (1.0 - max(speculative, opinion)), 3)


def tag_text(text: str) -> tuple[Kind, float, list[Cue]]:
    """Kind, confidence and cues of a whole text taken as one claim."""
    cues = find_cues(text)
    kind, confidence = classify(cues)
    return kind, confidence, [c.cue for c in cues]
