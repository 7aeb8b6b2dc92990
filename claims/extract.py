"""The pipeline: article body → sentences → attribution frame → atomic clauses → tagged claims."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter

from claims.attribution import Frame, find_frame
from claims.clauses import clause_spans, possessive, standalone, words
from claims.models import Article, Attribution, Claim, Cue
from claims.segment import sentence_spans
from claims.tagger import ANONYMOUS_WEIGHT, WeightedCue, classify, find_cues

# "– **Advanced AI Integration**: " and "1. " before a list item's content.
_ITEM_LEAD = re.compile(
    r"(?:[-–—•*⁃]|\d{1,3}[.)])\s+(?:(?:\*\*|__)[^*_]{1,80}(?:\*\*|__)\s*:?\s*)?"
)
_FULLY_QUOTED = re.compile(r'^[“"].+[”"]$')
# ", which owns about 20 percent of the company," in a speaker's phrase ("1,200" is no comma)
_RELATIVE = re.compile(
    r",\s+(?P<pronoun>which|who|whose)\s+(?P<body>(?:[^,]|,(?=\d{3}))+?)\s*(?:,(?!\d{3})|$)",
    re.I,
)
_ACCORDING = re.compile(r"according to\s*$", re.I)
_OPENS_QUOTE = re.compile(r'^[“"][^”"]+$')  # opens a quotation that goes on after it
_CLOSES_QUOTE = re.compile(r'^[^“"]*[”"]')  # closes a quotation opened before it
MIN_WORDS = 3


def claim_id(source: str, quote: str, occurrence: int) -> str:
    """Stable id: the same words in the same source keep their id wherever they move."""
    key = f"{source}\x00{_words_of(quote)}\x00{occurrence}"
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()


def _words_of(quote: str) -> str:
    """What a claim's id is made from: its words, lower-cased, single-spaced."""
    return " ".join(quote.lower().split())


def extract_claims(article: Article) -> list[Claim]:
    """All claims of the article's body blocks, in reading order."""
    claims: list[Claim] = []
    seen: Counter[str] = Counter()
    text = article.text
    for block in article.blocks:
        if block.kind != "body":
            continue
        block_cues = find_cues(text, block.start, block.end)  # sorted by start
        cue_starts = [c.cue.start for c in block_cues]
        for start, end, frame in _framed_sentences(text, block.start, block.end):
            first, last = bisect_left(cue_starts, start), bisect_left(cue_starts, end)
            sentence_cues = [c for c in block_cues[first:last] if c.cue.end <= end]
            claims.extend(_sentence_claims(article, start, end, frame, sentence_cues, seen))
    return claims


def _framed_sentences(
    text: str, block_start: int, block_end: int
) -> list[tuple[int, int, Frame | None]]:
    """The sentences of a body block with their attribution frames. A quotation gives its
    speaker to the sentences around it: a fully quoted sentence after a quoted speaker's takes
    that speaker, and the sentences of a quotation that runs over several ("“I am not done.
    There is more to do,” she said.") take the speaker named where it closes."""
    framed: list[tuple[int, int, Frame | None]] = []
    carried: Attribution | None = None
    open_quote: list[int] = []  # indices of sentences inside a quotation not yet closed
    for start, end in sentence_spans(text, block_start, block_end):
        lead = _ITEM_LEAD.match(text, start, end)
        if lead:
            start = lead.end()
        sentence = text[start:end]
        frame = find_frame(text, start, end, text)
        if frame is None and carried is not None and _FULLY_QUOTED.match(sentence):
            frame = Frame(carried, start, end)
        carried = frame.attribution if frame and _quotes_speaker(sentence) else None
        if frame is None and (
            _OPENS_QUOTE.match(sentence)
            or (open_quote and "”" not in sentence and '"' not in sentence)
        ):
            open_quote.append(len(framed))
        elif open_quote and frame is not None and _CLOSES_QUOTE.search(sentence):
            for index in open_quote:
                inner_start, inner_end, _ = framed[index]
                inner = Frame(frame.attribution, inner_start, inner_end)
                framed[index] = (inner_start, inner_end, inner)
            open_quote = []
        else:
            open_quote = []
        framed.append((start, end, frame))
    return framed


