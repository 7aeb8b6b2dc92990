"""One golden row per rule of each rule table: the row's example is decided by that very row
(no earlier row answers it) and gives the expected result. A rule added to a table without a
golden row here fails ``test_every_row_has_a_golden_example``."""

from __future__ import annotations

import pytest

from checker.compare.conflicts import _conflicts
from checker.compare.normalize import features
from checker.compare.relate import judge
from checker.compare.verdicts import VERDICT_RULES, _Pair
from claims.attribution import FRAMES, _Sentence, find_frame
from claims.structure import LINE_RULES, OPENINGS, _Line, _Reader, analyse_structure

# rule name -> (line, its block kind); a byline is one only before the body
LINE_GOLDEN = {
    "markup heading": ("### Why Electric Vehicles?", "heading"),
    "byline": ("By: Nicolas Vega", "byline"),
    "date line": ("Published: March 3, 2024", "dateline"),
    "boilerplate": ("Advertisement", "boilerplate"),
    "time line": ("THURSDAY, DECEMBER 3, 2009, 9: 36 AM", "dateline"),
    "fact line": ("Kocaeli: 4,100 dead, 9,800 injured", "body"),
    "quoted fragment": ("“A new era for vans”", "pullquote"),
    "repeated quotation": ("“We are ready to build.”", "pullquote"),
    "short line": ("A New Era for Vans", "heading"),
}
ARTICLE_AFTER = "\n\nThe chief executive said: “We are ready to build.” Vans sold out.\n"

# opening name -> (paragraph, the dateline cut off)
OPENING_GOLDEN = {
    "date prefix": ("Published: March 3, 2024 — Vans sold out.", "Published: March 3, 2024 — "),
    "wire dateline": ("SEATTLE (Reuters) - Vans sold out.", "SEATTLE (Reuters) - "),
    "place dateline": ("MILLBROOK — Vans sold out.", "MILLBROOK — "),
}

# frame name -> (sentence, who, claim content)
FRAME_GOLDEN = {
    "transcript turn": ("0:28 PILOT: We have lost an engine.", "Pilot", "We have lost an engine."),
    "announcement": ("Henry told reporters on Monday:", "Henry", ""),
    "according lead": (
        "According to the port authority, traffic fell 5 percent.",
        "the port authority",
        "traffic fell 5 percent.",
    ),
    "according tail": (
        "Traffic fell 5 percent, according to the port authority.",
        "the port authority",
        "Traffic fell 5 percent",
    ),
    "tail": ("Traffic fell 5 percent, the port authority said.", "the port authority", None),
    "tail inverted": ("Traffic fell 5 percent, said Ana Ruiz.", "Ana Ruiz", None),
    "as lead": (
        "As the port authority noted on Monday, traffic fell 5 percent.",
        "the port authority",
        "traffic fell 5 percent.",
    ),
    "lead": (
        "The port authority said that traffic fell 5 percent.",
        "The port authority",
        "traffic fell 5 percent.",
    ),
    "role lead": (
        "Director at the port authority, Ana Ruiz said that traffic fell 5 percent.",
        "Ana Ruiz",
        "traffic fell 5 percent.",
    ),
    "inverted lead": (
        "Told the port director, Ana Ruiz: 'Traffic fell 5 percent.'",
        "the port director, Ana Ruiz",
        "'Traffic fell 5 percent.'",
    ),
    "quoted as saying": (
        "A news agency quoted the port director as saying traffic fell 5 percent.",
        "the port director",
        "traffic fell 5 percent.",
    ),
    "label lead": (
        "Report: Traffic fell 5 percent at the port",
        "Report",
        "Traffic fell 5 percent at the port",
    ),
    "middle": ("Traffic, the port said, fell 5 percent.", "the port", None),
    "according middle": ("Traffic, according to the port, fell 5 percent.", "the port", None),
    "tail bare": ("The wall collapsed said Juan Perez.", "Juan Perez", "The wall collapsed"),
}

