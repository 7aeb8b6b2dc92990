"""Saved pages and web archives through the commands: extract and analyze a folder of them,
re-analyse it unchanged and changed, report it as HTML, and mix in bad ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.pages import Page, story_page, warc_bytes
from claimdesk import main

SEEDS = ("000", "001", "002")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def pages(seeds: Path, host: str, hostile: bool = False) -> list[Page]:
    found = []
    for prefix in SEEDS:
        (path,) = seeds.glob(f"{prefix}_*.txt")
        text = path.read_text(encoding="utf-8")
        found.append(story_page(text, slug=f"story-{prefix}", host=host, hostile=hostile))
    return found


@pytest.fixture
def saved(tmp_path: Path, seeds: Path) -> Path:
    """``saved-pages/``: the seeds as three saved pages (001 with hostile markup in its text
    and around it) and, from another site, as an archive with an image, a JSON and a redirect
    record besides."""
    folder = tmp_path / "saved-pages"
    folder.mkdir()
    site = pages(seeds, "news.example.com")
    site[1] = pages(seeds, "news.example.com", hostile=True)[1]
    for prefix, page in zip(SEEDS, site, strict=True):
        (folder / f"page-{prefix}.html").write_text(page.html, encoding="utf-8")
    (folder / "crawl.warc.gz").write_bytes(warc_bytes(pages(seeds, "wire.example.org")))
    return folder


def test_extract_a_folder_of_pages_and_an_archive(saved: Path) -> None:
    code, out, err = run("extract", str(saved))
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    archive = saved / "crawl.warc.gz"
    assert err.splitlines() == [
        f"claimdesk: {archive}: 2 non-HTML records and 1 non-200 HTML record skipped"
    ]
    paths = {record["path"] for record in records}
    assert paths == {
        *(str(saved / f"page-{prefix}.html") for prefix in SEEDS),
        *(f"{archive}#https://wire.example.org/2022/01/story-{prefix}" for prefix in SEEDS),
    }
    by_source: dict[str, list[tuple[str, str]]] = {}
    for record in records:
        by_source.setdefault(record["source"], []).append((record["text"], record["kind"]))
    for prefix in ("000", "002"):  # the page and the archived copy say the same things
        assert by_source[f"page-{prefix}"] == by_source[f"story-{prefix}"]
    hostile = by_source["page-001"]  # and one paragraph more ("... markup: X and it was shown.")
    story = by_source["story-001"]
    assert hostile[: len(story)] == story and "alert(1)" in hostile[len(story)][0]


def test_analyze_reanalyze_and_report(saved: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "web.db")
    code, out, err = run("analyze", str(saved), "--db", db)
    assert code == 0, err
    assert "analysed 6 sources: 6 new" in out
    assert "non-HTML records" in err

    code, out, _ = run("export", "--db", db)
    exported = json.loads(out)
    sources = {source["id"]: source for source in exported["sources"]}
    archived = sources["story-001"]
    assert (
        archived["path"] == f"{saved / 'crawl.warc.gz'}#https://wire.example.org/2022/01/story-001"
    )
    assert archived["outlet"] == "The Daily Ledger" and archived["published"] == "2022-01-05"
    assert archived["url"] == "https://wire.example.org/2022/01/story-001"
    claim = next(c for c in exported["claims"] if c["source"] == "story-001")
    assert run("mark", claim["id"], "disputed", "--db", db, "--by", "t")[0] == 0

    code, out, _ = run("analyze", str(saved), "--db", db)
    assert code == 0 and "analysed 6 sources: 6 unchanged" in out

    # The archive gains a page: its old pages keep their ids, claims and verdicts.
    seeds_dir = Path(__file__).resolve().parents[2] / "seeds"
    extra = story_page(
        "Port strike ends\n\nDock workers returned to work on Friday, the union said.\n",
        slug="port",
        host="wire.example.org",
    )
    (saved / "crawl.warc.gz").write_bytes(
        warc_bytes([*pages(seeds_dir, "wire.example.org"), extra])
    )
    code, out, err = run("analyze", str(saved), "--db", db)
    assert code == 0, err
    assert "1 new" in out and "3 unchanged" in out
    code, out, _ = run("export", "--db", db)
    after = json.loads(out)
    assert {s["id"] for s in after["sources"]} == {*sources, "port"}
    assert {c["id"] for c in exported["claims"]} <= {c["id"] for c in after["claims"]}
    code, out, _ = run("claims", "--db", db, "--format", "jsonl", "--status", "disputed")
    assert [json.loads(line)["id"] for line in out.splitlines()] == [claim["id"]]

    code, report, err = run("report", "--db", db, "--format", "html")
    assert code == 0, err
    assert "alert(1)" in report  # the story's words are shown ...
    assert "<script>alert" not in report  # ... never as markup
    assert 'onerror="alert' not in report and "<img" not in report


def test_bad_pages_and_archives_among_good_ones(saved: Path, tmp_path: Path) -> None:
    whole = (saved / "crawl.warc.gz").read_bytes()
    (saved / "cut.warc.gz").write_bytes(whole[: len(whole) // 2])
    (saved / "junk.html").write_bytes(b"\x00\x01\x02" * 100)
    (saved / "nav.htm").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (saved / "noise.warc").write_bytes(b"GET / HTTP/1.1\r\n\r\n" * 5)
    db = str(tmp_path / "bad.db")
    code, out, err = run("analyze", str(saved), "--db", db)
    assert code == 2
    errors = [line for line in err.splitlines() if "skipped" not in line]
    assert len(errors) == 4, err
    assert any(str(saved / "cut.warc.gz") in line and "truncated" in line for line in errors)
    assert any("junk.html" in line and "binary" in line for line in errors)
    assert any("nav.htm" in line and "no article text" in line for line in errors)
    assert any("noise.warc" in line and "corrupt" in line for line in errors)
    assert "Traceback" not in err
    assert "analysed 7 sources: 7 new" in out  # six good ones, and cut's first page
