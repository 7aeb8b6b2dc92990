"""Attribution frames: who a sentence's content is attributed to, and where the content is.

Handled frames (``WHO`` is a short noun phrase, ``SAYS`` a verb from attribution_verbs.txt):

- ``According to WHO, CONTENT`` and ``CONTENT, according to WHO.``
- ``[lead-in,] WHO SAYS [in a statement] [that] CONTENT``
- ``CONTENT, WHO SAYS [to someone].`` and ``“CONTENT,” SAYS WHO[, in a statement].``
- ``CONTENT-START, WHO SAYS, CONTENT-END`` (the frame in the middle)

The type of the source is decided in :mod:`claims.sources`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

import attrs

from claims.clauses import first_finite, has_finite_verb
from claims.clauses import words as split_words
from claims.frame_patterns import INVERTED
from claims.frame_patterns import patterns as _patterns
from claims.lexicon import lower_set, word_set
from claims.models import Attribution
from claims.sources import INSTITUTIONS, PRONOUNS, classify_source
from claims.structure import TRANSCRIPT, is_transcript

_TOKEN = re.compile(r"[a-z]+")
_DENIALS = lower_set("denials.txt")  # the verbs of denial, as comparison reads them
_TAIL_REACH = 360  # separator + who (<= 120) + verb + object, adverbial, time clause
_LONG_TAIL = re.compile(r"\s(?:after|before|as|when|while|following)\s|\)")
_INVERTED_VERB = re.compile(rf"[,\"”’']\s+(?:{INVERTED})\s")
_INVERTED_REACH = 480  # separator + verb + who (<= 120) + an apposition (<= 240)
_FRAME_WORDS = lower_set("attribution_verbs.txt") | {"according", "quoted", "report", "reports"}
_QUOTES = "\"'“”‘’"
_AUXILIARIES = lower_set("auxiliaries.txt")
_PAST = lower_set("irregular_verbs.txt")


@attrs.frozen
class Frame:
    """An attribution and the content it frames, as offsets into the text.

    ``cut`` is a span inside the content to leave out of the claim's text (a frame in the
    middle of the sentence), or ``None``.
    """

    attribution: Attribution
    content_start: int
    content_end: int
    cut: tuple[int, int] | None = None
    # a transcript's turn: its speaker goes on speaking in the sentences after it
    carry: bool = False
    # "Officials at first said ...": a version the speaker is said to have given before
    first_version: bool = False


_LEAD_IN = re.compile(
    r"^(?:(?:But|And|Yet|So|Also|Already|Meanwhile|However|Still|Now|Separately|Earlier|Later|"
    r"Moreover|Indeed|Similarly|Likewise|Instead|Additionally|Furthermore|Finally|Again),?\s+)+"
    r"|^(?:(?:In|On|At|During|Last|This|Earlier|Later|On|Over|After|Before|Since|Until|With)\b"
    r"[^,]{1,60},\s+)"
    r"|^(?:While|Although|Though|As|When|If|Since|After|Before|Because|Once)\b[^,]{1,200},\s+"
    r"|^[A-Z][a-z]+ing\b[^,]{0,60},\s+"  # "Breaking with tradition, the company announced"
)
_APPOSITIVE = re.compile(
    r",\s+(?:which|who|whose|the|a|an)\b(?:[^,]|,(?=\d{3}))*(?:,|$)|\s+[—–-]{1,2}\s*[^—–]*[—–]"
    r"|,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3},"  # "Pike's lawyer, Ana Ruiz, said"
    r"|,\s+(?:now\s+|aged\s+)?\d{1,3}(?=,|$)"  # "Bob Currie, 66, a resident of ..., said"
    # "Jackson, in a statement released through the team, said"
    r"|,\s+in\s+(?:a|an|the|his|her|its|their)\s+(?:statement|interview|letter|post|release|news\s+release|press\s+release|e-?mail)\b[^,]*(?:,|$)"
    r"|,\s+(?:MD|M\.D\.|PhD|Ph\.D\.|Jr\.?|Sr\.?|Esq\.?)(?=,|$)"  # "William Hurlbut, MD, a professor"
    r"|,\s+[A-Z][\w.-]*['’]s?\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?,"  # "Rob Jones, Felt's grandson,"
    # "Ben Stephenson, controller of BBC Drama commissioning, said"
    # (an organisation or "the ..." after the preposition: "one of 99 alleged members" is none)
    r"|,\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:of|at|for|with)\s+"
    r"(?:(?:the|a|an|his|her|its|their)\s+|(?=[^,;:“”\"]*[A-Z]))[^,;:“”\"]{2,80}(?:,|$)"
)
_PRONOUNS = PRONOUNS
_ARTICLES = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "my", "your"})


def find_frame(text: str, start: int, end: int, article: str | None = None) -> Frame | None:
    """The attribution frame of the sentence ``text[start:end]``, if it has one: the first of
    :data:`FRAMES` that finds one."""
    sentence = _Sentence(text, start, text[start:end], article if article is not None else text)
    (_, turn), *others = FRAMES
    frame = turn(sentence)  # a transcript's turn needs no verb of saying
    if frame is not None:
        return frame
    if _FRAME_WORDS.isdisjoint(_TOKEN.findall(sentence.words.lower())):
        # no verb of saying: only an announcement ("His exact words:") can frame it
        return _announcement(sentence) if sentence.words.rstrip().endswith(":") else None
    for _, rule in others:
        frame = rule(sentence)
        if frame is not None:
            return frame
    return None


@attrs.frozen
class _Sentence:
    text: str  # the whole text the sentence is in
    start: int  # where the sentence starts in it
    words: str  # the sentence
    context: str  # the article, for telling names from other words

    @property
    def tail_from(self) -> int:
        """Tail frames end the sentence: they are searched for in its last characters only."""
        return max(0, len(self.words) - _TAIL_REACH)

    def frame(self, match: re.Match[str], content_start: int, content_end: int) -> Frame:
        return _frame(self.text, self.start, match, content_start, content_end, self.context)


def _according_lead(sentence: _Sentence) -> Frame | None:
    """ "According to X, ..." """
    match = _patterns()["according_lead"].match(sentence.words)
    return sentence.frame(match, match.end(), len(sentence.words)) if match else None


def _according_tail(sentence: _Sentence) -> Frame | None:
    """ "..., according to X." """
    if "ccording to" not in sentence.words:
        return None
    match = _patterns()["according_tail"].search(sentence.words, sentence.tail_from)
    return sentence.frame(match, 0, match.start()) if match else None


def _tail(name: str) -> Callable[[_Sentence], Frame | None]:
    """ "..., X said." (``tail``) and "..., said X." (``tail_inverted``)."""

    def rule(sentence: _Sentence) -> Frame | None:
        words = sentence.words
        if name == "tail_inverted":
            if not _INVERTED_VERB.search(words, max(0, len(words) - _INVERTED_REACH)):
                return None  # no "said", "added", ... after a comma or a quotation mark
            reach = _INVERTED_REACH
        else:  # a time clause or a bracket at the end needs the longer reach
            reach = _TAIL_REACH if _LONG_TAIL.search(words, max(0, len(words) - 200)) else 240
        match = _patterns()[name].search(words, max(0, len(words) - reach))
        if match is None or not _noun_phrase(_relative_cut(match.group("who").split(",")[0])):
            return None
        who = match.group("who")
        if name == "tail_inverted" and (
            who.split()[0].lower() in _NOT_INVERTED
            or ("," in who and _ADDING.match(who.split(",", 1)[1].lstrip()))
        ):
            return None  # "..., said he fears ...", "said X, explaining that": no tail
        if who.split()[0].lower() in {"but", "yet", "or", "so"}:
            return None  # "..., but privacy filters prevent ... shows while ...": a clause
        if _BELIEVED_SOMEONE.search(match.group()):
            return None  # "..., nobody believed him.": to believe someone is no saying
        separator = match.group("sep")
        content_end = match.start() + (len(separator) if separator[-1] in _QUOTES else 0)
        return sentence.frame(match, 0, content_end)

    return rule


def _lead(sentence: _Sentence) -> Frame | None:
    """ "X said (that) ...", after a lead-in such as "But" or "On Monday,"."""
    words = sentence.words
    lead_in = _LEAD_IN.match(words)
    match = _patterns()["lead"].match(words, lead_in.end() if lead_in else 0)
    if not (
        match
        and _noun_phrase(_relative_cut(_APPOSITIVE.sub(" ", match.group("who"))))
        and (
            match.group().rstrip().endswith("that")
            or _quotation_follows(words, match)
            or _clause_follows(words, match)
        )
    ):
        return None
    if _RESPONSIBILITY.match(words, match.end("verb")):
        return None  # "The group has claimed responsibility for ...": a deed, not a statement
    # A denial keeps its frame in the claim: the claim is that it was denied.
    denial = match.group("verb").lower() in _DENIALS
    return sentence.frame(match, match.start("who") if denial else match.end(), len(words))


def _as_lead(sentence: _Sentence) -> Frame | None:
    """ "As Isaacs contends, CONTENT": the speaker in a clause of manner before the content."""
    match = _patterns()["as_lead"].match(sentence.words)
    if match is None or not _noun_phrase(match.group("who")):
        return None
    return sentence.frame(match, match.end(), len(sentence.words))


_RESPONSIBILITY = re.compile(r"\s+(?:full\s+)?(?:responsibility|credit)\b", re.I)


def _quotation_follows(words: str, match: re.Match[str]) -> bool:
    """'X said later: "..."': a colon and a quotation mark after the verb open a statement,
    whatever verbs the quotation has."""
    return match.group().rstrip().endswith(":") and words[match.end() : match.end() + 1] in _QUOTES


def _clause_follows(words: str, match: re.Match[str]) -> bool:
    """Whether a clause follows the verb, its verb before any relative clause: "Singler added
    six rebounds for Duke, which won" and "reported Dec. 11 changes, which X said were" are a
    verb and its object. A number after "added" is what was added."""
    rest = words[match.end() :]
    verb = match.group("verb").lower()
    if verb in {"added", "adds", "add"} and _NUMBER.match(rest):
        return False
    if verb in {"show", "shows", "showed", "shown"}:
        # "Prosecutors showed the tragic footage at the trial of the youths charged with ...":
        # what was shown, unless a clause follows with a verb of its own ("showed prices rose")
        tokens = split_words(_RELATIVE_START.sub(" ", rest))
        at = first_finite(tokens)
        return at is not None and not tokens[at].lower().endswith("ed")
    if split_words(rest)[:1] and split_words(rest)[0].lower() in _AUXILIARIES:
        return False  # "A ballistics report is yet to be made public": "report" was a noun
    return has_finite_verb(split_words(_RELATIVE_START.sub(" ", rest)))


_NUMBER = re.compile(
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen)\b)", re.I
)
_RELATIVE_START = re.compile(r",\s+(?:which|who|whom|whose)\b[^,]*(?:,|$)")

_NOT_INVERTED = _PRONOUNS | frozenset(
    {"on", "in", "at", "after", "before", "during", "while", "when", "with", "by", "for", "to"}
    | {"from", "that"}
)
# "a spokeswoman who asked not to be named": the relative clause is no part of the noun phrase
_RELATIVE_WHO = re.compile(r"\s+who\s+(?:asked|spoke|declined|requested|was|is|were|are)\b.*$")


def _relative_cut(who: str) -> str:
    return _RELATIVE_WHO.sub("", who)


def _role_lead(sentence: _Sentence) -> Frame | None:
    """ "Director at security company Trusteer, Dana Tamir said that ...": a role in front of
    the name, set off by a comma."""
    if "," not in sentence.words[:84]:
        return None
    match = _patterns()["role_lead"].match(sentence.words)
    if not (
        match
        and _noun_phrase(match.group("role"))
        and " and " not in match.group("role")
        and (
            match.group().rstrip().endswith("that")
            or (
                match.group("verb").lower() in _SAYING_ONLY
                and has_finite_verb(split_words(sentence.words[match.end() :]))
            )
        )
    ):
        return None
    return sentence.frame(match, match.end(), len(sentence.words))


# verbs that take a clause, not an object: "X, Dana Tamir said the patch ..." but not "...,
# Texas-based EDS confirmed the talks"
_SAYING_ONLY = frozenset(
    {"said", "says", "added", "adds", "noted", "explained", "wrote", "stressed"}
)


def _quoted_as_saying(sentence: _Sentence) -> Frame | None:
    """ "Another news agency quoted the governor as saying five people were hurt" and
    '"...," People quoted him as saying.': the one quoted is the speaker."""
    words = sentence.words
    if " quoted " not in words:
        return None
    lead_in = _LEAD_IN.match(words)
    match = _patterns()["quoted_lead"].match(words, lead_in.end() if lead_in else 0)
    if match is not None and _noun_phrase(match.group("who")):
        return sentence.frame(match, match.end(), len(words))
    match = _patterns()["quoted_tail"].search(words, sentence.tail_from) or _patterns()[
        "quoted_passive"
    ].search(words, sentence.tail_from)
    if match is not None and _noun_phrase(match.group("who")):
        separator = match.group("sep")
        return sentence.frame(
            match, 0, match.start() + (len(separator) if separator[-1] in _QUOTES else 0)
        )
    return None


def _label_lead(sentence: _Sentence) -> Frame | None:
    """ "Report: Red Sox offer Teixeira $200 million": an unnamed report as the source."""
    if not sentence.words[:6].lower().startswith(("report", "source")):
        return None
    match = _patterns()["label_lead"].match(sentence.words)
    if match is None:
        return None
    frame = sentence.frame(match, match.end(), len(sentence.words))
    return attrs.evolve(frame, attribution=attrs.evolve(frame.attribution, type="anonymous"))


def _inverted_lead(sentence: _Sentence) -> Frame | None:
    """ "Told the deceased's father, Herbert Flynn Jr: 'She was ...'": the verb first."""
    if not sentence.words.startswith(("Said", "Told", "Added", "Explained", "Wrote")):
        return None
    match = _patterns()["inverted_lead"].match(sentence.words)
    if match is None or not _noun_phrase(_APPOSITIVE.sub(" ", match.group("who") + ",")):
        return None
    return sentence.frame(match, match.end(), len(sentence.words))


def _according_middle(sentence: _Sentence) -> Frame | None:
    """ "Nixon, according to Woodward, had suspected Felt": the frame is cut out of the claim.
    What follows it goes on with the clause ("..., according to X, a lab owned by Y." is an
    apposition of the source)."""
    if "ccording to" not in sentence.words:
        return None
    match = _patterns()["according_middle"].search(sentence.words)
    if match is None:
        return None
    rest = split_words(sentence.words[match.end() :])
    before = split_words(sentence.words[: match.start()])
    if not rest or rest[0].lower() in _ARTICLES | {"who", "which"}:
        return None
    if not has_finite_verb(before[-1:] + rest):
        return None
    frame = sentence.frame(match, 0, len(sentence.words))
    start = sentence.start
    return attrs.evolve(frame, cut=(start + match.start(), start + match.end()))


def _transcript_turn(sentence: _Sentence) -> Frame | None:
    """ "0:28 PILOT: We have lost an engine." A speaker in capitals and a colon opening a
    line, after a timestamp or in an article with other such turns (a transcript)."""
    if sentence.words[:1].isalpha() and not sentence.words[:2].isupper():
        return None
    match = TRANSCRIPT.match(sentence.words)
    if match is None or match.end() >= len(sentence.words):
        return None
    line_start = sentence.text.rfind("\n", 0, sentence.start) + 1
    if sentence.text[line_start : sentence.start].strip():
        return None  # only at the start of a line
    if not (match.group().lstrip()[:1].isdigit() or is_transcript(sentence.context)):
        return None
    who = match.group("who").rstrip(".")
    head = who.title()
    start = sentence.start + match.start("who")
    kind = classify_source(head, sentence.context)
    if kind == "official" and len(who.split()) == 1 and who.lower() not in _OFFICIAL_WORDS():
        kind = "named"  # "OBAMA:", "SMITH:": a person's turn
    attribution = Attribution(who=head, type=kind, start=start, end=start + len(who))
    return Frame(
        attribution, sentence.start + match.end(), sentence.start + len(sentence.words), carry=True
    )


def _OFFICIAL_WORDS() -> frozenset[str]:
    return INSTITUTIONS() | _ROLES


_ROLES = frozenset({"pilot", "controller", "tower", "dispatcher", "caller", "operator", "host"})


_BARE_VERB = re.compile(r"[a-z0-9%] (?:said|says|added|told) [A-Z]")


def _tail_bare(sentence: _Sentence) -> Frame | None:
    """ "... the wall collapsed said Juan Perez." without the comma."""
    if not _BARE_VERB.search(sentence.words, sentence.tail_from):
        return None
    match = _patterns()["tail_bare"].search(sentence.words, sentence.tail_from)
    if match is None or not _noun_phrase(match.group("who")):
        return None
    return sentence.frame(match, 0, match.start())


def _middle(sentence: _Sentence) -> Frame | None:
    """ "..., X said, ..." in the middle of the sentence: the frame is cut out of the claim.
    After a quotation ('"A," X said, ...') what follows is the speaker's only after a verb of
    saying ('..., adding that B' gives A and B; '..., visibly upset.' gives A alone)."""
    match = _patterns()["middle"].search(sentence.words)
    if match is None:
        match = _patterns()["middle_inverted"].search(sentence.words)
        if match is None or not _ADDING.match(sentence.words, match.end()):
            return None
    if not _noun_phrase(match.group("who")):
        return None
    start = sentence.start
    quoted = match.group().rstrip()[1:2] in _QUOTES
    adding = _ADDING.match(sentence.words, match.end()) is not None
    if quoted and not adding:
        return sentence.frame(match, 0, match.start() + 2)
    if not adding and _PARTICIPLE.match(sentence.words, match.end()):
        return sentence.frame(match, 0, match.start())  # "..., officials said, offering a reward"
    frame = sentence.frame(match, 0, len(sentence.words))
    # the comma before "adding" is left for the clauses to be cut at
    cut_end = match.start() + match.group().rindex(",") if adding else match.end()
    cut_start = match.start() + (2 if quoted else 0)
    return attrs.evolve(frame, cut=(start + cut_start, start + cut_end))


_BELIEVED_SOMEONE = re.compile(
    r"\b(?:believe[sd]?|think|thinks|thought)\s+(?:him|her|them|us|me)\b"
)
_PARTICIPLE = re.compile(r"[a-z]+ing\b")
_ADDING = re.compile(
    r"(?:adding|noting|saying|explaining|insisting|stressing|warning|arguing)\b(?:\s+that)?\s+\S"
)


# The frames in the order they are tried; the first that matches is the sentence's frame.
_SAYS = "|".join(sorted(map(re.escape, lower_set("attribution_verbs.txt")), key=len)[::-1])
_ANNOUNCES = (
    # "She said:", "Henry told reporters on Monday:"
    re.compile(rf"(?P<who>[^,:;“”\"]{{1,80}}?)\s+(?:{_SAYS})\b[^:“”\"]{{0,40}}:\s*$", re.I),
    # "His exact words:", "In Henry's words:"
    re.compile(
        r"(?:In\s+)?(?P<who>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})"
        r"(?:['’]s?)?\s+(?:exact\s+|own\s+|full\s+)?"
        r"(?:words|statement|reply|response|message|answer)\s*:\s*$"
    ),
)


def _announcement(sentence: _Sentence) -> Frame | None:
    """ "She said:" or "His exact words:" before a quotation: the quotation that follows is
    the speaker's (:mod:`claims.quotes`); this sentence says nothing itself (empty content)."""
    words = sentence.words
    if not words.rstrip().endswith(":"):
        return None
    for pattern in _ANNOUNCES:
        match = pattern.match(words)
        who = match.group("who").lower() if match else ""
        if match and (who in {"his", "her", "their", "its"} or _noun_phrase(who)):
            return sentence.frame(match, len(words), len(words))
    return None


