"""The comparison cut into blocks gives the relations of one pass (``find_relations``): the
same pairs, verdicts, scores, reasons and weights, whatever the block size, the claims in
focus and the workers; packed features are the features."""

from __future__ import annotations

from pathlib import Path

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.compare import partition
from checker.compare.alignment import articles_aligned, source_actors
from checker.compare.normalize import claim_keys
from checker.compare.relate import Relation, claim_features, find_relations, same_outlet
from checker.compare.times import publication_date
from checker.review.workers import Workers
from claims.extract import extract_claims
from claims.ingest import read_article
from claims.models import Claim

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "seeds"
FOLDERS = (HERE / "fire_story", HERE / "takeover_story", HERE / "stories", SEEDS)
REPRINTED = FOLDERS[:2]  # their articles come again under other outlets and dates
CLAIMS: list[Claim] = [
    claim
    for folder in FOLDERS
    for path in sorted(folder.iterdir())
    for edition in (("", "-r1", "-r2") if folder in REPRINTED else ("",))
    for claim in extract_claims(
        attrs.evolve(read_article(str(path)), source=f"{folder.name}-{path.stem}{edition}")
    )
]
ITEMS = [claim_features(claim) for claim in CLAIMS]
KEYS = [claim_keys(item) for item in ITEMS]
SOURCES = sorted({claim.source for claim in CLAIMS})
# dates the same, a day apart, months apart (other stories) or unknown; outlets shared, shared
# in another case, or not
DATES = (None, "2025-03-03", "2025-03-04", "2025-09-01")
PUBLISHED = {source: DATES[n // 2 % 4] for n, source in enumerate(SOURCES)}
OUTLETS = {source: ("Wire", "wire", source, None)[n // 3 % 4] for n, source in enumerate(SOURCES)}
COMPARED = partition.Compared(
    [c.id for c in CLAIMS], [c.source for c in CLAIMS], [c.kind for c in CLAIMS], KEYS,
    [(c.text, c.attribution.who if c.attribution else "") for c in CLAIMS],
    published=PUBLISHED, outlets=OUTLETS,
)  # fmt: skip


def one_pass(focus: list[int] | None = None) -> list[tuple[object, ...]]:
    found = find_relations(
        CLAIMS, ITEMS, focus=focus, keys=KEYS, outlets=OUTLETS, published=PUBLISHED
    )
    return _rows(found)


def _rows(found: list[Relation]) -> list[tuple[object, ...]]:
    # find_relations sums a related link's rarities unsorted, the store re-weighs them sorted
    return [(r.a, r.b, r.relation, r.score, r.reasons, round(r.weight, 5)) for r in found]


def in_blocks(size: int, focus: list[int] | None = None, pool: Workers | None = None) -> list:  # type: ignore[type-arg]
    planned = partition.plan(COMPARED, focus, size=size)
    packed = [partition.pack(item) for item in ITEMS]
    # half the claims travel packed, the others as text and speaker
    features = [
        packed[i] if i % 2 else (c.text, c.attribution.who if c.attribution else "")
        for i, c in enumerate(CLAIMS)
    ]
    blocks = list(partition.blocks(planned, COMPARED, lambda ids: [features[i] for i in ids]))
    assert len(blocks) == len(planned.blocks) >= min(planned.judgements, planned.judgements // size)
    results = list((pool or Workers()).map(partition.judge_block, blocks))
    assert not any(isinstance(result, Exception) for result in results)
    return _rows(partition.relations_of(planned, COMPARED.ids, results))  # type: ignore[arg-type]


def test_the_stories_have_relations_of_every_kind_to_compare() -> None:
    kinds = {row[2] for row in one_pass()}
    assert {"agrees", "contradicts", "related"} <= kinds
    assert len(one_pass()) > 100


@given(
    size=st.integers(1, 3000),
    focus=st.one_of(st.none(), st.sets(st.integers(0, len(CLAIMS) - 1), max_size=30)),
)
@settings(max_examples=25, deadline=None)
def test_any_blocks_give_the_relations_of_one_pass(size: int, focus: set[int] | None) -> None:
    chosen = sorted(focus) if focus is not None else None
    assert in_blocks(size, chosen) == one_pass(chosen)


def test_blocks_judged_in_worker_processes_give_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    with Workers(2) as pool:
        assert in_blocks(40, pool=pool) == one_pass()


def test_packed_features_are_the_features() -> None:
    assert [partition.unpack(partition.pack(item)) for item in ITEMS] == ITEMS
    assert len(partition.pack(ITEMS[0])) < 2_000


def test_blocks_follow_the_stories() -> None:
    """Sources that share pairs are one story, and a block holds one story's judgements
    before the next story's."""
    planned = partition.plan(COMPARED, size=10)
    number = {source: n for n, source in enumerate(dict.fromkeys(COMPARED.sources))}
    of = np.array([number[s] for s in COMPARED.sources])
    story = partition._stories(of[planned.left], of[planned.right], len(number))
    stories: dict[str, set[int]] = {}  # of each folder's sources
    for source, n in number.items():
        stories.setdefault(source.split("-")[0], set()).add(int(story[n]))
    assert all(len(found) == 1 for found in stories.values())  # a folder is one story
    assert len(set().union(*stories.values())) >= 3  # and the folders are not all one
    ordered_by = np.minimum(planned.first, planned.second)  # a pair's story is its first claim's
    order = [int(story[of[ordered_by[part[0]]]]) for part in planned.blocks]
    assert order == sorted(order)


def test_pairs_of_one_judgement_have_the_same_claims_and_settings() -> None:
    """Reprinted claims are judged once for all their pairs; each pair reads what its
    judgement read: the same texts, speakers and kinds, the same story test, dates and
    shared outlet of its own sources."""
    planned = partition.plan(COMPARED)
    assert planned.judgements < planned.pairs * 0.9  # some pairs share a judgement
    actors = source_actors(COMPARED.sources, KEYS)
    for pair in range(planned.pairs):
        i, j = int(planned.left[pair]), int(planned.right[pair])
        judged = int(planned.judgement[pair])
        x, y = int(planned.first[judged]), int(planned.second[judged])
        assert CLAIMS[i].id < CLAIMS[j].id
        for mine, its in ((i, x), (j, y)):
            assert (CLAIMS[mine].text, CLAIMS[mine].kind, KEYS[mine]) == (
                CLAIMS[its].text, CLAIMS[its].kind, KEYS[its],
            )  # fmt: skip
            assert speaker(CLAIMS[mine]) == speaker(CLAIMS[its])
        a, b = CLAIMS[i].source, CLAIMS[j].source
        expected = partition.Setting(
            articles_aligned(
                (actors[a], actors[b]),
                (publication_date(PUBLISHED[a]), publication_date(PUBLISHED[b])),
            ),
            (PUBLISHED[a], PUBLISHED[b]),
            same_outlet(OUTLETS, a, b),
        )
        assert planned.settings[int(planned.setting[judged])] == expected


def speaker(claim: Claim) -> str:
    return claim.attribution.who if claim.attribution else ""


ACTORS = ["amazon", "rivian", "bush", "paris", "fire", "port", "union"]


@given(
    st.lists(
        st.tuples(
            st.frozensets(st.sampled_from(ACTORS), max_size=6),
            st.sampled_from([*DATES, "not a date", "March 3, 2025"]),
        ),
        min_size=1,
        max_size=8,
    )
)
@settings(max_examples=100, deadline=None)
def test_sources_aligned_in_bulk_are_aligned_one_pair_at_a_time(
    sources: list[tuple[frozenset[str], str | None]],
) -> None:
    names = [f"s{n}" for n in range(len(sources))]
    keys = [frozenset({"c:x", *(f"a:{actor}" for actor in actors)}) for actors, _ in sources]
    compared = partition.Compared(
        names, names, ["fact"] * len(names), keys, [("", "")] * len(names),
        published={name: day for name, (_, day) in zip(names, sources, strict=True)},
        outlets={},
    )  # fmt: skip
    pairs = [(x, y) for x in range(len(names)) for y in range(len(names))]
    first = np.array([x for x, _ in pairs], dtype=np.int64)
    second = np.array([y for _, y in pairs], dtype=np.int64)
    found = partition.aligned_sources(compared, names, first, second).tolist()
    assert found == [
        articles_aligned(
            (sources[x][0], sources[y][0]),
            (publication_date(sources[x][1]), publication_date(sources[y][1])),
        )
        for x, y in pairs
    ]
