"""Open time, scrolling and verdict latency of ``claimdesk review`` on a 50,000-claim store.

Analyses ``--articles`` articles of ``bench.relate_speed.stories`` into a store, then copies
its sources, claims and relations under new ids until the store holds ``--claims`` claims (a
store of that size without an hour of analysis; the desk only reads it). Then, headless at
160×50 through Textual's pilot:

- open: from starting the app to the first screenful of claims with the first claim's detail,
  and to every claim loaded (filters, sorting and the sources panel need them all);
- scroll: 300 × ``down`` then 100 × ``pagedown`` sent in a burst (a held key), time per key;
- verdict: ``v`` / ``d`` pressed on 30 claims; the desk records the time from the key to the
  commit and to the row showing it (and another connection checks the store).

    python -m bench.ui_speed [--articles 1000] [--claims 50000] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from textual import events

from bench.relate_speed import stories
from checker.review.analysis import analyze
from checker.review.schema import connect
from tui.app import ReviewApp
from tui.screens.desk import DeskScreen
from tui.widgets.claim_list import ClaimList
from tui.widgets.detail import DetailPane


def build(db: Path, data: Path, articles: int, claims: int) -> int:
    folder = db.parent / "articles"
    folder.mkdir()
    for source, text in stories(data, articles):
        (folder / f"{source}.txt").write_text(text, encoding="utf-8")
    connection = connect(db)
    analyze(connection, [str(folder)], on_error=lambda path, error: None)
    base = connection.execute("SELECT count(*) FROM claims").fetchone()[0]
    copies = -(-claims // base) - 1
    connection.execute("BEGIN")
    for k in range(1, copies + 1):
        tag = f"~{k}"
        connection.execute(
            "INSERT INTO sources SELECT id || ?, path || ?, location || ?, sha256, file_sha256,"
            " title, author, published, url, outlet, encoding, text, extractor, analyzed_at"
            " FROM sources WHERE id NOT LIKE '%~%'",
            (tag, tag, tag),
        )
        connection.execute(
            'INSERT INTO claims SELECT id || ?, source || ?, position, start, "end", quote, text,'
            " kind, confidence, cues, attribution, keys FROM claims WHERE id NOT LIKE '%~%'",
            (tag, tag),
        )
        connection.execute(
            "INSERT INTO relations SELECT a || ?, b || ?, relation, score, reasons, weight"
            " FROM relations WHERE a NOT LIKE '%~%'",
            (tag, tag),
        )
    connection.execute("COMMIT")
    total = int(connection.execute("SELECT count(*) FROM claims").fetchone()[0])
    connection.close()
    return total


async def measure(db: Path) -> None:
    app = ReviewApp(str(db), "bench")
    started = time.perf_counter()
    async with app.run_test(size=(160, 50)) as pilot:
        claims = app.screen.query_one(ClaimList)
        pane = app.screen.query_one(DetailPane)
        while not claims.rows or getattr(pane, "detail", None) is None:
            await pilot.pause(0.005)
        opened = time.perf_counter() - started
        print(f"open: {opened:.2f} s to the first {len(claims.rows):,} claims and their detail")
        total = sqlite3.connect(db).execute("SELECT count(*) FROM claims").fetchone()[0]
        while len(claims.rows) < total:
            await asyncio.sleep(0.005)
        print(f"open: {time.perf_counter() - started:.2f} s to all {total:,} claims")

        for key, count in (("down", 300), ("pagedown", 100)):
            # A burst, as when a key is held: every key is handled and drawn in turn, the
            # detail pane only once the cursor rests.
            target = min(
                claims.cursor + count * (1 if key == "down" else claims.size.height - 2),
                len(claims.rows) - 1,
            )
            started = time.perf_counter()
            for _ in range(count):
                app.post_message(events.Key(key, None))
            while claims.cursor < target:
                await asyncio.sleep(0.001)
            await pilot.pause()
            seconds = time.perf_counter() - started
            print(
                f"scroll: {count} × {key} in {seconds:.2f} s, {1000 * seconds / count:.1f} ms a key"
            )

        desk = app.screen
        assert isinstance(desk, DeskScreen)
        watcher = sqlite3.connect(db)
        for number in range(30):
            await pilot.press("j")
            await pilot.pause(0.1)
            row = claims.current
            assert row is not None
            status = ("verified", "disputed")[number % 2]
            await pilot.press(status[0])
            while len(desk.write_latency) <= number:
                await pilot.pause(0.001)
            saved = watcher.execute("SELECT status FROM verdicts WHERE claim = ?", (row.id,))
            assert saved.fetchone()[0] == status
        watcher.close()
        for name, values in zip(
            ("committed", "shown"), zip(*desk.write_latency, strict=True), strict=True
        ):
            ms = sorted(1000 * v for v in values)
            print(
                f"verdict key to {name}: median {statistics.median(ms):.0f} ms,"
                f" 90th {ms[int(0.9 * len(ms)) - 1]:.0f} ms, max {ms[-1]:.0f} ms"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "claimdesk.db"
        total = build(db, args.data, args.articles, args.claims)
        print(f"store: {total:,} claims")
        asyncio.run(measure(db))


if __name__ == "__main__":
    main()
