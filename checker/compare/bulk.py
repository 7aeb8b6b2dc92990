"""Pair measures for many candidate pairs at once, in arrays.

``checker.compare.scoring.similarity`` scores one pair in Python; a batch has hundreds of thousands
of candidate pairs, so ``scores`` computes the same score for all of them together: the two
string ratios with rapidfuzz's ``cpdist`` (its C scorer over corresponding pairs) and the set
overlaps (concepts, numbers, n-grams) by looking every member of one claim's set up in a
sorted array of (claim, member) codes. ``shared_counts`` also gives the shared concepts and
actors that decide whether a pair may be related at all (``checker.compare.relate.may_relate``).
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Hashable, Sequence

import attrs
import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from checker.compare.normalize import GRAMS, Features
from checker.compare.scoring import weight_vector

Indices = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@attrs.frozen
class SetTable:
    """One set per claim, as member numbers: claim ``i`` holds
    ``members[starts[i]:starts[i + 1]]``, in order; ``codes`` are ``i * width + member``,
    sorted."""

    starts: Indices
    members: Indices
    codes: Indices
    width: int

    @classmethod
    def of(cls, owners: Indices, members: Indices, count: int, width: int) -> SetTable:
        """The table of ``count`` sets from (owner, member number) entries, members below
        ``width``, each entry once."""
        codes = np.sort(owners * max(width, 1) + members)
        starts = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.bincount(owners, minlength=count), out=starts[1:])
        return cls(starts, codes % max(width, 1), codes, max(width, 1))

    @property
    def sizes(self) -> Indices:
        return np.diff(self.starts)


def set_table(sets: Sequence[Collection[Hashable]]) -> SetTable:
    """The table of ``sets``. Members are numbered by their hash, made dense with
    ``np.unique``, so equal members get equal numbers without a Python dictionary."""
    sizes = np.fromiter((len(each) for each in sets), dtype=np.int64, count=len(sets))
    hashes = np.fromiter(
        map(hash, itertools.chain.from_iterable(sets)), dtype=np.int64, count=int(sizes.sum())
    )
    distinct, members = np.unique(hashes, return_inverse=True)
    owners = np.repeat(np.arange(len(sets), dtype=np.int64), sizes)
    return SetTable.of(owners, members.reshape(-1), len(sets), len(distinct))


CHUNK = 1 << 15  # pairs looked up at a time: about 25 MB of look-up arrays at most


def shared_counts(table: SetTable, left: Indices, right: Indices) -> Indices:
    """For each pair ``(left[k], right[k])``, how many members their sets have in common:
    each member of the left set is looked up among the right claim's codes, a chunk of pairs
    at a time."""
    counts = np.zeros(len(left), dtype=np.int64)
    if not len(table.codes):
        return counts
    for low in range(0, len(left), CHUNK):
        counts[low : low + CHUNK] = _shared(
            table, left[low : low + CHUNK], right[low : low + CHUNK]
        )
    return counts


def _shared(table: SetTable, left: Indices, right: Indices) -> Indices:
    order = np.argsort(right, kind="stable")  # look-ups in order of the right claim's codes
    sizes = table.sizes[left[order]]
    pair = np.repeat(np.arange(len(left), dtype=np.int64), sizes)
    offsets = np.arange(len(pair), dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    position = np.repeat(table.starts[left[order]], sizes) + offsets
    wanted = right[order][pair] * table.width + table.members[position]
    found = np.searchsorted(table.codes, wanted)
    hit = table.codes[np.minimum(found, len(table.codes) - 1)] == wanted
    counts = np.empty(len(left), dtype=np.int64)
    counts[order] = np.bincount(pair[hit], minlength=len(left))
    return counts


def ratios(texts: Sequence[str], left: Indices, right: Indices) -> Floats:
    """``fuzz.ratio`` / 100 of each pair of ``texts``, in C."""
    if not len(left):
        return np.zeros(0)
    values = process.cpdist(
        [texts[i] for i in left.tolist()],
        [texts[j] for j in right.tolist()],
        scorer=fuzz.ratio,
        dtype=np.float64,
    )
    return np.asarray(values, dtype=np.float64) / 100


def scores(items: Sequence[Features], left: Indices, right: Indices) -> Floats:
    """``checker.compare.scoring.similarity(items[i], items[j]).score`` for every pair at once, summed
    in the same order, so equal to it but for the last bit of ``exp``."""
    if not len(left):
        return np.zeros(0)
    concepts = set_table([item.content for item in items])
    shared = shared_counts(concepts, left, right)
    union = concepts.sizes[left] + concepts.sizes[right] - shared
    numbers = set_table([item.numbers for item in items])
    same_numbers = (numbers.sizes[left] == numbers.sizes[right]) & (
        shared_counts(numbers, left, right) == numbers.sizes[left]
    )
    columns = [
        ratios([item.sort_key for item in items], left, right),
        ratios([item.word_key for item in items], left, right),
        np.divide(shared, union, out=np.zeros(len(left)), where=union > 0),
        (~same_numbers).astype(np.float64),
    ]
    for level in range(GRAMS):
        grams = set_table([item.grams[level] for item in items])
        both = shared_counts(grams, left, right).astype(np.float64)
        x, y = grams.sizes[left], grams.sizes[right]
        present = (x > 0) & (y > 0)
        share_x = np.divide(both, x, out=np.zeros(len(left)), where=present)
        share_y = np.divide(both, y, out=np.zeros(len(left)), where=present)
        columns += [np.minimum(share_x, share_y), np.maximum(share_x, share_y)]
    vector, intercept = weight_vector()
    z = np.full(len(left), intercept)
    for weight, column in zip(vector, columns, strict=True):
        z += weight * column
    result: Floats = 1 / (1 + np.exp(-z))
    return result
