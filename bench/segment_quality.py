"""Sentence segmentation: exact-match share on pySBD's English golden rules and the news cases,
and speed, for claimdesk's segmenter and (if installed) pySBD, in one run.

    python -m bench.segment_quality [--data ../shared/data] [--show]

News cases are split at line breaks first, as articles are (``sentence_spans`` does this).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from bench.corpus import articles
from claims.segment import split_sentences

Segmenter = Callable[[str], list[str]]


def exact_share(cases: list[dict[str, object]], segment: Segmenter, show: bool) -> tuple[int, int]:
    passed = 0
    for case in cases:
        got = segment(str(case["text"]))
        if got == case["expected"]:
            passed += 1
        elif show:
            print(f"  {case['id']}: {got}")
    return passed, len(cases)


def throughput(texts: list[str], segment: Segmenter) -> float:
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    started = time.perf_counter()
    for text in texts:
        segment(text)
    return size / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--show", action="store_true", help="print the failing cases")
    args = parser.parse_args()
    golden = json.loads((args.data / "segmentation" / "golden_en.json").read_text())["cases"]
    news = json.loads((args.data / "segmentation" / "news_en.json").read_text())["cases"]
    texts = articles(args.data, 300)
    segmenters: dict[str, Segmenter] = {"claimdesk": split_sentences}
    try:
        import pysbd

        pysbd_segmenter = pysbd.Segmenter(language="en", clean=False)

        def pysbd_lines(text: str) -> list[str]:
            return [
                s.strip()
                for line in text.splitlines()
                for s in pysbd_segmenter.segment(line)
                if s.strip()
            ]

        segmenters["pysbd (lines pre-split)"] = pysbd_lines
    except ImportError:
        print("pysbd not installed (pip install '.[bench]'): claimdesk only")
    print(f"{'segmenter':<26} {'golden':>8} {'news':>8} {'MB/s':>7}")
    for name, segment in segmenters.items():
        g, gn = exact_share(golden, segment, args.show)
        n, nn = exact_share(news, segment, args.show)
        speed = throughput(texts if name == "claimdesk" else texts[:60], segment)
        print(f"{name:<26} {g:>3}/{gn:<4} {n:>3}/{nn:<4} {speed:>7.2f}")


if __name__ == "__main__":
    main()
