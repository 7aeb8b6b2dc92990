"""Property-based tests across the layers: ingest → segment → split → tag → normalise → relate
→ store. Arbitrary input never crashes a stage, offsets always hold, and relations are the
same whichever claim comes first."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.compare.normalize import features
from checker.compare.relate import judge, relate_claims
from checker.review import store
from checker.review.analysis import analyze
from checker.review.schema import connect
from claims.extract import extract_claims
from claims.ingest import IngestError, parse_article, text_article
from tests.claims.test_properties import ANY, NEWSY

WORDS = st.lists(
    st.sampled_from(
        [
            "Acme",
            "Amazon",
            "Rivian",
            "cut",
            "hired",
            "3,100",
            "1,300",
            "$700 million",
            "jobs",
            "vans",
            "on Monday",
            "on Friday",
            "in 2023",
            "denied",
            "not",
            "rose",
            "fell",
            "may",
            "said",
            "insiders",
            "about 20 percent",
            "the",
            "union",
            "plant",
        ]
    ),
    min_size=1,
    max_size=14,
).map(lambda words: " ".join(words) + ".")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.md", "a.json"]))
def test_any_bytes_are_an_article_or_a_reason(data: bytes, name: str) -> None:
    try:
        article = parse_article(data, name)
    except IngestError as error:
        assert error.path == name and error.reason
        return
    for claim in extract_claims(article):
        assert article.text[claim.start : claim.end] == claim.quote


@settings(max_examples=150, deadline=None)
@given(ANY)
def test_any_text_normalises_without_crashing(text: str) -> None:
    for claim in extract_claims(text_article(text)):
        item = features(claim.text)
        for quantity in item.quantities:
            assert claim.text[quantity.start : quantity.end] == quantity.text
        for time in item.times:
            assert claim.text[time.start : time.end] == time.text


@settings(max_examples=200, deadline=None)
@given(st.one_of(WORDS, NEWSY), st.one_of(WORDS, NEWSY))
def test_relations_do_not_depend_on_order(a: str, b: str) -> None:
    one, two = judge(features(a), features(b)), judge(features(b), features(a))
    assert one.relation == two.relation
    assert one.score == two.score


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=6).map(" ".join), min_size=2, max_size=4))
def test_a_stored_analysis_holds_offsets_and_relations(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "story"
        folder.mkdir()
        for number, text in enumerate(texts):
            (folder / f"s{number}.txt").write_text(text + "\n", encoding="utf-8")
        connection = connect(Path(work) / "c.db")
        analyze(connection, [str(folder)], on_error=lambda path, error: None)
        claims = store.stored_claims(connection)
        for claim in claims:
            assert store.source_text(connection, claim.source)[claim.start : claim.end] == (
                claim.quote
            )
        stored = [(r.a, r.b, r.relation) for r in store.relations(connection, shown=True)]
        assert stored == [(r.a, r.b, r.relation) for r in relate_claims(claims)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        connection.close()
