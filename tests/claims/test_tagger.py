"""Golden rows for tagging: each cue family, and words that must not be flagged blindly."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.lexicon import cue_lexicon, phrase_words
from claims.tagger import find_cues, tag_text

GOLDEN = [
    # (family, sentence, kind, cue words expected among the cues)
    ("hedge may", "These EVs may offer voice control.", "speculation", ["may"]),
    ("hedge appears", "This venture appears to be more direct.", "speculation", ["appears"]),
    ("hedge likely", "Europe is likely to be a battleground.", "speculation", ["likely"]),
    (
        "hedge potentially",
        "It could, potentially, use AWS data.",
        "speculation",
        ["could", "potentially"],
    ),
    (
        "prediction expected to",
        "Production lines are expected to be built in Texas.",
        "speculation",
        ["expected to"],
    ),
    ("prediction poised to", "The billionaires are poised to clash.", "speculation", ["poised to"]),
    ("prediction set to", "The plant is set to open in May 2024.", "speculation", ["is set to"]),
    ("rumour rumored", "The project is rumored to be in California.", "speculation", ["rumored"]),
    ("rumour reportedly", "Amazon reportedly hired 300 engineers.", "speculation", ["reportedly"]),
    (
        "rumour early reports",
        "Early reports suggest a lower price.",
        "speculation",
        ["Early reports"],
    ),
    ("anonymous insiders", "Industry insiders report a new team.", "speculation", ["insiders"]),
    (
        "anonymous familiar",
        "The deal is done, people familiar with the matter said.",
        "speculation",
        ["people familiar with"],
    ),
    (
        "belief some analysts",
        "Some analysts believe Musk is preparing a battery.",
        "speculation",
        ["Some analysts believe"],
    ),
    (
        "belief it is believed",
        "It is believed that the vans are electric.",
        "speculation",
        ["It is believed"],
    ),
    ("conditional if", "If Bezos succeeds, cars will change.", "speculation", ["If"]),
    ("weasel critics", "Critics have pointed to the carbon footprint.", "speculation", ["Critics"]),
    (
        "weasel agentless saying",
        "It is often said that the number was fake.",
        "speculation",
        ["It is often said"],
    ),
    (
        "weasel widely reported",
        "It has been widely reported that jobs will go.",
        "speculation",
        ["It has been widely reported"],
    ),
    (
        "weasel it's been said",
        "It's been said that the town is old.",
        "speculation",
        ["It's been said"],
    ),
    (
        "weasel some people",
        "Some people say the vans are slow.",
        "speculation",
        ["Some people say"],
    ),
    (
        "opinion undisputed",
        "Tesla remains the undisputed king of the EV world.",
        "opinion",
        ["undisputed", "king"],
    ),
    ("opinion normative", "Tesla will need to stay nimble.", "opinion", ["need to stay"]),
    ("fact plain", "Amazon backed a $530 million funding round for Aurora.", "fact", []),
    ("fact will", "Amazon announced that it will buy vans from Stellantis.", "fact", []),
    ("fact can", "The software can be used from the rear seat screens.", "fact", []),
    ("fact about", "Amazon owns about 20 percent of the company.", "fact", []),
    ("fact roughly", "Roughly 1,200 people left their homes.", "fact", ["Roughly"]),
    ("opinion scandalous", "This is a scandalous failure of oversight.", "opinion", ["scandalous"]),
    ("fact said", "Rivian said it had raised $700 million.", "fact", []),
    ("fact May the month", "The vans arrived in May and were delivered on May 5.", "fact", []),
    ("fact could not be reached", "The company could not be reached for comment.", "fact", []),
    ("fact some before a number", "Apple laid off some 200 employees.", "fact", []),
    (
        "fact speculation the claim settles",
        "She will run for a second term, ending weeks of speculation.",
        "fact",
        [],
    ),
    (
        "speculation amid speculation",
        "Shares rose amid speculation of a bid.",
        "speculation",
        ["speculation"],
    ),
]


@pytest.mark.parametrize(
    ("family", "sentence", "kind", "cue_words"), GOLDEN, ids=[row[0] for row in GOLDEN]
)
def test_golden(family: str, sentence: str, kind: str, cue_words: list[str]) -> None:
    found_kind, confidence, cues = tag_text(sentence)
    assert found_kind == kind
    assert 0.0 <= confidence <= 1.0
    texts = [cue.text for cue in cues]
    for word in cue_words:
        assert word in texts
    for cue in cues:
        assert sentence[cue.start : cue.end] == cue.text


def _example(phrase: str) -> str:
    """A text the phrase must match: first alternative of each group, stems completed."""
    words = []
    for word in phrase_words(phrase):
        if word.startswith("("):
            word = word[1:-1].split("|")[0]
        words.append(word[:-1] + "s" if word.endswith("*") else word)
    return " ".join(words)


@pytest.mark.parametrize("index", range(len(cue_lexicon().rules)))
def test_every_cue_row_matches_its_own_phrase(index: int) -> None:
    rule = cue_lexicon().rules[index]
    example = _example(rule.phrase)
    text = f"Then {example} here."
    cues = find_cues(text)
    start = text.index(example)
    covering = [
        c
        for c in cues
        if c.cue.start <= start < c.cue.end or start <= c.cue.start < start + len(example)
    ]
    exclusion = cue_lexicon().exclusions.get(example.split()[0].lower())
    excluded = exclusion is not None and exclusion.search(text) is not None
    assert covering or excluded, f"{rule.type} row {rule.phrase!r} does not match {example!r}"


def test_confidence_grows_with_evidence() -> None:
    one = tag_text("The vans may arrive.")[1]
    two = tag_text("The vans may possibly arrive, insiders said.")[1]
    assert two > one


def test_cues_keep_case_and_offsets() -> None:
    text = "MAY be. It Could happen."
    assert [(c.text, text[c.start : c.end]) for c in tag_text(text)[2]] == [
        ("MAY", "MAY"),
        ("Could", "Could"),
    ]


def test_word_boundaries() -> None:
    assert tag_text("The mayor mightily won many-sided votes.")[0] == "fact" or all(
        re.fullmatch(r"\w+", c.text) is None or c.text.lower() != "may"
        for c in tag_text("The mayor won.")[2]
    )
    assert not [c for c in tag_text("The mayor won.")[2] if c.text.lower() == "may"]


def _cues_word_by_word(text: str) -> list[tuple[int, int, str]]:
    """The cue search as it was: every candidate word searched in the whole text."""
    from claims import tagger

    lowered = text.lower()
    candidates = tagger._candidates(lowered)
    matches = [
        match
        for token, rules in candidates.items()
        for occurrence in tagger._word_pattern(token).finditer(lowered)
        for match in tagger._matches_at(text, occurrence.start(), rules, 0, len(text))
    ]
    matches.sort(key=lambda m: (m[0], -m[1], m[2]))
    return [
        (c.cue.start, c.cue.end, c.cue.type)
        for c in tagger._leftmost_longest(text, matches, 0, len(text))
    ]


_PIECES = [
    "may",
    "might",
    "could",
    "reportedly",
    "sources said",
    "it is believed",
    "if",
    "and/or",
    "may's",
    "x/may",
    "’",
    "'",
    "/",
    "-",
    " ",
    ", ",
    ". ",
    "Shares",
    "rose",
    "allegedly",
    "according to people familiar",
    "expected",
    "b/b",
    "appears",
    "_",
    "1",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@settings(max_examples=300, deadline=None)
def test_one_pass_cue_search_finds_what_word_by_word_search_found(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [(c.cue.start, c.cue.end, c.cue.type) for c in find_cues(text)] == _cues_word_by_word(
        text
    )
