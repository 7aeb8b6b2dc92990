"""Property-based tests: any text gives valid offsets and never crashes the pipeline."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extract import extract_claims
from claims.ingest import build_article, text_article
from claims.segment import sentence_spans

NEWSY = st.lists(
    st.sampled_from(
        [
            *list("abcdeAMRT .,;:!?…—–-\"'“”‘’()$%0123456789\n\t#*•"),
            "may ",
            "said ",
            "U.S. ",
            "Inc. ",
            "Dr. ",
            "insiders ",
            ", and ",
            "if ",
            "\x1b[31m",
            "\x00",
        ]
    ),
    max_size=200,
).map("".join)
ANY = st.one_of(st.text(max_size=300), NEWSY)


@settings(max_examples=300, deadline=None)
@given(ANY)
def test_sentence_spans_are_ordered_and_trimmed(text: str) -> None:
    previous = 0
    for start, end in sentence_spans(text):
        assert previous <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous = end


@settings(max_examples=300, deadline=None)
@given(ANY)
def test_claim_offsets_always_hold(text: str) -> None:
    for article in (build_article(text, path="p", source="s"), text_article(text)):
        for claim in extract_claims(article):
            assert article.text[claim.start : claim.end] == claim.quote
            assert claim.text.strip()
            assert claim.kind in ("fact", "speculation", "opinion")
            for cue in claim.cues:
                assert article.text[cue.start : cue.end] == cue.text
            if claim.attribution:
                span = article.text[claim.attribution.start : claim.attribution.end]
                assert span.strip()
