"""Golden rows for what is not a claim: titles, headings, bylines, datelines, pull quotes."""

from __future__ import annotations

import pytest

from claims.structure import analyse_structure


def kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start : b.end]) for b in analyse_structure(text).blocks]


GOLDEN = [
    (
        "markdown heading",
        "### Why Electric Vehicles?\nTesla leads the market.",
        [("heading", "### Why Electric Vehicles?"), ("body", "Tesla leads the market.")],
    ),
    (
        "bold line",
        "**Conclusion: A Rivalry**\nIt ended.",
        [("heading", "**Conclusion: A Rivalry**"), ("body", "It ended.")],
    ),
    (
        "title then byline",
        "Amazon targets Tesla\n\nBy: Nicolas V.\n\nIt invested.",
        [("title", "Amazon targets Tesla"), ("byline", "By: Nicolas V."), ("body", "It invested.")],
    ),
    (
        "short line without stop is a heading",
        "Rivian grew fast.\nA New Era for Vans\nVans sold out.",
        [
            ("body", "Rivian grew fast."),
            ("heading", "A New Era for Vans"),
            ("body", "Vans sold out."),
        ],
    ),
    (
        "date line",
        "Published: January 5, 2022\nAmazon bought vans.",
        [("dateline", "Published: January 5, 2022"), ("body", "Amazon bought vans.")],
    ),
    (
        "date prefix",
        " date 2022-01-05 Amazon bought vans.",
        [("dateline", "date 2022-01-05 "), ("body", "Amazon bought vans.")],
    ),
    (
        "wire dateline",
        "SEATTLE (Reuters) - Amazon bought vans.",
        [("dateline", "SEATTLE (Reuters) - "), ("body", "Amazon bought vans.")],
    ),
    (
        "place dateline without an agency",
        "MILLBROOK — Crews fought a fire.",
        [("dateline", "MILLBROOK — "), ("body", "Crews fought a fire.")],
    ),
    (
        "place and date dateline",
        "NEW YORK, Nov. 20 - Stocks fell.",
        [("dateline", "NEW YORK, Nov. 20 - "), ("body", "Stocks fell.")],
    ),
    (
        "a place dateline only opens the first paragraph",
        "Crews fought a fire.\nNASA — the agency — said nothing.",
        [("body", "Crews fought a fire."), ("body", "NASA — the agency — said nothing.")],
    ),
    (
        "a short capitalised word and a dash is no dateline",
        "AI — the technology — is spreading.",
        [("body", "AI — the technology — is spreading.")],
    ),
    (
        "markdown block quote of a lone quotation is a pull quote",
        'Body text here.\n> "The most important result in a decade."',
        [("body", "Body text here."), ("pullquote", '> "The most important result in a decade."')],
    ),
    (
        "markdown block quote of a passage is content without its marker",
        "Intro text.\n> The company said it will appeal.",
        [("body", "Intro text."), ("body", "The company said it will appeal.")],
    ),
    (
        "pull quote repeated from the body",
        "He said “the vans are coming soon.” Then he left.\n“The vans are coming soon.”",
        [
            ("body", "He said “the vans are coming soon.” Then he left."),
            ("pullquote", "“The vans are coming soon.”"),
        ],
    ),
    (
        "quoted display fragment",
        "Amazon bought vans.\n“Thousands” of vans",
        [("body", "Amazon bought vans."), ("heading", "“Thousands” of vans")],
    ),
    (
        "bullet is content",
        "– **Prime Integration**: Customers may order EVs.",
        [("body", "– **Prime Integration**: Customers may order EVs.")],
    ),
    (
        "sentence starting with By is content",
        "By focusing on recycling, it could lead the market.",
        [("body", "By focusing on recycling, it could lead the market.")],
    ),
    (
        "boilerplate",
        "Amazon bought vans.\nAdvertisement\nIt paid cash.",
        [
            ("body", "Amazon bought vans."),
            ("boilerplate", "Advertisement"),
            ("body", "It paid cash."),
        ],
    ),
    (
        "run-in heading",
        "Market Implications and Global ReachThe launch could send shockwaves.",
        [
            ("heading", "Market Implications and Global Reach"),
            ("body", "The launch could send shockwaves."),
        ],
    ),
]


@pytest.mark.parametrize(("rule", "text", "expected"), GOLDEN, ids=[row[0] for row in GOLDEN])
def test_golden(rule: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


def test_metadata_from_structure() -> None:
    text = "Amazon targets Tesla\n\nBy: Nicolas V.\n\nPublished: 2022-01-05\n\nIt invested."
    metadata = analyse_structure(text).metadata
    assert metadata == {
        "title": "Amazon targets Tesla",
        "author": "Nicolas V.",
        "published": "2022-01-05",
    }


@pytest.mark.parametrize(
    ("line", "published"),
    [
        # the stamps web pages print above a story, detokenised as wire copy writes them
        ("Updated 09 / 14 / 2013 01: 03 PM", "2013-09-14"),
        ("Last updated 15: 48 15 / 09 / 2013", "2013-09-15"),  # day first: 15 is no month
        ("8: 00 AM PDT 4 / 4 / 2012", "2012-04-04"),
        ("Last Updated: Monday, 28 November 2005, 02: 24 GMT", "28 November 2005"),
        ("Posted: Friday, March 8, 2013 2: 39 pm", "March 8, 2013"),
        ("May 3rd, 2013 2: 00pm EDT", "May 3, 2013"),
        ("Posted on Thu Jun 13, 2013 08: 45 AM PDT", "Jun 13, 2013"),
        ("Updated 4: 08 p. m. ET", None),  # a time alone dates nothing
    ],
)
def test_a_time_line_dates_the_article(line: str, published: str | None) -> None:
    structure = analyse_structure(f"Quake hits island\n\n{line}\n\nA quake hit the island.")
    assert [b.kind for b in structure.blocks][:2] == ["title", "dateline"]
    assert structure.metadata.get("published") == published
