"""Nothing is lost: a real ``kill -9`` in the middle of analyze or of verdict writes, and two
processes writing verdicts at once."""

from __future__ import annotations

import itertools
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.review import ledger, store
from checker.review.analysis import analyze
from checker.review.schema import connect

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CLI = "import sys; from claimdesk import main; main()"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")


def write_corpus(folder: Path, articles: int, edition: int) -> None:
    """``articles`` files made of the seed articles' paragraphs, their figures changed by
    ``edition`` so that a new edition changes every claim with a number."""
    paragraphs = [
        p
        for seed in sorted(SEEDS.glob("*.txt"))
        for p in seed.read_text(encoding="utf-8").split("\n\n")
        if len(p) > 80
    ]
    rng = random.Random(articles)
    folder.mkdir(exist_ok=True)
    for number in range(articles):
        body = rng.sample(paragraphs, k=min(12, len(paragraphs)))
        text = f"Story {number}, edition {edition}: Acme hired {100 + edition} people.\n\n"
        text += "\n\n".join(body).replace("2040", str(2040 + edition))
        (folder / f"a{number:03d}.txt").write_text(text + "\n", encoding="utf-8")


def analyze_quietly(db: Path, folder: Path) -> None:
    connection = connect(db)
    analyze(connection, [str(folder)], on_error=lambda path, error: None)
    connection.close()


def check(db: Path) -> sqlite3.Connection:
    connection = connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    return connection


