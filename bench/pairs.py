"""Sentence pairs of the public development data, read from ``../shared/data``."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import attrs

csv.field_size_limit(1 << 24)


@attrs.frozen
class Pair:
    a: str
    b: str
    label: str
    score: float = 0.0


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def mrpc(data: Path) -> list[Pair]:
    """MRPC train: label "1" when the two news sentences mean the same."""
    return [
        Pair(row["sentence_a"].strip('"'), row["sentence_b"].strip('"'), row["label"])
        for row in _rows(data / "mrpc" / "train.tsv")
    ]


def stsb_news(data: Path, split: str = "dev") -> list[Pair]:
    """STS-B news-genre pairs with their 0–5 similarity."""
    return [
        Pair(row["sentence_a"], row["sentence_b"], "", float(row["score_0_5"]))
        for row in _rows(data / "stsb" / f"{split}.tsv")
        if row["genre"] == "news"
    ]


def sick(data: Path, split: str = "trial") -> list[Pair]:
    """SICK pairs labelled entailment / neutral / contradiction."""
    return [
        Pair(row["sentence_a"], row["sentence_b"], row["label"].lower())
        for row in _rows(data / "sick" / f"{split}.tsv")
    ]