FRAMES: tuple[tuple[str, Callable[[_Sentence], Frame | None]], ...] = (
    ("transcript turn", _transcript_turn),
    ("announcement", _announcement),
    ("according lead", _according_lead),
    ("according tail", _according_tail),
    ("tail", _tail("tail")),
    ("tail inverted", _tail("tail_inverted")),
    ("as lead", _as_lead),
    ("lead", _lead),
    ("role lead", _role_lead),
    ("inverted lead", _inverted_lead),
    ("quoted as saying", _quoted_as_saying),
    ("label lead", _label_lead),
    ("middle", _middle),
    ("according middle", _according_middle),
    ("tail bare", _tail_bare),
)


def _frame(
    text: str, start: int, match: re.Match[str], content_start: int, content_end: int, context: str
) -> Frame:
    who_start, who_end = match.span("who")
    raw = text[start + who_start : start + who_end]
    # Drop leading conjunctions and trailing adverbs from the who.
    stripped = re.sub(r"^(?:(?:but|and|yet|so|also)\s+)+", "", raw, flags=re.I)
    who_start += len(raw) - len(stripped)
    who = stripped.rstrip(" ,")
    who = re.sub(r"\s+(?:also|previously|recently|then|has|have|had)$", "", who)
    who = _TIME_AFTER.sub("", who)  # "Hastings this morning announced"
    who = _RELEASED.sub("", who)  # "an arrest warrant released yesterday": the document
    time = _TIME_BEFORE.match(who)
    if time:  # "Last month Apple said"
        who, who_start = who[time.end() :], who_start + time.end()
    # "quoted him as saying", "His exact words:"
    who = {"him": "he", "her": "she", "his": "he", "their": "they", "its": "it"}.get(
        who.lower(), who
    )
    lone = _PRONOUN_ADVERBS.match(who)
    if lone:  # "we all just thought": the pronoun is the speaker
        who = lone.group(1)
    first = _FIRST_VERSION.search(who)
    if first:  # "Officials at first said ...": the adverb is no part of the speaker
        who = who[: first.start()]
    who_end = who_start + len(who)
    head = " ".join(_APPOSITIVE.sub(" ", who).split())
    kind = classify_source(head, context)  # "a spokeswoman who asked not to be named": anonymous
    head = _relative_cut(head)
    if kind == "official" and re.match(r"\W*(?:he|she)\b", text[start + content_start :], re.I):
        kind = "named"  # "Musk ... added that he didn't care": the speaker is a person
    attribution = Attribution(who=head, type=kind, start=start + who_start, end=start + who_end)
    return Frame(
        attribution, start + content_start, start + content_end, first_version=first is not None
    )


