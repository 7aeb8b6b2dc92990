"""Extraction CPU time of two or more versions of the code, A/B in one run, interleaved.

    python -m bench.extract_ab DIR [DIR ...] [--articles 800] [--rounds 4]

Each DIR is a copy of the project (this worktree is ``.``; another version comes from
``git archive REV | tar -x -C DIR``). The bench corpus (``bench.corpus``, from this folder) is
written once to a temporary file; then, round after round, each version runs in its own
process started in its own folder (so its ``claims`` package is the one imported, which the
child prints) and reports the CPU time (``time.process_time``) of extracting every article,
after one warm-up article. The machine is shared and noisy: versions alternate within each
round so a slow spell falls on all of them, and the median of the rounds is printed last.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--articles", default=800, type=int)
    parser.add_argument("--rounds", default=4, type=int)
    args = parser.parse_args()
    texts = articles(args.data, args.articles)
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    times: dict[Path, list[float]] = {folder: [] for folder in args.folders}
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as corpus:
        json.dump(texts, corpus)
        corpus.flush()
        for round_ in range(args.rounds):
            for folder in args.folders:
                out = subprocess.run(
                    [sys.executable, "-c", _CHILD, corpus.name],
                    cwd=folder,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                result = json.loads(out)
                times[folder].append(result["cpu"])
                print(
                    f"round {round_ + 1} {folder}: {result['cpu']:.2f} s CPU, "
                    f"{result['claims']} claims, {size / result['cpu']:.2f} MB/s "
                    f"({result['from']})",
                    flush=True,
                )
    for folder, cpu in times.items():
        print(f"median {folder}: {statistics.median(cpu):.2f} s CPU over {len(cpu)} rounds")


if __name__ == "__main__":
    main()
