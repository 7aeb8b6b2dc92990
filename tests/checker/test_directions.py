"""The compass slot: where something lies from a named place."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.compare.directions import direction_conflict, directions


@pytest.mark.parametrize(
    ("text", "place", "points"),
    [
        ("55 km south of Bireun", "bireun", {"south"}),
        ("150 nautical miles north-east of the port of Aden", "aden", {"north", "east"}),
        ("a village southwest of Kerman", "kerman", {"south", "west"}),
        ("west of the town of Wellington", "wellington", {"west"}),
    ],
)
def test_directions_are_read_with_their_place(text: str, place: str, points: set[str]) -> None:
    assert {found[0]: found[2] for found in directions(text)}[place] == points


def test_no_named_place_no_direction() -> None:
    assert directions("The camp lies south of the river.") == ()


@pytest.mark.parametrize(
    ("a", "b", "differs"),
    [
        ("12 km south of Bam", "12 km west of Bam", True),
        ("12 km south of Bam", "12 km southwest of Bam", False),
        ("12 km south of Bam", "12 km north of Kerman", False),  # another place
    ],
)
def test_direction_conflict(a: str, b: str, differs: bool) -> None:
    assert (direction_conflict(directions(a), directions(b)) is not None) == differs


@given(st.text(max_size=300), st.text(max_size=300))
def test_any_text_is_read_without_error(a: str, b: str) -> None:
    found = direction_conflict(directions(a), directions(b))
    assert found is None or found.startswith("direction differs: ")
