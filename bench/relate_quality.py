"""Quality of the cross-source comparison on the public development data.

- MRPC train: ``agrees`` against the paraphrase label (precision, recall, F1).
- STS-B news dev: Spearman correlation of the similarity score with the 0–5 gold score.
- SICK trial (and train with ``--sick-train``): ``contradicts`` against the contradiction label.

    python -m bench.relate_quality [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from bench.pairs import Pair, mrpc, sick, stsb_news
from checker.compare.normalize import features
from checker.compare.relate import judge


def prf(gold: list[bool], predicted: list[bool]) -> tuple[float, float, float]:
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g and p)
    precision = tp / max(1, sum(predicted))
    recall = tp / max(1, sum(gold))
    return precision, recall, 2 * tp / max(1, sum(gold) + sum(predicted))


def ranks(values: list[float]) -> list[float]:
    """Ranks with ties averaged."""
    order = sorted(range(len(values)), key=values.__getitem__)
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2
        i = j + 1
    return result


def spearman(x: list[float], y: list[float]) -> float:
    rx, ry = ranks(x), ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return float(cov / (vx * vy))


def judged(pairs: list[Pair]) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    for pair in pairs:
        verdict = judge(features(pair.a), features(pair.b))
        out.append((verdict.relation, verdict.score))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--sick-train", action="store_true", help="also score SICK train")
    args = parser.parse_args()

    started = time.perf_counter()
    pairs = mrpc(args.data)
    results = judged(pairs)
    p, r, f = prf([x.label == "1" for x in pairs], [rel == "agrees" for rel, _ in results])
    print(f"MRPC train ({len(pairs)} pairs), agrees vs paraphrase: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print(f"  relations: {dict(sorted(Counter(rel for rel, _ in results).items()))}")

    news = stsb_news(args.data)
    scores = [score for _, score in judged(news)]
    rho = spearman(scores, [x.score for x in news])
    print(f"STS-B news dev ({len(news)} pairs): Spearman {rho:.3f}")

    for split in ("trial", "train") if args.sick_train else ("trial",):
        rows = sick(args.data, split)
        found = [rel == "contradicts" for rel, _ in judged(rows)]
        gold = [x.label == "contradiction" for x in rows]
        p, r, f = prf(gold, found)
        print(
            f"SICK {split} ({len(rows)} pairs, {sum(gold)} contradictions): "
            f"contradicts P {p:.3f} R {r:.3f} F1 {f:.3f}"
        )
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
