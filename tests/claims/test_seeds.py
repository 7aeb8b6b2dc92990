"""The seed articles: the contrast between the rumour piece and the two documented reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.extract import extract_claims
from claims.ingest import read_article
from claims.models import Claim


def claims_of(seeds: Path, prefix: str) -> list[Claim]:
    (path,) = seeds.glob(f"{prefix}_*.txt")
    return extract_claims(read_article(str(path)))


def find(claims: list[Claim], words: str) -> Claim:
    matches = [claim for claim in claims if words in claim.quote]
    assert matches, f"no claim with {words!r}"
    return matches[0]


def test_no_heading_byline_or_date_is_a_claim(seeds: Path) -> None:
    for prefix in ("000", "001", "002"):
        for claim in claims_of(seeds, prefix):
            assert not claim.quote.startswith(("###", "**", "By:", "date ")), claim.quote
            assert "Amazon targets Tesla with $700M" not in claim.quote
            assert claim.quote != "“Thousands” of electric delivery vans coming to Amazon’s fleet"


@pytest.mark.parametrize(
    ("words", "cue"),
    [
        ("yet-to-be-named Amazon-affiliated brand", "may"),
        ("the company has assembled a team", "insiders"),
        ("rumored to be headquartered", "rumored"),
        ("may offer the most sophisticated", "may"),
        ("partnerships with established players", "rumored"),
    ],
)
def test_seed_000_speculation(seeds: Path, words: str, cue: str) -> None:
    claim = find(claims_of(seeds, "000"), words)
    assert claim.kind == "speculation"
    assert cue in [c.text for c in claim.cues]


def test_seed_000_insiders_are_anonymous(seeds: Path) -> None:
    claim = find(claims_of(seeds, "000"), "the company has assembled a team")
    assert claim.attribution is not None and claim.attribution.type == "anonymous"


def test_seed_000_opinion(seeds: Path) -> None:
    assert find(claims_of(seeds, "000"), "undisputed king").kind == "opinion"


def test_seed_001_rivian_round_is_an_official_fact(seeds: Path) -> None:
    claim = find(claims_of(seeds, "001"), "$700 million investment round")
    assert claim.kind == "fact"
    assert claim.attribution is not None
    assert claim.attribution.type == "official" and "Rivian" in claim.attribution.who
    assert claim.text == "Amazon was leading a $700 million investment round in the company."


def test_seed_001_aurora_round_is_the_writers_fact(seeds: Path) -> None:
    claim = find(claims_of(seeds, "001"), "$530 million funding round for Aurora")
    assert claim.kind == "fact" and claim.attribution is None


def test_seed_001_named_and_anonymous_sources(seeds: Path) -> None:
    claims = claims_of(seeds, "001")
    ives = find(claims, "major shot across the bow")
    assert ives.attribution is not None and ives.attribution.type == "named"
    assert ives.attribution.who == "Wedbush Securities’ Dan Ives"
    checkbook = find(claims, "bottomless checkbook")
    assert checkbook.kind == "speculation"
    assert checkbook.attribution is not None and checkbook.attribution.type == "anonymous"


def test_seed_002_stellantis_purchase_is_an_official_fact(seeds: Path) -> None:
    claim = find(claims_of(seeds, "002"), "electric delivery vans from Stellantis")
    assert claim.kind == "fact"
    assert claim.attribution is not None
    assert (claim.attribution.who, claim.attribution.type) == ("Amazon", "official")
    assert (
        claim.text
        == "Amazon will buy an undisclosed number of electric delivery vans from Stellantis in 2023."
    )


def test_seed_002_date_is_metadata(seeds: Path) -> None:
    (path,) = seeds.glob("002_*.txt")
    assert read_article(str(path)).published == "2022-01-05"


def test_quotes_are_exact(seeds: Path) -> None:
    for path in sorted(seeds.glob("*.txt")):
        article = read_article(str(path))
        for claim in extract_claims(article):
            assert article.text[claim.start : claim.end] == claim.quote
            for cue in claim.cues:
                assert article.text[cue.start : cue.end] == cue.text
            if claim.attribution:
                assert claim.attribution.start < claim.attribution.end
