"""Golden rows for the sentence rules: one row per rule family."""

from __future__ import annotations

import pytest

from claims.segment import sentence_spans, split_sentences

GOLDEN = [
    # (rule, text, expected sentences)
    ("period", "Hello World. My name is Jonas.", ["Hello World.", "My name is Jonas."]),
    ("question", "What is it? It is a van.", ["What is it?", "It is a van."]),
    ("exclamation", "There it is! I found it.", ["There it is!", "I found it."]),
    ("line break", "A title\nThe body starts here.", ["A title", "The body starts here."]),
    ("initial", "My name is Jonas E. Smith.", ["My name is Jonas E. Smith."]),
    (
        "title abbreviation",
        "Dr. Jane Smith met Gen. Mark Milley.",
        ["Dr. Jane Smith met Gen. Mark Milley."],
    ),
    (
        "number abbreviation",
        "It was the No. 2 automaker vs. Tesla.",
        ["It was the No. 2 automaker vs. Tesla."],
    ),
    ("month before day", "They met on Jan. 5 in Detroit.", ["They met on Jan. 5 in Detroit."]),
    (
        "U.S. before a name",
        "The U.S. Department of Energy approved it.",
        ["The U.S. Department of Energy approved it."],
    ),
    (
        "U.S. ending a sentence",
        "I live in the U.S. How about you?",
        ["I live in the U.S.", "How about you?"],
    ),
    (
        "Inc. mid-sentence",
        "Shares of Amazon.com Inc. rose 2.3% on Monday.",
        ["Shares of Amazon.com Inc. rose 2.3% on Monday."],
    ),
    (
        "Inc. ending a sentence",
        "It went to Embark Trucks Inc. The startup grew.",
        ["It went to Embark Trucks Inc.", "The startup grew."],
    ),
    (
        "state abbreviation",
        "It is based in Irvine, Calif. It employs 14,000.",
        ["It is based in Irvine, Calif.", "It employs 14,000."],
    ),
    (
        "money and decimals",
        "Rivian raised $700M and $1.5 billion. The total topped $2.2 billion.",
        ["Rivian raised $700M and $1.5 billion.", "The total topped $2.2 billion."],
    ),
    (
        "multi-period initials",
        "It was founded by R.J. Scaringe in 2009.",
        ["It was founded by R.J. Scaringe in 2009."],
    ),
    (
        "a.m.",
        "The launch is set for 9 a.m. ET on Friday.",
        ["The launch is set for 9 a.m. ET on Friday."],
    ),
    (
        "quote ending ?” then lower case",
        "“Is this the end?” asked Dan Ives. He thinks not.",
        ["“Is this the end?” asked Dan Ives.", "He thinks not."],
    ),
    (
        "quote ending .” then capital",
        "He said it was “a big step.” She declined to comment.",
        ["He said it was “a big step.”", "She declined to comment."],
    ),
    (
        "quote ending ,” said",
        '"We are excited," said Andy Jassy. "This is new."',
        ['"We are excited," said Andy Jassy.', '"This is new."'],
    ),
    (
        "ellipsis then lower case",
        "The CEO paused... then spoke. Investors left.",
        ["The CEO paused... then spoke.", "Investors left."],
    ),
    (
        "unicode ellipsis then capital",
        "Sales fell short… Analysts expect worse.",
        ["Sales fell short…", "Analysts expect worse."],
    ),
    (
        "em-dash aside",
        "Musk — who has promised a pickup — added more. Then he left.",
        ["Musk — who has promised a pickup — added more.", "Then he left."],
    ),
    (
        "parenthesis",
        "He teaches (He worked as an engineer.) at the university.",
        ["He teaches (He worked as an engineer.) at the university."],
    ),
    (
        "enumerated list",
        "1) The first item 2) The second item",
        ["1) The first item", "2) The second item"],
    ),
    (
        "list marker is not an end",
        "1. The first item. 2. The second item.",
        ["1. The first item.", "2. The second item."],
    ),
    (
        "email",
        "Her email is Jane.Doe@example.com. I wrote.",
        ["Her email is Jane.Doe@example.com.", "I wrote."],
    ),
]


@pytest.mark.parametrize(("rule", "text", "expected"), GOLDEN, ids=[row[0] for row in GOLDEN])
def test_golden(rule: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_spans_are_offsets_into_the_text() -> None:
    text = "  First one.   Second one!\n\nThird?  "
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one!", "Third?"]


def test_region_is_respected() -> None:
    text = "Skip this. Keep this one. And this one."
    start = text.index("Keep")
    assert sentence_spans(text, start) == [(start, start + 14), (start + 15, len(text))]


@pytest.mark.parametrize("opening", ["Dr. Helen Marsh led it.", "U.S. officials agreed."])
def test_an_abbreviation_opening_a_later_line_or_region_is_no_sentence(opening: str) -> None:
    text = f"First line.\n{opening} Then it ended."
    assert split_sentences(text) == ["First line.", opening, "Then it ended."]
    start = text.index(opening)
    assert [text[s:e] for s, e in sentence_spans(text, start)] == [opening, "Then it ended."]
