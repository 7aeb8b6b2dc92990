"""Candidate pairs without comparing every claim with every other (blocking).

Each claim is keyed by what it is about: its concepts, its actors (entities, including who it
is attributed to) and its quantities. Keys are ordered from rarest to most frequent over the
whole batch, and each claim posts only the rarest part of its keys (a prefix filter, as in
set-similarity joins: two claims sharing at least half their keys must share one of their
rarest ones). On top of that, the rarest keys are posted in full, by every claim that has
them, as long as the pairs they make stay within ``PAIR_BUDGET`` in all: in one story of a
few hundred claims nearly every two claims sharing a word meet, in a corpus only rare keys do
(the budget is a constant, so it adds no more than linear work). Keys held by more than ``cap`` claims are dropped, so the work
grows with the number of claims, not with its square. Claims of the same source are never paired.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence

import attrs

from checker.normalize import Features

DEFAULT_CAP = 150
PAIR_BUDGET = 20_000  # pairs that keys posted in full may produce, whatever the batch size


@attrs.frozen
class Candidates:
    """The candidate pairs (index pairs, ``i < j``) and how the keys produced them."""

    pairs: frozenset[tuple[int, int]]
    keys: int
    capped: int
    by_kind: dict[str, int]


def claim_keys(item: Features) -> frozenset[str]:
    """The blocking keys of one claim, tagged by kind: ``c:`` concept, ``a:`` actor,
    ``q:`` quantity. A store keeps them, so blocking needs no features of stored claims."""
    keys = {f"c:{concept}" for concept in item.content}
    keys.update(f"a:{actor}" for actor in item.actors)
    keys.update(f"q:{q.unit}:{q.value:g}" for q in item.quantities)
    return frozenset(keys)


def candidate_pairs(
    keyed: Sequence[Collection[str]],
    sources: Sequence[str],
    cap: int = DEFAULT_CAP,
    focus: Collection[int] | None = None,
) -> Candidates:
    """The candidate pairs of claims with keys ``keyed`` (``claim_keys``); with ``focus``, only
    those with a claim in it (keys are still counted over the whole batch, so the pairs are the
    batch's pairs that touch it)."""
    frequency = Counter(key for keys in keyed for key in keys)
    full: set[str] = set()
    budget = PAIR_BUDGET
    for key, count in sorted(frequency.items(), key=lambda item: (item[1], item[0])):
        budget -= count * (count - 1) // 2
        if budget < 0 or count > cap:
            break
        full.add(key)
    postings: dict[str, list[int]] = defaultdict(list)
    for index, keys in enumerate(keyed):
        usable = sorted((k for k in keys if frequency[k] <= cap), key=lambda k: (frequency[k], k))
        prefix = len(usable) // 2 + 1
        for rank, key in enumerate(usable):
            if rank < prefix or key in full:
                postings[key].append(index)
    pairs: set[tuple[int, int]] = set()
    by_kind: Counter[str] = Counter()
    for key, members in postings.items():
        before = len(pairs)
        if focus is None:
            for position, i in enumerate(members):
                source = sources[i]
                pairs.update((i, j) for j in members[position + 1 :] if sources[j] != source)
        else:
            for i in (m for m in members if m in focus):
                source = sources[i]
                pairs.update((min(i, j), max(i, j)) for j in members if sources[j] != source)
        by_kind[key[0]] += len(pairs) - before
    capped = sum(1 for count in frequency.values() if count > cap)
    return Candidates(frozenset(pairs), len(frequency), capped, dict(by_kind))
