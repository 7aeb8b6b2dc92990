"""Golden tests of the credibility score's method (docs/SCORING.md): a table of scenarios with
the score and criteria each must give, and the bound on how far one verdict moves a score."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.compare.corroboration import Corroboration
from checker.report.scorecard import FULL_REVIEW, STEP, Scorecard, scorecard, step_bound
from checker.review.records import Reviewed, Source, Status, Verdict
from claims.models import Attribution, Claim

SOURCE = Source("s", "s.txt", "/s.txt", "0", "0", author="Ana Writer")


def claim(index: int, kind: str = "fact", named: bool = True) -> Claim:
    text = f"Claim number {index} says something."
    who = Attribution("the port", "official", 0, 4) if named else None
    return Claim(f"c{index:03d}", "s", "s.txt", 0, len(text), text, text, kind, 0.9, (), who)  # type: ignore[arg-type]


def items(statuses: Sequence[Status], total: int = 20, kind: str = "fact") -> list[Reviewed]:
    """``total`` attributed claims; the first ``len(statuses)`` have those verdicts."""
    result = []
    for index in range(total):
        status = statuses[index] if index < len(statuses) else "unreviewed"
        made = claim(index, kind)
        verdict = None if status == "unreviewed" else Verdict(made.id, "s", made.text, status)
        result.append(Reviewed(made, verdict))
    return result


def status_of(
    reviewed: Sequence[Reviewed], contradicted: Sequence[int] = (), updated: Sequence[int] = ()
) -> dict[str, Corroboration]:
    # An update over time is neither corroboration nor contradiction
    # (checker.compare.corroboration): the claims it links stay single-source.
    result = {}
    for index, item in enumerate(reviewed):
        state = "contradicted" if index in contradicted else "single-source"
        result[item.claim.id] = Corroboration(item.claim.id, state, 1, (), ())  # type: ignore[arg-type]
    return result


def card(
    statuses: Sequence[Status] = (),
    total: int = 20,
    contradicted: Sequence[int] = (),
    text: str = "",
    updated: Sequence[int] = (),
) -> Scorecard:
    reviewed = items(statuses, total)
    return scorecard(SOURCE, text, reviewed, status_of(reviewed, contradicted, updated), {})


def values(found: Scorecard) -> dict[str, float | None]:
    return {c.key: c.value for c in found.criteria}


# Twenty attributed facts with a byline and no headline: sourcing 1 (18), news and opinion 1
# (12.5), byline 1 (5) are assessed from the text alone: 35.5 points of 35.5.
V: Status = "verified"
D: Status = "disputed"
GOLDEN: list[tuple[str, list[Status], list[int], str, float, float | None, float | None]] = [
    # scenario, verdicts, contradicted claims, text, score, false content, corrections
    ("nothing reviewed: not assessed, never full marks", [], [], "", 100.0, None, None),
    ("contradicted but unreviewed: awaits review", [], [0, 1], "", 100.0, None, None),
    ("one verified: 2.2 points of 2.2 more", [V], [], "", 100.0, 1.0, None),
    ("one disputed: 35.5 of 38.95", [D], [], "", 91.1, 0.0, 0.0),
    ("one of each: 2.2 of 4.4 + 0 of 1.25", [V, D], [], "", 91.6, 0.5, 0.0),
    ("nine verified, one disputed: 19.8 of 22 + 0 of 1.25", [V] * 9 + [D], [], "", 94.1, 0.9, 0.0),
    ("ten disputed: 35.5 of 70", [D] * 10, [], "", 50.7, 0.0, 0.0),
    ("twenty disputed: as ten", [D] * 20, [], "", 50.7, 0.0, 0.0),
    (
        "disputed with a corrections notice: 0 of 2.2 + 12.5 of 12.5",
        [D],
        [],
        "Correction: the figure was wrong.",
        95.6,
        0.0,
        1.0,
    ),
]


@pytest.mark.parametrize(
    ("scenario", "statuses", "contradicted", "text", "score", "false_content", "corrections"),
    GOLDEN,
    ids=[row[0] for row in GOLDEN],
)
def test_golden_scenarios(
    scenario: str,
    statuses: list[Status],
    contradicted: list[int],
    text: str,
    score: float,
    false_content: float | None,
    corrections: float | None,
) -> None:
    found = card(statuses, contradicted=contradicted, text=text)
    assert found.score == pytest.approx(score, abs=0.05), scenario
    criteria = values(found)
    assert criteria["false_content"] == false_content
    assert criteria["corrections"] == corrections


def test_verifying_raises_and_disputing_lowers() -> None:
    base = card([V, D, V]).score
    assert base is not None
    more_verified, more_disputed = card([V, D, V, V]).score, card([V, D, V, D]).score
    assert more_verified is not None and more_disputed is not None
    assert more_verified > base > more_disputed


def test_contradictions_awaiting_review_are_evidence_not_penalties() -> None:
    found = card([], contradicted=[3])
    (false_content,) = (c for c in found.criteria if c.key == "false_content")
    assert false_content.value is None and false_content.claims == ("c003",)
    assert "await review" in false_content.detail


def test_an_update_over_time_costs_nothing() -> None:
    assert card([], updated=[0, 1]).score == card([]).score == 100.0


def test_the_bound_is_stated_and_reached_nowhere_beyond() -> None:
    assert round(STEP, 6) == round((22 + 12.5) / FULL_REVIEW, 6)
    assert step_bound(card([])) == pytest.approx(100 * 3.45 / 35.5)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(["verified", "disputed", "unreviewed"]), min_size=2, max_size=30),
    st.integers(min_value=1, max_value=30),
    st.booleans(),
    st.booleans(),
)
def test_one_verdict_moves_a_score_by_at_most_the_bound(
    steps: list[Status], total: int, hedged: bool, notice: bool
) -> None:
    """Any sequence of verdicts on any claims: each single change moves the score by at most
    ``step_bound`` (plus rounding)."""
    total = max(total, 2)
    statuses: list[Status] = ["unreviewed"] * total
    reviewed = items(statuses, total, "speculation" if hedged else "fact")
    text = "Clarification: an earlier version misnamed the port." if notice else ""

    def score_of(current: list[Status]) -> Scorecard:
        made = [
            Reviewed(item.claim, None if s == "unreviewed" else Verdict(item.claim.id, "s", "", s))
            for item, s in zip(reviewed, current, strict=True)
        ]
        return scorecard(SOURCE, text, made, status_of(made), {})

    before = score_of(statuses)
    for index, status in enumerate(steps):
        statuses[index % total] = status
        after = score_of(statuses)
        assert before.score is not None and after.score is not None
        bound = step_bound(before)
        assert abs(after.score - before.score) <= bound + 0.1, (statuses, bound)
        before = after
