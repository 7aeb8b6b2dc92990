"""Saved web pages and web archives: the seed articles dressed as news-site pages give the
claims of their plain text, the page's metadata is found, the page's furniture is not read,
and bad pages and archives are one IngestError each with the rest still read."""

from __future__ import annotations

import gzip
import io
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.pages import Page, story_page, warc_bytes
from claims.extract import extract_claims
from claims.ingest import (
    IngestError,
    build_article,
    expand_paths,
    parse_article,
    read_article,
    read_articles,
)
from claims.models import Article

SEEDS = ("000", "001", "002")
SITE = "The Daily Ledger"


def seed_path(seeds: Path, prefix: str) -> Path:
    (path,) = seeds.glob(f"{prefix}_*.txt")
    return path


def seed_page(seeds: Path, prefix: str, **options: object) -> Page:
    path = seed_path(seeds, prefix)
    return story_page(path.read_text(encoding="utf-8"), slug=path.stem, **options)  # type: ignore[arg-type]


def kinds(article: Article) -> list[tuple[str, str]]:
    return [(claim.text, claim.kind) for claim in extract_claims(article)]


def read_all(path: Path, max_bytes: int = 1 << 24) -> tuple[list[Article | IngestError], list[str]]:
    notices: list[str] = []
    found = list(
        read_articles(str(path), max_bytes=max_bytes, on_notice=lambda p, m: notices.append(m))
    )
    return found, notices


@pytest.mark.parametrize("prefix", SEEDS)
def test_page_claims_are_the_plain_text_claims(tmp_path: Path, seeds: Path, prefix: str) -> None:
    page = seed_page(seeds, prefix, hostile=False)
    file = tmp_path / f"{prefix}.html"
    file.write_text(page.html, encoding="utf-8")
    article = read_article(str(file))
    claims = extract_claims(article)
    assert claims
    for claim in claims:
        assert article.text[claim.start : claim.end] == claim.quote
    assert kinds(article) == kinds(read_article(str(seed_path(seeds, prefix))))


def test_page_metadata(tmp_path: Path, seeds: Path) -> None:
    page = seed_page(seeds, "001")
    file = tmp_path / "rivian.htm"
    file.write_text(page.html, encoding="utf-8")
    article = read_article(str(file))
    assert article.source == "rivian"
    assert article.title == "Amazon targets Tesla with $700M investment in electric truck maker"
    assert article.author == "Nicolas V"  # the page's "Nicolas V."; trafilatura drops the dot
    assert article.published == "2022-01-05"
    assert article.url == "https://news.example.com/2022/01/001_907246576983a4f9"
    assert article.outlet == SITE


def test_author_and_date_from_meta_tags(seeds: Path) -> None:
    page = seed_page(seeds, "000", author="Jane Doe", published="2021-11-30T08:00:00Z")
    article = parse_article(page.html.encode(), "bezos.html")
    assert (article.author, article.published, article.outlet) == ("Jane Doe", "2021-11-30", SITE)


def test_page_furniture_is_left_out(seeds: Path) -> None:
    article = parse_article(seed_page(seeds, "002").html.encode(), "vans.html")
    for words in (
        "cookies",
        "Accept all",
        "Share on",
        "Email this story",
        "Related stories",
        "Chip shortage",
        "worst deal",  # a reader's comment
        "reader42",
        "Advertisement",
        "Privacy policy",
        "Subscribe",
        "track(",
        "dataLayer",
        "All rights reserved",
    ):
        assert words not in article.text, words
    assert "Stellantis" in article.text


def test_a_short_story_keeps_its_paragraphs_and_no_furniture() -> None:
    text = (
        "Warehouse burns in Palmer\n\nRemains of the warehouse smoldered on Tuesday morning.\n\n"
        "The fire was reported at 3 a.m., the police said.\n"
    )
    page = story_page(text, slug="fire")
    article = parse_article(page.html.encode(), "fire.html")
    assert "Share on" not in article.text and "Advertisement" not in article.text
    assert kinds(article) == kinds(build_article(text, path="fire.txt", source="fire"))


