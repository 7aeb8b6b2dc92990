"""Wire and newspaper copy (issue 16): wire quotation marks and dashes, datelines, fact boxes,
transcripts, date breaks, speakers named anywhere, pronouns, groups, corrected statements and
clauses that keep their subject. One golden row per rule, and properties for the new parsing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extract import extract_claims
from claims.ingest import build_article
from claims.models import Claim
from claims.segment import split_sentences
from claims.structure import analyse_structure


def claims_of(text: str) -> list[Claim]:
    return extract_claims(build_article(text, path="a.txt", source="a"))


def speaker(claim: Claim) -> tuple[str, str] | None:
    return (claim.attribution.who, claim.attribution.type) if claim.attribution else None


# (rule, article, [(claim text, (who, type) or None, superseded)])
CLAIM_GOLDEN = [
    (
        "wire quotation marks",
        "''The state has forgotten us,'' Demir said.",
        [("The state has forgotten us.", ("Demir", "official"), False)],
    ),
    (
        "wire quotation carried to the next quoted sentence",
        "''We waited,'' Demir said. ''Nobody came to help.''",
        [
            ("We waited.", ("Demir", "official"), False),
            ("Nobody came to help.", ("Demir", "official"), False),
        ],
    ),
    (
        "speaker after an adverbial of medium",
        "The bridge was closed, Ana Ruiz wrote in a post on Twitter.",
        [("The bridge was closed.", ("Ana Ruiz", "named"), False)],
    ),
    (
        "report day without 'on'",
        "The coast guard said Thursday that a collision caused the fire.",
        [("A collision caused the fire.", ("The coast guard", "official"), False)],
    ),
    (
        "title and name before the verb",
        "Mexico City Mayor Miguel Mancera said the building was unsafe.",
        [("The building was unsafe.", ("Mexico City Mayor Miguel Mancera", "named"), False)],
    ),
    (
        "group of people",
        "Family members said the boy was found alive.",
        [("The boy was found alive.", ("Family members", "group"), False)],
    ),
    (
        "pronoun resolved to the person named before",
        "Ana Ruiz arrived late. She said the bridge had collapsed.",
        [
            ("Ana Ruiz arrived late.", None, False),
            ("The bridge had collapsed.", ("Ana Ruiz", "named"), False),
        ],
    ),
    (
        "pronoun resolved to the role named before",
        "The mayor said the road was shut. He said the bridge was old.",
        [
            ("The road was shut.", ("The mayor", "official"), False),
            ("The bridge was old.", ("The mayor", "official"), False),
        ],
    ),
    (
        "pronoun with no one before it is left unresolved",
        "He said the bridge was old.",
        [("The bridge was old.", ("", "named"), False)],
    ),
    (
        "'it' is not a person's",
        "The mayor said it was old.",
        [("It was old.", ("The mayor", "official"), False)],
    ),
    (
        "corrected statement: the first version stays attributed, superseded",
        "Officials at first said the ship sank on Sunday, but later admitted it went down on Saturday.",
        [
            ("The ship sank on Sunday.", ("Officials", "official"), True),
            ("The ship went down on Saturday.", ("Officials", "official"), False),
        ],
    ),
    (
        "corrected figure: subject kept, first figure the subject's and superseded",
        "The survey put the magnitude at 7.8 but later lowered it to 7.4.",
        [
            ("The survey put the magnitude at 7.8.", ("The survey", "official"), True),
            ("The survey later lowered it to 7.4.", None, False),
        ],
    ),
    (
        "predicate keeps its subject",
        "The survey put the magnitude at 7.8, but downgraded that to 7.4.",
        [
            ("The survey put the magnitude at 7.8.", None, False),
            ("The survey downgraded that to 7.4.", None, False),
        ],
    ),
    (
        "the writer's report of a doing and a saying stays one claim",
        "Rivian unveiled a truck, and said that it plans to ship by 2020.",
        [("Rivian unveiled a truck, and said that it plans to ship by 2020.", None, False)],
    ),
    (
        "passive predicate keeps its auxiliary",
        "He was arrested on Monday, and later released on bail.",
        [
            ("He was arrested on Monday.", None, False),
            ("He was later released on bail.", None, False),
        ],
    ),
    (
        "fact box line read with its heading",
        "Facts about the quake\n\n*WORST AREAS AFFECTED\n\nKocaeli: 4,100 dead, 9,800 injured\n",
        [("Worst areas affected — Kocaeli: 4,100 dead, 9,800 injured.", None, False)],
    ),
    (
        "transcript turns are the speaker's",
        "0:28 PILOT: We have lost an engine. We are going down.",
        [
            ("We have lost an engine.", ("Pilot", "official"), False),
            ("We are going down.", ("Pilot", "official"), False),
        ],
    ),
    (
        "transcript without timestamps",
        "SMITH: The vote is on Monday.\nJONES: We will vote no.",
        [
            ("The vote is on Monday.", ("Smith", "named"), False),
            ("We will vote no.", ("Jones", "named"), False),
        ],
    ),
]


@pytest.mark.parametrize(
    ("rule", "text", "expected"), CLAIM_GOLDEN, ids=[r[0] for r in CLAIM_GOLDEN]
)
def test_claim_golden(
    rule: str, text: str, expected: list[tuple[str, tuple[str, str] | None, bool]]
) -> None:
    assert [(c.text, speaker(c), c.superseded) for c in claims_of(text)] == expected


DATELINES = [
    ("ISTANBUL, Turkey (AP) _ A quake killed 186 people.", "ISTANBUL, Turkey (AP) _ "),
    (
        "ANKARA, Turkey, Aug. 17 (AP) _ A quake killed 186 people.",
        "ANKARA, Turkey, Aug. 17 (AP) _ ",
    ),
    (
        "Mexico City, 20 Sept (Reuters) - A quake killed 186 people.",
        "Mexico City, 20 Sept (Reuters) - ",
    ),
    ("(CNN) -- A quake killed 186 people.", "(CNN) -- "),
    ("NEW DELHI: A quake killed 186 people.", "NEW DELHI: "),
    ("LOS ANGELES, Calif. — A quake killed 186 people.", "LOS ANGELES, Calif. — "),
]


@pytest.mark.parametrize(("paragraph", "dateline"), DATELINES)
def test_dateline_shapes(paragraph: str, dateline: str) -> None:
    blocks = analyse_structure(paragraph).blocks
    assert [(b.kind, paragraph[b.start : b.end]) for b in blocks] == [
        ("dateline", dateline),
        ("body", paragraph[len(dateline) :]),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "11 / 30 / 09 05: 40 PM ET",
        "Updated 4: 08 p. m. ET",
        "MAY 3, 2013 AT 1: 10PM",
        "12: 52 p. m. EDT May 2, 2013",
    ],
)
def test_time_lines(line: str) -> None:
    text = f"A Title\n{line}\nThe quake killed 186 people."
    assert [b.kind for b in analyse_structure(text).blocks] == ["title", "dateline", "body"]


def test_labels_that_are_not_fact_lines() -> None:
    text = "A Title\nPhoto: 2013 Reuters\nPUBLISHED: MAY 2, 2013\nThe quake killed 186 people."
    kinds = [b.kind for b in analyse_structure(text).blocks]
    assert "body" not in kinds[:-1]


def test_date_abbreviation_ends_a_sentence_before_a_figure() -> None:
    assert split_sentences(
        "The quake struck on Tuesday, Sept. 19. 186 people died in the city."
    ) == [
        "The quake struck on Tuesday, Sept. 19.",
        "186 people died in the city.",
    ]
    assert split_sentences("It cost $5. 2 people paid.") == ["It cost $5. 2 people paid."]


WIRE = st.lists(
    st.sampled_from(
        [
            *list("abAKZ .,:_-0123456789\n"),
            "''",
            "``",
            " _ ",
            "PILOT: ",
            "0:28 ",
            "Kocaeli: ",
            "4,100 dead",
            "Sept. 19. ",
            " said ",
            " later admitted ",
            ", but later lowered it ",
            "He said ",
            "residents ",
            "(AP) _ ",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(WIRE)
def test_wire_offsets_always_hold(text: str) -> None:
    for claim in claims_of(text):
        assert text[claim.start : claim.end] == claim.quote
        assert claim.text.strip()
        if claim.attribution:
            assert text[claim.attribution.start : claim.attribution.end].strip()
        if claim.superseded:
            assert claim.attribution is not None  # never the writer's own fact
