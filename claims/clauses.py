"""Splitting a sentence's content into atomic clauses, and making a clause a standalone sentence.

A sentence is cut at semicolons and at ``, and`` / ``, but`` / ``, while`` / ``, whereas`` /
``, yet`` when both sides are clauses of their own: each side has a finite verb, the right side
opens with a subject rather than a verb or preposition, and the comma does not close a list
("delays, quality issues, and a growing number of rivals").
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from itertools import islice

from claims.lexicon import lower_set

_AUXILIARIES = lower_set("auxiliaries.txt")
_DETERMINERS = lower_set("determiners.txt")
_OBJECT_OPENERS = lower_set("object_openers.txt")
_NOT_SUBJECT = lower_set("not_subject.txt")
_FINITE = lower_set("irregular_verbs.txt") | lower_set("attribution_verbs.txt")
_COORDINATORS = (
    r";|,\s+(?:and|but|while|whereas|yet)\b|\s+but\s+(?=(?:later|then|subsequently|afterwards)\s)"
    # "... was damaged and it remains unclear": no comma, but a pronoun subject after "and"
    r"|\s+and\s+(?=(?:it|there|he|she|they)\s+[a-z])"
    # "I thought things went a bit overboard but I prefer to ...": the same after "but"
    r"|\s+but\s+(?=(?:I|we|it|there|he|she|they)\s+[a-z])"
    # "..., meaning he could have been intoxicated": a consequence the writer draws
    r"|,\s+meaning\s+(?:that\s+)?(?=[a-z]+\s)"
    # "..., adding that agencies can bypass a review": the speaker's second statement
    r"|,\s+(?:adding|noting|explaining|insisting|stressing|warning|arguing)\s+(?:that\s+)?"
)
_COORDINATOR = re.compile(rf"(?:{_COORDINATORS})\s*")
# "X said ten people had been killed and that the toll would not rise": a second object of
# the verb of saying, a claim of the same speaker's (cut only in a frame's content)
_SECOND_OBJECT = re.compile(
    r"(?:,?\s+and\s+that\s+(?=(?:the|a|an|his|her|its|their|he|she|it|they|this|no|there)\s)"
    rf"|{_COORDINATORS})\s*"
)
_PRONOUN_SUBJECT = frozenset({"it", "there", "he", "she", "they", "i", "we"})
# "Although LaRue insisted he was not Deep Throat, and that ...": a subordinate clause before
# its main clause is no claim of its own
_SUBORDINATE = re.compile(
    r"(?:Although|Though|While|If|When|Because|Since|As|After|Before|Once|Unless|Whereas)\b", re.I
)
# "..., and that the source was ...": "that" before a subject is a second object of the verb
_THAT_CLAUSE = re.compile(r"that\s+(?:the|a|an|his|her|its|their|he|she|it|they|this)\b", re.I)
_WORD = re.compile(r"[\w’'-]+")
_VERB_LIKE_S = re.compile(r"^[a-z][a-z-]{2,}[^su]s$")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def has_finite_verb(tokens: list[str]) -> bool:
    """A cheap test for a finite verb: an auxiliary, a past tense, or a third-person ``-s``
    form between a non-determiner and a word that opens an object ("EVs supports this")."""
    return first_finite(tokens) is not None


def _finite_from(tokens: list[str], first: int) -> bool:
    """``has_finite_verb`` looking only at the tokens from ``first`` on (with their
    neighbours). Only the last token's answer can change when tokens are appended."""
    return first_finite(tokens, first) is not None


def first_finite(tokens: list[str], first: int = 0) -> int | None:
    """The index of the first token from ``first`` on that :func:`has_finite_verb` takes for
    a finite verb."""
    for index in range(first, len(tokens)):
        token = tokens[index]
        lower = token.lower().replace("’", "'")
        if lower in _AUXILIARIES or (index and lower in _FINITE):
            return index
        if index == 0:
            continue
        if token.islower() and len(token) > 4 and lower.endswith("ed"):
            return index
        if (
            _VERB_LIKE_S.match(token)
            and tokens[index - 1].lower() not in _DETERMINERS
            and index + 1 < len(tokens)
            and tokens[index + 1].lower() in _OBJECT_OPENERS
        ):
            return index
    return None


