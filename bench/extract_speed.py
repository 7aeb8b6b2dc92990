"""Extraction + tagging throughput against pySBD segmenting the same text.

    python -m bench.extract_speed [--articles 1500] [--pysbd-articles 300] [--floor]

claimdesk runs its whole pipeline (structure, sentences, attribution, clauses, cue tagging,
ids) on every article; pySBD only segments. pySBD is run on a leading share of the same
articles (it is slow) and its MB/s compared. Both run on one core in this process.

With ``--floor``, also the least any extraction in Python must do on the same text: read the
structure, split the sentences and build one claim record with its id per sentence, with no
attribution, clause splitting or tagging, to show how much of a speed target is left for them.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from bench.corpus import articles
from claims.extract import build_claim, extract_claims
from claims.ingest import build_article
from claims.models import Claim
from claims.segment import sentence_spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--articles", default=1500, type=int)
    parser.add_argument("--pysbd-articles", default=300, type=int)
    parser.add_argument("--floor", action="store_true", help="also time the least pipeline")
    args = parser.parse_args()
    texts = articles(args.data, args.articles)
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    extract_claims(build_article(texts[0], path="warm", source="warm"))  # load lexicons

    started = time.perf_counter()
    claims = 0
    for index, text in enumerate(texts):
        claims += len(extract_claims(build_article(text, path=f"a{index}", source=f"a{index}")))
    ours = time.perf_counter() - started
    print(
        f"claimdesk extract+tag: {size:.2f} MB, {len(texts)} articles, {claims} claims, "
        f"{ours:.2f} s, {size / ours:.2f} MB/s"
    )

    if args.floor:
        started = time.perf_counter()
        records = sum(len(_least(text, index)) for index, text in enumerate(texts))
        floor = time.perf_counter() - started
        print(
            f"least pipeline:        {size:.2f} MB, {records} sentence records, "
            f"{floor:.2f} s, {size / floor:.2f} MB/s (structure, sentences, one record each)"
        )

    try:
        import pysbd
    except ImportError:
        print("pysbd not installed (pip install '.[bench]'): no comparison")
        return
    sample = texts[: args.pysbd_articles]
    if not sample:
        return
    sample_size = sum(len(t.encode("utf-8")) for t in sample) / 1e6
    segmenter = pysbd.Segmenter(language="en", clean=False)
    started = time.perf_counter()
    for text in sample:
        segmenter.segment(text)
    theirs = time.perf_counter() - started
    print(
        f"pysbd segment only:    {sample_size:.2f} MB, {len(sample)} articles, "
        f"{theirs:.2f} s, {sample_size / theirs:.2f} MB/s"
    )
    print(f"ratio: {(size / ours) / (sample_size / theirs):.1f}x pysbd's throughput")


def _least(text: str, index: int) -> list[Claim]:
    article = build_article(text, path=f"a{index}", source=f"a{index}")
    seen: Counter[str] = Counter()
    return [
        build_claim(article, start, end, article.text[start:end], [], None, seen)
        for block in article.blocks
        if block.kind == "body"
        for start, end in sentence_spans(article.text, block.start, block.end)
    ]


if __name__ == "__main__":
    main()
