"""``analyze --scheduler``: extraction and comparison on a Dask cluster give the store of a
local run; without Dask, one line says what to install."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.compare import partition
from claimdesk import main
from tests.checker.test_jobs import SEEDS, STORIES, dump


def test_a_local_cluster_gives_the_store_of_a_local_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(partition, "JUDGEMENTS_PER_BLOCK", 50)  # several comparison tasks
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copytree(STORIES, folder / "stories")
    local = tmp_path / "local.db"
    result = CliRunner().invoke(main, ["analyze", str(folder), "--db", str(local), "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    db = tmp_path / "cluster.db"
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        result = CliRunner().invoke(
            main,
            ["analyze", str(folder), "--db", str(db), "--scheduler", cluster.scheduler_address],
        )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.replace(str(db), "DB") == _stdout(local, folder).replace(str(local), "DB")
    assert dump(db) == dump(local)


def _stdout(db: Path, folder: Path) -> str:
    """What analyze printed for ``db``'s first run, told again by a run on a new store."""
    again = db.with_name("again.db")
    result = CliRunner().invoke(main, ["analyze", str(folder), "--db", str(again), "--jobs", "1"])
    return result.stdout.replace(str(again), str(db))


def test_without_dask_the_scheduler_option_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    db = tmp_path / "claimdesk.db"
    result = CliRunner().invoke(
        main, ["analyze", str(SEEDS), "--db", str(db), "--scheduler", "tcp://127.0.0.1:8786"]
    )
    assert result.exit_code == 2
    assert result.stderr == "claimdesk: --scheduler: needs Dask: pip install 'claimdesk[dask]'\n"
    assert not db.exists()  # nothing was started
