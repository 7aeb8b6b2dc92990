"""Reading .txt, .md and .json articles, and the errors for files that cannot be read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.ingest import IngestError, expand_paths, read_article


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: Vans\nauthor: 'Ana B.'\noutlet: The Post\n---\nAmazon bought vans.\n"
    )
    article = read_article(str(path))
    assert (article.title, article.author, article.outlet) == ("Vans", "Ana B.", "The Post")
    body = [b for b in article.blocks if b.kind == "body"]
    assert [article.text[b.start : b.end] for b in body] == ["Amazon bought vans."]


def test_json_article(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text(
        json.dumps({"text": "Amazon bought vans.", "title": "Vans", "url": "https://x.test/a"})
    )
    article = read_article(str(path))
    assert (article.text, article.title, article.url, article.source) == (
        "Amazon bought vans.",
        "Vans",
        "https://x.test/a",
        "story",
    )


def test_newlines_and_bom_kept_as_offsets_define(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffFirst line.\r\nSecond line.\r\n".encode())
    assert read_article(str(path)).text == "First line.\r\nSecond line.\r\n"


def test_windows_1252_fallback(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 owners said prices rose.".encode("cp1252"))
    article = read_article(str(path))
    assert article.encoding == "cp1252" and article.text.startswith("Café")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"   \n\n", "empty article"),
        ("binary.txt", b"\x00\x01\x02PK", "binary file"),
        ("bad.json", b"{not json", "malformed JSON"),
        ("list.json", b"[1, 2]", "must be an object"),
        ("extra.json", b'{"text": "A b c.", "body": "x"}', "unknown JSON key"),
        ("notext.json", b'{"title": "x"}', 'needs a "text" string'),
        ("front.md", b"---\ntitle: x\nno closing line\n", "malformed front matter"),
        (
            "front2.md",
            b"---\njust words\n---\nBody text here.\n",
            "malformed front matter at line 2",
        ),
        ("doc.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError) as caught:
        read_article(str(path))
    assert reason in caught.value.reason
    assert str(caught.value).startswith(str(path))


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Amazon bought vans. " * 100)
    with pytest.raises(IngestError, match="too large"):
        read_article(str(path), max_bytes=100)


def test_expand_paths(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("Two.")
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "c.pdf").write_text("x")
    items = list(expand_paths([str(tmp_path), str(tmp_path / "missing.txt")]))
    files = [item for item in items if isinstance(item, str)]
    errors = [item for item in items if isinstance(item, IngestError)]
    assert files == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.md")]
    assert [(Path(e.path).name, e.reason.split(",")[0]) for e in errors] == [
        ("c.pdf", "unsupported file type"),
        ("missing.txt", "no such file or folder"),
    ]


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("http://nypost.com/2013/05/02/lohan-checks-into-rehab/", "2013-05-02"),
        ("https://example.org/news/2012-10-5/quake", "2012-10-05"),
        ("https://example.org/2013/05/lohan-rehab", None),  # no day
        ("https://example.org/id/2013/13/02/x", None),  # no such month
    ],
)
def test_a_news_address_dates_an_undated_article(url: str, day: str | None) -> None:
    from claims.ingest import build_article, url_date

    assert url_date(url) == day
    article = build_article(
        "Rescuers reached the village.", path="a", source="a", metadata={"url": url}
    )
    assert article.published == day
    dated = build_article(
        "Rescuers reached the village.",
        path="a",
        source="a",
        metadata={"url": url, "published": "2020-01-01"},
    )
    assert dated.published == "2020-01-01"
