"""The pipeline: article body → sentences → attribution frame → atomic clauses → tagged claims."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter

import attrs

from claims.attribution import Frame, classify_source, find_frame
from claims.clauses import (
    clause_spans,
    has_finite_verb,
    possessive,
    shares_subject,
    standalone,
    subject_span,
    words,
)
from claims.kind import overrules
from claims.lexicon import lower_set
from claims.models import SPECULATIVE_CUES, Article, Attribution, Block, Claim, Cue
from claims.pronouns import Speakers, is_person
from claims.quotes import Quotations
from claims.segment import sentence_spans
from claims.sources import PRONOUNS
from claims.structure import label_line
from claims.tagger import ANONYMOUS_WEIGHT, WeightedCue, classify, find_cues

# "– **Advanced AI Integration**: " and "1. " before a list item's content.
_ITEM_LEAD = re.compile(
    r"(?:[-–—•*⁃]|\d{1,3}[.)])\s+(?:(?:\*\*|__)[^*_]{1,80}(?:\*\*|__)\s*:?\s*)?"
)
# ", which owns about 20 percent of the company," in a speaker's phrase ("1,200" is no comma)
_RELATIVE = re.compile(
    r",\s+(?P<pronoun>which|who|whose)\s+(?P<body>(?:[^,]|,(?=\d{3}))+?)\s*(?:,(?!\d{3})|$)",
    re.I,
)
_ACCORDING = re.compile(r"according to\s*$", re.I)
_SAYING = lower_set("attribution_verbs.txt")
_CORRECTING = lower_set("correction_verbs.txt")
_INTRODUCES = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _SAYING), key=len)[::-1]) + r")(?:\s+\w+)?\s*:\s*$",
    re.I,
)
_SUBORDINATE_ONLY = re.compile(r"\W*(?:Unless|Although|Though|Whereas|Even\s+if|Even\s+though)\b")
_LATER = re.compile(r"\b(?:later|then|subsequently|afterwards|since)\b", re.I)
_THAT = re.compile(r"\s*(?:that\b)?\s*")
MIN_WORDS = 3


def claim_id(source: str, quote: str, occurrence: int) -> str:
    """Stable id: the same words in the same source keep their id wherever they move."""
    key = f"{source}\x00{_words_of(quote)}\x00{occurrence}"
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()


def _words_of(quote: str) -> str:
    """What a claim's id is made from: its words, lower-cased, single-spaced."""
    return " ".join(quote.lower().split())


def extract_claims(article: Article) -> list[Claim]:
    """All claims of the article's body blocks, in reading order. The sentences are framed
    first, all of them (a quotation's speaker can be named paragraphs after it opens), then
    cut into claims."""
    claims: list[Claim] = []
    seen: Counter[str] = Counter()
    text = article.text
    quotations = Quotations()
    speakers = Speakers()
    blocks: list[tuple[Block, str | None, int]] = []  # a body block, its box heading, sentences
    for block, box in _body_blocks(article):
        quotations.new_block()
        before = len(quotations.framed)
        _frame_sentences(text, block, speakers, quotations)
        blocks.append((block, box, before))
    quotations.finish()
    bounds = [first for _, _, first in blocks[1:]] + [len(quotations.framed)] * bool(blocks)
    for (block, box, first), last in zip(blocks, bounds, strict=True):
        block_cues = find_cues(text, block.start, block.end)  # sorted by start
        cue_starts = [c.cue.start for c in block_cues]
        for start, end, frame in quotations.framed[first:last]:
            low, high = bisect_left(cue_starts, start), bisect_left(cue_starts, end)
            sentence_cues = [c for c in block_cues[low:high] if c.cue.end <= end]
            found = _sentence_claims(article, start, end, frame, sentence_cues, seen)
            if box is not None:
                found = [attrs.evolve(c, text=f"{box} — {c.text}") for c in found]
            claims.extend(found)
    return claims