def _quotes_speaker(sentence: str) -> bool:
    return "“" in sentence or '"' in sentence


def _sentence_claims(
    article: Article,
    start: int,
    end: int,
    frame: Frame | None,
    cues: list[WeightedCue],
    seen: Counter[str],
) -> list[Claim]:
    text = article.text
    content_start, content_end = (frame.content_start, frame.content_end) if frame else (start, end)
    # an attributed content of two words is a claim ("Rivian said prices rose")
    fewest = MIN_WORDS - 1 if frame else MIN_WORDS
    clauses = [
        span
        for span in clause_spans(text, content_start, content_end)
        if _is_claim(text[span[0] : span[1]], fewest)
    ]
    attribution = frame.attribution if frame else None
    aside = _aside(text, attribution)
    owned = [*clauses, aside[:2]] if aside else clauses
    shared = [c for c in cues if not any(_inside(c, a, b) for a, b in owned)]
    if (
        attribution
        and attribution.type == "anonymous"
        and not any(
            c.cue.type == "anonymous"
            or (c.cue.start, c.cue.end) == (attribution.start, attribution.end)
            for c in cues
        )
    ):
        anonymous = Cue(
            attribution.start,
            attribution.end,
            text[attribution.start : attribution.end],
            "anonymous",
        )
        shared.append(WeightedCue(anonymous, ANONYMOUS_WEIGHT))
    # "Amazon said it will buy": a pronoun opening the content after its speaker is the
    # speaker; in "He pleaded guilty, his lawyer said" it is not, nor in "According to a
    # poll, her approval rating ..."
    leads = (
        attribution is not None
        and start <= attribution.start < content_start
        and not _ACCORDING.search(text, start, attribution.start)
    )
    subject = _subject(attribution) if leads else None
    result = []
    if aside:  # "Amazon, which owns about 20 percent of the company, has said ...": the writer's
        aside_start, aside_end, aside_text = aside
        own = [c for c in cues if _inside(c, aside_start, aside_end)]
        result.append(build_claim(article, aside_start, aside_end, aside_text, own, None, seen))
    for clause_start, clause_end in clauses:
        own = [c for c in cues if _inside(c, clause_start, clause_end)]
        claim_cues = sorted(own + shared, key=lambda c: (c.cue.start, c.cue.end))
        body = text[clause_start:clause_end]
        if frame and frame.cut and clause_start <= frame.cut[0] and frame.cut[1] <= clause_end:
            body = text[clause_start : frame.cut[0]] + " " + text[frame.cut[1] : clause_end]
        claim_text = standalone(body, subject if clause_start == content_start else None)
        result.append(
            build_claim(
                article, clause_start, clause_end, claim_text, claim_cues, attribution, seen
            )
        )
    return result


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
    if match["pronoun"].lower() == "whose":
        subject = possessive(subject)
    return match.start("body"), match.end("body"), standalone(f"{subject} {match['body']}")


def _is_claim(clause: str, fewest: int = MIN_WORDS) -> bool:
    """Questions and fragments of fewer than ``fewest`` words assert nothing checkable."""
    if clause.rstrip("”\"’')] ").endswith("?"):
        return False
    return len(words(clause)) >= fewest


def _subject(attribution: Attribution | None) -> str | None:
    """The speaker's name, to stand in for a pronoun that opens the content."""
    if attribution is None or attribution.type == "anonymous":
        return None
    who = attribution.who.split(",")[0].strip()
    if who.lower() in {"he", "she", "it", "they", "we", "i"} or len(who.split()) > 5:
        return None
    return who[0].upper() + who[1:] if who else None
