"""Fit the kind model (``claims/kind.py``) and write ``claims/data/kind_weights.txt``.

    python -m bench.fit_kind [--data ../shared/data] [--check]

Training data, by document, never the held-out part:
- CoNLL-2010 Wikipedia (``conll2010-wiki/train.jsonl``): the copy has no document ids and its
  rows are sorted by label (contiguous blocks would hold one class each), so rows are split by
  a hash of their ``id``: hash 1-4 (mod 5) trains, hash 0 is held out.
- BioScope abstracts: the abstracts whose ``doc_id`` hashes to 1-4 (mod 5); those hashing to 0
  are held out.
The veto threshold is chosen on a validation part of the training data (hash 1 of both sets), then the model is refit on all the training data. Plain numpy logistic
regression (L2, full-batch Adam, fixed iterations): the same data gives the same file.
``--check`` fails if the file on disk differs from what the fit writes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from bench.tag_quality import detokenise
from claims.kind import features
from claims.models import SPECULATIVE_CUES
from claims.tagger import THRESHOLD, combine, find_cues

WEIGHTS = Path(__file__).parent.parent / "claims" / "data" / "kind_weights.txt"
MIN_COUNT = 3
L2 = 2e-4
STEPS = 400
RATE = 0.05


def bucket(doc_id: str) -> int:
    return hashlib.blake2b(doc_id.encode(), digest_size=4).digest()[0] % 5


def rows(data: Path) -> list[dict[str, object]]:
    """Every row with its text, gold label, set and part (``fit``, ``valid`` or ``held``)."""
    result: list[dict[str, object]] = []
    wiki = [json.loads(line) for line in (data / "conll2010-wiki/train.jsonl").open()]
    for row in wiki:
        b = bucket(row["id"])
        part = "held" if b == 0 else "valid" if b == 1 else "fit"
        result.append(
            {"set": "wiki", "text": detokenise(row["sentence"]), "y": row["label"], "part": part}
        )
    for line in (data / "bioscope/abstracts.jsonl").open():
        row = json.loads(line)
        b = bucket(row["doc_id"])
        part = "held" if b == 0 else "valid" if b == 1 else "fit"
        result.append({"set": "bio", "text": row["sentence"], "y": row["label"], "part": part})
    return result


def lexicon_reading(text: str) -> tuple[bool, list[str]]:
    cues = [c for c in find_cues(text)]
    speculative = combine(c.weight for c in cues if c.cue.type in SPECULATIVE_CUES)
    return speculative >= THRESHOLD, features(text, [c.cue for c in cues])


def fit(feats: list[list[str]], labels: np.ndarray) -> tuple[dict[str, float], float]:
    counts = Counter(name for row in feats for name in set(row))
    vocabulary = sorted(name for name, count in counts.items() if count >= MIN_COUNT)
    index = {name: i for i, name in enumerate(vocabulary)}
    columns = [sorted({index[n] for n in row if n in index}) for row in feats]
    lengths = np.array([len(c) for c in columns])
    flat = np.array([i for c in columns for i in c], dtype=np.int64)
    owner = np.repeat(np.arange(len(columns)), lengths)
    weights = np.zeros(len(vocabulary))
    bias = 0.0
    m = np.zeros(len(vocabulary) + 1)
    v = np.zeros(len(vocabulary) + 1)
    for step in range(1, STEPS + 1):
        scores = np.bincount(owner, weights=weights[flat], minlength=len(columns)) + bias
        residual = 1.0 / (1.0 + np.exp(-scores)) - labels
        grad_w = np.bincount(flat, weights=residual[owner], minlength=len(vocabulary))
        grad = np.append(grad_w / len(columns) + L2 * weights, residual.mean())
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        update = RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
        weights -= update[:-1]
        bias -= update[-1]
    return {name: float(w) for name, w in zip(vocabulary, weights, strict=True)}, float(bias)


def predict(model: tuple[dict[str, float], float], row: list[str]) -> float:
    weights, bias = model
    score = bias + sum(weights.get(n, 0.0) for n in set(row))
    return float(1.0 / (1.0 + np.exp(-score)))


def _overruled(model: tuple[dict[str, float], float], row: dict[str, object], veto: float) -> bool:
    """As claims.kind.overrules: only a hedge in a context (negation, "at first") is overruled."""
    found: list[str] = row["features"]  # type: ignore[assignment]
    in_context = any(name.startswith(("neg:", "first:")) for name in found)
    return in_context and predict(model, found) < veto


def f1(pairs: list[tuple[bool, bool]]) -> float:
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    table = rows(args.data)
    for row in table:
        row["lexicon"], row["features"] = lexicon_reading(str(row["text"]))
    fit_rows = [r for r in table if r["part"] == "fit"]
    valid = [r for r in table if r["part"] == "valid"]
    model = fit([r["features"] for r in fit_rows], np.array([r["y"] for r in fit_rows], float))  # type: ignore[misc]
    for t in np.arange(0.2, 0.81, 0.05):
        out = []
        for name in ("wiki", "bio"):
            sub = [r for r in valid if r["set"] == name]
            out.append(f1([(predict(model, r["features"]) >= t, r["y"] == 1) for r in sub]))  # type: ignore[arg-type]
        print(f"model alone {t:.2f}: wiki {out[0]:.3f} bio {out[1]:.3f}", file=sys.stderr)
    best = (0.0, 0.0)
    for veto in np.arange(0.0, 0.61, 0.02):
        scores = []
        for name in ("wiki", "bio"):
            pairs = [
                (bool(r["lexicon"]) and not _overruled(model, r, veto), r["y"] == 1)
                for r in valid
                if r["set"] == name
            ]
            scores.append(f1(pairs))
        mean = sum(scores) / 2
        print(f"veto {veto:.2f}: wiki {scores[0]:.3f} bio {scores[1]:.3f}", file=sys.stderr)
        if mean > best[0] + 1e-9:
            best = (mean, float(veto))
    train = fit_rows + valid
    weights, bias = fit([r["features"] for r in train], np.array([r["y"] for r in train], float))  # type: ignore[misc]
    lines = [
        "# The kind model of claims/kind.py: 'feature weight' lines, made by bench/fit_kind.py",
        "# (python -m bench.fit_kind) from the CoNLL-2010 Wikipedia rows whose id hashes to 1-4",
        "# and the BioScope abstracts whose doc_id does; hash 0 of both is held out. Do not edit.",
        f"__bias__ {bias:.4f}",
        f"__veto__ {best[1]:.2f}",
        *(f"{name} {w:.4f}" for name, w in sorted(weights.items()) if abs(w) >= 0.02),
    ]
    content = "\n".join(lines) + "\n"
    if args.check:
        if WEIGHTS.read_text(encoding="utf-8") != content:
            sys.exit(f"{WEIGHTS} differs from what the fit writes")
        print("kind_weights.txt is what the fit writes")
        return
    WEIGHTS.write_text(content, encoding="utf-8")
    print(f"veto {best[1]:.2f} (validation mean F1 {best[0]:.3f}); {len(lines) - 5} weights")


if __name__ == "__main__":
    main()
