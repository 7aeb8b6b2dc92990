"""The same articles give the same store, whatever order and runs they were analysed in
(issue 17): ids, claims, relations, scores, reasons and weights, equal to one run over all."""

from __future__ import annotations

import itertools
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.compare import blocking
from checker.review.analysis import analyze
from checker.review.schema import connect

HERE = Path(__file__).resolve().parent
STORIES = ("fire_story", "takeover_story", "stories")
ARTICLES = sorted(
    (f"{story}-{path.name}", path.read_text(encoding="utf-8"))
    for story in STORIES
    for path in (HERE / story).iterdir()
)
TEXTS = [number for number, (name, _) in enumerate(ARTICLES) if name.endswith(".txt")]
EARLIER = "Acme cut 3,100 jobs at its Ohio plant on Monday, the union said. Fire crews left.\n"


class Dump(dict[str, list[tuple[object, ...]]]):
    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example
        return f"Dump({', '.join(f'{k}: {len(v)} rows' for k, v in self.items())})"


def dump(connection: sqlite3.Connection) -> Dump:
    """Everything an analysis writes, but the time it ran."""
    return Dump(
        {
            "sources": connection.execute(
                "SELECT id, path, location, sha256, file_sha256, title, text FROM sources ORDER BY id"
            ).fetchall(),
            "claims": connection.execute("SELECT * FROM claims ORDER BY id").fetchall(),
            "relations": connection.execute("SELECT * FROM relations ORDER BY a, b").fetchall(),
            "pending": connection.execute("SELECT * FROM pending").fetchall(),
        }
    )


def run(db: Path, paths: list[Path], batch: int = 50) -> None:
    connection = connect(db)
    try:
        analyze(connection, [str(p) for p in paths], on_error=_fail, batch=batch)
    finally:
        connection.close()


def _fail(path: str, error: Exception) -> None:
    raise AssertionError(f"{path}: {error}")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("order")
    for name, text in ARTICLES:
        (base / name).write_text(text, encoding="utf-8")
    return base


def _small_caps(patch: pytest.MonkeyPatch) -> None:
    """Caps small enough for nine short articles to meet every rule that counts claims: keys
    capped, combined keys, the prefix filter and the pair budget."""
    patch.setattr(blocking, "DEFAULT_CAP", 6)
    patch.setattr(blocking, "PAIR_BUDGET", 12)


@pytest.fixture(scope="module")
def one_shot(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Dump:
    with pytest.MonkeyPatch.context() as patch:
        _small_caps(patch)
        db = tmp_path_factory.mktemp("one") / "one.db"
        run(db, [folder])
        connection = connect(db)
        found = dump(connection)
        connection.close()
    assert found["relations"] and not found["pending"]
    return found


@given(
    order=st.permutations(range(len(ARTICLES))),
    cuts=st.sets(st.integers(1, len(ARTICLES) - 1), max_size=4),
    edited=st.one_of(st.none(), st.sampled_from(TEXTS)),
    batch=st.integers(1, 4),
)
@settings(max_examples=20, deadline=None)
def test_any_order_and_split_gives_the_one_shot_store(
    folder: Path,
    one_shot: Dump,
    tmp_path_factory: pytest.TempPathFactory,
    order: list[int],
    cuts: set[int],
    edited: int | None,
    batch: int,
) -> None:
    work = tmp_path_factory.mktemp("apart")
    articles = work / folder.name
    shutil.copytree(folder, articles)
    db = work / "apart.db"
    paths = [articles / ARTICLES[index][0] for index in order]
    with pytest.MonkeyPatch.context() as patch:
        _small_caps(patch)
        if edited is not None:  # an earlier version of one article, analysed first
            path = articles / ARTICLES[edited][0]
            path.write_text(EARLIER, encoding="utf-8")
            run(db, [path])
            path.write_text(ARTICLES[edited][1], encoding="utf-8")
        bounds = [0, *sorted(cuts), len(paths)]
        for start, end in itertools.pairwise(bounds):
            run(db, paths[start:end], batch=batch)
        connection = connect(db)
        found = dump(connection)
        connection.close()
    # the same files at the copy's place: paths aside, every column equal
    assert [r[:1] + r[3:] for r in found["sources"]] == [r[:1] + r[3:] for r in one_shot["sources"]]
    assert found["claims"] == one_shot["claims"]
    assert found["relations"] == one_shot["relations"]
    assert found["pending"] == []
