"""Draw a seeded sample of claims from MRPC newswire sentences, for judging by hand.

    python -m bench.judge_mrpc [--data ../shared/data] [--count 40] [--seed 1]
                               [--exclude bench/judged/claims-2026-mrpc-*.jsonl ...]

The ECB+ held-out topics are nearly used up for claims; MRPC's training sentences
(``mrpc/train.tsv``, both sides of each pair) are real newswire that no claim rule was judged
or tuned on. Each distinct sentence is extracted alone, as a one-line article (so there is no
sentence before it), the claims of all of them pooled in the order of their sentence ids, and
``count`` drawn with ``random.Random(seed)``. Each is printed as a JSON line in the shape of
``bench.judge_sample`` (``doc_id`` is ``mrpc-`` and the sentence's id). ``--exclude`` leaves
out the sentences of earlier judged lists: once judged, a sample is tuning data.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

from bench.judge_sample import sample_line
from claims.extract import extract_claims
from claims.ingest import build_article


def sentences(data: Path) -> dict[str, str]:
    """MRPC's training sentences by id, each once."""
    found: dict[str, str] = {}
    with (data / "mrpc" / "train.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            for side in ("a", "b"):
                text = row[f"sentence_{side}"]
                if text.startswith('"') and text.endswith('"'):
                    text = text[1:-1].replace('""', '"')  # the TSV's own quoting
                found.setdefault(f"mrpc-{row[f'id_{side}']}", text.strip())
    return dict(sorted(found.items(), key=lambda item: int(item[0][5:])))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--count", default=40, type=int)
    parser.add_argument("--seed", default=1, type=int)
    parser.add_argument(
        "--exclude", nargs="*", default=[], type=Path, help="judged lists whose sentences to skip"
    )
    args = parser.parse_args()
    judged = {
        json.loads(line)["doc_id"]
        for path in args.exclude
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    pool = [
        (doc_id, text, claim)
        for doc_id, text in sentences(args.data).items()
        if doc_id not in judged
        for claim in extract_claims(build_article(text + "\n", path=doc_id, source=doc_id))
    ]
    for doc_id, text, claim in random.Random(args.seed).sample(pool, args.count):
        print(sample_line(doc_id, "", text, claim))


if __name__ == "__main__":
    main()
