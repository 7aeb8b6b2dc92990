"""Reading article files: ``.txt``, ``.md`` with optional front matter, ``.json``, saved web
pages (``.html``, ``.htm``) and web archives (``.warc``, ``.warc.gz``; see :mod:`claims.web`).

Files and folders are expanded in a stable order. Anything that cannot be read becomes an
:class:`IngestError` naming the file and the reason, so callers can report it and go on.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import attrs

from claims.models import Article, Block
from claims.structure import analyse_structure

PAGE_SUFFIXES = (".html", ".htm")
ARCHIVE_SUFFIXES = (".warc", ".warc.gz")
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".json", *PAGE_SUFFIXES, *ARCHIVE_SUFFIXES)
_USE = "use .txt, .md, .json, .html or .warc(.gz)"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
METADATA_KEYS = ("title", "author", "published", "url", "outlet")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")


@attrs.frozen
class IngestError(Exception):
    """A file that could not be turned into an article."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def expand_paths(paths: Iterable[str]) -> Iterator[str | IngestError]:
    """Files named directly, and supported files found recursively in folders, sorted.

    Hidden files and folders are skipped silently; other unsupported files inside folders are
    reported, since a user who points the tool at a folder expects to hear what it ignored.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield given
        elif not path.exists():
            yield IngestError(given, "no such file or folder")
        else:
            yield IngestError(given, "not a regular file")


def _walk(folder: Path) -> Iterator[str | IngestError]:
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        stat = os.stat(root)
        if (stat.st_dev, stat.st_ino) in seen:
            dirs.clear()
            yield IngestError(root, "folder already visited (symlink loop), skipped")
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = os.path.join(root, name)
            if name.lower().endswith(SUPPORTED_SUFFIXES):
                yield full
            else:
                yield IngestError(full, f"unsupported file type, skipped ({_USE})")


def source_id(path: str) -> str:
    """A short, stable source id: the file name without its extension."""
    stem = Path(path).stem
    return re.sub(r"[^\w.-]+", "_", stem).strip("_") or "source"


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``, … : the first that is not ``taken``."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


ENCODING_NAMES = {"cp1252": "Windows-1252", "utf-16": "UTF-16"}


def encoding_notice(encoding: str) -> str:
    """What to tell a user about an article that was not UTF-8."""
    return f"not UTF-8; read as {ENCODING_NAMES.get(encoding, encoding)}"


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Text and the encoding used: UTF-16 when the file starts with its byte-order mark, else
    UTF-8 (BOM removed), else Windows-1252, else an error."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise IngestError(path, "starts like UTF-16 but is not valid UTF-16") from None
    if b"\x00" in data[:8192]:
        raise IngestError(path, "binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise IngestError(
            path,
            f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset "
            f"{utf8_error.start}) nor Windows-1252",
        ) from None


def read_article(
    path: str, *, source: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Read one article file; raise :class:`IngestError` with a readable reason on failure."""
    return parse_article(read_bytes(path, max_bytes=max_bytes), path, source=source)


