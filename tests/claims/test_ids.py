"""Claim ids stay the same when other parts of the article change."""

from __future__ import annotations

from claims.extract import extract_claims
from claims.ingest import build_article

BASE = (
    "Amazon bought 100 vans from Stellantis. Rivian raised $700 million.\n\n"
    "Tesla may cut prices next year.\n"
)


def ids(text: str, source: str = "story") -> dict[str, str]:
    article = build_article(text, path="x.txt", source=source)
    return {claim.quote: claim.id for claim in extract_claims(article)}


def test_ids_survive_edits_elsewhere() -> None:
    before = ids(BASE)
    edited = "A new opening paragraph was added here today.\n\n" + BASE.replace(
        "Tesla may", "Tesla might"
    )
    after = ids(edited)
    assert (
        after["Amazon bought 100 vans from Stellantis."]
        == before["Amazon bought 100 vans from Stellantis."]
    )
    assert after["Rivian raised $700 million."] == before["Rivian raised $700 million."]
    assert "Tesla might cut prices next year." in after
    assert after["Tesla might cut prices next year."] != before["Tesla may cut prices next year."]


def test_ids_differ_between_sources_and_repeats() -> None:
    assert (
        ids(BASE, "a")["Rivian raised $700 million."]
        != ids(BASE, "b")["Rivian raised $700 million."]
    )
    article = build_article(
        "Rivian raised money.\nRivian raised money.\n", path="x.txt", source="s"
    )
    first, second = extract_claims(article)
    assert first.id != second.id


def test_a_repeat_in_other_case_or_spacing_gets_its_own_id() -> None:
    """The id is made from the words lower-cased and single-spaced, so repeats are counted
    the same way (a 5 MB article repeating sentences had stored two claims under one id)."""
    article = build_article(
        "Rivian raised money in May.\nrivian raised money in May.\nRivian  raised money in May.\n",
        path="x.txt",
        source="s",
    )
    found = extract_claims(article)
    assert len(found) == 3 and len({claim.id for claim in found}) == 3
