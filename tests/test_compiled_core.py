"""The compiled core (setup.py: mypyc) gives the same claims and relations as the pure source.

Both sides run in subprocesses (``bench.core``): the installed package, isolated from the
working directory, and a copy of the source tree holding only ``.py`` files. Each side says
where every module of setup.py's ``COMPILED`` list was loaded from, so the test knows it
compared compiled with pure code. An install without compiled modules (editable, or built
with ``CLAIMDESK_PURE=1``) skips, unless ``CLAIMDESK_REQUIRE_COMPILED=1`` (set by .ci/run)
says it must be compiled.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bench.core import compiled_modules, probe, pure_tree
from tests.conftest import ROOT, SEEDS

NEWS = ROOT.parent / "shared" / "data" / "news-clusters" / "articles.jsonl"
SAMPLE = 150  # the first ECB+ articles: several whole stories, so relations are found


def _news(folder: Path) -> Path:
    folder.mkdir()
    with NEWS.open(encoding="utf-8") as lines:
        for number, line in zip(range(SAMPLE), lines, strict=False):
            row = json.loads(line)
            record = {"text": row["text"], "id": row["doc_id"]}
            (folder / f"{number:04d}.json").write_text(json.dumps(record), encoding="utf-8")
    return folder


def test_compiled_and_pure_give_identical_claims_and_relations(tmp_path: Path) -> None:
    modules = ",".join(compiled_modules())
    paths = [SEEDS] + ([_news(tmp_path / "news")] if NEWS.exists() else [])
    compiled = probe(None, paths, "--modules", modules).splitlines()
    origins = json.loads(compiled[0])
    if set(origins.values()) != {"so"}:
        if os.environ.get("CLAIMDESK_REQUIRE_COMPILED") == "1":
            pytest.fail(f"the installed claimdesk is not compiled: {origins}")
        pytest.skip("the installed claimdesk is not compiled (editable or CLAIMDESK_PURE=1)")
    pure = probe(pure_tree(tmp_path / "tree"), paths, "--modules", modules).splitlines()
    assert set(json.loads(pure[0]).values()) == {"py"}
    assert len(compiled) > 1000  # claims of the seeds and the news, then their relations
    assert any('"relation": "agrees"' in line for line in compiled)
    assert compiled[1:] == pure[1:]


def test_the_compiled_list_names_existing_modules() -> None:
    for name in compiled_modules():
        assert (ROOT / (name.replace(".", "/") + ".py")).is_file(), name


def test_no_stale_compiled_module_shadows_the_source() -> None:
    """An in-place build (``CLAIMDESK_COMPILE=1 pip install -e .``) leaves ``.so`` files beside
    the source, and Python imports them first: a ``.py`` edited since would be ignored."""
    for name in compiled_modules():
        source = ROOT / (name.replace(".", "/") + ".py")
        for built in source.parent.glob(source.stem + ".*.so"):
            assert built.stat().st_mtime >= source.stat().st_mtime, (
                f"{built.name} is older than {source.name}: rebuild (CLAIMDESK_COMPILE=1 "
                "pip install -e .) or delete it"
            )
