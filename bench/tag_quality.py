"""Speculation tagging quality on the public hedge data, through the ``tag`` command's code.

    python -m bench.tag_quality [--data ../shared/data] [--errors N] [--held-out | --fit]

Prints precision, recall and F1 of the speculative class (CoNLL-2010 Wikipedia weasel
sentences, BioScope abstracts), and with ``--errors`` some misclassified sentences. ``--held-out``
scores only the rows the kind model was not fit on, ``--fit`` only the others (the rows a rule
may be checked on).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from claimdesk.text import tag_line

# The CoNLL copy is tokenised Penn-Treebank style; articles are not, so undo the tokenisation.
_PTB = [
    (re.compile(r"-LRB-\s*"), "("),
    (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"``\s*|\s*''"), '"'),
    (re.compile(r"`\s*"), "'"),
    (re.compile(r"\s+(?=(?:'s|'re|'ve|'ll|'d|n't|[,.;:!?%])(?:\s|$))"), ""),
]


def detokenise(sentence: str) -> str:
    for pattern, replacement in _PTB:
        sentence = pattern.sub(replacement, sentence)
    return sentence


SETS = {
    "conll2010-wiki": "conll2010-wiki/train.jsonl",
    "bioscope": "bioscope/abstracts.jsonl",
}


def held_out(row: dict[str, object]) -> bool:
    """The rows bench/fit_kind.py never fits on: hash 0 of the document (BioScope) or row id."""
    from bench.fit_kind import bucket

    return bucket(str(row.get("doc_id") or row["id"])) == 0


def score(
    path: Path, show_errors: int, only_held_out: bool = False, only_fit: bool = False
) -> dict[str, float]:
    tp = fp = fn = tn = 0
    errors: list[str] = []
    started = time.perf_counter()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if (only_held_out and not held_out(row)) or (only_fit and held_out(row)):
                continue
            gold = row["label"] == 1
            record = tag_line(detokenise(row["sentence"]))
            predicted = record["kind"] == "speculation"
            if predicted and gold:
                tp += 1
            elif predicted:
                fp += 1
                if len(errors) < show_errors:
                    cues = ", ".join(c["text"] for c in record["cues"])
                    errors.append(f"  FP [{cues}] {row['sentence'][:150]}")
            elif gold:
                fn += 1
                if len(errors) < show_errors:
                    errors.append(f"  FN {row['sentence'][:150]}")
            else:
                tn += 1
    elapsed = time.perf_counter() - started
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    for error in errors:
        print(error)
    return {
        "rows": tp + fp + fn + tn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "seconds": elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--errors", default=0, type=int, help="print up to N misclassified rows")
    rows = parser.add_mutually_exclusive_group()
    rows.add_argument(
        "--held-out", action="store_true", help="only the rows the kind model was not fit on"
    )
    rows.add_argument("--fit", action="store_true", help="only the rows the kind model is fit on")
    args = parser.parse_args()
    print(f"{'set':<16} {'rows':>6} {'P':>6} {'R':>6} {'F1':>6} {'s':>6}")
    for name, relative in SETS.items():
        result = score(args.data / relative, args.errors, args.held_out, args.fit)
        print(
            f"{name:<16} {result['rows']:>6.0f} {result['precision']:>6.3f} "
            f"{result['recall']:>6.3f} {result['f1']:>6.3f} {result['seconds']:>6.1f}"
        )


if __name__ == "__main__":
    main()
