"""``shown_links`` (arrays, for counting a whole store) keeps the links ``keep_best`` keeps."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.compare.relate import Relation, keep_best
from checker.compare.shown import shown_links

CLAIMS = [f"c{n:02d}" for n in range(12)]

kinds = st.lists(st.sampled_from(["fact", "speculation", "opinion"]), min_size=12, max_size=12)
pairs = st.lists(
    st.tuples(
        st.integers(0, 11),
        st.integers(0, 11),
        st.sampled_from([0.5, 0.7, 0.9]),  # few values: many ties to break
        st.sampled_from([0.0, 1.25, 2.5]),
    ),
    max_size=60,
)


@given(kinds, pairs)
def test_shown_links_are_those_keep_best_keeps(
    kind_list: list[str], drawn: list[tuple[int, int, float, float]]
) -> None:
    links = sorted(
        {
            (CLAIMS[min(x, y)], CLAIMS[max(x, y)]): (score, weight)
            for x, y, score, weight in drawn
            if x != y
        }.items()
    )
    rows = [(a, b, score, weight) for (a, b), (score, weight) in links]
    of = dict(zip(CLAIMS, kind_list, strict=True))
    relations = [Relation(a, b, "related", score, (), weight) for a, b, score, weight in rows]
    kept = keep_best(relations, of)
    positions = shown_links(list(of.items()), rows)
    assert [relations[p] for p in positions] == kept


def test_speculation_against_fact_comes_before_a_heavier_link() -> None:
    kinds = [("a", "speculation"), ("b", "fact"), ("c", "speculation")]
    links = [("a", "b", 0.5, 0.1), ("a", "c", 0.9, 5.0)]
    assert shown_links(kinds, links, keep=1) == [0, 1]  # a keeps a-b; c keeps its only link
    assert shown_links([("a", "opinion"), ("b", "opinion")], [("a", "b", 0.5, 1.0)]) == [0]
    assert shown_links(kinds, []) == []