def _body_blocks(article: Article) -> list[tuple[Block, str | None]]:
    """The body blocks, each with the heading of the fact box it is a line of, if it is one
    ("Worst areas affected — Kocaeli: 4,100 dead")."""
    result: list[tuple[Block, str | None]] = []
    heading: str | None = None
    for block in article.blocks:
        if block.kind in ("heading", "title"):
            heading = _box_heading(article.text, block)
            continue
        if block.kind != "body":
            continue
        box = heading if label_line(article.text[block.start : block.end]) else None
        if box is None:
            heading = None
        result.append((block, box))
    return result


def _box_heading(text: str, block: Block) -> str | None:
    heading = text[block.start : block.end].strip("#*_:•- ")
    if not heading or len(heading.split()) > 10:
        return None
    return heading[0] + heading[1:].lower() if heading.isupper() else heading


def _frame_sentences(text: str, block: Block, speakers: Speakers, quotes: Quotations) -> None:
    """The sentences of a body block with their attribution frames, added to ``quotes``."""
    for start, end in sentence_spans(text, block.start, block.end):
        lead = _ITEM_LEAD.match(text, start, end)
        if lead:
            start = lead.end()
        sentence = text[start:end]
        quotes.add(
            start, end, speakers.resolve(find_frame(text, start, end, text), sentence), sentence
        )


def _sentence_claims(
    article: Article,
    start: int,
    end: int,
    frame: Frame | None,
    cues: list[WeightedCue],
    seen: Counter[str],
) -> list[Claim]:
    text = article.text
    if text[start:end].rstrip().endswith(":") and _INTRODUCES.search(text, start, end):
        return []  # "Asked if that gave him pause, he replied:": the quotation that follows is
    content_start, content_end = (frame.content_start, frame.content_end) if frame else (start, end)
    # an attributed content of two words is a claim ("Rivian said prices rose")
    fewest = MIN_WORDS - 1 if frame else MIN_WORDS
    clauses = [
        span
        for span in clause_spans(text, content_start, content_end, said=_said(frame))
        if _is_claim(text[span[0] : span[1]], fewest)
    ]
    attribution = frame.attribution if frame else None
    aside = _aside(text, attribution)
    owned = [*clauses, aside[:2]] if aside else clauses
    shared = [c for c in cues if not any(_inside(c, a, b) for a, b in owned)]
    if attribution is not None and attribution.end > content_end:
        # "..., said Rep. Barry Fleming, a Republican who led a bid to ... even if ...": a cue
        # in the speaker's apposition says nothing of the claim
        shared = [c for c in shared if c.cue.start < attribution.end]
    shared += _anonymous_cue(text, attribution, cues)
    # "Amazon said it will buy": a pronoun opening the content after its speaker is the
    # speaker; in "He pleaded guilty, his lawyer said" it is not, nor in "According to a
    # poll, her approval rating ..."
    leads = (
        attribution is not None
        and start <= attribution.start < content_start
        and not _ACCORDING.search(text, start, attribution.start)
    )
    subject = _subject(attribution, text[content_start:content_end]) if leads else None
    result = []
    if aside:  # "Amazon, which owns about 20 percent of the company, has said ...": the writer's
        aside_start, aside_end, aside_text = aside
        own = [c for c in cues if _inside(c, aside_start, aside_end)]
        result.append(build_claim(article, aside_start, aside_end, aside_text, own, None, seen))
    for part in _parts(
        text, clauses, frame, subject if clauses[:1] and clauses[0][0] == content_start else None
    ):
        clause_start, clause_end = part.start, part.end
        # a clause with its own frame keeps the cues of its frame ("some argue that ...")
        own = [c for c in cues if _inside(c, part.cues_from or clause_start, clause_end)]
        if part.cues_from is not None:
            own += _anonymous_cue(text, part.attribution, own)
        claim_cues = sorted(own + shared, key=lambda c: (c.cue.start, c.cue.end))
        body = text[clause_start:clause_end]
        if frame and frame.cut and clause_start <= frame.cut[0] and frame.cut[1] <= clause_end:
            body = text[clause_start : frame.cut[0]] + " " + text[frame.cut[1] : clause_end]
        if part.subject:
            body = f"{part.subject} {body}"
        claim_text = standalone(body, part.pronoun)
        claim = build_claim(
            article, clause_start, clause_end, claim_text, claim_cues, part.attribution, seen
        )
        result.append(attrs.evolve(claim, superseded=True) if part.superseded else claim)
    return result


