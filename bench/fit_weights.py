"""Fit the similarity weights (checker/data/score_weights.txt) on MRPC train.

A plain logistic regression by gradient descent over the measures of checker.compare.scoring, so the
combined score is a calibrated "same proposition" probability. Prints the weights, the F1 of
the fitted score in-sample and with 2-fold cross-validation, and with ``--write`` stores them.

    python -m bench.fit_weights [--data ../shared/data] [--write]
"""

from __future__ import annotations

import argparse
import math
import random
from importlib import resources
from pathlib import Path

from bench.pairs import mrpc
from checker.compare.normalize import features
from checker.compare.scoring import MEASURES, measures

Vector = tuple[float, ...]


def fit(rows: list[Vector], labels: list[int], epochs: int = 800, rate: float = 3.0) -> Vector:
    """Weights then intercept, by full-batch gradient descent on the log loss."""
    size = len(rows[0])
    w = [0.0] * (size + 1)
    for _ in range(epochs):
        grad = [0.0] * (size + 1)
        for row, label in zip(rows, labels, strict=True):
            z = w[-1] + sum(wi * xi for wi, xi in zip(w, row, strict=False))
            error = 1 / (1 + math.exp(-z)) - label
            for i, xi in enumerate(row):
                grad[i] += error * xi
            grad[-1] += error
        w = [wi - rate * g / len(rows) for wi, g in zip(w, grad, strict=True)]
    return tuple(w)


def predict(w: Vector, row: Vector) -> float:
    return 1 / (1 + math.exp(-(w[-1] + sum(wi * xi for wi, xi in zip(w, row, strict=False)))))


def f1_at(scores: list[float], labels: list[int], threshold: float) -> float:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and not y)
    fn = sum(labels) - tp
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def best_threshold(scores: list[float], labels: list[int]) -> tuple[float, float]:
    """The threshold (on a 0.01 grid) with the best F1, and that F1."""
    return max((f1_at(scores, labels, t / 100), t / 100) for t in range(1, 100))[::-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--write", action="store_true", help="store the weights in checker/data")
    args = parser.parse_args()
    pairs = mrpc(args.data)
    rows = [measures(features(p.a), features(p.b)) for p in pairs]
    labels = [int(p.label) for p in pairs]
    w = fit(rows, labels)
    scores = [predict(w, row) for row in rows]
    threshold, f1 = best_threshold(scores, labels)
    print(f"MRPC train, {len(pairs)} pairs: in-sample F1 {f1:.3f} at score >= {threshold:.2f}")
    order = list(range(len(pairs)))
    random.Random(13).shuffle(order)
    halves = order[: len(order) // 2], order[len(order) // 2 :]
    for fold, (train, test) in enumerate((halves, halves[::-1]), start=1):
        wf = fit([rows[i] for i in train], [labels[i] for i in train])
        t, _ = best_threshold([predict(wf, rows[i]) for i in train], [labels[i] for i in train])
        held = [predict(wf, rows[i]) for i in test]
        print(f"  fold {fold}: held-out F1 {f1_at(held, [labels[i] for i in test], t):.3f}")
    lines = [f"{name} {value:.4f}" for name, value in zip(MEASURES, w, strict=False)]
    lines.append(f"intercept {w[-1]:.4f}")
    print("\n".join(lines))
    if args.write:
        target = Path(str(resources.files("checker").joinpath("data", "score_weights.txt")))
        header = (
            "# Logistic weights of the similarity measures (checker/scoring.py), fitted on MRPC\n"
            "# train by `python -m bench.fit_weights --write`; see docs/BENCHMARKS.md.\n"
        )
        target.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
