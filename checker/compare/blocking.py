"""Candidate pairs without comparing every claim with every other (blocking).

Each claim is keyed by what it is about: its concepts, its actors (entities, including who it
is attributed to) and its quantities. Keys are ordered from rarest to most frequent over the
whole batch, and each claim posts only the rarest part of its keys (a prefix filter, as in
set-similarity joins: two claims sharing at least half their keys must share one of their
rarest ones). The rarest keys are also posted in full, by every claim that has them, as long
as the pairs they make stay within ``PAIR_BUDGET`` in all: in one story of a few hundred
claims nearly every two claims sharing a word meet, in a corpus only rare keys do.

Keys held by more than ``cap`` claims are dropped, so the work grows with the number of claims,
not with its square. What frequent keys say together is kept: each two of a claim's frequent
keys (held by more than ``cap // 2`` claims) make one combined key ("soldier" and "kill" are
everywhere in a war story, "soldier + kill" is much rarer), which is keyed like the others.
Claims of the same source are never paired.

Claims with the same keys (a sentence reprinted by five outlets) post the same keys, so keys
are entered and pairs are made for each group of such claims once: two groups sharing a posted
key are paired once, whatever the number of keys they share, screened, and only then spelt out
as the pairs of their claims of different sources. The pairs are made with numpy, a few array
operations per posting-list size, and come out sorted, each once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterator, Sequence

import attrs
import numpy as np
import numpy.typing as npt

from checker.compare.bulk import Indices, SetTable, shared_counts

DEFAULT_CAP = 200
CHUNK_PAIRS = 1 << 21  # pairs made at a time (about 2 M: some 100 MB of arrays at most)
PAIR_BUDGET = 20_000  # pairs that keys posted in full may produce, whatever the batch size
COMBINED = "p"  # the kind of a combined key: two frequent keys of one claim
TOPIC = ("c", "a")  # the kinds of key that say what a claim is about: concepts and actors


@attrs.frozen
class Candidates:
    """The candidate pairs, as two index arrays with ``left < right``, sorted, each pair once,
    with what ``checker.compare.relate.may_relate`` needs to screen them, and how the keys produced them: how many keys there were, how many were capped, and how
    many pairs each kind of key found first (``c`` concept, ``a`` actor, ``q`` quantity,
    ``p`` combined)."""

    left: Indices
    right: Indices
    topics: Indices  # per pair: concepts and actors in common (``c:`` and ``a:`` keys)
    concepts: Indices  # per claim: how many concepts it has
    keys: int
    capped: int
    by_kind: dict[str, int]

    def __len__(self) -> int:
        return len(self.left)

    def pairs(self) -> set[tuple[int, int]]:
        return set(zip(self.left.tolist(), self.right.tolist(), strict=True))


def candidate_pairs(
    keyed: Sequence[Collection[str]],
    sources: Sequence[str],
    cap: int | None = None,
    focus: Collection[int] | None = None,
    board: Postings | None = None,
    screen: Callable[[Candidates], Indices] | None = None,
) -> Candidates:
    """The candidate pairs of claims with keys ``keyed`` (``claim_keys``); with ``focus``, only
    those with a claim in it (keys are still counted over the whole batch, so the pairs are the
    batch's pairs that touch it). Ties in frequency are broken by the keys themselves, so the
    pairs do not depend on the order of the claims. ``cap`` is ``DEFAULT_CAP`` unless given;
    ``board`` is ``postings(keyed, cap)`` when already made. ``screen`` (e.g.
    ``checker.compare.relate.may_relate``) keeps only the pairs it chooses; it must read
    nothing but ``topics`` and ``concepts``, which are the same for claims with the same keys.

    Claims with the same keys post the same keys, so the pairs are made between groups of
    such claims (a reprinted sentence is one group), each two groups once, and screened;
    only then are they spelt out as pairs of claims of different sources."""
    cap = DEFAULT_CAP if cap is None else cap
    board = board or postings(keyed, cap)
    names, letters, owners, keys = board.names, board.letters, board.owners, board.keys
    groups = len(board.sizes)
    kind_of = np.array([letters.index(name[0]) for name in names], dtype=np.int64)
    base = keys < len(names)
    topic = np.zeros(len(keys), dtype=bool)
    topic[base] = np.isin(
        kind_of[keys[base]], [letters.index(kind) for kind in TOPIC if kind in letters]
    )
    topics = SetTable.of(owners[topic], keys[topic], groups, len(names))
    concept = np.zeros(len(keys), dtype=bool)
    if "c" in letters:
        concept[base] = kind_of[keys[base]] == letters.index("c")
    concepts = np.bincount(owners[concept], minlength=groups)
    number_of = {source: n for n, source in enumerate(dict.fromkeys(sources))}
    source_ids = np.fromiter((number_of[s] for s in sources), dtype=np.int64, count=len(sources))
    chosen = None
    if focus is not None:
        chosen = np.zeros(len(keyed), dtype=bool)
        chosen[np.fromiter(focus, dtype=np.int64)] = True
    members = Members.of(board.groups, source_ids, chosen)
    first, second, first_rank = _group_pairs(board, members)
    shared = shared_counts(topics, first, second)
    if screen is not None:
        kept = screen(Candidates(first, second, shared, concepts, 0, 0, {}))
        first, second, first_rank, shared = (
            first[kept],
            second[kept],
            first_rank[kept],
            shared[kept],
        )
    left, right, made_by = members.pairs(first, second)
    kind_of = np.r_[kind_of, np.full(len(board.frequency) - len(names), letters.index(COMBINED))]
    found = np.bincount(kind_of[board.by_rarity[first_rank[made_by]]], minlength=len(letters))
    kinds = {letter: int(n) for letter, n in zip(letters, found.tolist(), strict=True) if n}
    capped = int(np.count_nonzero(board.frequency > cap))
    return Candidates(
        left,
        right,
        shared[made_by],
        concepts[board.groups],
        len(board.frequency),
        capped,
        kinds,
    )


def posted_keys(keyed: Sequence[Collection[str]], cap: int | None = None) -> list[frozenset[str]]:
    """The keys each claim posts (``candidate_pairs`` pairs two claims of different sources
    when they post a key in common), by name; a combined key is named by its two keys joined
    with ``+``. Two claims whose posted keys are as they were are a candidate pair as they
    were, so a store recomputes the relations only of the claims whose posted keys changed
    when other claims came or went (the caps, the prefix and the pair budget depend on how
    many claims hold each key)."""
    board = postings(keyed, cap)
    names = [*board.names, *board.combined_names()]
    result: list[set[str]] = [set() for _ in board.sizes]
    for owner, key in zip(
        board.owners[board.posted].tolist(), board.keys[board.posted].tolist(), strict=True
    ):
        result[owner].add(names[key])
    found = [frozenset(keys) for keys in result]
    return [found[group] for group in board.groups.tolist()]


def postings(keyed: Sequence[Collection[str]], cap: int | None = None) -> Postings:
    """Every (claim, key) entry of claims with keys ``keyed``, combined keys included, and
    which are posted: what ``candidate_pairs``, ``posted_keys`` and ``posted_digests`` read."""
    return Postings.of(keyed, DEFAULT_CAP if cap is None else cap)


def posted_digests(board: Postings) -> list[str]:
    """For each claim, a digest of the keys it posts (``posted_keys``): blake2b of their
    names, sorted and joined by NUL, 12 bytes in hex. Read off ``board`` a group of claims
    with the same keys at a time, without a set of names per claim (140 MB for 70,000
    claims)."""
    names = [*board.names, *board.combined_names()]
    rank = np.empty(len(names), dtype=np.int64)
    rank[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
    owners, keys = board.owners[board.posted], board.keys[board.posted]
    order = np.lexsort((rank[keys], owners))
    owners, keys = owners[order], keys[order]
    starts, sizes = _runs(owners)
    nothing = _digest([])
    found = [nothing] * len(board.sizes)
    for owner, start, size in zip(
        owners[starts].tolist(), starts.tolist(), sizes.tolist(), strict=True
    ):
        found[owner] = _digest([names[key] for key in keys[start : start + size].tolist()])
    return [found[group] for group in board.groups.tolist()]


def _digest(names: Sequence[str]) -> str:
    joined = "\x00".join(names).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(joined, digest_size=12).hexdigest()


@attrs.frozen
class Postings:
    """Every (group, key) entry of a batch, combined keys included, with each key's frequency
    (the claims that hold it) and rarity rank and which entries are posted. A group is the
    claims with the same keys: they post the same keys, so each group's keys are entered
    once (an archive that reprints a sentence five times has one group for the five)."""

    names: list[str]
    letters: list[str]
    owners: Indices  # the group of each entry
    keys: Indices
    pairs: Indices  # each combined key's code ``first * len(names) + second``
    frequency: Indices
    rank: Indices
    by_rarity: Indices
    posted: Indices
    groups: Indices  # each claim's group, numbered in order of first claim
    sizes: Indices  # the claims of each group

    @property
    def claims(self) -> int:
        return len(self.groups)

    @classmethod
    def of(cls, keyed: Sequence[Collection[str]], cap: int) -> Postings:
        number_of: dict[frozenset[str], int] = {}
        groups = np.fromiter(
            (number_of.setdefault(frozenset(keys), len(number_of)) for keys in keyed),
            dtype=np.int64,
            count=len(keyed),
        )
        distinct = list(number_of)
        sizes = np.bincount(groups, minlength=len(distinct))
        names = sorted({key for keys in distinct for key in keys})
        number = {key: position for position, key in enumerate(names)}
        owners = np.repeat(np.arange(len(distinct)), [len(keys) for keys in distinct])
        count = len(owners)
        keys = np.fromiter((number[k] for ks in distinct for k in ks), dtype=np.int64, count=count)
        letters = sorted({name[0] for name in names} | {COMBINED})
        extra_owners, extra_keys, pairs = _combined(owners, keys, len(names), cap, sizes)
        owners, keys = np.r_[owners, extra_owners], np.r_[keys, extra_keys]
        frequency = _held(keys, sizes[owners], len(names) + len(pairs))
        rank = np.empty_like(frequency)
        by_rarity = np.lexsort((np.arange(len(frequency)), frequency))  # rarest first
        rank[by_rarity] = np.arange(len(frequency))
        posted = _posted(
            owners, rank[keys], frequency[keys] <= cap, _in_full(frequency[by_rarity], cap)
        )
        return cls(
            names, letters, owners, keys, pairs, frequency, rank, by_rarity, posted, groups, sizes
        )

    def combined_names(self) -> list[str]:
        count = len(self.names)
        return [
            f"{self.names[code // count]}+{self.names[code % count]}"
            for code in self.pairs.tolist()
        ]


def _held(keys: Indices, weights: Indices, count: int) -> Indices:
    """How many claims hold each of ``count`` keys, from (group, key) entries whose groups
    hold ``weights`` claims each (summed as floats: exact below 2⁵³)."""
    totals = np.bincount(keys, weights=weights, minlength=count)
    return np.rint(totals).astype(np.int64)


def _combined(
    owners: Indices, keys: Indices, count: int, cap: int, sizes: Indices
) -> tuple[Indices, Indices, Indices]:
    """One combined key for each two frequent keys (held by more than ``cap // 2`` claims) of
    a group, as (group, key) arrays; combined keys are numbered from ``count`` on, in the order
    of the two keys they combine, whose codes ``first * count + second`` come third."""
    frequent = _held(keys, sizes[owners], count)[keys] > cap // 2
    order = np.lexsort((keys[frequent], owners[frequent]))
    hot_owners, hot_keys = owners[frequent][order], keys[frequent][order]
    chunks = list(_within_groups(hot_owners, hot_keys)) or [(owners[:0], keys[:0], keys[:0])]
    pair_owners, first, second = (np.concatenate(parts) for parts in zip(*chunks, strict=True))
    codes, combined = np.unique(first * count + second, return_inverse=True)
    return pair_owners, combined.reshape(-1) + count, codes


def _in_full(frequencies: Indices, cap: int) -> int:
    """How many of the rarest keys (``frequencies`` in rarity order) every claim posts: as many
    as make at most ``PAIR_BUDGET`` pairs together, none over ``cap``."""
    within = (np.cumsum(frequencies * (frequencies - 1) // 2) <= PAIR_BUDGET) & (frequencies <= cap)
    return int(np.argmin(within)) if not within.all() else len(frequencies)


def _posted(owners: Indices, ranks: Indices, usable: npt.NDArray[np.bool_], full: int) -> Indices:
    """Which (owner, key) entries are posted: the rarest ``len // 2 + 1`` of each claim's
    usable keys, and every usable key among the ``full`` rarest."""
    entries = np.flatnonzero(usable)
    entries = entries[np.lexsort((ranks[entries], owners[entries]))]
    starts, sizes = _runs(owners[entries])
    position = np.arange(len(entries)) - np.repeat(starts, sizes)
    prefix = np.repeat(sizes // 2 + 1, sizes)
    return entries[(position < prefix) | (ranks[entries] < full)]


@attrs.frozen
class Members:
    """The claims of each group, to spell pairs of groups out as pairs of claims: claim
    indices in order of group (``starts``, ``sizes``), each claim's source, each group's one
    source (-1 when its claims are of several) and, with a focus, which claims and groups
    are in it."""

    claims: Indices
    starts: Indices
    sizes: Indices
    sources: Indices
    source_of: Indices
    chosen: npt.NDArray[np.bool_] | None
    touched: npt.NDArray[np.bool_] | None

    @classmethod
    def of(cls, groups: Indices, sources: Indices, chosen: npt.NDArray[np.bool_] | None) -> Members:
        count = int(groups.max()) + 1 if len(groups) else 0
        claims = np.argsort(groups, kind="stable")
        sizes = np.bincount(groups, minlength=count)
        starts = np.cumsum(sizes) - sizes
        low = np.full(count, np.iinfo(np.int64).max, dtype=np.int64)
        high = np.full(count, -1, dtype=np.int64)
        np.minimum.at(low, groups, sources)
        np.maximum.at(high, groups, sources)
        source_of = np.where(low == high, low, -1)
        touched = None
        if chosen is not None:
            touched = np.zeros(count, dtype=bool)
            touched[groups[chosen]] = True
        return cls(claims, starts, sizes, sources, source_of, chosen, touched)

    def may_pair(self, first: Indices, second: Indices) -> npt.NDArray[np.bool_]:
        """Which pairs of groups can hold a pair of claims to make: of two sources at least,
        with a claim in the focus."""
        keep: npt.NDArray[np.bool_] = (self.source_of[first] != self.source_of[second]) | (
            self.source_of[first] < 0
        )
        if self.touched is not None:
            keep &= self.touched[first] | self.touched[second]
        return keep

    def pairs(self, first: Indices, second: Indices) -> tuple[Indices, Indices, Indices]:
        """The pairs of claims of different sources (one in the focus, when there is one) of
        the groups ``first[k]`` and ``second[k]`` (``first[k] <= second[k]``; a group with
        itself gives each two of its claims), as sorted ``left < right`` arrays, each pair
        once, with the ``k`` that made it."""
        width = max(len(self.sources), 1)
        products = self.sizes[first] * self.sizes[second]
        found: list[Indices] = [np.zeros(0, dtype=np.int64)]
        made: list[Indices] = [np.zeros(0, dtype=np.int64)]
        low = 0
        while low < len(first):
            high = low + max(1, int(np.searchsorted(np.cumsum(products[low:]), CHUNK_PAIRS)))
            count = products[low:high]
            pair = np.repeat(np.arange(low, high), count)
            offset = np.arange(len(pair)) - np.repeat(np.cumsum(count) - count, count)
            across = self.sizes[second[pair]]
            x, y = offset // across, offset % across
            i = self.claims[self.starts[first[pair]] + x]
            j = self.claims[self.starts[second[pair]] + y]
            keep = ((first[pair] != second[pair]) | (x < y)) & (self.sources[i] != self.sources[j])
            if self.chosen is not None:
                keep &= self.chosen[i] | self.chosen[j]
            i, j = i[keep], j[keep]
            found.append(np.minimum(i, j) * width + np.maximum(i, j))
            made.append(pair[keep])
            low = high
        codes, made_by = np.concatenate(found), np.concatenate(made)
        order = np.argsort(codes, kind="stable")
        codes = codes[order]
        return codes // width, codes % width, made_by[order]


def _group_pairs(board: Postings, members: Members) -> tuple[Indices, Indices, Indices]:
    """Every two groups of claims posting the same key (a group with itself when it has two
    claims or more), once each, that can hold a pair of claims (``Members.may_pair``), as
    sorted ``first <= second`` arrays with the rank of the rarest key that made each. The
    pairs are made a chunk of posting lists at a time, filtered, and merged into the pairs
    so far when at least ``CHUNK_PAIRS`` and as many as are kept wait, so memory holds
    candidates rather than every key's pairs."""
    owners, ranks = board.owners[board.posted], board.rank[board.keys[board.posted]]
    width, count = max(len(board.sizes), 1), len(board.frequency)
    order = np.lexsort((owners, ranks))
    kept, found, waiting = np.zeros(0, dtype=np.int64), [], 0
    for rank, first, second in _within_groups(ranks[order], owners[order]):
        keep = members.may_pair(first, second)
        # one number per pair and key, pair first: sorting it puts each pair's rarest key first
        # (width² × ranks stays below 2⁶³ up to about a million groups)
        found.append(np.sort((first[keep] * width + second[keep]) * count + rank[keep]))
        waiting += len(found[-1])
        # keep each pair once, with its rarest key, as it goes (when as many wait as are kept,
        # so each entry is merged a few times at most)
        if waiting > max(CHUNK_PAIRS, len(kept)):
            kept, found, waiting = _first_of_each_pair(np.concatenate([kept, *found]), count), [], 0
    rarest = np.full(len(board.sizes), count, dtype=np.int64)
    np.minimum.at(rarest, owners, ranks)
    selves = np.flatnonzero((board.sizes > 1) & (rarest < count))
    selves = selves[members.may_pair(selves, selves)]
    found.append((selves * width + selves) * count + rarest[selves])
    merged = _first_of_each_pair(np.concatenate([kept, *found]), count)
    pairs = merged // count
    return pairs // width, pairs % width, merged % count


def _first_of_each_pair(codes: Indices, ranks: int) -> Indices:
    """``codes`` (``pair * ranks + key rank``) sorted, each pair once with its rarest key."""
    codes = np.sort(codes)
    pairs = codes // ranks
    return codes[np.r_[True, pairs[1:] != pairs[:-1]]] if len(codes) else codes


def _within_groups(groups: Indices, values: Indices) -> Iterator[tuple[Indices, Indices, Indices]]:
    """Every two values of the same group, as (group, earlier value, later value) arrays, for
    ``groups`` sorted; a chunk of groups of one size at a time (at most about
    ``CHUNK_PAIRS`` pairs), not a loop over pairs."""
    starts, sizes = _runs(groups)
    for size in np.unique(sizes[sizes > 1]).tolist():
        first, second = np.triu_indices(size, 1)
        same_size = starts[sizes == size]
        step = max(1, CHUNK_PAIRS // len(first))
        for low in range(0, len(same_size), step):
            group_starts = same_size[low : low + step]
            members = values[group_starts[:, None] + np.arange(size)]
            yield (
                np.repeat(groups[group_starts], len(first)),
                members[:, first].ravel(),
                members[:, second].ravel(),
            )


def _runs(values: Indices) -> tuple[Indices, Indices]:
    """Where each run of equal ``values`` (sorted) starts, and how long it is."""
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]]) if len(values) else values
    return starts, np.diff(np.r_[starts, len(values)])