def _said(frame: Frame | None) -> bool:
    """Whether the frame's content follows its verb of saying ("X said A and that B")."""
    return frame is not None and frame.attribution.end <= frame.content_start


def _anonymous_cue(
    text: str, attribution: Attribution | None, cues: list[WeightedCue]
) -> list[WeightedCue]:
    """An anonymous speaker as a cue of its claims ("witnesses said"), unless a cue already
    says so."""
    if (
        attribution is None
        or attribution.type != "anonymous"
        or any(
            c.cue.type == "anonymous"
            or (c.cue.start, c.cue.end) == (attribution.start, attribution.end)
            for c in cues
        )
    ):
        return []
    who = text[attribution.start : attribution.end]
    return [
        WeightedCue(Cue(attribution.start, attribution.end, who, "anonymous"), ANONYMOUS_WEIGHT)
    ]


@attrs.define
class _Part:
    """A clause of a sentence's content as a claim: its span, its speaker, the subject it
    shares with the clause before it (to put in front), what stands for a pronoun opening it,
    and whether the speaker later corrected it."""

    start: int
    end: int
    attribution: Attribution | None
    subject: str | None = None
    pronoun: str | None = None
    superseded: bool = False
    cues_from: int | None = None  # where its cues start, when its own frame comes before it


def _parts(
    text: str, clauses: list[tuple[int, int]], frame: Frame | None, first_pronoun: str | None
) -> list[_Part]:
    """The clauses as claims. A clause without a subject of its own ("..., but later lowered it
    to 7.4") takes the subject of the clause before it; one that opens with a verb of saying
    ("..., but later admitted it went down on Saturday") is the speaker's second statement,
    and when it corrects the first ("at first said", "later admitted", "later lowered") the
    clauses before it are marked superseded."""
    attribution = frame.attribution if frame else None
    parts: list[_Part] = []
    for index, (start, end) in enumerate(clauses):
        part = _Part(start, end, attribution, pronoun=first_pronoun if index == 0 else None)
        verb = shares_subject(text, start, end) if parts else None
        if verb is not None:
            continued = _continued(text, parts[-1], part, verb, frame)
            if continued is None:  # "Rivian unveiled a truck, and said that ...": one claim
                parts[-1].end = end
                continue
            part = continued
        elif parts:
            part = _own_frame(text, part)
        parts.append(part)
    return parts


# what no speaker's phrase starts or ends with, nor a statement's content starts with
_NOT_SPEAKER_EDGES = frozenset(
    {"today", "yesterday", "now", "then", "later", "earlier", "repeatedly", "also", "again"}
)
_NOT_CONTENT_OPENERS = frozenset(
    {"to", "not", "about", "only", "of", "for", "with", "him", "her", "them", "me", "us"}
)
# "the positive response indicates that ...": evidence, not a speaker
_EVIDENTIAL = re.compile(r"(?:indicat|show|suggest|seem|mean|prov|reveal|confirm)")


def _own_frame(text: str, part: _Part) -> _Part:
    """A clause cut from a sentence that has a speaker of its own ("..., but the USGS said it
    was 6.1"): its content, attributed to that speaker instead of the sentence's. A pronoun
    speaker is left as it was (whose it is is the sentence's business)."""
    inner = find_frame(text, part.start, part.end, text)
    if (
        inner is None
        or not part.start <= inner.attribution.start < inner.content_start
        or inner.content_end < part.end - 1
        or inner.cut is not None
    ):
        return part
    who = words(inner.attribution.who.lower())
    content = text[inner.content_start : part.end]
    said = words(content)
    verb = words(text[inner.attribution.end : inner.content_start].lower())
    if (
        not who
        or inner.attribution.who.lower() in PRONOUNS
        or len(who) > 6
        or who[0] in _NOT_SPEAKER_EDGES
        or who[-1] in _NOT_SPEAKER_EDGES
        or len(said) < MIN_WORDS - 1
        or said[0].lower() in _NOT_CONTENT_OPENERS
        or not has_finite_verb(said)
        or (verb and _EVIDENTIAL.match(verb[0]))
    ):
        return part  # "the judge repeatedly warned him to stop", "tests showed a herniated disk"
    return _Part(
        inner.content_start,
        part.end,
        inner.attribution,
        pronoun=_subject(inner.attribution, content),
        cues_from=part.start,
    )


