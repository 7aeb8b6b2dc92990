"""Saved web pages (``.html``, ``.htm``) and web archives (``.warc``, ``.warc.gz``).

A page's main text is taken out of its markup by trafilatura, without navigation, adverts,
share buttons, related links, comments or cookie banners, and written as plain text: one
paragraph a line with a blank line between, headings marked ``## `` as in Markdown, list items
``- `` and quoted passages ``> ``, so the structure analysis finds them as it does in a ``.md``
file. That text is the article text claims point into. Title, author, date, site name and
canonical URL come from the page's metadata.

A WARC archive holds many pages: every HTML ``response`` record with status 200 is one article,
its ``path`` the archive's path, ``#`` and the record's target URL. Other records are counted
and skipped. A record that cannot be read becomes an :class:`IngestError` naming the archive and
the URL; a corrupt archive ends the reading there, the records before it kept.
"""

from __future__ import annotations

import codecs
import gzip
import logging
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterator
from typing import IO, Any
from urllib.parse import urlsplit

import attrs
import trafilatura
from trafilatura.settings import use_config
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from claims.ingest import IngestError, build_article, decode, source_id, too_large, unique_id
from claims.models import Article

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

# trafilatura logs to the root logger's last-resort handler (stderr) when a page has no text;
# the caller reports that as one IngestError line, so the library's own lines are kept quiet.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