def read_bytes(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a supported article file, within the size limit."""
    suffix = Path(path).suffix.lower()
    if not path.lower().endswith(SUPPORTED_SUFFIXES):
        raise IngestError(path, f"unsupported file type {suffix or '(none)'!r} ({_USE})")
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(path, "not a regular file (a pipe, device or socket), skipped")
        size = info.st_size
        if size > max_bytes:
            raise IngestError(path, too_large(size, max_bytes))
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise IngestError(path, f"cannot read: {error.strerror or error}") from None
    if len(data) > max_bytes:  # it grew after the size check
        raise IngestError(path, too_large(len(data), max_bytes))
    return data


def too_large(size: int, limit: int, *, at_least: bool = False) -> str:
    """Why a file (or a page in an archive) of ``size`` bytes is refused."""
    more = "at least " if at_least else ""
    return f"too large ({more}{size:,} bytes > limit {limit:,}; raise it with --max-bytes)"


def file_digest(path: str) -> str:
    """The sha256 of a file read in chunks (a web archive may be larger than memory allows)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise IngestError(path, "not a regular file (a pipe, device or socket), skipped")
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError as error:
        raise IngestError(path, f"cannot read: {error.strerror or error}") from None


def is_archive(path: str) -> bool:
    """Whether ``path`` names a web archive, a file of many articles."""
    return path.lower().endswith(ARCHIVE_SUFFIXES)


def file_of(location: str) -> str:
    """The file part of a stored location: a page in an archive is at ``archive#url``."""
    lowered = location.lower()
    for suffix in ARCHIVE_SUFFIXES[::-1]:  # .warc.gz before .warc
        mark = lowered.find(suffix + "#")
        if mark >= 0:
            return location[: mark + len(suffix)]
    return location


def read_articles(
    path: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_notice: Callable[[str, str], None] | None = None,
) -> Iterator[Article | IngestError]:
    """The articles of one file: one for an article file, one per page for a web archive
    (``max_bytes`` then limits each page). What cannot be read comes as an
    :class:`IngestError` in its place and the rest is still read; ``on_notice`` hears of
    records an archive had that are not pages."""
    if is_archive(path):
        from claims.web import read_warc  # trafilatura and warcio load only when needed

        yield from read_warc(path, max_bytes=max_bytes, on_notice=on_notice)
        return
    try:
        yield read_article(path, max_bytes=max_bytes)
    except IngestError as error:
        yield error


def parse_article(data: bytes, path: str, *, source: str | None = None) -> Article:
    """The article in a file's bytes, decoded, its metadata and structure read."""
    suffix = Path(path).suffix.lower()
    if suffix in PAGE_SUFFIXES:
        from claims.web import parse_page  # trafilatura loads only when a page is read

        return parse_page(data, path, source=source)
    if is_archive(path):
        raise IngestError(path, "a web archive holds many articles: read it with read_articles")
    text, encoding = decode(data, path)
    # Offsets are defined on the file with newlines left as they are.
    metadata: dict[str, str | None] = {}
    if suffix == ".json":
        text, metadata, json_source = _parse_json(text, path)
        source = source or json_source
        body_start = 0
    elif suffix in (".md", ".markdown"):
        metadata, body_start = _parse_front_matter(text, path)
    else:
        body_start = 0
    if not text[body_start:].strip():
        raise IngestError(path, "empty article (no text)")
    return build_article(
        text,
        path=path,
        source=source or source_id(path),
        metadata=metadata,
        body_start=body_start,
        encoding=encoding,
    )


def build_article(
    text: str,
    *,
    path: str,
    source: str,
    metadata: dict[str, str | None] | None = None,
    body_start: int = 0,
    encoding: str = "utf-8",
) -> Article:
    """An :class:`Article` for text already in memory, structure analysed."""
    metadata = dict(metadata or {})
    structure = analyse_structure(text, body_start)
    for key, value in structure.metadata.items():
        if metadata.get(key) is None:
            metadata[key] = value
    if metadata.get("published") is None and metadata.get("url"):
        metadata["published"] = url_date(metadata["url"] or "")
    return Article(
        source=source,
        path=path,
        text=text,
        sha256=_digest(text),
        title=metadata.get("title"),
        author=metadata.get("author"),
        published=metadata.get("published"),
        url=metadata.get("url"),
        outlet=metadata.get("outlet"),
        encoding=encoding,
        blocks=structure.blocks,
    )


# a day in a news address: ".../2013/05/02/lindsay-lohan-...", ".../2012-10-05/..."
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/-]|$)")


def url_date(url: str) -> str | None:
    """The publication day a news address carries in its path, as ``YYYY-MM-DD``, if any:
    the fallback when neither the metadata nor a dateline gives one."""
    found = _URL_DATE.search(url)
    return f"{found[1]}-{int(found[2]):02}-{int(found[3]):02}" if found else None


def text_article(text: str, *, source: str = "-", path: str = "-") -> Article:
    """An article of plain text taken as one body block: no heading or byline detection."""
    return Article(
        source=source,
        path=path,
        text=text,
        sha256=_digest(text),
        blocks=(Block("body", 0, len(text)),),
    )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _parse_json(text: str, path: str) -> tuple[str, dict[str, str | None], str | None]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise IngestError(path, f"malformed JSON: {error.msg} at line {error.lineno}") from None
    except RecursionError:
        # the decoder recurses per level; an article is one object of strings, never deep
        raise IngestError(
            path, 'JSON nested too deeply: an article is one object like {"text": "..."}'
        ) from None
    if not isinstance(value, dict):
        raise IngestError(path, 'JSON article must be an object like {"text": "..."}')
    allowed = {"text", "id", *METADATA_KEYS}
    extra = sorted(set(value) - allowed)
    if extra:
        raise IngestError(
            path, f"unknown JSON key(s) {', '.join(map(repr, extra))}; allowed: {sorted(allowed)}"
        )
    body = value.get("text")
    if not isinstance(body, str):
        raise IngestError(path, 'JSON article needs a "text" string')
    metadata: dict[str, str | None] = {}
    for key in (*METADATA_KEYS, "id"):
        item = value.get(key)
        if item is not None and not isinstance(item, str):
            raise IngestError(path, f'JSON key "{key}" must be a string or null')
        metadata[key] = item
    json_source = metadata.pop("id")
    return body, metadata, json_source


def _parse_front_matter(text: str, path: str) -> tuple[dict[str, str | None], int]:
    if not re.match(r"---[ \t]*\r?\n", text):
        return {}, 0
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise IngestError(path, "malformed front matter: no closing '---' line")
    metadata: dict[str, str | None] = {}
    for number, line in enumerate(match.group(1).splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pair = _KEY_VALUE.match(line)
        if pair is None:
            raise IngestError(
                path, f"malformed front matter at line {number}: expected 'key: value'"
            )
        key, raw = pair.group(1).lower(), pair.group(2)
        if key in METADATA_KEYS:
            metadata[key] = _unquote(raw) or None
    return metadata, match.end()


def _unquote(raw: str) -> str:
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1]
    return raw
