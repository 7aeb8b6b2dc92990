"""Blocking and the bulk measures: candidates without all pairs, scores equal to one pair's."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.compare import blocking, bulk
from checker.compare.blocking import candidate_pairs
from checker.compare.normalize import claim_keys, features
from checker.compare.relate import claim_features, may_relate
from checker.compare.scoring import similarity
from claims.extract import extract_claims
from claims.ingest import read_article

SEEDS = Path(__file__).parents[2] / "seeds"

WORDS = ["amazon", "rivian", "van", "kill", "soldier", "vote", "strike", "price", "bank", "port"]
batches = st.lists(
    st.tuples(
        st.sampled_from(["s1", "s2", "s3"]),
        st.frozensets(
            st.sampled_from([f"{kind}:{w}" for kind in "caq" for w in WORDS]), max_size=6
        ),
    ),
    min_size=0,
    max_size=30,
)


def _pairs(keyed: list[frozenset[str]], sources: list[str], cap: int) -> set[tuple[int, int]]:
    return candidate_pairs(keyed, sources, cap=cap).pairs()


@given(batches)
@settings(max_examples=150, deadline=None)
def test_candidates_are_cross_source_ordered_once_and_counted_right(
    batch: list[tuple[str, frozenset[str]]],
) -> None:
    sources = [source for source, _ in batch]
    keyed = [keys for _, keys in batch]
    found = candidate_pairs(keyed, sources, cap=5)
    pairs = list(zip(found.left.tolist(), found.right.tolist(), strict=True))
    assert pairs == sorted(set(pairs))
    for position, (i, j) in enumerate(pairs):
        assert i < j and sources[i] != sources[j]
        topic = {k for k in keyed[i] & keyed[j] if k[:2] in ("c:", "a:")}
        assert found.topics[position] == len(topic)
    assert found.concepts.tolist() == [sum(k[:2] == "c:" for k in keys) for keys in keyed]


@given(batches, st.randoms(use_true_random=False))
@settings(max_examples=100, deadline=None)
def test_candidates_do_not_depend_on_the_order_of_the_claims(
    batch: list[tuple[str, frozenset[str]]], shuffle: random.Random
) -> None:
    order = list(range(len(batch)))
    shuffle.shuffle(order)
    sources = [source for source, _ in batch]
    keyed = [keys for _, keys in batch]
    before = _pairs(keyed, sources, cap=5)
    after = _pairs([keyed[k] for k in order], [sources[k] for k in order], cap=5)
    assert {tuple(sorted((order[i], order[j]))) for i, j in after} == before


@given(batches, st.sets(st.integers(0, 29)))
@settings(max_examples=100, deadline=None)
def test_focus_keeps_exactly_the_batch_pairs_that_touch_it(
    batch: list[tuple[str, frozenset[str]]], focus: set[int]
) -> None:
    sources = [source for source, _ in batch]
    keyed = [keys for _, keys in batch]
    focus = {f for f in focus if f < len(batch)}
    everything = _pairs(keyed, sources, cap=5)
    assert candidate_pairs(keyed, sources, cap=5, focus=focus).pairs() == {
        (i, j) for i, j in everything if i in focus or j in focus
    }


def test_claims_sharing_rare_keys_meet_and_same_source_claims_never_do() -> None:
    keyed = [
        frozenset({"a:rivian", "c:invest"}),
        frozenset({"a:rivian", "q:usd:7e+08"}),
        frozenset({"a:rivian", "c:invest"}),
        frozenset({"c:weather"}),
    ]
    assert _pairs(keyed, ["x", "y", "x", "y"], cap=200) == {(0, 1), (1, 2)}


def test_two_frequent_keys_together_still_pair_claims() -> None:
    """ "soldier" and "kill" are each held by more claims than the cap allows; two claims with
    both meet through the combined key, which few claims hold."""
    keyed = [frozenset({"c:soldier", f"c:only{n}"}) for n in range(6)]
    keyed += [frozenset({"c:kill", f"c:else{n}"}) for n in range(6)]
    keyed += [frozenset({"c:soldier", "c:kill", "c:afghan"}), frozenset({"c:soldier", "c:kill"})]
    sources = [f"s{n}" for n in range(len(keyed))]
    found = candidate_pairs(keyed, sources, cap=4)
    assert (12, 13) in found.pairs()
    assert found.by_kind == {"p": 1}
    assert found.capped == 2


def test_may_relate_is_read_off_the_keys() -> None:
    texts = [
        "Amazon invested in Rivian.",
        "Rivian said Amazon led the round.",
        "The weather in Paris was fine.",
        "Amazon shares rose.",
    ]
    items = [features(text) for text in texts]
    found = candidate_pairs([claim_keys(item) for item in items], ["a", "b", "c", "d"], cap=10)
    kept = {(found.left[k], found.right[k]) for k in may_relate(found).tolist()}
    for i, j in found.pairs():
        a, b = items[i], items[j]
        shared = len(a.content & b.content) + len(a.actors & b.actors)
        expected = shared >= 2 or (shared == 1 and min(len(a.content), len(b.content)) <= 2)
        assert ((i, j) in kept) == expected


def test_bulk_scores_equal_one_pair_scores_on_the_seeds() -> None:
    claims = [
        c for path in sorted(SEEDS.iterdir()) for c in extract_claims(read_article(str(path)))
    ]
    items = [claim_features(claim) for claim in claims]
    pairs = list(itertools.combinations(range(len(items)), 2))
    left = np.array([i for i, _ in pairs], dtype=np.int64)
    right = np.array([j for _, j in pairs], dtype=np.int64)
    scores = bulk.scores(items, left, right)
    for (i, j), score in zip(pairs, scores.tolist(), strict=True):
        assert abs(score - similarity(items[i], items[j]).score) < 1e-12


@given(st.lists(st.text(max_size=80), min_size=2, max_size=8))
@settings(max_examples=80, deadline=None)
def test_bulk_scores_equal_one_pair_scores_on_any_text(texts: list[str]) -> None:
    items = [features(text) for text in texts]
    pairs = [(i, j) for i in range(len(items)) for j in range(len(items)) if i != j]
    left = np.array([i for i, _ in pairs], dtype=np.int64)
    right = np.array([j for _, j in pairs], dtype=np.int64)
    for (i, j), score in zip(pairs, bulk.scores(items, left, right).tolist(), strict=True):
        assert abs(score - similarity(items[i], items[j]).score) < 1e-12


@given(st.lists(st.frozensets(st.integers(0, 20), max_size=8), min_size=1, max_size=10))
def test_shared_counts_are_set_intersections(sets: list[frozenset[int]]) -> None:
    table = bulk.set_table(sets)
    pairs = list(itertools.product(range(len(sets)), repeat=2))
    left = np.array([i for i, _ in pairs], dtype=np.int64)
    right = np.array([j for _, j in pairs], dtype=np.int64)
    counts = bulk.shared_counts(table, left, right).tolist()
    assert counts == [len(sets[i] & sets[j]) for i, j in pairs]


def test_posted_digests_are_digests_of_the_posted_keys() -> None:
    """The digest a store keeps of each claim's posted keys, read off the board, is the
    digest of ``posted_keys``'s set (so stores written before keep theirs)."""
    import hashlib

    from checker.compare.blocking import posted_digests, posted_keys, postings

    keyed = [
        frozenset({"c:ship", "c:port", "a:acme", "q:jobs"}),
        frozenset({"c:ship", "c:port", "a:bolt"}),
        frozenset({"c:port", "a:acme", "c:strike"}),
        frozenset(),
        *[frozenset({"c:port", f"c:w{n}", "c:ship"}) for n in range(8)],
    ]

    def digest(keys: frozenset[str]) -> str:
        joined = "\x00".join(sorted(keys)).encode("utf-8", "surrogatepass")
        return hashlib.blake2b(joined, digest_size=12).hexdigest()

    for cap in (2, 4, 12, None):
        expected = [digest(keys) for keys in posted_keys(keyed, cap)]
        assert posted_digests(postings(keyed, cap)) == expected
    assert any("+" in key for keys in posted_keys(keyed, 12) for key in keys)  # combined keys too