_NOT_SUBJECT_OPENERS = frozenset(
    {"in", "on", "at", "while", "if", "when", "after", "before", "because", "as", "since"}
    | {"although", "though", "once", "until", "during", "with", "without", "for", "by", "to"}
    | {"there", "here", "what", "how", "why", "where", "who", "which"}
)


def subject_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The subject of the clause ``text[start:end]``: its words before the first finite verb,
    one to eight of them, after any lead-in ending in a comma; ``None`` if there is none."""
    tokens = list(_WORD.finditer(text, start, end))
    verb = first_finite([t.group() for t in tokens])
    if not verb or verb > 10:
        return None
    subject_end = tokens[verb - 1].end()
    comma = text.rfind(",", start, subject_end)
    first = next((t for t in tokens if t.start() > comma), None) if comma >= 0 else tokens[0]
    if first is None or first.start() >= subject_end:
        return None
    count = sum(1 for t in tokens[:verb] if t.start() >= first.start())
    if count > 8 or first.group().lower() in _NOT_SUBJECT_OPENERS:
        return None
    return first.start(), subject_end


# A right-hand part that goes on with the left's subject: "..., but later lowered it to 7.4".
_ADVERBS = frozenset(
    {"later", "then", "subsequently", "afterwards", "since", "also", "eventually", "soon"}
    | {"quickly", "initially", "first", "finally", "still", "again", "just", "only", "never"}
)


def shares_subject(text: str, start: int, end: int) -> int | None:
    """Where the verb starts if ``text[start:end]`` is a predicate without a subject of its own
    (optional adverbs, then a past tense or a verb of saying), else ``None``."""
    for token in _WORD.finditer(text, start, min(end, start + 80)):
        lower = token.group().lower()
        if lower in _ADVERBS:
            continue
        if token.group().islower() and (
            lower in _FINITE or (len(lower) > 4 and lower.endswith("ed"))
        ):
            return token.start()
        return None
    return None


def _is_clause(tokens: list[str], *, right: bool) -> bool:
    if len(tokens) < 3 or not has_finite_verb(tokens):
        return False
    if right and tokens[1].lower() in {"who", "which", "whom"}:
        # "..., and others who focused on public health": a noun and its relative clause
        verb = first_finite(tokens)
        return verb is not None and first_finite(tokens, verb + 1) is not None
    if right:
        first = tokens[0].lower()
        counted = (
            first in {"more", "less"} and tokens[1].lower() == "than" and tokens[2][:1].isdigit()
        )
        if (first in _NOT_SUBJECT and not counted) or first in _AUXILIARIES:
            return False  # (", and more than 250 homes had been destroyed" opens a subject)
        if first.endswith("ed") or first in {"said", "says", "told", "added", "announced"}:
            return False
    return True


def clause_spans(text: str, start: int, end: int, *, said: bool = False) -> list[tuple[int, int]]:
    """Independent clauses of ``text[start:end]`` as offsets (one span if it cannot be split).
    With ``said`` (the content of a verb of saying) a second ``and that`` object is cut too.

    Each coordinator looks at the clause so far and the next few words. The clause so far is
    kept as it grows (its words, whether a finite verb was seen, where its quotation marks
    are), never sliced again: a sentence of thousands of ``, and`` is cut in linear time."""
    spans: list[tuple[int, int]] = []
    clause_start = start
    coordinators = (_SECOND_OBJECT if said else _COORDINATOR).finditer(text, start, end)
    first = next(coordinators, None)
    if first is None:  # most sentences: nothing to cut at, no quotation marks to count
        return [span for span in (_trim(text, start, end),) if span[1] > span[0]]
    marks = _marks(text, start, end)
    left = _Left(clause_start)
    for match in itertools.chain((first,), coordinators):
        at = match.start()
        count = {
            mark: bisect_left(found, at - start) - bisect_left(found, clause_start - start)
            for mark, found in marks.items()
        }
        if (count["“"] > count["”"] or count['"'] % 2) and not _quoted_whole(
            text, clause_start, count
        ):
            continue  # inside a quotation that the clause does not open
        if not left.is_clause(text, at):
            continue
        if _SUBORDINATE.match(text, clause_start) and "," not in text[clause_start:at]:
            continue
        right = [m.group() for m in islice(_WORD.finditer(text, match.end(), end), 12)]
        bare = not match.group().startswith((",", ";"))
        if bare and (len(left.tokens) < 4 or len(right) < 3):
            continue
        second_object = said and match.group().rstrip().endswith(" that")
        if (_THAT_CLAUSE.match(text, match.end()) and not second_object) or _aside_first(
            text, match.end(), end
        ):
            continue
        pronoun = bool(right) and right[0].lower() in _PRONOUN_SUBJECT and len(right) >= 3
        if (
            not pronoun
            and not _is_clause(right, right=True)
            and not (shares_subject(text, match.end(), end) and len(right) >= 3)
        ):
            continue
        if match.group().startswith((", and", ",and")) and _closes_list(text, clause_start, at):
            continue
        spans.append((clause_start, at))
        clause_start = match.end()
        left = _Left(clause_start)
    spans.append((clause_start, end))
    return [span for span in (_trim(text, *span) for span in spans) if span[1] > span[0]]


_MARKS = ("“", "”", '"')
_CLOSING = re.compile(r'[,.!?]"(?:\s|$)')


def _marks(text: str, start: int, end: int) -> dict[str, list[int]]:
    """Where each quotation mark is in ``text[start:end]``, from ``start``."""
    marks = {}
    for mark in _MARKS:
        found, at = [], text.find(mark, start, end)
        while at >= 0:
            found.append(at - start)
            at = text.find(mark, at + 1, end)
        marks[mark] = found
    straight = marks['"']
    if straight and _CLOSING.match(text, start + straight[0] - 1):
        del straight[0]  # 'equation," Brimmer said': closes a quotation opened sentences before
    return marks


_ASIDE = re.compile(r"\s*[\w'’-]+(?:\s+[\w'’-]+)?,\s+([\w'’]+)")


def _aside_first(text: str, at: int, end: int) -> bool:
    """Whether what follows the coordinator opens with an aside and then a verb (", while
    ultratalented, is rough to work with"): no subject of its own, so no clause."""
    match = _ASIDE.match(text, at, end)
    return match is not None and match.group(1).lower() in _AUXILIARIES


def _quoted_whole(text: str, clause_start: int, count: dict[str, int]) -> bool:
    """Whether the one quotation still open was opened where the clause starts ("“It was
    diagnosed early, and the prognosis is excellent,” said Amoss."): its clauses can be cut."""
    opened = text[clause_start : clause_start + 1]
    if opened == "“":
        return count["“"] == count["”"] + 1 and count['"'] % 2 == 0
    return opened == '"' and count['"'] == 1 and count["“"] == count["”"]


class _Left:
    """The words of a clause from ``start`` up to the last coordinator looked at, and whether
    they hold a finite verb, extended coordinator by coordinator (a coordinator is never a
    word character, so the words of the whole are the words of the pieces)."""

    def __init__(self, start: int) -> None:
        self.tokens: list[str] = []
        self.scanned = start
        self.checked = 0
        self.finite = False

    def is_clause(self, text: str, until: int) -> bool:
        """``_is_clause(words(text[start:until]), right=False)``."""
        self.tokens += _WORD.findall(text, self.scanned, until)
        self.scanned = until
        if not self.finite:
            self.finite = _finite_from(self.tokens, self.checked)
            self.checked = max(len(self.tokens) - 1, 0)
        return len(self.tokens) >= 3 and self.finite


def _closes_list(text: str, start: int, end: int) -> bool:
    """Whether ``, and`` after ``text[start:end]`` ends a series: the item before it is short
    and verbless."""
    comma = text.rfind(",", start, end)
    while (
        comma > start
        and text[comma - 1 : comma].isdigit()
        and text[comma + 1 : comma + 2].isdigit()
    ):
        comma = text.rfind(",", start, comma)  # "12,400 acres" is one number, no list
    if comma < 0:
        return False
    last_item = [m.group() for m in islice(_WORD.finditer(text, comma + 1, end), 5)]
    return len(last_item) <= 4 and not has_finite_verb(last_item)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:–—-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:–—-"):
        end -= 1
    return start, end


_LEADING_CONJUNCTION = re.compile(r"^(?:and|but|yet)\s+", re.I)
_WIRE_OPENING = re.compile(r"``|(?:(?<=^)|(?<=[\s(\[]))''(?=\w)")
_LEADING_PRONOUN = re.compile(r"^(?:it|they|he|she)\b(?=\s)", re.I)
_LEADING_POSSESSIVE = re.compile(r"^(?:its|their|his|her)\b(?=\s)", re.I)
_FINAL_PUNCTUATION = re.compile(r"[,;:]+(?=[”\"’']?$)")


def possessive(name: str) -> str:
    """ "Velora Pharma" → "Velora Pharma's", "The Halvorsens" → "The Halvorsens'"."""
    return name + ("'" if name.endswith("s") else "'s")


def _single_marks(text: str) -> str:
    """British copy's single quotation marks around or opening the claim, taken off."""
    if text.endswith("'") and not text.startswith("'") and text[-2:-1] in ".!?…":
        return text[:-1]  # "I don't need to do anything anymore,' she told the magazine."
    if text[:1] in "'‘" and text[-1:] in "'’" and len(text) > 2:
        return text[1:-1]  # a claim that is one whole quotation in single marks
    if text[:1] in "'‘" and not re.search(r"[.,!?…]['’]", text):
        return text[1:]  # the first sentence of a quotation that goes on
    return text


def _balanced(text: str) -> str:
    """The claim without a quotation mark that opens or closes nothing inside it."""
    text = _single_marks(text)
    for left, right in (("“", "”"), ('"', '"')):
        inner = text[1:-1]
        if text[:1] == left and text[-1:] == right and left not in inner and right not in inner:
            text = inner  # a claim that is one whole quotation
    opening, closing = text.count("“"), text.count("”")
    if opening > closing and text.startswith("“"):
        text = text[1:] if opening == 1 else text + "”"
    elif closing > opening and text.endswith("”"):
        text = text[:-1] if closing == 1 else text
    if text.count('"') % 2:
        text = text[1:] if text.startswith('"') else text.rstrip('"')
    return text


def standalone(text: str, subject: str | None = None) -> str:
    """The clause as a sentence: capitalised, conjunction dropped, quotes balanced, final stop.

    ``subject`` replaces a leading pronoun that refers to the speaker of an attribution
    ("Amazon said it will buy" -> "Amazon will buy").
    """
    text = " ".join(text.split())
    if "``" in text or "''" in text:  # wire copy's quotation marks: `` and '' for “ and ”
        text = _WIRE_OPENING.sub("“", text).replace("''", "”")
    text = _LEADING_CONJUNCTION.sub("", text)
    if subject:
        text = _LEADING_PRONOUN.sub(lambda _: subject, text, count=1)
        owner = possessive(subject)
        text = _LEADING_POSSESSIVE.sub(lambda _: owner, text, count=1)
    text = _FINAL_PUNCTUATION.sub("", text)
    text = _balanced(text).strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    stripped = text.rstrip("”\"’')")
    if not stripped or stripped[-1] not in ".!?…":
        text = text.rstrip(".") + "."
    return text