def _continued(
    text: str, before: _Part, part: _Part, verb: int, frame: Frame | None
) -> _Part | None:
    verb_end = verb + len(words(text[verb : part.end])[0])
    verb_word = text[verb:verb_end].lower()
    later = _LATER.search(text, part.start, verb) is not None
    subject = before.subject or _subject_text(text, before.start, before.end)
    if verb_word in _SAYING:
        speaker = frame.attribution if frame and frame.attribution.start < before.start else None
        if speaker is None:
            return None  # the writer's report of what the subject did and said stays whole
        content = _THAT.match(text, verb_end, part.end)
        content_start = content.end() if content else verb_end
        if len(words(text[content_start : part.end])) < MIN_WORDS - 1:
            return part
        said = _Part(content_start, part.end, speaker)
        if subject and re.match(r"(?:it|they)\b", text[content_start : part.end], re.I):
            said.pronoun = subject  # "..., but later admitted it went down": "it" is the ship
        corrects = (frame is not None and frame.first_version) or (
            later and verb_word in _CORRECTING
        )
        before.superseded = before.superseded or corrects
        return said
    part.subject = _with_auxiliary(text, before, subject, verb_word)
    if later and verb_word in _CORRECTING and subject:
        before.superseded = True
        if before.attribution is None:  # the figure it corrected is the subject's, not the writer's
            before.attribution = _speaker(text, before, subject)
    return part


_PASSIVE = frozenset({"was", "were", "is", "are", "has", "have", "had", "been"})


def _with_auxiliary(text: str, before: _Part, subject: str | None, verb: str) -> str | None:
    """ "He was arrested, and later released": the participle shares "was" as well."""
    span = subject_span(text, before.start, before.end)
    if subject is None or span is None or not verb.endswith("ed"):
        return subject
    following = words(text[span[1] : before.end])[:1]
    if following and following[0].lower() in _PASSIVE:
        return f"{subject} {following[0]}"
    return subject


def _subject_text(text: str, start: int, end: int) -> str | None:
    span = subject_span(text, start, end)
    if span is None:
        return None
    subject = " ".join(text[span[0] : span[1]].split())
    return subject


def _speaker(text: str, before: _Part, subject: str) -> Attribution | None:
    """The subject of the clause before as the speaker of what follows it."""
    span = subject_span(text, before.start, before.end)
    if span is None:
        return None
    return Attribution(subject, classify_source(subject, text), span[0], span[1])


def _inside(cue: WeightedCue, start: int, end: int) -> bool:
    return start <= cue.cue.start and cue.cue.end <= end


def build_claim(
    article: Article,
    start: int,
    end: int,
    text: str,
    cues: list[WeightedCue],
    attribution: Attribution | None,
    seen: Counter[str],
) -> Claim:
    """The claim of ``article.text[start:end]`` with its standalone ``text``, tagged from its
    ``cues``; ``seen`` counts the quotes so far, for the id of a repeated one."""
    kind, confidence = classify(cues)
    quote = article.text[start:end]
    if kind == "speculation" and overrules(quote, [c.cue for c in cues], start):
        # the learned model reads the hedge in context as none ("it is not possible for")
        kind, confidence = classify(c for c in cues if c.cue.type not in SPECULATIVE_CUES)
    # counted by the words the id is made from: "Shares rose." and "shares rose." are two
    # occurrences of one id, not two claims with the same id
    words = _words_of(quote)
    occurrence = seen[words]
    seen[words] += 1
    return Claim(
        id=claim_id(article.source, quote, occurrence),
        source=article.source,
        path=article.path,
        start=start,
        end=end,
        quote=quote,
        text=text,
        kind=kind,
        confidence=confidence,
        cues=tuple(c.cue for c in cues),
        attribution=attribution,
    )


