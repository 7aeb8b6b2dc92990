"""Golden rows for attribution frames and source types."""

from __future__ import annotations

import pytest

from claims.attribution import classify_source, find_frame

GOLDEN = [
    # (frame, sentence, who, type, content)
    (
        "lead official",
        "Last week, electric pickup truck maker Rivian announced that Amazon was leading a $700 million round.",
        "electric pickup truck maker Rivian",
        "official",
        "Amazon was leading a $700 million round.",
    ),
    (
        "lead without that",
        "Stellantis said it will use Amazon’s Alexa technology.",
        "Stellantis",
        "official",
        "it will use Amazon’s Alexa technology.",
    ),
    (
        "lead named with role",
        "In a note, Morgan Stanley analyst Adam Jonas said EVs are a perfect fit.",
        "Morgan Stanley analyst Adam Jonas",
        "named",
        "EVs are a perfect fit.",
    ),
    (
        "lead anonymous",
        "Industry insiders report that the company has hired engineers.",
        "Industry insiders",
        "anonymous",
        "the company has hired engineers.",
    ),
    (
        "lead after subordinate clause",
        "While details remain guarded, industry insiders report that a team exists.",
        "industry insiders",
        "anonymous",
        "a team exists.",
    ),
    (
        "lead with appositive",
        "Amazon, which owns 20 percent of the company, has said it plans to order 100,000 vans.",
        "Amazon",
        "official",
        "it plans to order 100,000 vans.",
    ),
    (
        "according to an institution, lower-case",
        "Around 1,200 dockworkers joined the strike, according to the port authority.",
        "the port authority",
        "official",
        "Around 1,200 dockworkers joined the strike",
    ),
    (
        "according to lead",
        "According to industry sources, Amazon is in talks with battery makers.",
        "industry sources",
        "anonymous",
        "Amazon is in talks with battery makers.",
    ),
    (
        "according to lead named",
        "According to D.A. Davidson analyst Tom Forte, Amazon is seizing an opportunity.",
        "D.A. Davidson analyst Tom Forte",
        "named",
        "Amazon is seizing an opportunity.",
    ),
    (
        "according to tail",
        "Amazon may have spotted an opening, according to Dan Ives.",
        "Dan Ives",
        "named",
        "Amazon may have spotted an opening",
    ),
    (
        "tail anonymous",
        "Bezos appears ready to spend, insiders said.",
        "insiders",
        "anonymous",
        "Bezos appears ready to spend",
    ),
    (
        "tail official",
        "The deal covers millions of vehicles, the companies said.",
        "the companies",
        "official",
        "The deal covers millions of vehicles",
    ),
    (
        "tail after quote",
        "The investment “was a major shot across the bow,” Wedbush Securities’ Dan Ives told The Post.",
        "Wedbush Securities’ Dan Ives",
        "named",
        "The investment “was a major shot across the bow,”",
    ),
    (
        "tail document that shows",
        "Police funding increased by $12 million, city records show.",
        "city records",
        "official",
        "Police funding increased by $12 million",
    ),
    (
        "lead first person plural",
        "We said that the plant will reopen in May.",
        "We",
        "official",
        "the plant will reopen in May.",
    ),
    (
        "lead with a name in commas after the role",
        "Pike's lawyer, Ana Ruiz, said her client will plead not guilty.",
        "Pike's lawyer, Ana Ruiz",
        "named",
        "her client will plead not guilty.",
    ),
    (
        "lead vague quantified plural",
        "Several former employees said Pike was widely disliked.",
        "Several former employees",
        "anonymous",
        "Pike was widely disliked.",
    ),
    (
        "lead with a relative clause holding a number",
        "Kestrel Games, which employs about 1,200 people, said it had no plans to sell.",
        "Kestrel Games",
        "official",
        "it had no plans to sell.",
    ),
    (
        "tail with a plural object and a place",
        "“There is more work to do,” Lena Alvarez told supporters at a rally downtown.",
        "Lena Alvarez",
        "named",
        "“There is more work to do,”",
    ),
    (
        "inverted tail",
        "“We’re excited to work together,” said Andy Jassy, CEO of Amazon, in a statement.",
        "Andy Jassy",  # the apposition (", CEO of Amazon") describes the speaker
        "named",
        "“We’re excited to work together,”",
    ),
    (
        "title abbreviation in who",
        "Mr. Chen added that the port had cut 1,300 jobs.",
        "Mr. Chen",
        "named",
        "the port had cut 1,300 jobs.",
    ),
    (
        "denial keeps its frame",
        "Port spokesperson Dana Wu denied that any jobs were cut.",
        "Port spokesperson Dana Wu",
        "named",
        "Port spokesperson Dana Wu denied that any jobs were cut.",
    ),
    (
        "pronoun content makes a person",
        "Musk — who promised a pickup — added that he didn’t care.",
        "Musk",
        "named",
        "he didn’t care.",
    ),
    (
        "tail definite institution",
        "Container traffic rose 4 percent last year, the port said in its annual report.",
        "the port",
        "official",
        "Container traffic rose 4 percent last year",
    ),
    (
        "tail document",
        "Container traffic fell 4 percent last year, according to port figures.",
        "port figures",
        "official",
        "Container traffic fell 4 percent last year",
    ),
    (
        "tail group of people",
        "The bridge collapsed at noon, witnesses said.",
        "witnesses",
        "group",
        "The bridge collapsed at noon",
    ),
]


@pytest.mark.parametrize(
    ("frame", "sentence", "who", "kind", "content"), GOLDEN, ids=[row[0] for row in GOLDEN]
)
def test_golden(frame: str, sentence: str, who: str, kind: str, content: str) -> None:
    found = find_frame(sentence, 0, len(sentence))
    assert found is not None
    assert found.attribution.who == who
    assert found.attribution.type == kind
    assert sentence[found.content_start : found.content_end] == content


def test_middle_frame_is_cut_from_the_text() -> None:
    sentence = "The Rivian investment, Jonas said, could be a milestone."
    found = find_frame(sentence, 0, len(sentence), "Morgan Stanley analyst Adam Jonas wrote.")
    assert found is not None and found.cut is not None
    assert found.attribution.type == "named"
    assert (
        sentence[: found.cut[0]] + " " + sentence[found.cut[1] :]
        == "The Rivian investment could be a milestone."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Amazon announced a $700 million investment.",  # object, not a reported clause
        "In November, Rivian unveiled a truck, and said that it plans to ship by 2020.",
        "That was just days after Musk said he was planning a pickup.",
        "Amazon did not respond to a request for comment.",
        "An estimated 1,200 people were evacuated.",  # "An" is no speaker
    ],
)
def test_no_frame(sentence: str) -> None:
    assert find_frame(sentence, 0, len(sentence)) is None


@pytest.mark.parametrize(
    ("who", "article", "kind"),
    [
        ("Pike", "Gregory Pike was charged. Pike said nothing.", "named"),  # a known surname
        # a headline's title case makes no first name: Brantley is the company
        ("Brantley", "Former Brantley CFO charged\nBrantley said it fired him.", "official"),
        ("Brantley", "Brantley Logistics Inc fired him.", "official"),
    ],
)
def test_source_type_in_its_article(who: str, article: str, kind: str) -> None:
    assert classify_source(who, article) == kind
