"""Time and peak memory of ``claimdesk analyze``, then of ``report`` and ``export``, on the
comparison benchmark's corpus.

Writes the 2,000 articles of ``bench.relate_speed.stories`` (stories of 2–3 sources built from
MRPC / STS-B news pairs) as files, then runs the real command in a subprocess three times on a
new store: the first analysis, a second with nothing changed, and a third after one article
was edited. Then 200 verdicts are recorded and the report (Markdown, HTML, JSON) and the
exports are written from the store. Peak memory is the largest resident set of the
subprocesses.

    python -m bench.analyze_speed [--articles 2000] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.relate_speed import stories

CLI = "import sys; from claimdesk import main; main()"


def run(*args: str) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CLI, *args], capture_output=True, text=True, check=True
    )
    lines = result.stdout.strip().splitlines()
    return time.perf_counter() - started, lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        folder, db = Path(work) / "articles", Path(work) / "claimdesk.db"
        folder.mkdir()
        corpus = stories(args.data, args.articles)
        for source, text in corpus:
            (folder / f"{source}.txt").write_text(text, encoding="utf-8")
        megabytes = sum(len(text.encode()) for _, text in corpus) / 1e6
        print(f"{len(corpus)} articles, {megabytes:.2f} MB")

        first, summary = run("analyze", str(folder), "--db", str(db))
        print(f"first analyze: {first:.1f} s — {summary}")
        again, _ = run("analyze", str(folder), "--db", str(db))
        print(f"second analyze, nothing changed: {again:.2f} s ({again / first:.1%} of the first)")
        edited = folder / f"{corpus[len(corpus) // 2][0]}.txt"
        edited.write_text(edited.read_text(encoding="utf-8") + "\nShares rose 3 percent.\n")
        one, _ = run("analyze", str(folder), "--db", str(db))
        print(f"third analyze, one article edited: {one:.2f} s ({one / first:.1%} of the first)")
        with sqlite3.connect(db) as connection:
            ids = [row[0] for row in connection.execute("SELECT id FROM claims LIMIT 200")]
        for number, claim in enumerate(ids):
            run("mark", claim, ("verified", "disputed")[number % 2], "--db", str(db))
        for command in (
            ("report", "--format", "md"),
            ("report", "--format", "html"),
            ("report", "--format", "json"),
            ("export", "--format", "json"),
            ("export", "--format", "claimreview"),
            ("export", "--format", "annotations"),
        ):
            target = Path(work) / "out"
            seconds, _ = run(*command, "--db", str(db), "-o", str(target))
            size = target.stat().st_size / 1e6
            print(f"{' '.join(command)}: {seconds:.2f} s, {size:.1f} MB")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory (largest subprocess): {peak:.0f} MB")
        with sqlite3.connect(db) as connection:
            claims = connection.execute("SELECT count(*) FROM claims").fetchone()[0]
            relations = connection.execute("SELECT count(*) FROM relations").fetchone()[0]
        wal = Path(f"{db}-wal")
        size = (db.stat().st_size + (wal.stat().st_size if wal.exists() else 0)) / 1e6
        print(f"store: {claims} claims, {relations} stored relations, {size:.1f} MB")


if __name__ == "__main__":
    main()
