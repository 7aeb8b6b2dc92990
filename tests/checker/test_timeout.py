"""A per-article time limit: an article that takes too long is named in one line, the rest
are analysed, and their claims are those of a run without a limit."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from checker.review import extraction, store
from checker.review.analysis import analyze
from checker.review.schema import connect
from claims.extract import extract_claims
from claims.ingest import text_article
from claims.models import Article

GOOD = "Acme cut 3,100 jobs at its Ohio plant on Monday, the union said.\n"


def _stored(db: Path, folder: Path, timeout: float | None) -> tuple[list[object], list[str]]:
    errors: list[str] = []
    connection = connect(db)
    try:
        analyze(
            connection,
            [str(folder)],
            on_error=lambda path, error: errors.append(f"{path}: {error.reason}"),  # type: ignore[attr-defined]
            timeout=timeout,
        )
        return [(c.id, c.text, c.kind) for c in store.stored_claims(connection)], errors
    finally:
        connection.close()


def test_an_article_over_the_limit_is_named_and_the_rest_analysed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    (folder / "stuck.txt").write_text("The stalling article says prices rose 5 percent.\n")
    (folder / "z.txt").write_text(GOOD.replace("Acme", "Bolt").replace("3,100", "1,300"))
    real = extract_claims

    def stall(article: Article) -> object:
        if "stalling" in article.text:
            time.sleep(60)  # the worker is killed long before
        return real(article)

    # the worker is forked, so it extracts with the stalling stand-in
    monkeypatch.setattr(extraction, "extract_claims", stall)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    started = time.monotonic()
    limited, errors = _stored(tmp_path / "limited.db", folder, timeout=1.0)
    assert time.monotonic() - started < 30
    assert len(errors) == 1 and "stuck.txt" in errors[0] and "longer than 1 s" in errors[0]
    monkeypatch.setattr(extraction, "extract_claims", real)
    (folder / "stuck.txt").unlink()
    unlimited, none = _stored(tmp_path / "plain.db", folder, timeout=None)
    assert not none and limited == unlimited and len(limited) == 2


def test_the_worker_reports_an_extraction_error_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(article: Article) -> object:
        raise ValueError("no claims today")

    monkeypatch.setattr(extraction, "extract_claims", broken)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    with extraction.Extractor(5.0) as extractor, pytest.raises(ValueError, match="no claims"):
        extractor.extract(text_article(GOOD))
