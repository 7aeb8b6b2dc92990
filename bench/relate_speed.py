"""Speed of the cross-source comparison against exhaustive rapidfuzz ``process.cdist``.

Builds a corpus of multi-source stories from the paraphrase pairs of the development data
(MRPC and STS-B news): each story has two or three source articles, the first taking one side
of each pair, the second the other, a third (in one story of four) a mix, plus unrelated
filler sentences. Claims come from the real extraction. Then, in one run:

- claimdesk: ``relate_claims`` over all claims (features, blocking, scoring, relations);
- baseline: ``process.cdist`` over the same claims, token-sort similarity computed the fast
  way (each claim's words sorted once, then ``ratio``), both cores, pairs of different
  sources only;
- recall: the share of the baseline's cross-source pairs at or above each threshold that
  claimdesk's candidate pairs contain.

    python -m bench.relate_speed [--articles 2000] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process, utils

from bench.pairs import Pair, mrpc, stsb_news
from checker.compare import bulk
from checker.compare.blocking import candidate_pairs
from checker.compare.normalize import claim_keys
from checker.compare.relate import (
    claim_features,
    find_relations,
    judge,
    may_relate,
    relate_claims,
)
from checker.compare.verdicts import AGREE
from claims.extract import extract_claims
from claims.ingest import text_article
from claims.models import Claim

THRESHOLDS = (60, 70, 80, 90)


def stories(data: Path, articles: int, seed: int = 11) -> list[tuple[str, str]]:
    """(source id, text) of ``articles`` articles grouped in stories of 2–3 sources."""
    rng = random.Random(seed)
    pairs: list[Pair] = mrpc(data) + [p for p in stsb_news(data, "train") if p.score >= 3]
    filler = [p.a for p in pairs]
    rng.shuffle(pairs)
    result: list[tuple[str, str]] = []
    story = 0
    while len(result) < articles:
        take = [pairs[(story * 5 + k) % len(pairs)] for k in range(5)]
        sides: list[list[str]] = [[p.a for p in take], [p.b for p in take]]
        if story % 4 == 0:
            sides.append([rng.choice((p.a, p.b)) for p in take])
        for number, sentences in enumerate(sides):
            body = sentences + [rng.choice(filler) for _ in range(rng.randint(2, 6))]
            rng.shuffle(body)
            result.append((f"s{story:05d}-{number}", "\n\n".join(body) + "\n"))
        story += 1
    return result[:articles]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()

    corpus = stories(args.data, args.articles)
    claims: list[Claim] = []
    for source, text in corpus:
        claims.extend(extract_claims(text_article(text, source=source)))
    print(f"{len(corpus)} articles, {len(claims)} claims")

    started = time.perf_counter()
    items = [claim_features(claim) for claim in claims]
    keys = [claim_keys(item) for item in items]
    normalise = time.perf_counter() - started
    sources = [claim.source for claim in claims]

    # the matching stage of find_relations, step by step: candidates, screen, similarity
    started = time.perf_counter()
    candidates = candidate_pairs(keys, sources)
    blocking = time.perf_counter() - started
    started = time.perf_counter()
    chosen = may_relate(candidates)
    left, right = candidates.left[chosen], candidates.right[chosen]
    similar = bulk.scores(items, left, right)
    scoring = time.perf_counter() - started
    started = time.perf_counter()
    baseline_scorer = bulk.ratios(
        [item.word_key for item in items], candidates.left, candidates.right
    )
    rescoring = time.perf_counter() - started

    started = time.perf_counter()
    relations = relate_claims(claims, items=items)
    whole = time.perf_counter() - started
    print(f"normalisation and keys (once per claim, stored by analyze): {normalise:.2f} s")
    print(
        f"blocking: {blocking:.2f} s, {len(candidates):,} candidate pairs "
        f"(first found by key kind {candidates.by_kind}; {candidates.capped:,} of "
        f"{candidates.keys:,} keys capped)"
    )
    print(
        f"similarity of the {len(left):,} candidates that may relate (all measures, in bulk): "
        f"{scoring:.2f} s ({np.count_nonzero(similar >= AGREE):,} reach agreement's score); the baseline's scorer over all candidates: {rescoring:.2f} s "
        f"({np.count_nonzero(baseline_scorer >= 0.7):,} at >= 70)"
    )
    print(
        f"relations, the whole comparison (blocking, screen, similarity, judging and reasons): "
        f"{whole:.2f} s, {len(relations):,} relations"
    )

    started = time.perf_counter()
    texts = [" ".join(sorted(utils.default_process(claim.text).split())) for claim in claims]
    prepare = time.perf_counter() - started
    exhaustive, pairs = _exhaustive(texts, sources)
    n = len(texts)
    print(
        f"exhaustive process.cdist: {exhaustive:.2f} s for {n * n:,} scores (+{prepare:.2f} s to sort words)"
    )
    print(
        f"speed-up of matching (blocking + similarity of the candidates): "
        f"{exhaustive / (blocking + scoring):.1f}x; "
        f"with the baseline's own scorer instead: {exhaustive / (blocking + rescoring):.1f}x"
    )
    print(f"speed-up of the whole comparison: {exhaustive / whole:.1f}x")

    found = candidates.pairs()
    related: dict[frozenset[str], str] = {
        frozenset((r.a, r.b)): r.relation for r in find_relations(claims, items, keys=keys)
    }
    for t in THRESHOLDS:
        above = [pair for pair, score in pairs.items() if score >= t]
        hit = sum(1 for pair in above if pair in found)
        share = hit / len(above) if above else 1.0
        matches = [
            (i, j)
            for i, j in above
            if judge(items[i], items[j]).relation in ("agrees", "contradicts")
        ]
        kept = sum(
            related.get(frozenset((claims[i].id, claims[j].id)), "") in ("agrees", "contradicts")
            for i, j in matches
        )
        print(
            f"  token-sort ratio >= {t}: {len(above):,} cross-source pairs, "
            f"recall of the candidates {share:.3f}; "
            f"{len(matches) / max(len(above), 1):.0%} of them agree or contradict by claimdesk's judge, "
            f"and {kept / max(len(matches), 1):.3f} of those are found"
        )


def _exhaustive(texts: list[str], sources: list[str]) -> tuple[float, dict[tuple[int, int], int]]:
    """Seconds for ``process.cdist`` over every pair on both cores, and the cross-source pairs
    at or above the lowest threshold with their score."""
    source_ids = np.array([hash(s) for s in sources])
    found: dict[tuple[int, int], int] = {}
    started = time.perf_counter()
    step = 1000
    for low in range(0, len(texts), step):
        block = process.cdist(
            texts[low : low + step],
            texts,
            scorer=fuzz.ratio,
            dtype=np.uint8,
            workers=-1,
            score_cutoff=min(THRESHOLDS),
        )
        rows, cols = np.nonzero(block)
        keep = (rows + low < cols) & (source_ids[rows + low] != source_ids[cols])
        rows, cols = rows[keep], cols[keep]
        for i, j, score in zip(
            (rows + low).tolist(), cols.tolist(), block[rows, cols].tolist(), strict=True
        ):
            found[(i, j)] = score
    return time.perf_counter() - started, found


if __name__ == "__main__":
    main()
