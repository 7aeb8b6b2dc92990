"""The comparison of a whole store cut into blocks that worker processes judge side by side.

Candidate pairs come from blocking over every claim (``checker.compare.blocking``: keys are
counted and capped over all of them), so that step stays in one process; it is array work
and quick. Judging the pairs is Python per pair and most of the time, so the screened pairs
(``may_relate``) are cut into blocks of about ``PAIRS_PER_BLOCK`` and each block goes to a
worker with the features of its claims, the actors and dates of their sources and the topic
counts its weights need. A pair's relation depends on the two claims and their sources only,
never on the block it is in, so the relations are those of one process whatever the blocks
and workers; ``relations_of`` sorts them by claim ids.

Blocks follow the stories: sources that share at least ``STORY_PAIRS`` screened pairs are one
story (joined transitively), and pairs are cut in story order, so a block needs the features
of few claims besides its own story's. Features travel packed (``pack``: pickled and
compressed, about 0.75 KB a claim), or as the claim's text and speaker for the worker to
compute them.
"""

from __future__ import annotations

import math
import pickle
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence

import attrs
import numpy as np

from checker.compare.alignment import articles_aligned, source_actors
from checker.compare.blocking import Postings, candidate_pairs
from checker.compare.bulk import Indices
from checker.compare.normalize import Features, features
from checker.compare.relate import (
    Relation,
    judge_in_articles,
    key_topic,
    may_relate,
    same_outlet,
)
from checker.compare.times import publication_date
from claims.models import Kind

PAIRS_PER_BLOCK = 20_000  # screened pairs judged in one block: about a second of work
STORY_PAIRS = 3  # screened pairs that make two sources one story for the cut into blocks

Packed = bytes
Unpacked = Packed | tuple[str, str]  # packed features, or the claim's text and speaker


