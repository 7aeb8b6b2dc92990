"""How alike two claims are: a few overlap measures combined into one score in [0, 1].

The measures are rapidfuzz's C scorers on the claims' sorted concepts and on their words, the
share of shared concepts, whether their numbers differ, and how much of each claim's 1- to
4-grams the other has (the least and the most covered side; BLEU-like, as in the MT-metric
paraphrase systems). They
are combined by a logistic model whose weights live in ``data/score_weights.txt`` and are
fitted on the MRPC news paraphrase pairs by ``python -m bench.fit_weights`` (see
docs/BENCHMARKS.md), so a score of 0.5 means "as likely a paraphrase as not".
"""

from __future__ import annotations

import functools
import math

import attrs
from rapidfuzz import fuzz

from checker.compare.normalize import GRAMS, Features
from claims.lexicon import read_list

MEASURES = (
    "concepts",
    "words",
    "shared",
    "numbers",
    *(f"{n}grams_{side}" for n in range(1, GRAMS + 1) for side in ("min", "max")),
)


@attrs.frozen
class Similarity:
    """The measures behind a score, kept so a reviewer can see them."""

    measures: tuple[float, ...]
    score: float

    def measure(self, name: str) -> float:
        return self.measures[MEASURES.index(name)]


@functools.cache
def weights() -> tuple[dict[str, float], float]:
    """The fitted weight of each measure and the intercept."""
    table = {}
    for line in read_list("score_weights.txt", "checker"):
        name, value = line.split()
        table[name] = float(value)
    intercept = table.pop("intercept")
    if set(table) != set(MEASURES):
        raise ValueError(f"score_weights.txt must weigh exactly {', '.join(MEASURES)}")
    return table, intercept


def measures(a: Features, b: Features) -> tuple[float, ...]:
    shared = len(a.content & b.content)
    union = len(a.content) + len(b.content) - shared
    values = [
        fuzz.ratio(a.sort_key, b.sort_key) / 100,
        fuzz.ratio(a.word_key, b.word_key) / 100,  # token_sort_ratio of the lower-cased texts
        shared / union if union else 0.0,
        1.0 if a.numbers != b.numbers else 0.0,
    ]
    for x, y in zip(a.grams, b.grams, strict=True):
        both = len(x & y)
        values += (
            (min(both / len(x), both / len(y)), max(both / len(x), both / len(y)))
            if x and y
            else (0.0, 0.0)
        )
    return tuple(values)


def similarity(a: Features, b: Features) -> Similarity:
    values = measures(a, b)
    vector, intercept = weight_vector()
    z = intercept
    for weight, value in zip(vector, values, strict=True):
        z += weight * value  # summed in this order, as checker.compare.bulk does for many pairs
    return Similarity(values, 1 / (1 + math.exp(-z)))


@functools.cache
def weight_vector() -> tuple[tuple[float, ...], float]:
    table, intercept = weights()
    return tuple(table[name] for name in MEASURES), intercept