_RELEASED = re.compile(r"\s+(?:released|issued|filed|published|obtained|unsealed|made\s+public)$")
_TIME_BEFORE = re.compile(
    r"(?:(?:Last|This|Next|Earlier|Later)\s+(?:week|month|year|night|season|spring|summer|fall|"
    r"autumn|winter)|Yesterday|Today|Tonight|On\s+\w+day)\s+(?=[A-Z])"
)
_TIME_AFTER = re.compile(
    r"\s+(?:this\s+(?:morning|afternoon|evening|week)|today|yesterday|on\s+\w+day|\w+day)$"
)
_PRONOUN_ADVERBS = re.compile(
    r"(he|she|they|we|i|it)(?:\s+(?:all|both|just|also|too|really|then|now|simply|only))+$", re.I
)
_FIRST_VERSION = re.compile(r"\s+(?:at\s+first|initially|originally|first)$", re.I)


def _noun_phrase(who: str) -> bool:
    """Whether ``who`` can be the speaker: short, no verb of its own, not a bare clause."""
    who = _PARTY.sub("", who)  # "Edward J. Markey (D-Mass.)"
    who = _DOMAIN.sub("", who)  # "Buster Olney of ESPN. com", "of ESPN.com"
    tokens = who.split()
    if not tokens or len(tokens) > 12:
        return False
    lowered = [word.lower().strip(",.") for word in tokens]
    if any(mark in who for mark in ',:“”"') or any(word in _AUXILIARIES for word in lowered):
        return False
    for word, following in itertools.pairwise(lowered):
        if word.endswith("ed") and following in {"a", "an", "the", "its", "his", "her", "their"}:
            return False
    if any(word in _PAST for word, token in zip(lowered, tokens, strict=True) if token.islower()):
        return False  # "..., said revenue rose 5 percent": a clause, not a speaker
    if lowered[0] in {"that", "this", "there", "what", "which", "if", "when", "because"}:
        return False
    if lowered[0] in _PRONOUNS and not set(lowered[1:]) <= _SPEAKER_ADVERBS:
        return False  # "he seems to suggest": a pronoun speaker is the pronoun alone
    if _THINKING.intersection(lowered[1:]):
        return False  # "Some fear the austerity measures insisted upon ...": a verb, no speaker
    if _NOT_IN_SPEAKER.intersection(lowered) or any(w.endswith(("'ll", "’ll")) for w in lowered):
        return False  # "Even though she conceded", "He'll contend", "gloves, all of which"
    if lowered[-1] in _ARTICLES or lowered[-1] == "to":
        return False  # "Expected to contend for a title": an infinitive, not a speaker
    if lowered[-1] in _ARTICLES:
        return False  # "An estimated 1,200 people": a noun phrase does not end in "an"
    titles = word_set("abbrev_prefix.txt")
    dotted = [t for t in tokens if "." in t.rstrip(".") or t.endswith(".")]
    return not any(mark in who for mark in "!?") and all(
        t.rstrip(".") in titles or re.fullmatch(r"(?:[A-Z]\.)+[A-Za-z]*\.?", t) for t in dotted
    )


_DOMAIN = re.compile(r"\.\s?(?:com|net|org|co\.uk)\b")
_PARTY = re.compile(r"\s*\([^()]{1,20}\)")
_SPEAKER_ADVERBS = frozenset(
    {"all", "both", "just", "also", "too", "really", "then", "now", "only"}
)
_THINKING = frozenset(
    {"fear", "fears", "believe", "believes", "think", "thinks", "hope", "hopes", "worry", "worries"}
    | {"suspect", "suspects", "expect", "expects", "doubt", "doubts", "assume", "assumes"}
)
_NOT_IN_SPEAKER = frozenset(
    {"though", "although", "because", "which", "whom", "whose", "unless", "while", "whereas"}
)


__all__ = ["FRAMES", "Frame", "classify_source", "find_frame"]
