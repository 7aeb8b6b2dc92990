"""A deterministic news-like corpus assembled from the public development data.

Articles are titles, bylines and paragraphs of sentences drawn from the MRPC news pairs and
the STS-B news genre, plus the seed articles themselves, so the text has the shape of the
articles claimdesk reads. Used by the speed benchmarks; never written into the project.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

csv.field_size_limit(1 << 24)


def news_sentences(data: Path) -> list[str]:
    sentences: set[str] = set()
    with (data / "mrpc" / "train.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            sentences.update((row["sentence_a"].strip('"'), row["sentence_b"].strip('"')))
    for split in ("train", "dev"):
        with (data / "stsb" / f"{split}.tsv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row["genre"] == "news":
                    sentences.update((row["sentence_a"], row["sentence_b"]))
    return sorted(s for s in sentences if len(s) > 20)


def articles(data: Path, count: int, seed: int = 7) -> list[str]:
    """``count`` article texts, the same for the same arguments."""
    rng = random.Random(seed)
    pool = news_sentences(data)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((data.parent / "seeds").glob("*.txt"))]
    result = []
    for index in range(count):
        if seeds and index % 50 == 0:
            result.append(seeds[index // 50 % len(seeds)])
            continue
        title = rng.choice(pool).rstrip(".")[:90]
        paragraphs = [
            " ".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(4, 12))
        ]
        result.append(f"{title}\n\nBy: Staff Writer\n\n" + "\n\n".join(paragraphs) + "\n")
    return result
