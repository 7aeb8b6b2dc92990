"""Extraction CPU time of two or more versions of the code, A/B in one run, interleaved.

    python -m bench.extract_ab DIR [DIR ...] [--articles 800] [--rounds 4] [--stage features]

Each DIR is a copy of the project (this worktree is ``.``; another version comes from
``git archive REV | tar -x -C DIR``). The bench corpus (``bench.corpus``, from this folder) is
written once to a temporary file; then, round after round, each version runs in its own
process started in its own folder (so its ``claims`` package is the one imported, which the
child prints) and reports the CPU time (``time.process_time``) of extracting every article,
after one warm-up article. The machine is shared and noisy: versions alternate within each
round so a slow spell falls on all of them, and the median of the rounds is printed last.

``--stage features`` times the comparison's features (``checker.compare.normalize.features``:
words, quantities, times, directions) of every sentence of the ECB+ articles
(``news-clusters/articles.jsonl``) instead of the extraction of the bench corpus.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.corpus import articles

_CHILD = """
import json, sys, time
import claims
from claims.extract import extract_claims
from claims.ingest import build_article
texts = json.load(open(sys.argv[1], encoding="utf-8"))
extract_claims(build_article(texts[0], path="warm", source="warm"))
started = time.process_time()
count = sum(
    len(extract_claims(build_article(t, path=f"a{i}", source=f"a{i}")))
    for i, t in enumerate(texts)
)
print(json.dumps({"cpu": time.process_time() - started, "claims": count, "from": claims.__file__}))
"""

_FEATURES = """
import json, sys, time
import checker
from checker.compare.normalize import features
texts = json.load(open(sys.argv[1], encoding="utf-8"))
started = time.process_time()
count = sum(len(features(t).quantities) for t in texts)
print(json.dumps({"cpu": time.process_time() - started, "claims": count, "from": checker.__file__}))
"""


def sentences(data: Path) -> list[str]:
    """Every sentence of the ECB+ articles."""
    found: list[str] = []
    with (data / "news-clusters" / "articles.jsonl").open(encoding="utf-8") as rows:
        for line in rows:
            found.extend(s["text"] for s in json.loads(line)["sentences"])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--articles", default=800, type=int)
    parser.add_argument("--rounds", default=4, type=int)
    parser.add_argument("--stage", choices=("extract", "features"), default="extract")
    args = parser.parse_args()
    features = args.stage == "features"
    texts = sentences(args.data) if features else articles(args.data, args.articles)
    child = _FEATURES if features else _CHILD
    counted = "figures" if features else "claims"
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    times: dict[Path, list[float]] = {folder: [] for folder in args.folders}
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as corpus:
        json.dump(texts, corpus)
        corpus.flush()
        for round_ in range(args.rounds):
            for folder in args.folders:
                out = subprocess.run(
                    [sys.executable, "-c", child, corpus.name],
                    cwd=folder,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                result = json.loads(out)
                times[folder].append(result["cpu"])
                print(
                    f"round {round_ + 1} {folder}: {result['cpu']:.2f} s CPU, "
                    f"{result['claims']} {counted}, {size / result['cpu']:.2f} MB/s "
                    f"({result['from']})",
                    flush=True,
                )
    for folder, cpu in times.items():
        print(f"median {folder}: {statistics.median(cpu):.2f} s CPU over {len(cpu)} rounds")


if __name__ == "__main__":
    main()
