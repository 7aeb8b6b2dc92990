"""The comparison of a whole store cut into blocks that worker processes judge side by side.

Candidate pairs come from blocking over every claim (``checker.compare.blocking``: keys are
counted and capped over all of them), so that step stays in one process; it is array work
and quick. Judging is Python per pair and most of the time, so it is done once per
*judgement*: a pair's verdict depends only on its two claims' features and kinds (which
depend only on their text, speaker and kind) and on what it reads of their two sources
(whether they tell the same story, their dates, the outlet they share), so the pairs that
agree in all of these (a sentence reprinted by five outlets against another reprinted by
four) are judged once, and the verdict is given to each of them (``fan_out``), with its own
claim ids. The judgements are cut into blocks of about ``JUDGEMENTS_PER_BLOCK`` and each block
goes to a worker with the features of its claims, its settings (``Setting``) and the topic
counts its weights need. The relations are those of judging every pair in one process
(``checker.compare.relate.find_relations``) whatever the blocks and workers;
``relations_of`` gives them sorted by claim ids.

Blocks follow the stories: sources that share at least ``STORY_PAIRS`` screened pairs are one
story (joined transitively), and judgements are numbered in story order, so a block needs the
features of few claims besides its own story's. Features travel packed (``pack``: pickled and
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
import numpy.typing as npt

from checker.compare.alignment import MIN_SHARE, MIN_SHARED, STORY_DAYS, source_actors
from checker.compare.blocking import Postings, candidate_pairs, postings
from checker.compare.bulk import Indices, SetTable, shared_counts
from checker.compare.normalize import Features, features
from checker.compare.relate import (
    Relation,
    judge_in_articles,
    key_topic,
    may_relate,
    same_outlet,
)
from checker.compare.times import publication_date
from checker.compare.verdicts import RelationKind
from claims.models import Kind

JUDGEMENTS_PER_BLOCK = 20_000  # judgements made in one block: about a second of work
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

    kind: Kind
    topic: frozenset[str]  # ``Features.topic`` read off its keys, for related links' weights
    features: Unpacked


@attrs.frozen
class Setting:
    """What a pair's verdict reads of its two sources (the source of the claim with the
    smaller id first): whether they tell the same story (``articles_aligned``), their
    publication dates, and the outlet they share, if any (``same_outlet``)."""

    same_story: bool
    dates: tuple[str | None, str | None]
    outlet: str | None


@attrs.frozen
class Block:
    """Judgements to make (``left[k]`` against ``right[k]``, positions in ``claims``, the
    claim with the smaller id first, read with ``settings[setting[k]]``) and what judging
    needs."""

    left: Indices
    right: Indices
    setting: Indices
    claims: tuple[Claimed, ...]
    settings: tuple[Setting, ...]
    count: int  # claims compared in all
    frequency: Mapping[str, int]  # in how many claims' topics each concept of ``claims`` is


@attrs.frozen
class Judged:
    """A judgement that found a relation: what each of its pairs gets."""

    relation: RelationKind
    score: float
    reasons: tuple[str, ...]
    weight: float


@attrs.frozen
class Plan:
    """The screened candidate pairs of a comparison (claim indices, ``left`` the claim with
    the smaller id) and their judgements: each pair's judgement, each judgement's claims
    (the first claims alike to those of its pairs, ``_alike``) and setting, the judgements of each block (in story order) and
    the pairs of each block (in the order of their claims' ids)."""

    left: Indices
    right: Indices
    judgement: Indices
    first: Indices
    second: Indices
    setting: Indices
    settings: tuple[Setting, ...]
    blocks: tuple[Indices, ...]
    pairs_of: tuple[Indices, ...]

    @property
    def pairs(self) -> int:
        return len(self.left)

    @property
    def judgements(self) -> int:
        return len(self.first)


@attrs.frozen
class Compared:
    """All claims of a comparison as blocks need them: ids, sources, kinds, blocking keys,
    and the text and speaker each claim's features are computed from; ``published`` and
    ``outlets`` by source."""

    ids: Sequence[str]
    sources: Sequence[str]
    kinds: Sequence[Kind]
    keys: Sequence[Collection[str]]
    texts: Sequence[tuple[str, str]]
    published: Mapping[str, str | None]
    outlets: Mapping[str, str | None]


def plan(
    compared: Compared,
    focus: Collection[int] | None = None,
    size: int | None = None,
    board: Postings | None = None,
) -> Plan:
    """The screened candidate pairs of the ``compared`` claims that touch ``focus``, their
    judgements, and the judgements cut into blocks of about ``size``
    (``JUDGEMENTS_PER_BLOCK``); ``board`` is ``checker.compare.blocking.postings(keys)`` when
    already made."""
    size = JUDGEMENTS_PER_BLOCK if size is None else size
    board = board or postings(compared.keys)
    screened = candidate_pairs(
        compared.keys, compared.sources, focus=focus, board=board, screen=may_relate
    )
    rank = _ranks(compared.ids)
    swap = rank[screened.left] > rank[screened.right]
    left = np.where(swap, screened.right, screened.left)
    right = np.where(swap, screened.left, screened.right)
    number = {source: n for n, source in enumerate(dict.fromkeys(compared.sources))}
    of = np.fromiter(
        (number[s] for s in compared.sources), dtype=np.int64, count=len(compared.sources)
    )
    setting, settings = _settings(compared, list(number), of[left], of[right])
    alike = _alike(compared, board.groups)
    story = _stories(of[left], of[right], len(number))
    order = np.lexsort((screened.right, screened.left, story[of[screened.left]]))
    judgement = np.empty(len(left), dtype=np.int64)
    judgement[order] = _first_seen((alike[left[order]], alike[right[order]], setting[order]))
    earliest = np.full(int(judgement.max()) + 1 if len(judgement) else 0, len(left), np.int64)
    np.minimum.at(earliest, judgement[order], np.arange(len(order)))
    firsts = order[earliest]  # the first pair of each judgement, in story order
    cuts = max(1, math.ceil(len(firsts) / max(size, 1)))
    blocks = tuple(part for part in np.array_split(np.arange(len(firsts)), cuts) if len(part))
    block_of = np.zeros(len(firsts), dtype=np.int64)
    for position, part in enumerate(blocks):
        block_of[part] = position
    by_block = np.lexsort((rank[right], rank[left], block_of[judgement]))
    counts = np.bincount(block_of[judgement], minlength=len(blocks))
    pairs_of = tuple(np.split(by_block, np.cumsum(counts)[:-1])) if blocks else ()
    # each judgement is made on the first claims of its pairs' kinds, so a block unpacks the
    # features of a reprinted claim once, whichever of its copies its pairs are of
    canonical = np.full(int(alike.max()) + 1 if len(alike) else 0, len(alike), np.int64)
    np.minimum.at(canonical, alike, np.arange(len(alike)))
    return Plan(
        left, right, judgement, canonical[alike[left[firsts]]], canonical[alike[right[firsts]]],
        setting[firsts], settings, blocks, pairs_of,
    )  # fmt: skip


def _ranks(ids: Sequence[str]) -> Indices:
    """Each claim's place among the ids in sorted order."""
    rank = np.empty(len(ids), dtype=np.int64)
    rank[sorted(range(len(ids)), key=ids.__getitem__)] = np.arange(len(ids))
    return rank


def _first_seen(columns: tuple[Indices, ...]) -> Indices:
    """A number for each row of ``columns``, the same for equal rows, numbered in the order
    the rows first come."""
    count = len(columns[0])
    if not count:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort(columns)
    changed = np.zeros(count, dtype=bool)
    changed[0] = True
    for column in columns:
        ordered = column[order]
        changed[1:] |= ordered[1:] != ordered[:-1]
    sorted_number = np.empty(count, dtype=np.int64)
    sorted_number[order] = np.cumsum(changed) - 1
    first = np.full(int(changed.sum()), count, dtype=np.int64)
    np.minimum.at(first, sorted_number, np.arange(count))
    renumber = np.empty(len(first), dtype=np.int64)
    renumber[np.argsort(first)] = np.arange(len(first))
    return renumber[sorted_number]


def _alike(compared: Compared, groups: Indices) -> Indices:
    """A number for each claim, the same for claims of the same text, speaker, kind and
    keys: their features and topics are the same, so are their verdicts against a claim."""
    number: dict[tuple[object, ...], int] = {}
    return np.fromiter(
        (
            number.setdefault((text, kind, group), len(number))
            for text, kind, group in zip(
                compared.texts, compared.kinds, groups.tolist(), strict=True
            )
        ),
        dtype=np.int64,
        count=len(compared.ids),
    )


def _settings(
    compared: Compared, names: Sequence[str], first: Indices, second: Indices
) -> tuple[Indices, tuple[Setting, ...]]:
    """Each pair's setting (its sources ``first`` and ``second``, numbers into ``names``),
    as a number into the settings found; each pair of sources is read once."""
    count = max(len(names), 1)
    codes, inverse = np.unique(first * count + second, return_inverse=True)
    a, b = codes // count, codes % count
    same = aligned_sources(compared, names, a, b)
    dated = [compared.published.get(name) for name in names]
    date = _numbers(dated)
    outlets = [compared.outlets.get(name) for name in names]
    exact = _numbers(outlets)
    folded = _numbers([o.casefold() if o else None for o in outlets])
    shared = (folded[a] == folded[b]) & (folded[a] >= 0)
    numbered = _first_seen(
        (same.astype(np.int64), date[a], date[b], np.where(shared, exact[a], -1))
    )
    first_of = np.full(int(numbered.max()) + 1 if len(numbered) else 0, len(a), np.int64)
    np.minimum.at(first_of, numbered, np.arange(len(a)))
    settings = tuple(
        Setting(
            bool(same[k]),
            (dated[x], dated[y]),
            same_outlet(compared.outlets, names[x], names[y]),
        )
        for k, x, y in zip(
            first_of.tolist(), a[first_of].tolist(), b[first_of].tolist(), strict=True
        )
    )
    return numbered[inverse.reshape(-1)], settings


def _numbers(values: Sequence[str | None]) -> Indices:
    """A number for each value, the same for equal values; -1 for ``None`` and ``""``."""
    number: dict[str, int] = {}
    return np.array(
        [number.setdefault(value, len(number)) if value else -1 for value in values],
        dtype=np.int64,
    )


def aligned_sources(
    compared: Compared, names: Sequence[str], a: Indices, b: Indices
) -> npt.NDArray[np.bool_]:
    """``checker.compare.alignment.articles_aligned`` of the sources ``names[a[k]]`` and
    ``names[b[k]]`` for every ``k`` at once: their actors' overlap in arrays, their days as
    ordinals."""
    actors = source_actors(compared.sources, compared.keys)
    number: dict[str, int] = {}
    owners, members = [], []
    for position, name in enumerate(names):
        for actor in actors.get(name, frozenset()):
            owners.append(position)
            members.append(number.setdefault(actor, len(number)))
    table = SetTable.of(
        np.array(owners, dtype=np.int64), np.array(members, dtype=np.int64), len(names), len(number)
    )
    fewer = table.sizes[a] <= table.sizes[b]  # the smaller set's members are looked up
    shared = shared_counts(table, np.where(fewer, a, b), np.where(fewer, b, a))
    smaller = np.minimum(table.sizes[a], table.sizes[b])
    least = np.minimum(MIN_SHARED, smaller)
    story = (shared >= least) & (least > 0) & (shared >= MIN_SHARE * smaller)
    days = [publication_date(compared.published.get(name)) for name in names]
    known = np.array([day is not None for day in days], dtype=bool)
    day = np.array([day.toordinal() if day else 0 for day in days], dtype=np.int64)
    apart = known[a] & known[b] & (np.abs(day[a] - day[b]) > STORY_DAYS)
    result: npt.NDArray[np.bool_] = story & ~apart
    return result


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


def blocks(
    plan: Plan, compared: Compared, features_of: Callable[[Sequence[int]], Sequence[Unpacked]]
) -> Iterator[Block]:
    """The plan's blocks, each with what its worker needs; ``features_of`` gives the packed
    features (or text and speaker) of claims by index, one block's claims at a time."""
    topic_of: dict[frozenset[str], frozenset[str]] = {}

    def topic(index: int) -> frozenset[str]:
        keys = frozenset(compared.keys[index])
        if keys not in topic_of:
            topic_of[keys] = key_topic(keys)
        return topic_of[keys]

    frequency: dict[str, int] = {}
    for index in range(len(compared.ids)):
        for concept in topic(index):
            frequency[concept] = frequency.get(concept, 0) + 1
    for judgements in plan.blocks:
        first, second = plan.first[judgements], plan.second[judgements]
        involved = np.unique(np.r_[first, second])
        indices = involved.tolist()
        packed = features_of(indices)
        claims = tuple(
            Claimed(compared.kinds[i], topic(i), packed[n]) for n, i in enumerate(indices)
        )
        used, setting = np.unique(plan.setting[judgements], return_inverse=True)
        concepts = {concept for claim in claims for concept in claim.topic}
        yield Block(
            np.searchsorted(involved, first),
            np.searchsorted(involved, second),
            setting.reshape(-1),
            claims,
            tuple(plan.settings[k] for k in used.tolist()),
            len(compared.ids),
            {concept: frequency[concept] for concept in concepts},
        )


def judge_block(block: Block) -> list[Judged | None]:
    """Each judgement of a block, as ``checker.compare.relate.find_relations`` judges each of
    its pairs (related links weighed as ``weight_of`` weighs them over all claims), in the
    block's order; ``None`` where the claims are unrelated."""
    from checker.compare import bulk

    items = [unpack(claim.features) for claim in block.claims]
    similar = bulk.scores(items, block.left, block.right)
    found: list[Judged | None] = []
    for i, j, k, score in zip(
        block.left.tolist(),
        block.right.tolist(),
        block.setting.tolist(),
        similar.tolist(),
        strict=True,
    ):
        x, y, setting = block.claims[i], block.claims[j], block.settings[k]
        verdict = judge_in_articles(
            (items[i], items[j]),
            (x.kind, y.kind),
            score,
            same_story=setting.same_story,
            dates=setting.dates,
            outlet=setting.outlet,
        )
        if verdict.relation == "unrelated":
            found.append(None)
            continue
        shared = x.topic & y.topic if verdict.relation == "related" else frozenset()
        weight = weight_of(shared, block.frequency, block.count)
        found.append(Judged(verdict.relation, verdict.score, verdict.reasons, weight))
    return found


def fan_out(
    plan: Plan, number: int, judged: Sequence[Judged | None]
) -> tuple[Indices, Indices, Indices]:
    """The pairs of block ``number`` that its judgements ``judged`` (``judge_block``) found
    related, in the order of their claims' ids: the claim with the smaller id, the other,
    and the judgement's position in ``judged``."""
    positions = plan.pairs_of[number]
    which = plan.judgement[positions] - (plan.blocks[number][0] if len(positions) else 0)
    made = np.fromiter((j is not None for j in judged), dtype=bool, count=len(judged))
    keep = made[which]
    return plan.left[positions[keep]], plan.right[positions[keep]], which[keep]


def weight_of(shared: Iterable[str], frequency: Mapping[str, int], count: int) -> float:
    """A related link's weight: the summed rarity of the topic its claims share among
    ``count`` claims, added in sorted order (so the same in every process)."""
    return round(sum(math.log(count / frequency[c]) for c in sorted(shared)), 6)


def relations_of(
    plan: Plan, ids: Sequence[str], found: Iterable[Sequence[Judged | None]]
) -> list[Relation]:
    """The relations of all blocks (``found``: each block's ``judge_block``, in order),
    sorted by claim ids."""
    relations = []
    for number, judged in enumerate(found):
        for i, j, k in zip(*(part.tolist() for part in fan_out(plan, number, judged)), strict=True):
            verdict = judged[k]
            assert verdict is not None
            relations.append(
                Relation(
                    ids[i], ids[j], verdict.relation, verdict.score, verdict.reasons, verdict.weight
                )
            )
    return sorted(relations, key=lambda r: (r.a, r.b))
