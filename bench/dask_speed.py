"""``analyze`` on a Dask ``LocalCluster`` of 1 and of N worker processes, against local
``--jobs N``, on the first articles of ``bench.archive``'s ECB+ archive; whether the stores
are the same.

    python -m bench.dask_speed [--articles 800] [--workers 2]

Each run analyses the archive into a new store; the cluster is started before the clock
starts (a real cluster is up before ``analyze --scheduler`` connects to it). The ``pending``
rows and analysis times aside, the stores are compared table by table.
"""

from __future__ import annotations

import argparse
import importlib
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.archive import build, dump, write
from checker.review.analysis import analyze
from checker.review.cluster import Cluster
from checker.review.schema import connect


def timed(folder: Path, db: Path, **options: object) -> float:
    connection = connect(db)
    started = time.perf_counter()
    analyze(connection, [str(folder)], on_error=lambda path, error: None, **options)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    connection.close()
    return seconds


def main() -> None:
    distributed: Any = importlib.import_module("distributed")  # typed loosely

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=800)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "archive"
        size = write(build(args.data, args.articles, 8.7 * args.articles / 2625), folder)
        print(f"{args.articles} articles, {size:.2f} MB")
        local = timed(folder, Path(work) / "local.db", jobs=args.workers, timeout=120.0)
        print(f"local --jobs {args.workers}: {local:.1f} s")
        times = {}
        for workers in (1, args.workers):
            with (
                distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, dashboard_address=None
                ) as cluster,
                distributed.Client(cluster) as client,
                Cluster(client) as pool,
            ):
                times[workers] = timed(folder, Path(work) / f"dask{workers}.db", pool=pool)
            print(f"Dask LocalCluster, {workers} worker process(es): {times[workers]:.1f} s")
        print(
            f"speed-up of {args.workers} Dask workers over 1: {times[1] / times[args.workers]:.2f}x"
        )
        same = all(
            dump(Path(work) / f"dask{n}.db") == dump(Path(work) / "local.db")
            for n in (1, args.workers)
        )
        print(f"same sources, claims and relations as the local run: {same}")


if __name__ == "__main__":
    main()
