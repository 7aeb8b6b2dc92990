"""Extraction in several worker processes gives the store one process gives: the same
sources, claims, relations and outcome, in the same order, with a bad article among good ones
reported in its place."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.compare import partition
from checker.review import store
from checker.review.extraction import Extraction, Extractor
from checker.review.schema import connect
from claimdesk import main
from claims.ingest import read_article
from tests.checker.test_order import dump as store_dump

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
STORIES = Path(__file__).resolve().parent / "stories"


def dump(db: Path) -> dict[str, object]:
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    return {key: document[key] for key in ("sources", "claims", "relations")}


def test_several_workers_give_the_store_of_one(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copytree(STORIES, folder / "stories")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    outputs = []
    for jobs in ("1", "3"):
        db = tmp_path / f"jobs{jobs}.db"
        result = CliRunner().invoke(
            main, ["analyze", str(folder), "--db", str(db), "--jobs", jobs, "--batch", "2"]
        )
        assert result.exit_code == 2  # the broken article, reported
        assert "broken.json" in result.stderr
        outputs.append((result.stdout.replace(str(db), "DB"), dump(db)))
    assert outputs[0] == outputs[1]


def test_map_keeps_the_order_and_puts_errors_in_place(tmp_path: Path) -> None:
    articles = [read_article(str(path)) for path in sorted(SEEDS.glob("*.txt"))]
    with Extractor(None, jobs=1) as one:
        expected = list(one.map(articles))
    with Extractor(None, jobs=2) as two:
        found = list(two.map([*articles[:1], "not an article", *articles[1:]]))  # type: ignore[list-item]
    assert isinstance(found[1], Exception)
    assert [_unpacked(f) for i, f in enumerate(found) if i != 1] == [_unpacked(e) for e in expected]


def _unpacked(result: Extraction | Exception) -> object:
    # pickled sets may list their members in another order in another process
    assert not isinstance(result, Exception)
    claims, keys, packed = result
    return claims, keys, [partition.unpack(each) for each in packed]


def test_comparison_in_small_blocks_on_workers_gives_the_store_of_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(partition, "JUDGEMENTS_PER_BLOCK", 7)  # dozens of blocks
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copytree(STORIES, folder / "stories")
    dumps = []
    for jobs in ("1", "2"):
        db = tmp_path / f"jobs{jobs}.db"
        result = CliRunner().invoke(main, ["analyze", str(folder), "--db", str(db), "--jobs", jobs])
        assert result.exit_code == 0, result.stderr
        dumps.append(dump(db))
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["relations"]) > 20 * partition.JUDGEMENTS_PER_BLOCK // 7  # type: ignore[arg-type]


def test_related_links_weighed_a_few_at_a_time_get_the_weights_of_all_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(STORIES, folder / "stories")
    shutil.copytree(SEEDS, folder / "seeds")
    dumps = []
    for page in (store.WEIGH_PAGE, 3):
        monkeypatch.setattr(store, "WEIGH_PAGE", page)
        db = tmp_path / f"page{page}.db"
        result = CliRunner().invoke(main, ["analyze", str(folder / "stories"), "--db", str(db)])
        assert result.exit_code == 0, result.stderr
        # more claims: the rarity of every shared topic, so every link's weight, changes
        result = CliRunner().invoke(main, ["analyze", str(folder), "--db", str(db)])
        assert result.exit_code == 0, result.stderr
        with connect(db) as connection:
            dumps.append(store_dump(connection))  # weights included
    assert dumps[0] == dumps[1]
    assert sum(row[2] == "related" for row in dumps[0]["relations"]) > 3 * 3


def test_a_rerun_of_mixed_changes_on_workers_gives_the_store_of_one(tmp_path: Path) -> None:
    # files are read as the workers take them: unchanged, refreshed (a new date over the same
    # text), changed, new and broken files in one folder must come out as one process has them
    folder = tmp_path / "articles"
    outputs = []
    for jobs in ("1", "3"):
        shutil.copytree(SEEDS, folder / "seeds")
        shutil.copytree(STORIES, folder / "stories")
        for n in range(6):
            dated(
                folder / f"a{n}.md", "2024-05-01", f"Rescuers said {10 + n} people died in Qeshm."
            )
        db = tmp_path / f"jobs{jobs}.db"
        first = CliRunner().invoke(main, ["analyze", str(folder), "--db", str(db)])
        assert first.exit_code == 0, first.stderr
        dated(folder / "a1.md", "2024-05-02", "Rescuers said 11 people died in Qeshm.")  # date
        dated(folder / "a3.md", "2024-05-01", "Rescuers said 30 people died in Qeshm.")  # text
        dated(folder / "b0.md", "2024-05-03", "Officials said 14 people died in Qeshm.")  # new
        (folder / "a4.json").write_text("{not json", encoding="utf-8")  # broken
        result = CliRunner().invoke(
            main, ["analyze", str(folder), "--db", str(db), "--jobs", jobs, "--batch", "2"]
        )
        assert result.exit_code == 2
        assert "a4.json" in result.stderr and "new       b0" in result.stdout
        outputs.append((result.stdout.replace(str(db), "DB"), dump(db)))
        shutil.rmtree(folder)
    assert outputs[0] == outputs[1]


def dated(path: Path, day: str, text: str) -> None:
    path.write_text(f"---\noutlet: Wire {path.stem}\npublished: {day}\n---\n{text}\n", "utf-8")
