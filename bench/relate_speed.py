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
from checker.blocking import candidate_pairs, claim_keys
from checker.relate import claim_features, relate_claims
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
    normalise = time.perf_counter() - started
    started = time.perf_counter()
    relations = relate_claims(claims, items=items)
    ours = time.perf_counter() - started
    sources = [claim.source for claim in claims]
    candidates = candidate_pairs([claim_keys(item) for item in items], sources)
    print(f"claimdesk normalisation (once per claim, stored by analyze): {normalise:.2f} s")
    print(
        f"claimdesk comparison (blocking, scoring, relations): {ours:.2f} s, "
        f"{len(candidates.pairs):,} candidate pairs "
        f"(by key kind {candidates.by_kind}, {candidates.capped:,} of {candidates.keys:,} keys "
        f"capped), {len(relations):,} relations"
    )

    started = time.perf_counter()
    texts = [" ".join(sorted(utils.default_process(claim.text).split())) for claim in claims]
    prepare = time.perf_counter() - started
    source_ids = np.array([hash(s) for s in sources])
    found = {t: 0 for t in THRESHOLDS}
    total = {t: 0 for t in THRESHOLDS}
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
        rows = rows + low
        keep = (rows < cols) & (source_ids[rows] != source_ids[cols])
        for i, j in zip(rows[keep].tolist(), cols[keep].tolist(), strict=True):
            score = int(block[i - low, j])
            hit = (i, j) in candidates.pairs
            for t in THRESHOLDS:
                if score >= t:
                    total[t] += 1
                    found[t] += hit
    exhaustive = time.perf_counter() - started
    n = len(texts)
    print(
        f"exhaustive process.cdist: {exhaustive:.2f} s for {n * n:,} scores (+{prepare:.2f} s to sort words)"
    )
    print(f"speed-up, comparison: {exhaustive / ours:.1f}x")
    print(f"speed-up, with normalisation: {(exhaustive + prepare) / (ours + normalise):.1f}x")
    for t in THRESHOLDS:
        share = found[t] / total[t] if total[t] else 1.0
        print(
            f"  recall of cross-source pairs with token-sort ratio >= {t}: {share:.3f} ({found[t]:,}/{total[t]:,})"
        )


if __name__ == "__main__":
    main()
