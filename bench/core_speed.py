"""The compiled core against the pure-Python source, A/B in one run on real news.

    python -m bench.core_speed [--data ../shared/data] [--rounds 3] [--pysbd-articles 300]

Needs a regular install (``pip install '.[bench]'``: compiled; an editable install is pure
and there is nothing to compare). On the 982 ECB+ articles of ``news-clusters``, rounds
alternate between the installed package and a pure copy of the source tree
(``bench.core``), each in a fresh process:

- extraction + tagging (structure, sentences, attribution, clauses, cues, ids): CPU seconds
  of one process, as MB/s, against pySBD segmenting the leading ``--pysbd-articles`` of the
  same texts in this process;
- ``claimdesk analyze`` of the articles as files into a new store (all cores): wall seconds,
  and CPU seconds of all its processes (steadier than wall time on a shared machine).

Each figure is the median of the rounds. Then the stores are checked to hold the same claims
and relations.
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.core import compiled_modules, probe, pure_tree
from bench.judge_relations import write_articles

# the first argument is the pure tree to import, or "" for the installed package
CLI = "import sys; t = sys.argv.pop(1); sys.path[:0] = [t] if t else []; import claimdesk; claimdesk.main()"


def analyze(tree: Path | None, folder: Path, db: Path) -> tuple[float, float]:
    """Wall and CPU seconds (all its processes) of ``claimdesk analyze FOLDER --db DB``
    (``tree``: the pure source)."""
    line = [sys.executable, "-I", "-c", CLI, str(tree or ""), "analyze", str(folder)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([*line, "--db", str(db)], check=True, capture_output=True, cwd=db.parent)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def pysbd_speed(texts: list[str]) -> float | None:
    try:
        import pysbd
    except ImportError:
        print("pysbd not installed (pip install '.[bench]'): no comparison")
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False)
    started = time.process_time()
    for text in texts:
        segmenter.segment(text)
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6 / (time.process_time() - started)


def store_content(db: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(db)
    rows = connection.execute(
        'SELECT id, source, start, "end", kind, confidence FROM claims ORDER BY id'
    ).fetchall()
    rows += connection.execute("SELECT a, b, relation, score, reasons FROM relations ORDER BY 1, 2")
    connection.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pysbd-articles", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "ecb"
        folder.mkdir()
        texts = list(write_articles(args.data, folder).values())
        megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
        tree = pure_tree(Path(work) / "tree")
        origins = json.loads(probe(None, [], "--modules", ",".join(compiled_modules())))
        if set(origins.values()) != {"so"}:
            print(f"the installed claimdesk is not compiled: {origins}")
            return
        print(f"{len(texts)} ECB+ articles, {megabytes:.2f} MB; {len(origins)} modules compiled")
        sides = {"compiled": None, "pure": tree}
        extract: dict[str, list[float]] = {side: [] for side in sides}
        wall: dict[str, list[float]] = {side: [] for side in sides}
        cpu: dict[str, list[float]] = {side: [] for side in sides}
        for number in range(args.rounds):
            for side, source in sides.items():
                timing = json.loads(probe(source, [folder], "--time", "--extract-only"))
                extract[side].append(timing["extract"])
                seconds = analyze(source, folder, Path(work) / f"{side}{number}.db")
                wall[side].append(seconds[0])
                cpu[side].append(seconds[1])
        theirs = pysbd_speed(texts[: args.pysbd_articles])
        for side in sides:
            speed = megabytes / statistics.median(extract[side])
            versus = f", {speed / theirs:.1f}x pySBD ({theirs:.2f} MB/s)" if theirs else ""
            print(
                f"{side:8}  extract+tag {speed:.2f} MB/s{versus}; analyze "
                f"{statistics.median(wall[side]):.1f} s wall "
                f"({', '.join(f'{t:.1f}' for t in wall[side])}), "
                f"{statistics.median(cpu[side]):.1f} s CPU"
            )
        ratio = statistics.median(extract["pure"]) / statistics.median(extract["compiled"])
        whole = statistics.median(wall["pure"]) / statistics.median(wall["compiled"])
        work_ratio = statistics.median(cpu["pure"]) / statistics.median(cpu["compiled"])
        print(
            f"compiled against pure: extraction {ratio:.2f}x, analyze {whole:.2f}x (wall), "
            f"{work_ratio:.2f}x (CPU) faster"
        )
        same = store_content(Path(work) / "compiled0.db") == store_content(Path(work) / "pure0.db")
        print(f"same claims and relations in both stores: {same}")


if __name__ == "__main__":
    main()
