"""What in an article is not a claim: titles, headings, bylines, datelines, pull quotes.

Articles are read line by line, since news text keeps one paragraph (or heading) a line. Each
line becomes one or two :class:`Block` s; only ``body`` blocks are split into claims. What the
structure says about the article (its title, author, date) comes back as metadata.
"""

from __future__ import annotations

import re

import attrs

from claims.lexicon import word_set
from claims.models import Block

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE = (
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    rf"|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}})"
)
_DATE_LINE = re.compile(
    rf"^(?:(?:date|published|updated|posted|first published)(?:\s+on)?\s*:?\s*)?({_DATE})"
    r"(?:\s*(?:[,|]\s*)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.I,
)
_DATE_PREFIX = re.compile(
    rf"^(?:(?:date|published|updated|posted)\s*:?\s*({_DATE})\s*[-–—|:]?\s+)", re.I
)
# "SEATTLE (Reuters) - ", "WASHINGTON, Jan 5 (AP) — "
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)?\s*\([A-Za-z .&-]{2,30}\)\s*[-–—]+\s+"
)
# "MILLBROOK — ", "NEW YORK, Nov. 20 - ": a place in capitals (a word of three or more) and a
# dash, without an agency; only taken at the start of the first body paragraph.
_PLACE_DATELINE = re.compile(
    r"^(?=[A-Z.'’ -]*[A-Z]{3})[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][a-z]{2,}\.?(?:\s+\d{1,2})?)?"
    r"\s*[-–—]+\s+"
)
_HEADING_MARK = re.compile(r"^#{1,6}\s")
_BOLD_LINE = re.compile(r"^(?:\*\*[^*]+\*\*|__[^_]+__)\s*:?$")
_BYLINE = re.compile(r"^(?:by|written by|reporting by|story by|words by)\b\s*:?\s*(.+)$", re.I)
_BOILERPLATE = re.compile(
    r"^(?:advertisement|read more|related(?: articles?| stories)?|share this(?: article)?|"
    r"sign up|subscribe|click here|follow us|image|photo|credit|getty images|watch|listen)\b"
    r"(?:\s*:|\s*$)",
    re.I,
)
_QUOTED_LINE = re.compile(r'^[“"](.+)[”"]$')
_BLOCKQUOTE = re.compile(r"^(?:>\s?)+")  # markdown's "> " before a quoted passage
_SENTENCE_END = ".!?…:;"
_CLOSERS = "\"'”’)]*_ "


@attrs.frozen
class Structure:
    blocks: tuple[Block, ...]
    metadata: dict[str, str | None]


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line's content, surrounding whitespace trimmed."""
    spans = []
    position = start
    for raw in text[start:].splitlines(keepends=True):
        line_start, line_end = (
            position,
            position + len(raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")),
        )
        position += len(raw)
        while line_start < line_end and text[line_start].isspace():
            line_start += 1
        while line_end > line_start and text[line_end - 1].isspace():
            line_end -= 1
        if line_end > line_start:
            spans.append((line_start, line_end))
    return spans


def _ends_like_sentence(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def _is_byline(line: str) -> str | None:
    match = _BYLINE.match(line)
    if match is None:
        return None
    name = match.group(1).strip()
    words = name.replace(",", " ").split()
    if not words or len(words) > 8:
        return None
    joiners = {"and", "&", "in", "of", "for", "the", "|", "-", "–", "—"}
    if all(word[0].isupper() or word.lower() in joiners for word in words):
        return name
    return None


def _title_case(words: list[str]) -> bool:
    capitalised = sum(1 for word in words if word[:1].isupper() or word[:1].isdigit())
    return capitalised >= max(2, int(len(words) * 0.6))


def _run_in_heading(line: str) -> int | None:
    """Where a heading glued to its paragraph ends ("Global ReachThe launch ..."), if any."""
    starters = word_set("sentence_starters.txt")
    for match in re.finditer(r"[a-z)](?=([A-Z][a-z]*)\s)", line[:160]):
        if match.group(1) not in starters:
            continue
        head = line[: match.end()]
        if any(mark in head for mark in _SENTENCE_END + ","):
            return None
        return match.end() if _title_case(head.split()) else None
    return None


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def analyse_structure(text: str, body_start: int = 0) -> Structure:
    """Blocks of the article from ``body_start`` on, and metadata read from its structure."""
    blocks: list[Block] = []
    metadata: dict[str, str | None] = {}
    if body_start:
        blocks.append(Block("frontmatter", 0, body_start))
    lines = _lines(text, body_start)
    seen_body = False
    normalised_text: str | None = None
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        marker = _BLOCKQUOTE.match(line)
        if marker:
            if _QUOTED_LINE.match(line[marker.end() :]):
                blocks.append(Block("pullquote", start, end))  # "> “A quote nobody says.”"
                continue
            start += marker.end()  # a quoted passage: its words are content, not the marker
            line = text[start:end]
            if not line.strip():
                continue
        words = line.split()
        if _HEADING_MARK.match(line) or _BOLD_LINE.match(line):
            blocks.append(Block("heading", start, end))
            continue
        author = _is_byline(line)
        if author is not None and not seen_body:
            blocks.append(Block("byline", start, end))
            metadata.setdefault("author", author)
            continue
        date = _DATE_LINE.match(line)
        if date:
            blocks.append(Block("dateline", start, end))
            metadata.setdefault("published", date.group(1))
            continue
        if _BOILERPLATE.match(line) and len(words) <= 12:
            blocks.append(Block("boilerplate", start, end))
            continue
        quoted = _QUOTED_LINE.match(line)
        if quoted and not _ends_like_sentence(quoted.group(1)):
            # A lone quoted fragment shown as a display line.
            blocks.append(Block("pullquote", start, end))
            continue
        if quoted:
            if normalised_text is None:
                normalised_text = _normalise(text[:start] + " " + text[end:])
            if _normalise(quoted.group(1)) in normalised_text:
                blocks.append(Block("pullquote", start, end))
                continue
        if not _ends_like_sentence(line) and len(words) <= 25 and not _is_list_item(line):
            is_title = index == 0 and "title" not in metadata
            blocks.append(Block("title" if is_title else "heading", start, end))
            if is_title:
                metadata["title"] = line.strip("#* ")
            continue
        prefix = _DATE_PREFIX.match(line)
        if prefix:
            blocks.append(Block("dateline", start, start + prefix.end()))
            metadata.setdefault("published", prefix.group(1))
            start += prefix.end()
        else:
            wire = _WIRE_DATELINE.match(line) or (
                None if seen_body else _PLACE_DATELINE.match(line)
            )
            if wire:
                blocks.append(Block("dateline", start, start + wire.end()))
                start += wire.end()
        glued = _run_in_heading(text[start:end])
        if glued is not None:
            blocks.append(Block("heading", start, start + glued))
            start += glued
        seen_body = True
        blocks.append(Block("body", start, end))
    return Structure(tuple(blocks), metadata)


def _is_list_item(line: str) -> bool:
    return bool(re.match(r"^(?:[-–—•*⁃]|\d{1,3}[.)])\s", line))