def pack(item: Features) -> Packed:
    """Features as bytes to keep or send: pickled and compressed."""
    return zlib.compress(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(data: Unpacked) -> Features:
    """The features ``pack`` packed, or computed from a claim's ``(text, speaker)``."""
    if isinstance(data, tuple):
        return features(*data)
    item: Features = pickle.loads(zlib.decompress(data))
    return item


@attrs.frozen
class Claimed:
    """What a block knows of one claim."""

    id: str
    source: str
    kind: Kind
    topic: frozenset[str]  # ``Features.topic`` read off its keys, for related links' weights
    features: Unpacked


@attrs.frozen
class Block:
    """Pairs to judge (``left[k]``, ``right[k]`` index ``claims``) and what judging needs."""

    left: Indices
    right: Indices
    claims: tuple[Claimed, ...]
    actors: Mapping[str, frozenset[str]]  # of the sources of ``claims``
    dates: Mapping[str, str | None]
    outlets: Mapping[str, str | None]
    count: int  # claims compared in all
    frequency: Mapping[str, int]  # in how many claims' topics each concept of ``claims`` is


@attrs.frozen
class Plan:
    """The screened candidate pairs of a comparison (claim indices) and the blocks they are
    judged in (positions into ``left`` / ``right``, in story order)."""

    left: Indices
    right: Indices
    blocks: tuple[Indices, ...]

    @property
    def pairs(self) -> int:
        return len(self.left)


def plan(
    keys: Sequence[Collection[str]],
    sources: Sequence[str],
    focus: Collection[int] | None = None,
    size: int | None = None,
    board: Postings | None = None,
) -> Plan:
    """The candidate pairs of claims with ``keys`` (of ``sources``) that touch ``focus``,
    screened, and cut into blocks of about ``size`` (``PAIRS_PER_BLOCK``) pairs; ``board``
    is ``checker.compare.blocking.postings(keys)`` when already made."""
    size = PAIRS_PER_BLOCK if size is None else size
    screened = candidate_pairs(keys, sources, focus=focus, board=board, screen=may_relate)
    left, right = screened.left, screened.right
    number = {source: n for n, source in enumerate(dict.fromkeys(sources))}
    of = np.fromiter((number[s] for s in sources), dtype=np.int64, count=len(sources))
    story = _stories(of[left], of[right], len(number))
    order = np.lexsort((right, left, story[of[left]]))
    cuts = max(1, math.ceil(len(order) / max(size, 1)))
    return Plan(left, right, tuple(part for part in np.array_split(order, cuts) if len(part)))


def _stories(first: Indices, second: Indices, count: int) -> Indices:
    """Each source's story: sources joined by at least ``STORY_PAIRS`` pairs, transitively
    (union-find over the pairs of sources), numbered by their smallest source."""
    parent = list(range(count))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    low, high = np.minimum(first, second), np.maximum(first, second)
    codes, counts = np.unique(low * max(count, 1) + high, return_counts=True)
    for code in codes[counts >= STORY_PAIRS].tolist():
        x, y = root(code // count), root(code % count)
        if x != y:
            parent[max(x, y)] = min(x, y)
    return np.array([root(x) for x in range(count)], dtype=np.int64)


@attrs.frozen
class Compared:
    """All claims of a comparison as blocks need them: ids, sources, kinds, blocking keys;
    ``published`` and ``outlets`` by source."""

    ids: Sequence[str]
    sources: Sequence[str]
    kinds: Sequence[Kind]
    keys: Sequence[Collection[str]]
    published: Mapping[str, str | None]
    outlets: Mapping[str, str | None]


def blocks(
    plan: Plan, compared: Compared, features_of: Callable[[Sequence[int]], Sequence[Unpacked]]
) -> Iterator[Block]:
    """The plan's blocks, each with what its worker needs; ``features_of`` gives the packed
    features (or text and speaker) of claims by index, one block's claims at a time."""
    actors = source_actors(compared.sources, compared.keys)
    topics = [key_topic(each) for each in compared.keys]
    frequency: dict[str, int] = {}
    for topic in topics:
        for concept in topic:
            frequency[concept] = frequency.get(concept, 0) + 1
    for positions in plan.blocks:
        left, right = plan.left[positions], plan.right[positions]
        involved = np.unique(np.r_[left, right])
        indices = involved.tolist()
        packed = features_of(indices)
        claims = tuple(
            Claimed(compared.ids[i], compared.sources[i], compared.kinds[i], topics[i], packed[n])
            for n, i in enumerate(indices)
        )
        sources = {claim.source for claim in claims}
        concepts = {concept for claim in claims for concept in claim.topic}
        yield Block(
            np.searchsorted(involved, left),
            np.searchsorted(involved, right),
            claims,
            {source: actors.get(source, frozenset()) for source in sources},
            {source: compared.published.get(source) for source in sources},
            {source: compared.outlets.get(source) for source in sources},
            len(compared.ids),
            {concept: frequency[concept] for concept in concepts},
        )


def judge_block(block: Block) -> list[Relation]:
    """The relations among a block's pairs, as ``checker.compare.relate.find_relations``
    finds them (related links weighed as ``weight`` weighs them over all claims), in the
    block's order."""
    from checker.compare import bulk

    items = [unpack(claim.features) for claim in block.claims]
    similar = bulk.scores(items, block.left, block.right)
    aligned: dict[tuple[str, str], bool] = {}
    found = []
    for i, j, score in zip(
        block.left.tolist(), block.right.tolist(), similar.tolist(), strict=True
    ):
        x, y = block.claims[i], block.claims[j]
        if x.id > y.id:
            i, j, x, y = j, i, y, x  # reasons name the claims in the relation's order
        if (x.source, y.source) not in aligned:
            same = articles_aligned(
                (block.actors[x.source], block.actors[y.source]),
                (publication_date(block.dates[x.source]), publication_date(block.dates[y.source])),
            )
            aligned[(x.source, y.source)] = aligned[(y.source, x.source)] = same
        verdict = judge_in_articles(
            (items[i], items[j]),
            (x.kind, y.kind),
            score,
            same_story=aligned[(x.source, y.source)],
            dates=(block.dates[x.source], block.dates[y.source]),
            outlet=same_outlet(block.outlets, x.source, y.source),
        )
        if verdict.relation == "unrelated":
            continue
        shared = x.topic & y.topic if verdict.relation == "related" else frozenset()
        weight = weight_of(shared, block.frequency, block.count)
        found.append(Relation(x.id, y.id, verdict.relation, verdict.score, verdict.reasons, weight))
    return found


def weight_of(shared: Iterable[str], frequency: Mapping[str, int], count: int) -> float:
    """A related link's weight: the summed rarity of the topic its claims share among
    ``count`` claims, added in sorted order (so the same in every process)."""
    return round(sum(math.log(count / frequency[c]) for c in sorted(shared)), 6)


def relations_of(found: Iterable[Sequence[Relation]]) -> list[Relation]:
    """The relations of all blocks, sorted by claim ids."""
    return sorted((r for part in found for r in part), key=lambda r: (r.a, r.b))
