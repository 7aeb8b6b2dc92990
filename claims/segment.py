"""Sentence boundaries in news text, as offsets.

Rules, written for claimdesk and measured in ``bench/segment_quality.py``:

- a line break always ends a sentence (articles keep one paragraph a line);
- a candidate end is ``.``, ``!``, ``?``, ``…`` or an ellipsis (``...``, ``. . .``) followed by
  closing quotes or brackets and then whitespace;
- a lower-case next word never starts a sentence (``“... dominance?” asked Ives``);
- after a title or prefix abbreviation (``Dr.``, ``Gen.``, ``No. 2``, ``Jan. 5``) the sentence
  goes on; after one that may end a sentence (``Inc.``, ``U.S.``, ``Calif.``, an initial) it ends
  only when a usual sentence opener follows (``Inc. The`` ends, ``U.S. Government`` does not);
- a day number after a month name ends the sentence before a figure (``Sept. 19. 186 people``);
- a list marker at the start of a sentence (``1.``, ``a.``) is not an end, and an inline
  enumerated list (``1) ... 2) ...``) is split before each next number.
"""

from __future__ import annotations

import functools
import itertools
import re

from claims.lexicon import month_abbreviations, month_names, word_set

_CANDIDATE = re.compile(r"(?:\.(?:\s?\.){2,}|…|[.!?]+)[\"'”’)\]]*(?=\s)")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_LIST_HEAD = re.compile(r"^\W*(?:\d{1,3}|[A-Za-z])\W*$")
_LIST_START = re.compile(r"^\W{0,3}(\d{1,2}|[a-z])(?:\.\)|[.)])\s")
_BULLET = re.compile(r"\s(?=[•⁃]\s?\S)")
_OPENERS = "\"'“‘([¡¿"
_AM_PM = ("a. ", "p. ")  # "11. 30 p. m. GMT": a time written with spaces, as in ECB+ copy


@functools.cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    return (
        word_set("abbrev_prefix.txt"),
        word_set("abbrev_final.txt"),
        month_abbreviations(),
        word_set("sentence_starters.txt"),
    )


def _breaks(text: str, match: re.Match[str], sentence_start: int, size: int) -> bool:
    """Whether the candidate ``match`` ends a sentence; ``size`` is where the line ends."""
    position = match.end()
    while position < size and text[position].isspace():
        position += 1
    if position >= size:
        return True
    nxt = text[position]
    if nxt.islower():
        return False
    if nxt == "(":
        return False
    punct = match.group()
    next_word = text[position : min(size, position + 40)].split(None, 1)[0].strip(_OPENERS + ",;:")
    if punct[:1] == "…" or punct.startswith(("..", ". .")):
        # An ellipsis ends a sentence before a capital, unless the writer trails off into "I".
        return next_word != "I" and (nxt.isupper() or nxt in _OPENERS)
    if punct[:1] in "!?":
        return nxt.isupper() or nxt.isdigit() or nxt in _OPENERS
    return _period_breaks(text, match, sentence_start, nxt, next_word)


def _period_breaks(
    text: str, match: re.Match[str], sentence_start: int, nxt: str, next_word: str
) -> bool:
    """Whether a full stop before ``nxt`` (a capital, digit or opener) ends the sentence: not
    after a title or a list number, after a month or an abbreviation only before a word that
    starts sentences."""
    prefix, final, months, starters = _lists()
    word_start = max(text.rfind(" ", sentence_start, match.start()) + 1, sentence_start)
    prev = text[word_start : match.start()].lstrip(_OPENERS)
    if not prev:
        return nxt.isupper() or nxt in _OPENERS
    if _LIST_HEAD.match(text[sentence_start : match.start()]):
        return False
    if prev in prefix:
        return False
    if prev in months:
        return not nxt.isdigit() and next_word in starters
    spaced_time = prev == "m" and text[max(sentence_start, word_start - 3) : word_start] in _AM_PM
    if prev in final or _INITIALS.match(prev) or (len(prev) == 1 and prev.isupper()) or spaced_time:
        return next_word in starters
    if nxt.isdigit():
        return (prev.isalpha() and prev.islower() and len(prev) >= 3) or _ends_date(
            text, sentence_start, word_start, prev
        )
    return nxt.isupper() or nxt in _OPENERS


def _ends_date(text: str, sentence_start: int, word_start: int, prev: str) -> bool:
    """Whether ``prev`` is the day of a date ("on Tuesday, Sept. 19. 186 people died"): a
    day number after a month name ends the sentence before a figure."""
    if not (prev.isdigit() and len(prev) <= 2):
        return False
    before = text[max(sentence_start, word_start - 12) : word_start].split()
    return bool(before) and before[-1].rstrip(".") in _months_all()


@functools.cache
def _months_all() -> frozenset[str]:
    return frozenset(name for name, _ in month_names())


def _enumerated(text: str, start: int, end: int) -> list[int]:
    """Split points of an inline enumerated list that starts the span ("1) a 2) b")."""
    first = _LIST_START.match(text, start, end)
    if first is None:
        return []
    label = first.group(1)
    cuts: list[int] = []
    position = first.end()
    while True:
        label = str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
        found = re.compile(rf"\s((?:[•⁃]\s?)?){re.escape(label)}(?:\.\)|[.)])\s").search(
            text, position, end
        )
        if found is None:
            return cuts
        cuts.append(found.start() + 1)
        position = found.end()


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    line_start = start
    for line in text[start:end].splitlines(keepends=True):
        line_end = line_start + len(line)
        _split_line(text, line_start, line_end, spans)
        line_start = line_end
    return spans


def _split_line(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    cuts = [m.end() for m in _BULLET.finditer(text, start, end)]
    cuts.extend(_enumerated(text, *_trim(text, start, end)))
    pieces = [start, *sorted(set(cuts)), end]
    for piece_start, piece_end in itertools.pairwise(pieces):
        sentence_start = piece_start
        for match in _CANDIDATE.finditer(text, piece_start, piece_end):
            if match.end() <= sentence_start:
                continue
            if _breaks(text, match, sentence_start, piece_end):
                _add(text, sentence_start, match.end(), spans)
                sentence_start = match.end()
        _add(text, sentence_start, piece_end, spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    start, end = _trim(text, start, end)
    while end - start > MAX_SENTENCE:
        cut = _cut(text, start, start + MAX_SENTENCE)
        spans.append(_trim(text, start, cut))
        start = _trim(text, cut, end)[0]
    if end > start:
        spans.append((start, end))


MAX_SENTENCE = 2_000  # characters; the longest sentence of the bench corpora has 530


def _cut(text: str, start: int, limit: int) -> int:
    """Where a run of text with no sentence end is cut before ``limit``: after the last comma
    or semicolon of its second half, else at its last space, else at the limit. Claims and
    the comparison then work on pieces of bounded length (a 5 MB line without a full stop
    was one claim, normalised in time growing with the square of its length)."""
    half = start + MAX_SENTENCE // 2
    punctuation = max(text.rfind(", ", half, limit), text.rfind("; ", half, limit))
    if punctuation >= 0:
        return punctuation + 1
    space = text.rfind(" ", half, limit)
    return space if space > start else limit


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (for benchmarks and quick use)."""
    return [text[s:e] for s, e in sentence_spans(text)]