_CONFIG = use_config()
_CONFIG.set("DEFAULT", "MAX_FILE_SIZE", str(2**62))  # the caller enforces --max-bytes
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal alarms inside a library call
# Below this many characters of main text trafilatura tries its fallback extractors, which on
# a short story read the whole page as one paragraph, share bar and advert included; its
# default of 250 took a one-paragraph story for a failure.
_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", "100")
# Dates from the page's markup and metadata only, not guessed from the text; no "not after
# today" cut-off, so the same page gives the same date on any day.
_DATES = {"original_date": True, "extensive_search": False, "max_date": "2999-12-31"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_DOCUMENT = re.compile(r"<(?:html|body)[\s>]", re.I)
_SPACES = re.compile(r"[ \t\r\f\v]+")
_HEADING_LEVEL = re.compile(r"h([1-6])")


def parse_page(
    data: bytes,
    path: str,
    *,
    source: str | None = None,
    url: str | None = None,
    published: str | None = None,
    charset: str | None = None,
) -> Article:
    """The article in a saved page's bytes; ``url`` and ``published`` are used when the page
    does not give its own, ``charset`` is the one its HTTP headers declared."""
    text, encoding = _decode_page(data, path, charset)
    if not _DOCUMENT.search(text):
        text = f"<html><body>{text}</body></html>"  # a saved fragment: trafilatura wants a page
    try:
        document = trafilatura.bare_extraction(
            text,
            url=url,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            with_metadata=True,
            date_extraction_params=dict(_DATES),
            config=_CONFIG,
        )
    except IngestError:
        raise
    except Exception as error:  # the parser on hostile markup: report it, never crash
        raise IngestError(path, f"unreadable HTML ({type(error).__name__}: {error})") from None
    if document is None or isinstance(document, dict):
        raise IngestError(path, "no article text found in the page")
    body = page_text(document.body) if document.body is not None else ""
    if not body.strip():
        raise IngestError(path, "no article text found in the page")
    metadata: dict[str, str | None] = {
        "title": _clean(document.title),
        "author": _clean(document.author),
        "published": _clean(document.date) or published,
        "url": _clean(document.url) or url,
        "outlet": _clean(document.sitename),
    }
    return build_article(
        body,
        path=path,
        source=source or source_id(path),
        metadata=metadata,
        encoding=encoding,
    )


def page_text(body: Any) -> str:
    """The text of trafilatura's extracted ``<body>``: one block a paragraph, blank lines
    between them, headings, list items and quotes marked as in Markdown."""
    blocks: list[str] = []
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "head":
            level = _HEADING_LEVEL.fullmatch(element.get("rend") or "")
            marks = "#" * (int(level.group(1)) if level else 2)
            blocks.append(_prefixed(_inline_text(element), f"{marks} "))
        elif tag == "list":
            items = [_inline_text(item) for item in element.iter("item")]
            blocks.append("\n".join(_prefixed(item, "- ") for item in items if item))
        elif tag == "quote":
            blocks.append(_prefixed(_inline_text(element), "> "))
        elif tag == "table":
            rows = []
            for row in element.iter("row"):
                cells = [_inline_text(cell) for cell in row.iter("cell")]
                rows.append(" | ".join(cell for cell in cells if cell))
            blocks.append("\n".join(row for row in rows if row))
        elif tag != "graphic":
            blocks.append(_inline_text(element))
        if tag and element.tail and element.tail.strip():
            blocks.append(_SPACES.sub(" ", element.tail).strip())
    return "\n\n".join(block for block in blocks if block) + "\n"


def _inline_text(element: Any) -> str:
    """An element's words, whitespace runs as one space, ``<lb/>`` as a line break."""
    parts: list[str] = []
    for node in element.iter():
        if node is not element and node.tag == "lb":
            parts.append("\n")
        if node.text and isinstance(node.tag, str):  # not a comment or processing instruction
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _prefixed(text: str, mark: str) -> str:
    return "\n".join(f"{mark}{line}" for line in text.split("\n") if line)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


def _decode_page(data: bytes, path: str, charset: str | None) -> tuple[str, str]:
    """The page's text and encoding: as :func:`claims.ingest.decode` (UTF-8, else
    Windows-1252), except that a page which is not UTF-8 and declares a charset in its HTTP
    headers or a ``<meta>`` tag is read in that charset."""
    text, encoding = decode(data, path)
    if encoding != "cp1252":
        return text, encoding
    declared = charset
    if declared is None:
        match = _CHARSET.search(data[:4096])
        declared = match.group(1).decode("ascii") if match else None
    if declared:
        try:
            name = codecs.lookup(declared).name
            if name not in ("utf-8", "cp1252"):
                return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return text, encoding


# -- web archives ------------------------------------------------------------------------


def read_warc(
    path: str,
    *,
    max_bytes: int,
    on_notice: Callable[[str, str], None] | None = None,
) -> Iterator[Article | IngestError]:
    """The pages of a WARC archive, each an article, in the archive's order; records that
    cannot be read as an :class:`IngestError` in their place. ``max_bytes`` limits each
    record's page, not the archive. How many other records were skipped goes to
    ``on_notice`` once at the end."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            yield IngestError(path, "not a regular file (a pipe, device or socket), skipped")
            return
        handle = open(path, "rb")  # noqa: SIM115 - closed below, around a generator
    except OSError as error:
        yield IngestError(path, f"cannot read: {error.strerror or error}")
        return
    archive = _Archive(path, max_bytes)
    try:
        yield from archive.read(handle)
    finally:
        handle.close()
        counts = [
            (archive.skipped["not HTML"], "non-HTML"),
            (archive.skipped["not status 200"], "non-200 HTML"),
        ]
        said = [f"{n} {kind} record{'' if n == 1 else 's'}" for n, kind in counts if n]
        if on_notice and said:
            on_notice(path, " and ".join(said) + " skipped")


@attrs.define
class _Archive:
    """Reading one archive: what was read and skipped so far."""

    path: str
    max_bytes: int
    skipped: dict[str, int] = attrs.Factory(lambda: {"not HTML": 0, "not status 200": 0})
    pages: int = 0
    index: int = 0
    names: dict[str, int] = attrs.Factory(dict)
    ids: set[str] = attrs.Factory(set)

    def read(self, handle: IO[bytes]) -> Iterator[Article | IngestError]:
        for record in self._records(handle):
            if isinstance(record, IngestError):
                yield record
                return
            if record.rec_type not in ("response", "resource"):
                continue  # warcinfo, request, metadata, revisit: not content
            item, stop = self._page(record)
            if item is not None:
                yield item
            if stop:
                return
        if not self.index:
            yield IngestError(self.path, "empty archive (no WARC records)")
        elif not self.pages and not any(self.skipped.values()):
            yield IngestError(self.path, "no pages in the archive (no response records)")

    def _records(self, handle: IO[bytes]) -> Iterator[Any]:
        """The archive's records, then an :class:`IngestError` if it breaks off."""
        stream: IO[bytes] | _Gunzip = handle
        if handle.read(2) == b"\x1f\x8b":
            # gzip reads one member per record and one member for the whole file alike
            stream = _Gunzip(gzip.GzipFile(fileobj=handle, mode="rb"))
        handle.seek(0)
        iterator = _Records(stream, check_digests=False)
        records = iter(iterator)
        while True:
            try:
                record = next(records)
                if iterator.err_count:
                    raise ValueError("a record does not end where its Content-Length says")
                if record.format != "warc":
                    raise ValueError("not a WARC record")
            except StopIteration:
                return
            except Exception as error:
                where = f"after {self.pages} page(s)" if self.index else "at its start"
                why = (
                    _why(error)
                    if isinstance(error, (ValueError, ArchiveLoadFailed))
                    else "a record's headers are cut short or malformed"
                )
                yield IngestError(self.path, f"corrupt or truncated archive {where}: {why}")
                return
            self.index += 1
            yield record

    def _page(self, record: Any) -> tuple[Article | IngestError | None, bool]:
        """The article of one response record (or why not), and whether reading stops."""
        url = record.rec_headers.get_header("WARC-Target-URI") or f"record-{self.index}"
        if _content_type(record) not in HTML_TYPES:
            self.skipped["not HTML"] += 1
            return None, False
        if record.http_headers is not None and record.http_headers.get_statuscode() != "200":
            self.skipped["not status 200"] += 1
            return None, False
        seen = self.names.get(url, 0) + 1
        self.names[url] = seen
        where = f"{self.path}#{url}" if seen == 1 else f"{self.path}#{url}~{seen}"
        try:
            body = record.content_stream().read(self.max_bytes + 1)
        except Exception as error:
            return IngestError(where, f"corrupt or truncated record: {_why(error)}"), True
        if len(body) > self.max_bytes:
            return IngestError(where, too_large(len(body), self.max_bytes, at_least=True)), False
        if getattr(record.raw_stream, "limit", 0) > 0:  # bytes its length promised are missing
            return IngestError(where, "truncated record: the archive ends inside it"), True
        try:
            article = parse_page(
                body,
                where,
                source=unique_id(_url_source(url), self.ids),
                url=url if url.startswith(("http://", "https://")) else None,
                published=_warc_date(record.rec_headers.get_header("WARC-Date")),
                charset=_charset(record),
            )
        except IngestError as error:
            return error, False
        self.ids.add(article.source)
        self.pages += 1
        return article, False


class _Gunzip:
    """A gzip stream read for warcio: the bytes before a truncation or corruption are given
    out first, and the damage then raised as an error that warcio does not take for the end
    of the archive (it reads an ``EOFError`` as one)."""

    def __init__(self, stream: gzip.GzipFile) -> None:
        self._stream = stream
        self._error: Exception | None = None

    def read(self, size: int = -1) -> bytes:
        if self._error is not None:
            raise self._error
        chunks: list[bytes] = []
        wanted = size if size >= 0 else 1 << 62
        try:
            while wanted > 0:
                chunk = self._stream.read1(min(wanted, 1 << 16))
                if not chunk:
                    break
                chunks.append(chunk)
                wanted -= len(chunk)
        except (EOFError, OSError, zlib.error) as error:
            self._error = ValueError(f"damaged gzip data ({' '.join(str(error).split())})")
            if not chunks:
                raise self._error from None
        return b"".join(chunks)


class _QuietFormat(str):
    """A message template that formats to nothing."""

    __slots__ = ()

    def format(self, *args: object, **kwargs: object) -> str:
        return ""


class _Records(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator without its warning on stderr about a record that does not end where
    its length says; :func:`read_warc` sees it in ``err_count`` and reports the archive."""

    INC_RECORD = _QuietFormat("")


def _content_type(record: Any) -> str:
    headers = record.http_headers
    value = headers.get_header("Content-Type") if headers is not None else None
    if value is None:
        value = record.rec_headers.get_header("Content-Type") or ""
    return str(value).split(";", 1)[0].strip().lower()


def _charset(record: Any) -> str | None:
    headers = record.http_headers
    value = str(headers.get_header("Content-Type") or "") if headers is not None else ""
    match = re.search(r"charset\s*=\s*\"?([A-Za-z0-9_:.-]+)", value, re.I)
    return match.group(1) if match else None


def _warc_date(value: str | None) -> str | None:
    """A record's ``WARC-Date`` as the date trafilatura gives pages (``YYYY-MM-DD``)."""
    if value and re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None


def _url_source(url: str) -> str:
    """A short source id for a page: the last part of its URL's path, else its host."""
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    return source_id(segments[-1] if segments else parts.netloc or url)


def _why(error: Exception) -> str:
    """The error in a line: its message, shortened (warcio quotes the bytes it met)."""
    message = " ".join(str(error).split())
    if len(message) > 100:
        message = message[:97] + "..."
    name = type(error).__name__
    return (
        message if name == "ValueError" and message else f"{name}: {message}" if message else name
    )
