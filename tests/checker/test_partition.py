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
from checker.compare.normalize import claim_keys
from checker.compare.relate import Relation, claim_features, find_relations
from checker.review.workers import Workers
from claims.extract import extract_claims
from claims.ingest import read_article
from claims.models import Claim

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "seeds"
FOLDERS = (HERE / "fire_story", HERE / "takeover_story", HERE / "stories", SEEDS)
CLAIMS: list[Claim] = [
    claim
    for folder in FOLDERS
    for path in sorted(folder.iterdir())
    for claim in extract_claims(
        attrs.evolve(read_article(str(path)), source=f"{folder.name}-{path.stem}")
    )
]
ITEMS = [claim_features(claim) for claim in CLAIMS]
KEYS = [claim_keys(item) for item in ITEMS]
SOURCES = sorted({claim.source for claim in CLAIMS})
PUBLISHED = {source: ("2025-03-03" if n % 2 else None) for n, source in enumerate(SOURCES)}
OUTLETS = {source: ("Wire" if n % 3 == 0 else source) for n, source in enumerate(SOURCES)}
COMPARED = partition.Compared(
    [c.id for c in CLAIMS], [c.source for c in CLAIMS], [c.kind for c in CLAIMS], KEYS,
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
    planned = partition.plan(KEYS, COMPARED.sources, focus, size=size)
    packed = [partition.pack(item) for item in ITEMS]
    # half the claims travel packed, the others as text and speaker
    features = [
        packed[i] if i % 2 else (c.text, c.attribution.who if c.attribution else "")
        for i, c in enumerate(CLAIMS)
    ]
    blocks = list(partition.blocks(planned, COMPARED, lambda ids: [features[i] for i in ids]))
    assert len(blocks) == len(planned.blocks) >= min(planned.pairs, planned.pairs // size)
    results = list((pool or Workers()).map(partition.judge_block, blocks))
    assert not any(isinstance(result, Exception) for result in results)
    return _rows(partition.relations_of(results))  # type: ignore[arg-type]


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
    """Sources that share pairs are one story, and a block holds one story's pairs before
    the next story's."""
    planned = partition.plan(KEYS, COMPARED.sources, size=10)
    number = {source: n for n, source in enumerate(dict.fromkeys(COMPARED.sources))}
    of = np.array([number[s] for s in COMPARED.sources])
    story = partition._stories(of[planned.left], of[planned.right], len(number))
    stories: dict[str, set[int]] = {}  # of each folder's sources
    for source, n in number.items():
        stories.setdefault(source.split("-")[0], set()).add(int(story[n]))
    assert all(len(found) == 1 for found in stories.values())  # a folder is one story
    assert len(set().union(*stories.values())) >= 3  # and the folders are not all one
    order = [int(story[of[planned.left[part[0]]]]) for part in planned.blocks]
    assert order == sorted(order)
