"""The pipeline: article body → sentences → attribution frame → atomic clauses → tagged claims."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter

from claims.attribution import Frame, find_frame
from claims.clauses import clause_spans, standalone, words
from claims.models import Article, Attribution, Claim, Cue
from claims.segment import sentence_spans
from claims.tagger import ANONYMOUS_WEIGHT, WeightedCue, classify, find_cues

# "– **Advanced AI Integration**: " and "1. " before a list item's content.
_ITEM_LEAD = re.compile(
    r"(?:[-–—•*⁃]|\d{1,3}[.)])\s+(?:(?:\*\*|__)[^*_]{1,80}(?:\*\*|__)\s*:?\s*)?"
)
_FULLY_QUOTED = re.compile(r'^[“"].+[”"]$')
MIN_WORDS = 3


def claim_id(source: str, quote: str, occurrence: int) -> str:
    """Stable id: the same words in the same source keep their id wherever they move."""
    key = f"{source}\x00{' '.join(quote.lower().split())}\x00{occurrence}"
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()


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
        carried: Attribution | None = None
        for start, end in sentence_spans(text, block.start, block.end):
            lead = _ITEM_LEAD.match(text, start, end)
            if lead:
                start = lead.end()
            sentence = text[start:end]
            frame = find_frame(text, start, end, text)
            if frame is None and carried is not None and _FULLY_QUOTED.match(sentence):
                frame = Frame(carried, start, end)
            carried = frame.attribution if frame and _quotes_speaker(sentence) else None
            first, last = bisect_left(cue_starts, start), bisect_left(cue_starts, end)
            sentence_cues = [c for c in block_cues[first:last] if c.cue.end <= end]
            claims.extend(_sentence_claims(article, start, end, frame, sentence_cues, seen))
    return claims


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
    clauses = [
        span
        for span in clause_spans(text, content_start, content_end)
        if _is_claim(text[span[0] : span[1]])
    ]
    attribution = frame.attribution if frame else None
    shared = [c for c in cues if not any(a <= c.cue.start and c.cue.end <= b for a, b in clauses)]
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
    subject = _subject(attribution)
    result = []
    for clause_start, clause_end in clauses:
        own = [c for c in cues if clause_start <= c.cue.start and c.cue.end <= clause_end]
        claim_cues = sorted(own + shared, key=lambda c: (c.cue.start, c.cue.end))
        kind, confidence = classify(claim_cues)
        quote = text[clause_start:clause_end]
        body = quote
        if frame and frame.cut and clause_start <= frame.cut[0] and frame.cut[1] <= clause_end:
            body = text[clause_start : frame.cut[0]] + " " + text[frame.cut[1] : clause_end]
        occurrence = seen[quote]
        seen[quote] += 1
        result.append(
            Claim(
                id=claim_id(article.source, quote, occurrence),
                source=article.source,
                path=article.path,
                start=clause_start,
                end=clause_end,
                quote=quote,
                text=standalone(body, subject if clause_start == content_start else None),
                kind=kind,
                confidence=confidence,
                cues=tuple(c.cue for c in claim_cues),
                attribution=attribution,
            )
        )
    return result


def _is_claim(clause: str) -> bool:
    """Questions and fragments of fewer than three words assert nothing checkable."""
    if clause.rstrip("”\"’')] ").endswith("?"):
        return False
    return len(words(clause)) >= MIN_WORDS


def _subject(attribution: Attribution | None) -> str | None:
    """The speaker's name, to stand in for a pronoun that opens the content."""
    if attribution is None or attribution.type == "anonymous":
        return None
    who = attribution.who.split(",")[0].strip()
    if who.lower() in {"he", "she", "it", "they", "we", "i"} or len(who.split()) > 5:
        return None
    return who[0].upper() + who[1:] if who else None