def _aside(text: str, attribution: Attribution | None) -> tuple[int, int, str] | None:
    """A relative clause inside the speaker's phrase, as a claim of the writer's own: its span
    and its text with the speaker as subject ("Kestrel Games, which employs about 1,200
    people, said ..." → "Kestrel Games employs about 1,200 people.")."""
    if attribution is None:
        return None
    match = _RELATIVE.search(text, attribution.start, attribution.end)
    if match is None or len(words(match["body"])) < MIN_WORDS:
        return None
    subject = attribution.who
    if match["pronoun"].lower() == "which" and " of " in subject:
        subject = subject.rsplit(" of ", 1)[1]  # "The president of South Sudan, which became"
    if match["pronoun"].lower() == "whose":
        subject = possessive(subject)
    return match.start("body"), match.end("body"), standalone(f"{subject} {match['body']}")


def _is_claim(clause: str, fewest: int = MIN_WORDS) -> bool:
    """Questions and fragments of fewer than ``fewest`` words assert nothing checkable."""
    if clause.rstrip("”\"’')] ").endswith("?"):
        return False
    if _SUBORDINATE_ONLY.match(clause):
        main = clause.split(",", 1)[1:]  # "Unless he loses Payton's faith, of course.": no main
        if not main or not has_finite_verb(words(main[0])):
            return False
    return len(words(clause)) >= fewest


def _subject(attribution: Attribution | None, content: str) -> str | None:
    """The speaker's name, to stand in for a pronoun that opens the content when the pronoun
    can be the speaker: "he" or "she" a person, "it" an organisation, "they" a plural."""
    if attribution is None or attribution.type == "anonymous":
        return None
    who = attribution.who.split(",")[0].strip()
    if not who or who.lower() in {"he", "she", "it", "they", "we", "i"} or len(who.split()) > 5:
        return None
    pronoun = content.split(None, 1)[0].lower() if content.split() else ""
    last = who.split()[-1]
    # "prosecutors argued he was ...": a plural noun is no "he"
    plural_noun = (last.islower() or last.lower()[:-1] in _ROLES) and (
        last.endswith("s") and not last.endswith("ss")
    )
    person = is_person(attribution) and not plural_noun
    plural = " and " in who or plural_noun
    fits = {
        "he": person,
        "she": person,
        "his": person,
        "her": person,
        "it": not person and not plural,
        "its": not person and not plural,
        "they": plural,
        "their": plural,
    }
    if not fits.get(pronoun, False) or _EXPLETIVE_IT.match(content):
        return None
    return who[0].upper() + who[1:]


_ROLES = lower_set("person_roles.txt")
# "it" that stands for no one: "The ministry says it will take several days for ...", "the
# USGS said it was 6.1", "the firm said it was unclear whether ..."
_EXPLETIVE_IT = re.compile(
    r"it\s+(?:"
    r"(?:is|was|'s|’s|will\s+be|would\s+be)\s+(?:not\s+)?(?:\d|(?:clear|unclear|likely|unlikely|"
    r"possible|impossible|too|time|important|necessary|hard|difficult|easy|expected|believed|"
    r"thought|feared|estimated)\b)"
    r"|(?:(?:will|would|could|may|might|can)\s+)?(?:take|takes|took)\s+(?:\S+\s+){0,3}?"
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|time|a\s+while|longer)\b"
    r"|(?:seems|seemed|appears|appeared)\b"
    # "the company says it can be used with any processor": a product, not the speaker
    r"|(?:can|could|may|might|will|would)\s+be\s+[a-z]+ed\b)",
    re.I,
)
