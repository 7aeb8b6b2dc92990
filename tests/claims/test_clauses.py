"""Golden rows for atomic clause splitting and standalone text."""

from __future__ import annotations

import pytest

from claims.clauses import clause_spans, standalone

GOLDEN = [
    (
        "comma and",
        "Amazon has pledged to become carbon-neutral by 2040, and building EVs supports this mission.",
        [
            "Amazon has pledged to become carbon-neutral by 2040",
            "building EVs supports this mission.",
        ],
    ),
    (
        "comma but",
        "Tesla has long led this movement, but the EV market is far from saturated.",
        ["Tesla has long led this movement", "the EV market is far from saturated."],
    ),
    (
        "semicolon",
        "Rivian raised $700 million; Ford invested $500 million.",
        ["Rivian raised $700 million", "Ford invested $500 million."],
    ),
    (
        "irregular verb on the right",
        "Any jobs were cut, and she said traffic rose 4 percent.",
        ["Any jobs were cut", "she said traffic rose 4 percent."],
    ),
    (
        "list is not split",
        "Production delays, quality issues, and a growing number of rivals have hurt Tesla.",
        ["Production delays, quality issues, and a growing number of rivals have hurt Tesla."],
    ),
    (
        "list of nouns",
        "They hired automotive experts, software engineers, and energy specialists.",
        ["They hired automotive experts, software engineers, and energy specialists."],
    ),
    (
        "a predicate sharing the subject is its own clause",
        "Rivian unveiled a truck, and said that it plans to ship by 2020.",
        ["Rivian unveiled a truck", "said that it plans to ship by 2020."],
    ),
    (
        "not just ... but",
        "It could reshape cars, but as integrated tech ecosystems.",
        ["It could reshape cars, but as integrated tech ecosystems."],
    ),
    (
        "inside a quotation",
        "He said “we are late, and they are ahead” on Monday.",
        ["He said “we are late, and they are ahead” on Monday."],
    ),
]


@pytest.mark.parametrize(("rule", "text", "expected"), GOLDEN, ids=[row[0] for row in GOLDEN])
def test_golden(rule: str, text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in clause_spans(text, 0, len(text))] == expected


@pytest.mark.parametrize(
    ("clause", "subject", "expected"),
    [
        ("building EVs supports this mission", None, "Building EVs supports this mission."),
        (
            "it will buy vans from Stellantis in 2023.",
            "Amazon",
            "Amazon will buy vans from Stellantis in 2023.",
        ),
        ("But Amazon says so", None, "Amazon says so."),
        (
            "its drug cut heart attacks by 23%",
            "Velora Pharma",
            "Velora Pharma's drug cut heart attacks by 23%.",
        ),
        (
            "their plant was not the source",
            "The Halvorsens",
            "The Halvorsens' plant was not the source.",
        ),
        (
            "The investment “was a major shot across the bow,”",
            None,
            "The investment “was a major shot across the bow”.",
        ),
        ("“We are excited to collaborate,”", None, "We are excited to collaborate."),
        ("Is it true?", None, "Is it true?"),
    ],
)
def test_standalone(clause: str, subject: str | None, expected: str) -> None:
    assert standalone(clause, subject) == expected