def test_kill_9_during_analyze_keeps_the_store_whole(tmp_path: Path) -> None:
    folder, db = tmp_path / "articles", tmp_path / "claimdesk.db"
    write_corpus(folder, 16, edition=1)
    analyze_quietly(db, folder)
    connection = connect(db)
    marked = {c.id: "verified" for c in store.stored_claims(connection)[::7]}
    for claim, status in marked.items():
        ledger.mark(connection, claim, status, by="ana")  # type: ignore[arg-type]
    first = {s.id: s.sha256 for s in store.sources(connection)}
    connection.close()
    write_corpus(folder, 16, edition=2)

    wal = Path(f"{db}-wal")
    deadline = time.monotonic() + 10
    outcomes = []
    # Kill at growing delays, and once as soon as the write transaction reaches the WAL file.
    for delay in (0.1, 0.4, None, 0.8):
        process = subprocess.Popen(
            [sys.executable, "-c", CLI, "analyze", str(folder), "--db", str(db)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started = time.monotonic()
        if delay is None:
            size = wal.stat().st_size if wal.exists() else 0
            while process.poll() is None and time.monotonic() - started < 15:
                if wal.exists() and wal.stat().st_size > size:
                    break
                time.sleep(0.001)
        else:
            time.sleep(delay)
        finished = process.poll() is not None
        if not finished:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        connection = check(db)
        now = {s.id: s.sha256 for s in store.sources(connection)}
        # All of the analysis or none of it (16 articles are one batch).
        assert now == first or not (set(now.values()) & set(first.values()))
        verdicts = ledger.verdicts(connection)
        assert {claim: verdicts[claim].status for claim in marked} == marked
        connection.close()
        outcomes.append("finished" if finished else "killed")
        if finished or time.monotonic() > deadline:
            break
    assert "killed" in outcomes
    analyze_quietly(db, folder)
    connection = check(db)
    assert not set(s.sha256 for s in store.sources(connection)) & set(first.values())
    assert {c: v.status for c, v in ledger.verdicts(connection).items()} == marked


MARKER = """
import sys
import time
from checker.review import ledger
from checker.review import store
from checker.review.schema import connect
connection = connect(sys.argv[1])
claims = [c.id for c in store.stored_claims(connection)]
status = sys.argv[2]
while time.time() < float(sys.argv[5]):  # start together
    time.sleep(0.001)
for claim in claims[int(sys.argv[3]):int(sys.argv[4])]:
    ledger.mark(connection, claim, status, by=status)
    print(claim, flush=True)
    time.sleep(0.002)  # a script's pace: the other process gets its turns
"""


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "claimdesk.db"
    analyze_quietly(db, SEEDS)
    return db


def test_kill_9_during_verdict_writes_loses_no_saved_verdict(seeded: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", MARKER, str(seeded), "disputed", "0", "100000", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    saved = [process.stdout.readline().strip() for _ in range(5)]  # wait for real progress
    time.sleep(random.uniform(0.0, 0.05))
    os.kill(process.pid, signal.SIGKILL)
    rest, _ = process.communicate()
    saved += rest.split()
    connection = check(seeded)
    verdicts = ledger.verdicts(connection)
    assert all(verdicts[claim].status == "disputed" for claim in saved)
    assert len(ledger.history(connection)) >= len(saved)


def test_two_processes_writing_verdicts_lose_none(seeded: Path) -> None:
    go = str(time.time() + 1.0)  # both processes are up by then
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", MARKER, str(seeded), status, start, end, go],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for status, start, end in (("verified", "0", "70"), ("disputed", "30", "100"))
    ]
    results = [writer.communicate(timeout=120) for writer in writers]
    for writer, (_, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err
    assert [len(out.split()) for out, _ in results] == [70, 70]
    connection = check(seeded)
    history = ledger.history(connection)
    assert len(history) == 140
    verdicts = ledger.verdicts(connection)
    last: dict[str, str] = {}
    for change in history:
        last[change.claim] = change.new_status
    assert len(verdicts) == 100
    assert {claim: v.status for claim, v in verdicts.items()} == last
    turns = sum(1 for x, y in itertools.pairwise(history) if x.by != y.by)
    assert turns >= 2  # the writers really took turns


def test_random_kills_of_analyze_and_marks_lose_nothing(tmp_path: Path) -> None:
    """Six analyses of changing articles and six streams of verdicts, each killed at a random
    moment: the store stays whole and every verdict reported saved is there. The clock
    decides nothing: a verdict stream is killed only after it reported its first verdict, so a
    loaded machine makes the test slower, never emptier."""
    folder, db = tmp_path / "articles", tmp_path / "claimdesk.db"
    write_corpus(folder, 8, edition=0)
    analyze_quietly(db, folder)
    rng = random.Random(7)
    saved: set[str] = set()
    for round_ in range(1, 13):
        marking = round_ % 2 == 0
        if marking:
            command = [sys.executable, "-c", MARKER, str(db), "disputed", "0", "100000", "0"]
        else:
            write_corpus(folder, 8, edition=round_)
            command = [sys.executable, "-c", CLI, "analyze", str(folder), "--db", str(db)]
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert process.stdout is not None
        if marking:
            first = process.stdout.readline().split()
            saved.update(first)
        time.sleep(rng.uniform(0.05, 0.8))
        os.kill(process.pid, signal.SIGKILL)
        out, _ = process.communicate()
        if marking:
            saved.update(out.split())
            assert first, "the verdict stream was killed before it started"
        connection = check(db)
        verdicts = ledger.verdicts(connection)
        assert all(verdicts[claim].status == "disputed" for claim in saved)
        connection.close()
    assert saved


BATCHES = """
import sys
import time
from checker.review import extraction
from checker.review.analysis import analyze
from checker.review.schema import connect
real = extraction.extract_claims
def extract_claims(article):
    if article.path.endswith("a005.txt"):  # the second article of the third batch
        print("inside", flush=True)
        time.sleep(600)
    return real(article)
extraction.extract_claims = extract_claims
connection = connect(sys.argv[1])
analyze(
    connection,
    [sys.argv[2]],
    on_error=lambda path, error: None,
    batch=2,
    on_batch=lambda saved: print(saved, flush=True),
)
print("done", flush=True)
"""


def _killed(tmp_path: Path, script: str, lines: int) -> tuple[Path, Path, Path, list[str]]:
    """Twelve articles analysed into a clean store, and by ``script`` into another, which is
    killed with -9 after it printed ``lines`` lines: the folder, both stores and the lines."""
    folder = tmp_path / "articles"
    write_corpus(folder, 12, edition=1)
    clean = tmp_path / "clean.db"
    analyze_quietly(clean, folder)
    db = tmp_path / "killed.db"
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(db), str(folder)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    said = [process.stdout.readline().strip() for _ in range(lines)]
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return folder, clean, db, said


def test_kill_9_between_batches_loses_at_most_one_and_a_rerun_ends_as_a_clean_run(
    tmp_path: Path,
) -> None:
    from tests.checker.test_order import dump

    folder, clean, db, said = _killed(tmp_path, BATCHES, 3)
    # two batches committed, then the kill in the middle of the third
    assert said == ["2", "4", "inside"]
    connection = check(db)
    assert len(store.sources(connection)) == 4  # the third batch is lost, and only it
    assert store.comparison_pending(connection)
    connection.close()
    analyze_quietly(db, folder)
    with connect(db) as after, connect(clean) as reference:
        assert dump(after) == dump(reference)


COMPARING = """
import sys
import time
from checker.compare import partition
from checker.review.analysis import analyze
from checker.review.schema import connect
partition.JUDGEMENTS_PER_BLOCK = 20
real = partition.judge_block
def slow(block):
    time.sleep(0.2)
    return real(block)
partition.judge_block = slow  # the workers are forked: they judge with it too
def progress(stage, done, total, claims=0):
    if stage == "compare":
        print(done, total, flush=True)
connection = connect(sys.argv[1])
analyze(connection, [sys.argv[2]], on_error=lambda path, error: None, jobs=2, progress=progress)
print("done", flush=True)
"""


def test_kill_9_in_the_parallel_comparison_and_a_rerun_ends_as_a_clean_run(
    tmp_path: Path,
) -> None:
    from tests.checker.test_order import dump

    folder, clean, db, said = _killed(tmp_path, COMPARING, 4)  # blocks 1 to 3 of many staged
    assert [line.split()[0] for line in said] == ["0", "1", "2", "3"]
    assert int(said[0].split()[1]) > 8
    connection = check(db)
    assert store.comparison_pending(connection)
    # the staged blocks went with the killed process: no relation of a half-done comparison
    assert connection.execute("SELECT count(*) FROM relations").fetchone()[0] == 0
    with connect(clean) as reference:
        assert reference.execute("SELECT count(*) FROM relations").fetchone()[0] > 0
    connection.close()
    analyze_quietly(db, folder)
    with connect(db) as after, connect(clean) as reference:
        assert dump(after) == dump(reference)