def test_paragraphs_are_lines_with_blank_lines_between(seeds: Path) -> None:
    article = parse_article(seed_page(seeds, "000").html.encode(), "bezos.html")
    assert "\n\n### " not in article.text  # an <h2> is "## ", as the page has it
    assert "\n\n## The Origins of the Rivalry\n\n" in article.text
    kinds_of = {article.text[b.start : b.end]: b.kind for b in article.blocks}
    assert kinds_of["## Why Electric Vehicles?"] == "heading"


def test_hostile_markup_is_text_not_markup(seeds: Path) -> None:
    article = parse_article(seed_page(seeds, "001", hostile=True).html.encode(), "x.html")
    assert "alert(1)" in article.text  # written out in the story's own words, escaped
    assert "Readers sent us this markup" in article.text
    assert article.text.count("<script>") == 1  # the page's real script elements are gone


def test_fragment_and_broken_markup_are_read() -> None:
    fragment = b"<p>Acme cut 3,100 jobs at its Ohio plant on Monday, the company said.</p>"
    assert parse_article(fragment, "f.html").text.startswith("Acme cut 3,100 jobs")
    broken = (
        b"<html><body><p>Acme cut 3,100 jobs on Monday, the company said.<div><p>Unclosed <b>tag"
    )
    assert "Unclosed tag" in parse_article(broken, "b.html").text


def test_page_in_a_declared_charset() -> None:
    html = (
        '<html><head><meta charset="iso-8859-7"></head><body><article>'
        "<p>Η εταιρεία είπε ότι θα κλείσει το εργοστάσιο τον Μάιο, σύμφωνα με ανακοίνωση.</p>"
        "</article></body></html>"
    )
    article = parse_article(html.encode("iso-8859-7"), "greek.html")
    assert "εταιρεία" in article.text and article.encoding == "iso8859-7"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "no article text"),
        (b"   \n\t", "no article text"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
        (b"<html><head><script>alert(1)</script></head><body></body></html>", "no article text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(200), "binary file"),
        (b"<html>" + b"<div>" * 5000 + b"</html>", "no article text"),
    ],
)
def test_bad_pages_are_one_ingest_error(tmp_path: Path, data: bytes, reason: str) -> None:
    file = tmp_path / "bad.html"
    file.write_bytes(data)
    found, _ = read_all(file)
    assert len(found) == 1 and isinstance(found[0], IngestError)
    assert found[0].path == str(file) and reason in found[0].reason


def test_huge_page_respects_max_bytes(tmp_path: Path, seeds: Path) -> None:
    file = tmp_path / "big.html"
    file.write_text(seed_page(seeds, "000").html, encoding="utf-8")
    (error,) = read_all(file, max_bytes=1000)[0]
    assert isinstance(error, IngestError) and "too large" in error.reason


@pytest.fixture
def pages(seeds: Path) -> list[Page]:
    return [seed_page(seeds, prefix) for prefix in SEEDS]


@pytest.mark.parametrize("compressed", [True, False])
def test_warc_pages_are_articles(
    tmp_path: Path, seeds: Path, pages: list[Page], compressed: bool
) -> None:
    archive = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    archive.write_bytes(warc_bytes(pages, gzip=compressed))
    found, notices = read_all(archive)
    assert all(isinstance(item, Article) for item in found)
    articles = [item for item in found if isinstance(item, Article)]
    assert [a.path for a in articles] == [f"{archive}#{page.url}" for page in pages]
    assert [a.source for a in articles] == [seed_path(seeds, p).stem for p in SEEDS]
    assert notices == ["2 non-HTML records and 1 non-200 HTML record skipped"]
    for prefix, page, article in zip(SEEDS, pages, articles, strict=True):
        assert (article.outlet, article.url, article.published) == (SITE, page.url, "2022-01-05")
        assert kinds(article) == kinds(read_article(str(seed_path(seeds, prefix))))


