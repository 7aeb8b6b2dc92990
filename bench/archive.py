"""A real-news-sized archive built from the ECB+ articles, and ``claimdesk analyze`` on it:
wall time, peak memory of the whole process tree and CPU use.

The issue's archive was 2,625 agency and newspaper articles, 8.7 MB. The only real news text
in ``../shared/data`` is ECB+ (982 articles, 1.9 MB, ``news-clusters/articles.jsonl``; MRPC and
STS-B hold single sentences), so the archive reuses it, like a newspaper archive that reprints
and rewrites wire copy:

- Article ``i`` leads with ECB+ document ``i mod 982`` (every document leads two or three
  articles) and continues with sentences of the *other* documents of the same ECB+ topic and
  half (the same real event), in their documents' order, drawn with ``random.Random(i)``,
  until the article reaches its length (uniform between 0.5 and 1.5 times the mean that gives
  the wanted size). So stories cluster as in ECB+ (86 events of 3–22 documents), every
  article is a different mix, and each sentence is in about 4.6 articles.
- The first article led by a document keeps its id, outlet and URL; the second and third are
  ``DOC-r1`` / ``DOC-r2`` with the outlet ``r1.OUTLET`` / ``r2.OUTLET`` (documents of the
  ``ecb`` half have no outlet, and their reprints none either). No dates: ECB+ has none, and
  invented ones would make updates.
- Text is real; only the mixing is made up. It is written as ``.json`` articles in a
  temporary folder, never into the project.

    python -m bench.archive [--articles 2625] [--megabytes 8.7] [--jobs 2] [--rounds 1]
        [--profile FILE] [--keep FOLDER]

Each run is a subprocess ``claimdesk analyze FOLDER --db NEW`` (``--rounds`` alternates the
``--jobs`` values given, e.g. ``--jobs 1,2``); its process tree's resident memory is summed
from ``/proc`` four times a second, and ``wait4`` gives the largest process's peak. CPU
use is the user and system time of the analyze process and its workers over the wall time
(2.0 = both cores busy all the time). ``--profile`` runs the first analyze under cProfile
(the parent process only: workers are not profiled) and prints the functions with most
cumulative time. ``--before DIR`` runs each measurement with the code at DIR too (e.g. a
checkout of main), alternated; ``--same`` then compares the two stores.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import attrs

ECB = 982
SAMPLE = 0.25  # seconds between two readings of the process tree's memory
CLI = "import sys; from claimdesk import main; main()"


def ecb_documents(data: Path) -> list[dict[str, str | None]]:
    rows = []
    for line in (data / "news-clusters" / "articles.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        rows.append(
            {
                "doc": row["doc_id"],
                "event": f"{row['topic']}{row['subtopic']}",
                "outlet": row["outlet"],
                "url": row["source_url"],
                "text": row["text"],
            }
        )
    return rows


def build(data: Path, articles: int, megabytes: float) -> list[dict[str, str | None]]:
    """The archive's articles as JSON records (``id``, ``text``, ``outlet``, ``url``), their
    text ``megabytes`` in all (within 1 %: long lead documents overshoot their target, so the
    mean is calibrated in a few passes)."""
    documents = ecb_documents(data)
    mean = megabytes * 1e6 / articles
    for _ in range(4):
        records = _build(documents, articles, mean)
        size = sum(len(str(r["text"]).encode()) for r in records) / 1e6
        if abs(size - megabytes) < megabytes / 100:
            break
        mean *= megabytes / size
    return records


def _build(
    documents: list[dict[str, str | None]], articles: int, mean: float
) -> list[dict[str, str | None]]:
    by_event: dict[str, list[int]] = defaultdict(list)
    for number, document in enumerate(documents):
        by_event[str(document["event"])].append(number)
    result = []
    for i in range(articles):
        rng = random.Random(i)
        lead_number = i % len(documents)
        lead, edition = documents[lead_number], i // len(documents)
        lines = str(lead["text"]).splitlines()
        target = rng.uniform(0.5, 1.5) * mean
        others = [n for n in by_event[str(lead["event"])] if n != lead_number]
        pool = [
            (n, k, line)
            for n in others
            for k, line in enumerate(str(documents[n]["text"]).splitlines())
        ]
        rng.shuffle(pool)
        size = sum(len(line.encode()) + 1 for line in lines)
        chosen = []
        for item in pool:
            if size >= target:
                break
            chosen.append(item)
            size += len(item[2].encode()) + 1
        lines += [line for _, _, line in sorted(chosen)]  # in their documents' order
        outlet = lead["outlet"]
        record = {
            "id": str(lead["doc"]) + (f"-r{edition}" if edition else ""),
            "text": "\n".join(lines) + "\n",
            "outlet": f"r{edition}.{outlet}" if edition and outlet else outlet,
            "url": lead["url"] if not edition else None,
        }
        result.append(record)
    return result


def write(records: list[dict[str, str | None]], folder: Path) -> float:
    """Write the articles; their text's size in MB."""
    folder.mkdir(parents=True, exist_ok=True)
    for record in records:
        (folder / f"{record['id']}.json").write_text(json.dumps(record), encoding="utf-8")
    return sum(len(str(record["text"]).encode()) for record in records) / 1e6


def tree_memory(root: int) -> tuple[int, int]:
    """Resident bytes of ``root`` and all its descendants, summed as RSS (pages shared by a
    forked worker counted in each) and as PSS (shared pages split between the processes
    sharing them: the tree's real use), from /proc."""
    rss, pss, stack = 0, 0, [root]
    while stack:
        pid = stack.pop()
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                    stack += [int(child) for child in handle.read().split()]
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
        except (OSError, ValueError):
            continue
    return rss, pss