# verdict rule name -> (claim a, claim b, relation)
VERDICT_GOLDEN = {
    "update": (
        "At least 30 people were killed in the shelling.",
        "At least 40 people were killed in the shelling.",
        "updates",
    ),
    "contradiction": ("The company cut 3,100 jobs.", "The company cut 1,300 jobs.", "contradicts"),
    "same proposition": (
        "Amazon invested $700 million in Rivian in 2019.",
        "In 2019 Amazon invested $700 million in Rivian.",
        "agrees",
    ),
    "whole claim within": (
        "Halvorsen Foods recalled 2.3 million jars of peanut butter.",
        "Halvorsen Foods on Wednesday recalled 2.3 million jars of peanut butter sold in 14"
        " states after 37 people fell ill with salmonella.",
        "agrees",
    ),
    "core within": (
        "Amazon invested in Rivian.",
        "Amazon, the retailer, has invested heavily in Rivian, the van maker based in"
        " California, since 2019.",
        "agrees",
    ),
    "same figure": (
        "The quake struck at a depth of 35 kilometers off Manokwari.",
        "The Geological Survey put its depth at 22 miles off Manokwari.",
        "agrees",
    ),
    "same tallies": (
        "The quake hit Aceh province leaving 24 dead and 200 hospitalized.",
        "At least 24 people were killed and more than 200 injured.",
        "agrees",
    ),
    "same time": (
        "The temblor occurred at 9:27 a.m., 13 miles east of Cloverdale.",
        "The 4.4-magnitude temblor on Sunday at 9:27 a.m. rattled the valley.",
        "agrees",
    ),
    "shared topic": (
        "It is rumored that Kestrel's founder, Mira Lund, would stay on as head of the studio.",
        "Kestrel said its founder Mira Lund had no plans to sell the company.",
        "related",
    ),
}


def test_every_row_has_a_golden_example() -> None:
    assert [name for name, _ in LINE_RULES] == list(LINE_GOLDEN)
    assert [name for name, _ in OPENINGS] == list(OPENING_GOLDEN)
    assert [name for name, _ in FRAMES] == list(FRAME_GOLDEN)
    assert [name for name, _ in VERDICT_RULES] == list(VERDICT_GOLDEN)


@pytest.mark.parametrize("name", list(LINE_GOLDEN))
def test_line_rule(name: str) -> None:
    line, kind = LINE_GOLDEN[name]
    before = "A Title\n\n" if name == "byline" else "Body text comes first here.\n\n"
    text = before + line + ARTICLE_AFTER
    start = text.index(line)
    probe = _Line(start, start + len(line), 1, line)
    answering = [n for n, rule in LINE_RULES if rule(_Reader(text), probe) is not None]
    assert answering[0] == name
    blocks = analyse_structure(text).blocks
    assert [(b.kind, text[b.start : b.end]) for b in blocks if b.start == start] == [(kind, line)]


@pytest.mark.parametrize("name", list(OPENING_GOLDEN))
def test_opening(name: str) -> None:
    paragraph, dateline = OPENING_GOLDEN[name]
    answering = [n for n, rule in OPENINGS if rule(_Reader(paragraph), paragraph) is not None]
    assert answering[0] == name
    blocks = analyse_structure(paragraph).blocks
    got = [(b.kind, paragraph[b.start : b.end]) for b in blocks]
    assert got == [("dateline", dateline), ("body", paragraph[len(dateline) :])]


@pytest.mark.parametrize("name", list(FRAME_GOLDEN))
def test_frame(name: str) -> None:
    sentence, who, content = FRAME_GOLDEN[name]
    frame = find_frame(sentence, 0, len(sentence))
    assert frame is not None
    probe = _Sentence(sentence, 0, sentence, sentence)
    assert next(n for n, rule in FRAMES if rule(probe) is not None) == name
    assert frame.attribution.who == who
    if content is not None:
        assert sentence[frame.content_start : frame.content_end] == content


@pytest.mark.parametrize("name", list(VERDICT_GOLDEN))
def test_verdict_rule(name: str) -> None:
    a, b, relation = VERDICT_GOLDEN[name]
    judgement = judge(features(a), features(b))
    assert judgement.relation == relation
    rules = dict(VERDICT_RULES)
    earlier = list(VERDICT_GOLDEN)[: list(VERDICT_GOLDEN).index(name)]
    fa, fb = features(a), features(b)
    pair = _Pair(
        fa, fb, judgement.score, fa.content & fb.content, tuple(_conflicts(fa, fb, judgement.score))
    )
    assert rules[name](pair) is not None
    assert all(rules[n](pair) is None for n in earlier)