def test_warc_date_is_the_fallback_date(tmp_path: Path, seeds: Path) -> None:
    archive = tmp_path / "x.warc.gz"
    archive.write_bytes(warc_bytes([seed_page(seeds, "000", published=None)], extra=False))
    (article,), notices = read_all(archive)
    assert isinstance(article, Article) and article.published == "2022-01-01"  # WARC-Date
    assert notices == []


def test_a_whole_file_gzip_archive_is_read(tmp_path: Path, pages: list[Page]) -> None:
    archive = tmp_path / "whole.warc.gz"
    archive.write_bytes(gzip.compress(warc_bytes(pages, gzip=False)))
    found, _ = read_all(archive)
    assert len(found) == 3 and all(isinstance(item, Article) for item in found)


def test_same_url_twice_gets_two_places(tmp_path: Path, pages: list[Page]) -> None:
    archive = tmp_path / "twice.warc.gz"
    archive.write_bytes(warc_bytes([pages[1], pages[1]], extra=False))
    first, second = read_all(archive)[0]
    assert isinstance(first, Article) and isinstance(second, Article)
    assert second.path == first.path + "~2" and second.source == first.source + "-2"


def test_truncated_archive_keeps_the_records_before(tmp_path: Path, pages: list[Page]) -> None:
    whole = warc_bytes(pages)
    archive = tmp_path / "cut.warc.gz"
    archive.write_bytes(whole[: len(whole) * 2 // 3])
    found, _ = read_all(archive)
    *kept, error = found
    assert kept and all(isinstance(item, Article) for item in kept)
    assert isinstance(error, IngestError) and error.path.startswith(str(archive))
    assert "truncated" in error.reason or "corrupt" in error.reason


def test_uncompressed_archive_cut_in_a_record(tmp_path: Path, pages: list[Page]) -> None:
    whole = warc_bytes(pages, gzip=False)
    archive = tmp_path / "cut.warc"
    archive.write_bytes(whole[: len(whole) // 2])
    *kept, error = read_all(archive)[0]
    assert kept and all(isinstance(item, Article) for item in kept)
    assert isinstance(error, IngestError) and "truncated" in error.reason


@pytest.mark.parametrize("share", [0.3, 0.5, 0.9])
def test_uncompressed_archive_cut_anywhere(tmp_path: Path, pages: list[Page], share: float) -> None:
    whole = warc_bytes(pages, gzip=False)
    archive = tmp_path / "cut.warc"
    archive.write_bytes(whole[: int(len(whole) * share)])
    *kept, error = read_all(archive)[0]
    assert isinstance(error, IngestError) and error.path.startswith(str(archive))
    assert "truncated" in error.reason and "NoneType" not in error.reason
    for article in kept:  # the pages before the cut are whole
        assert isinstance(article, Article) and article.text.rstrip().endswith((".", "”", "?"))


def test_corrupt_record_in_the_middle(tmp_path: Path, pages: list[Page]) -> None:
    archive = tmp_path / "mid.warc.gz"
    junk = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    archive.write_bytes(
        warc_bytes(pages[:1], extra=False) + junk + warc_bytes(pages[1:], extra=False)
    )
    found, _ = read_all(archive)
    assert isinstance(found[0], Article)
    errors = [item for item in found if isinstance(item, IngestError)]
    assert len(errors) == 1 and str(archive) in str(errors[0])


def test_oversized_record_is_skipped_and_the_rest_read(tmp_path: Path, pages: list[Page]) -> None:
    archive = tmp_path / "x.warc.gz"
    archive.write_bytes(warc_bytes(pages, extra=False))
    limit = len(pages[0].html.encode()) - 1  # the first page is the longest
    assert all(len(page.html.encode()) <= limit for page in pages[1:])
    error, *rest = read_all(archive, max_bytes=limit)[0]
    assert isinstance(error, IngestError) and "too large" in error.reason
    assert error.path == f"{archive}#{pages[0].url}"
    assert len(rest) == 2 and all(isinstance(item, Article) for item in rest)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty archive"),
        (b"this is not a web archive\r\n\r\n" * 20, "corrupt"),
        (bytes(range(256)) * 20, "corrupt"),
        (b"\x1f\x8b\x08\x00garbage after a gzip magic", "corrupt"),
    ],
)
def test_bad_archives(tmp_path: Path, data: bytes, reason: str) -> None:
    archive = tmp_path / "bad.warc"
    archive.write_bytes(data)
    (error,), notices = read_all(archive)
    assert isinstance(error, IngestError) and error.path == str(archive)
    assert reason in error.reason and len(error.reason) < 200
    assert notices == []


def test_archive_without_pages_is_an_error(tmp_path: Path) -> None:
    archive = tmp_path / "none.warc.gz"
    buffer = io.BytesIO()
    from warcio.warcwriter import WARCWriter

    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record("none.warc.gz", {"software": "tests"}))
    archive.write_bytes(buffer.getvalue())
    (error,), _ = read_all(archive)
    assert isinstance(error, IngestError) and "no pages" in error.reason


def test_folders_take_pages_and_archives(tmp_path: Path) -> None:
    for name in ("a.html", "b.HTM", "c.warc", "d.warc.gz", "e.gz", "f.xml"):
        (tmp_path / name).write_bytes(b"x")
    found = list(expand_paths([str(tmp_path)]))
    assert [Path(p).name for p in found if isinstance(p, str)] == [
        "a.html",
        "b.HTM",
        "c.warc",
        "d.warc.gz",
    ]
    errors = [e for e in found if isinstance(e, IngestError)]
    assert [Path(e.path).name for e in errors] == ["e.gz", "f.xml"]
    assert all(".html" in e.reason and ".warc" in e.reason for e in errors)


_MARKUP = st.lists(
    st.sampled_from(
        [
            "<html>",
            "<body>",
            "<p>",
            "</p>",
            "<div class='x'>",
            "</div>",
            "<script>alert(1)</script>",
            '<img src=x onerror="alert(1)">',
            "<!--",
            "-->",
            "<![CDATA[",
            "<?xml version='1.0' encoding='utf-8'?>",
            '<meta charset="utf-16">',
            '<meta charset="nonsense">',
            "&amp;",
            "&#0;",
            "&#x110000;",
            "<h2>",
            "<table><tr><td>",
            "<li>",
            "<br>",
            "The council said it will close the plant in May. ",
            "\x00",
            "\ud800",
            "\u2028",
            "é",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(st.binary(max_size=2000), _MARKUP.map(lambda s: s.encode("utf-8", "surrogatepass")))
)
def test_any_bytes_as_a_page_are_an_article_or_an_ingest_error(data: bytes) -> None:
    try:
        article = parse_article(data, "any.html")
    except IngestError as error:
        assert error.path == "any.html"
        return
    for claim in extract_claims(article):
        assert article.text[claim.start : claim.end] == claim.quote


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=3000), st.integers(min_value=0, max_value=6000))
def test_any_bytes_as_an_archive_are_articles_or_ingest_errors(junk: bytes, cut: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "any.warc.gz"
        archive.write_bytes((_WARC + junk)[: len(_WARC) - cut] if cut else _WARC + junk)
        found = list(read_articles(str(archive), max_bytes=1 << 20))
    assert all(isinstance(item, (Article, IngestError)) for item in found)


_WARC = warc_bytes(
    [
        story_page(
            "Acme to close Ohio plant\n\nAcme will close its Ohio plant in May, the company said.\n",
            slug="acme",
        )
    ]
)
