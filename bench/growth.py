"""How the comparison's time grows with the number of claims on real news, and how it
stands against exhaustive rapidfuzz ``process.cdist`` (issue 18, point 3).

The claims come from the ECB+ archive of ``bench.archive``, made long enough to hold the
largest size asked for (about 3,700 articles for 100,000 claims: every ECB+ document leads
three or four articles), extracted on ``--jobs`` workers. For each size, the claims of the
first articles up to that many are compared as ``analyze`` compares a new store, in this
process: blocking, the screen, the similarity and the judging of every block
(``checker.compare.partition``) and the relation rows made of them, not the store's writes. The exhaustive baseline is not run:
its pairs per second are measured on ``--sample`` claims against all of the largest size
(``process.cdist``, ``ratio`` of each claim's sorted words, both cores) and its time at each
size is the claims' cross pairs, n (n - 1) / 2, at that pace.

    python -m bench.growth [--sizes 25000,100000] [--jobs 2] [--sample 1000] [--compare-jobs 1]

``--compare-jobs 2`` judges the blocks on two worker processes, as ``analyze`` does on two
cores (the exhaustive baseline uses both cores too); the default judges them in this process.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import attrs
import numpy as np
from rapidfuzz import fuzz, process, utils

from bench.archive import build
from checker.compare import partition
from checker.review.extraction import extract
from checker.review.store import judged_rows
from checker.review.workers import Workers
from claims.ingest import text_article
from claims.models import Claim

CLAIMS_PER_ARTICLE = 26  # about, in the archive: the articles to build for a size


def claims_of(
    data: Path, count: int, jobs: int
) -> tuple[list[Claim], list[frozenset[str]], list[bytes]]:
    """At least ``count`` claims of the archive's first articles, with keys and features."""
    articles = int(count / CLAIMS_PER_ARTICLE * 1.1) + 10
    records = build(data, articles, 8.7 * articles / 2625)
    found: tuple[list[Claim], list[frozenset[str]], list[bytes]] = ([], [], [])
    texts = [
        attrs.evolve(text_article(str(r["text"]), source=str(r["id"])), outlet=r["outlet"])
        for r in records
    ]
    with Workers(jobs) as workers:
        for result in workers.map(extract, texts):
            if isinstance(result, Exception):
                raise result
            for part, values in zip(found, result, strict=True):
                part.extend(values)  # type: ignore[attr-defined]
            if len(found[0]) >= count:
                break
    return found


def compare_time(
    claims: list[Claim], keys: list[frozenset[str]], packed: list[bytes], workers: int = 1
) -> tuple[float, float, int, int, int]:
    """Seconds to compare the claims (blocks judged in this process, or on ``workers``
    worker processes as ``analyze --jobs`` judges them) and of that for the candidate pairs
    (blocking, the screen and the judgements' plan), the screened pairs, the judgements and
    the relations (the rows ``analyze`` writes, made but not written)."""
    started = time.perf_counter()
    compared = partition.Compared(
        [c.id for c in claims],
        [c.source for c in claims],
        [c.kind for c in claims],
        keys,
        [(c.text, c.attribution.who if c.attribution else "") for c in claims],
        {},
        {},
    )
    planned = partition.plan(compared)
    named = np.array(compared.ids, dtype=object)
    candidates = time.perf_counter() - started
    relations = 0
    blocks = partition.blocks(planned, compared, lambda ids: [packed[i] for i in ids])
    with Workers(workers, in_process=True) as pool:
        for number, found in enumerate(pool.map(partition.judge_block, blocks)):
            if isinstance(found, Exception):
                raise found
            left, right, which = partition.fan_out(planned, number, found)
            rows = judged_rows(named[left].tolist(), named[right].tolist(), which.tolist(), found)
            relations += len(rows)
    seconds = time.perf_counter() - started
    return seconds, candidates, planned.pairs, planned.judgements, relations


def cdist_pace(claims: list[Claim], sample: int) -> float:
    """Pairs per second of exhaustive ``process.cdist`` (sorted words, ``ratio``, all cores),
    ``sample`` claims against all."""
    texts = [" ".join(sorted(utils.default_process(c.text).split())) for c in claims]
    started = time.perf_counter()
    for low in range(0, sample, 250):
        process.cdist(
            texts[low : min(low + 250, sample)],
            texts,
            scorer=fuzz.ratio,
            dtype=np.uint8,
            workers=-1,
            score_cutoff=60,
        )
    return sample * len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--sizes", default="25000,100000")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--sample", type=int, default=1000)
    parser.add_argument(
        "--compare-jobs",
        type=int,
        default=1,
        help="worker processes judging the blocks (1: in this process)",
    )
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    started = time.perf_counter()
    claims, keys, packed = claims_of(args.data, max(sizes), args.jobs)
    print(f"{len(claims):,} claims extracted in {time.perf_counter() - started:.0f} s")
    pace = cdist_pace(claims[: max(sizes)], args.sample)
    print(f"exhaustive cdist: {pace / 1e6:.1f} M pairs/s measured ({args.sample} x {max(sizes):,})")
    times: dict[int, float] = {}
    plans: dict[int, tuple[float, int]] = {}
    for size in sizes:
        seconds, candidates, pairs, judgements, relations = compare_time(
            claims[:size], keys[:size], packed[:size], args.compare_jobs
        )
        times[size] = seconds
        plans[size] = (candidates, pairs)
        sources = len({c.source for c in claims[:size]})
        exhaustive = size * (size - 1) / 2 / pace
        print(
            f"{size:,} claims ({sources:,} articles): comparison {seconds:.1f} s"
            f" (candidate pairs {candidates:.1f} s), {pairs:,} screened pairs,"
            f" {judgements:,} judgements, {relations:,} relations;"
            f" exhaustive cdist {exhaustive:.0f} s (extrapolated): {exhaustive / seconds:.0f}x"
        )
    low, high = min(sizes), max(sizes)
    if low != high:
        growth = times[high] / times[low]
        exponent = np.log(growth) / np.log(high / low)
        print(f"growth {low:,} -> {high:,} claims: {growth:.2f}x (N^{exponent:.2f})")
        for what, value in (
            ("candidate pairs' time", plans[high][0] / plans[low][0]),
            ("screened pairs", plans[high][1] / plans[low][1]),
        ):
            power = np.log(value) / np.log(high / low)
            print(f"  {what}: {value:.2f}x (N^{power:.2f})")


if __name__ == "__main__":
    main()
