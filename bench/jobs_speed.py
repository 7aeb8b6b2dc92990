"""``claimdesk analyze`` of the ECB+ archive with 1 and with N extraction workers, alternated
in one run (the machine is noisy), and whether the two stores are the same.

    python -m bench.jobs_speed [--data ../shared/data] [--jobs 2] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.judge_relations import write_articles


def analyse(folder: Path, db: Path, jobs: int) -> float:
    started = time.perf_counter()
    command = [sys.executable, "-m", "claimdesk", "analyze", str(folder), "--db", str(db)]
    subprocess.run([*command, "--jobs", str(jobs)], check=True, capture_output=True)
    return time.perf_counter() - started


def export(db: Path) -> str:
    command = [sys.executable, "-m", "claimdesk", "export", "--db", str(db), "--format", "json"]
    document = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)
    return json.dumps({k: document[k] for k in ("sources", "claims", "relations")}, sort_keys=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ecb"
        folder.mkdir()
        write_articles(args.data, folder)
        times: dict[int, list[float]] = {1: [], args.jobs: []}
        for round_ in range(args.rounds):
            for jobs in (1, args.jobs) if round_ % 2 == 0 else (args.jobs, 1):
                db = Path(tmp) / f"r{round_}j{jobs}.db"
                times[jobs].append(analyse(folder, db, jobs))
        same = export(Path(tmp) / "r0j1.db") == export(Path(tmp) / f"r0j{args.jobs}.db")
    for jobs, found in times.items():
        print(f"--jobs {jobs}: " + ", ".join(f"{t:.1f} s" for t in found))
    print(f"same sources, claims and relations: {same}")


if __name__ == "__main__":
    main()