@attrs.frozen
class Run:
    wall: float
    own: float  # peak RSS of the largest process (analyze or one worker), MB
    rss: float  # peak RSS of its process tree, summed, MB
    pss: float  # peak PSS of its process tree, MB
    cpu: float  # user + system seconds of the tree
    summary: str  # the last line analyze printed


def measured(command: list[str], code: Path | None = None) -> Run:
    """Run ``command`` (with the project at ``code`` first on the path, when given) and
    measure it."""
    environment = dict(os.environ)
    if code is not None:  # first on the path: ``-c`` puts the working folder first of all
        environment["PYTHONPATH"] = str(code.resolve())
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        cwd=code.resolve() if code is not None else None,
    )
    peak = [0, 0]
    done = threading.Event()

    def sample() -> None:  # four times a second: the sampling must not load the machine
        while not done.wait(SAMPLE):
            peak[:] = map(max, peak, tree_memory(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert process.stdout is not None and process.stderr is not None
    out, err = process.stdout.read(), process.stderr.read()  # (a small stderr)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    exit_code = os.waitstatus_to_exitcode(status)
    process.returncode = exit_code  # reaped here: Popen must not wait for it
    if exit_code:
        raise SystemExit(f"analyze failed ({exit_code}): {err[-2000:]}")
    # wait4: the peak of the largest process (analyze or a worker), CPU with its workers'
    cpu = usage.ru_utime + usage.ru_stime
    own = usage.ru_maxrss * 1024 / 1e6
    lines = out.strip().splitlines()
    rss, pss = (value / 1e6 for value in peak)
    return Run(wall, own, rss, pss, cpu, lines[-1] if lines else "")


def analyze_command(folder: Path, db: Path, jobs: int, extra: list[str]) -> list[str]:
    command = [sys.executable, "-c", CLI, "analyze", str(folder), "--db", str(db)]
    return [*command, "--jobs", str(jobs), *extra]


def profile(folder: Path, db: Path, jobs: int, out: Path, extra: list[str]) -> None:
    import pstats

    command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "claimdesk"]
    subprocess.run(
        [*command, "analyze", str(folder), "--db", str(db), "--jobs", str(jobs), *extra],
        check=True,
        capture_output=True,
    )
    stats = pstats.Stats(str(out))
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=2625)
    parser.add_argument("--megabytes", type=float, default=8.7)
    parser.add_argument("--jobs", default=str(os.cpu_count() or 2), help="e.g. 2 or 1,2")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--keep", type=Path, help="write the archive here and keep it")
    parser.add_argument(
        "--before",
        type=Path,
        help="a checkout of other code (e.g. main): each run is done with it, then with this",
    )
    parser.add_argument("--same", action="store_true", help="with --before: compare the stores")
    parser.add_argument("extra", nargs="*", help="more analyze options, after --")
    args = parser.parse_args()
    records = build(args.data, args.articles, args.megabytes * args.articles / 2625)
    with tempfile.TemporaryDirectory() as work:
        folder = args.keep or Path(work) / "archive"
        size = write(records, folder)
        events = len({str(r["id"]).split("_")[0] for r in records})
        print(
            f"{len(records)} articles, {size:.2f} MB of text, from {ECB} ECB+ documents"
            f" of {events} topics ({size / 1.8746:.1f} times the 1.87 MB of ECB+ text)"
        )
        jobs = [int(n) for n in args.jobs.split(",")]
        if args.profile:
            profile(folder, Path(work) / "profile.db", jobs[-1], args.profile, args.extra)
            return
        codes: list[Path | None] = [args.before, None] if args.before else [None]
        for round_ in range(args.rounds):
            for n in jobs if round_ % 2 == 0 else list(reversed(jobs)):
                for code in codes if round_ % 2 == 0 else list(reversed(codes)):
                    db = Path(work) / f"r{round_}j{n}{'b' if code else ''}.db"
                    run = measured(analyze_command(folder, db, n, args.extra), code)
                    label = f"{code} " if code else ("this branch " if args.before else "")
                    report(f"{label}--jobs {n}", run)
        if args.before and args.same:
            first = Path(work) / f"r0j{jobs[0]}"
            same = dump(first.with_name(first.name + "b.db")) == dump(first.with_suffix(".db"))
            print(f"same sources, claims and relations as {args.before}: {same}")


def dump(db: Path) -> list[list[tuple[object, ...]]]:
    """The sources, claims and relations of a store, but the time of the analysis."""
    import sqlite3

    with sqlite3.connect(db) as connection:
        return [
            connection.execute(sql).fetchall()
            for sql in (
                "SELECT id, path, sha256, text FROM sources ORDER BY id",
                "SELECT * FROM claims ORDER BY id",
                "SELECT * FROM relations ORDER BY a, b",
            )
        ]


def report(label: str, run: Run) -> None:
    print(
        f"{label}: {run.wall:.1f} s wall; peak memory: largest process {run.own:.0f} MB,"
        f" process tree {run.pss:.0f} MB PSS ({run.rss:.0f} MB RSS summed);"
        f" CPU {run.cpu:.1f} s = {run.cpu / run.wall:.2f} cores busy",
        flush=True,
    )
    print(f"  {run.summary}", flush=True)


if __name__ == "__main__":
    main()