@given(batches, st.integers(1, 40))
@settings(max_examples=100, deadline=None)
def test_pairs_made_in_small_chunks_are_the_pairs(
    batch: list[tuple[str, frozenset[str]]], chunk: int
) -> None:
    """Posting lists made into pairs a few at a time, merged as they go, give the same
    candidates, each with the rarest key that made it."""
    sources = [source for source, _ in batch]
    keyed = [keys for _, keys in batch]
    whole = candidate_pairs(keyed, sources, cap=5)
    original = blocking.CHUNK_PAIRS
    try:
        blocking.CHUNK_PAIRS = chunk
        chunked = candidate_pairs(keyed, sources, cap=5)
    finally:
        blocking.CHUNK_PAIRS = original
    assert whole.left.tolist() == chunked.left.tolist()
    assert whole.right.tolist() == chunked.right.tolist()
    assert whole.by_kind == chunked.by_kind  # the first (rarest) key of each pair is kept


def _posted_by_the_rules(keyed: list[frozenset[str]], cap: int) -> list[set[str]]:
    """The keys each claim posts, claim by claim in plain Python, as the module docstring
    states the rules: combined keys of each two keys held by more than ``cap // 2`` claims,
    keys ranked by how many claims hold them (ties: plain keys by name, then combined keys
    by their two names), the rarest half and one of a claim's keys held by at most ``cap``,
    and every such key among the rarest that make at most ``PAIR_BUDGET`` pairs."""
    plain = Counter(key for keys in keyed for key in keys)
    entries = [
        set(keys)
        | {f"{a}+{b}" for a, b in itertools.combinations(sorted(keys), 2)
           if plain[a] > cap // 2 and plain[b] > cap // 2}
        for keys in keyed
    ]  # fmt: skip
    held = Counter(key for keys in entries for key in keys)

    def rarity(key: str) -> tuple[int, int, tuple[str, ...]]:
        return held[key], "+" in key, tuple(key.split("+")) if "+" in key else (key,)

    ranked = sorted(held, key=rarity)
    full, made = 0, 0
    for key in ranked:
        made += held[key] * (held[key] - 1) // 2
        if made > blocking.PAIR_BUDGET or held[key] > cap:
            break
        full += 1
    in_full = set(ranked[:full])
    result = []
    for keys in entries:
        usable = sorted((key for key in keys if held[key] <= cap), key=rarity)
        result.append(set(usable[: len(usable) // 2 + 1]) | (set(usable) & in_full))
    return result


reprinted = batches.flatmap(
    lambda batch: st.lists(st.integers(0, max(len(batch) - 1, 0)), max_size=20).map(
        lambda copies: batch + [(f"s{n % 4}", batch[i][1]) for n, i in enumerate(copies) if batch]
    )
)


@given(reprinted, st.integers(1, 8), st.one_of(st.none(), st.sets(st.integers(0, 49))))
@settings(max_examples=150, deadline=None)
def test_candidates_are_the_claims_that_post_a_key_in_common(
    batch: list[tuple[str, frozenset[str]]], cap: int, focus: set[int] | None
) -> None:
    """With many claims of the same keys (reprints, made by grouping such claims), each
    claim posts the keys the rules give it, and two claims are a candidate exactly when
    they post a key in common and are of different sources."""
    sources = [source for source, _ in batch]
    keyed = [keys for _, keys in batch]
    focus = focus if focus is None else {f for f in focus if f < len(batch)}
    posted = _posted_by_the_rules(keyed, cap)
    assert [set(keys) for keys in blocking.posted_keys(keyed, cap)] == posted
    expected = {
        (i, j)
        for i, j in itertools.combinations(range(len(batch)), 2)
        if sources[i] != sources[j] and posted[i] & posted[j]
        and (focus is None or i in focus or j in focus)
    }  # fmt: skip
    found = candidate_pairs(keyed, sources, cap=cap, focus=focus)
    assert found.pairs() == expected
    assert len(found) == len(expected)
