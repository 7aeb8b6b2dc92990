"""Throughput of reading saved web pages and web archives into articles.

    python -m bench.web_ingest_speed [--pages 600] [--check]

Builds ``--pages`` news-site pages (``bench.pages``: navigation, cookie banner, share bar,
advert, related stories, comments, scripts around the story) from the seed articles and the
texts of ``news-clusters/articles.jsonl`` in the shared data, read by path. Times, on one core
in this process: the pages' bytes to articles (``claims.ingest.parse_article`` on ``.html``,
trafilatura and structure analysis), the same pages packed into one ``.warc.gz`` read back with
``claims.ingest.read_articles``, and for scale the plain texts to articles. MB/s are of the
HTML bytes. With ``--check``, also how many pages give the claims (text and kind) of their
plain text.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from bench.pages import Page, story_page, warc_bytes
from claims.extract import extract_claims
from claims.ingest import IngestError, build_article, parse_article, read_articles
from claims.models import Article


def texts(data: Path, count: int) -> list[str]:
    """``count`` article texts: the seeds, then the news-clusters articles in file order."""
    found = [p.read_text(encoding="utf-8") for p in sorted((data.parent / "seeds").glob("*.txt"))]
    with (data / "news-clusters" / "articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if len(found) >= count:
                break
            text = json.loads(line)["text"]
            if len(text.split()) >= 40:
                found.append(text)
    return found[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--pages", default=600, type=int)
    parser.add_argument("--check", action="store_true", help="compare claims page vs text")
    args = parser.parse_args()
    plain = texts(args.data, args.pages)
    pages: list[Page] = [story_page(text, slug=f"story-{n}") for n, text in enumerate(plain)]
    blobs = [page.html.encode("utf-8") for page in pages]
    size = sum(map(len, blobs)) / 1e6
    text_size = sum(len(t.encode("utf-8")) for t in plain) / 1e6
    parse_article(blobs[0], "warm.html")  # imports trafilatura, loads its data

    started = time.perf_counter()
    articles = []
    failed = 0
    for number, blob in enumerate(blobs):
        try:
            articles.append(parse_article(blob, f"p{number}.html"))
        except IngestError:
            failed += 1
    took = time.perf_counter() - started
    print(
        f"HTML -> Article:  {len(blobs)} pages, {size:.2f} MB HTML, {failed} failed, "
        f"{took:.2f} s, {len(blobs) / took:.0f} pages/s, {size / took:.2f} MB/s"
    )

    archive_bytes = warc_bytes(pages)
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "bench.warc.gz"
        archive.write_bytes(archive_bytes)
        started = time.perf_counter()
        found = list(read_articles(str(archive), max_bytes=1 << 24))
        took = time.perf_counter() - started
    read = sum(1 for item in found if not isinstance(item, IngestError))
    print(
        f"WARC -> Articles: {read} pages of {len(pages)}, {len(archive_bytes) / 1e6:.2f} MB gzip "
        f"({size:.2f} MB HTML), {took:.2f} s, {len(pages) / took:.0f} pages/s, "
        f"{size / took:.2f} MB/s of HTML"
    )

    started = time.perf_counter()
    for number, text in enumerate(plain):
        build_article(text, path=f"t{number}.txt", source=f"t{number}")
    took = time.perf_counter() - started
    print(
        f"text -> Article:  {len(plain)} texts, {text_size:.2f} MB, {took:.2f} s, "
        f"{len(plain) / took:.0f} texts/s (for scale: no HTML)"
    )

    if args.check:
        same = repeated = 0
        for number, text in enumerate(plain):
            try:
                page = parse_article(blobs[number], f"p{number}.html")
            except IngestError:
                continue
            ours = _claims(page)
            if ours == _claims(build_article(text, path="t", source="t")):
                same += 1
            elif ours == _claims(build_article(_once(text), path="t", source="t")):
                repeated += 1
        print(
            f"claims equal to the plain text's: {same} of {len(plain)} pages; {repeated} more "
            "once a paragraph repeated right after itself is counted once (trafilatura drops it)"
        )


def _claims(article: Article) -> list[tuple[str, str]]:
    return [(claim.text, claim.kind) for claim in extract_claims(article)]


def _once(text: str) -> str:
    """The text with a line that repeats the line before it left out."""
    kept: list[str] = []
    for line in text.splitlines():
        if not (kept and line.strip() and line.strip() == kept[-1].strip()):
            kept.append(line)
    return "\n".join(kept) + "\n"


if __name__ == "__main__":
    main()
