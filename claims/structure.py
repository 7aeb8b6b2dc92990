"""What in an article is not a claim: titles, headings, bylines, datelines, pull quotes.

Articles are read line by line, since news text keeps one paragraph (or heading) a line. Each
line becomes one or two :class:`Block` s; only ``body`` blocks are split into claims. What the
structure says about the article (its title, author, date) comes back as metadata.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import attrs

from claims.lexicon import month_names, weekdays, word_set
from claims.models import Block, BlockKind

_MONTHS = "|".join(name for name, _ in month_names())
_WEEKDAYS = "|".join(name for name, _ in weekdays())
_DATE = (
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    rf"|(?:(?:{_WEEKDAYS}),?\s+)?(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}"
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
_DASH = r"(?:[-–—]+|_)"  # wire copy sets a dash as " _ "
# "SEATTLE (Reuters) - ", "WASHINGTON, Jan 5 (AP) — ", "ISTANBUL, Turkey, Aug. 17 (AP) _ ",
# "Mexico City, 20 Sept (Reuters) -", "(CNN) -- ": a place (any case, up to three parts after
# commas: region, date) and an agency in brackets, then a dash or a colon.
_WIRE_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’ -]{1,40}?(?:,\s*(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:\s+\d{1,2})?"
    r"|\d{1,2}\s+[A-Z][a-z]+\.?))"
    r"{0,3}\s*)?"
    rf"\([A-Z][A-Za-z .&/-]{{1,29}}\)\s*(?:{_DASH}|:)\s+"
)
# "MILLBROOK — ", "NEW YORK, Nov. 20 - ": a place in capitals (a word of three or more) and a
# dash, without an agency; only taken at the start of the first body paragraph.
_PLACE_DATELINE = re.compile(
    r"^(?=[A-Z.'’ -]*[A-Z]{3})[A-Z][A-Z.'’ -]{2,40}"
    r"(?:,\s*(?:[A-Z][a-z]{2,}\.?(?:\s+[A-Z][a-z]{2,}\.?)?(?:\s+\d{1,2})?|\d{1,2}\s+[A-Z][a-z]+\.?)){0,2}"
    rf"\s*(?:{_DASH}\s+|:\s+(?=[A-Z]))"
)
# A line of only a date and a time, in any of the shapes web pages print them: "11 / 30 / 09
# 05: 40 PM ET", "THURSDAY, DECEMBER 3, 2009, 9: 36 AM", "Updated 4: 08 p. m. ET".
_TIME_WORDS = frozenset(
    {"am", "pm", "a", "p", "m", "at", "et", "est", "edt", "pt", "pst", "pdt", "ct", "cst", "cdt"}
    | {"gmt", "utc", "bst", "cet", "ist", "published", "updated", "posted", "last", "on", "th"}
    | {"st", "nd", "rd", "date", "time", "modified", "first"}
)
_DATE_TOKEN = re.compile(r"[A-Za-z]+|\d+")
# "Kocaeli: 4,100 dead, 9,800 injured": a label and figures, a line of a fact box or list.
_LABEL_LINE = re.compile(
    r"^(?:[-–—•*⁃]\s*)?(?P<label>[A-Z][\w.,'’& -]{0,40}?)\s*:\s+(?P<rest>.*\d.*)$"
)
_NOT_LABELS = frozenset(
    {"published", "updated", "posted", "date", "time", "photo", "credit", "source", "sources"}
    | {"image", "caption", "filed", "modified", "last updated", "first published"}
)
# "0:28 PILOT: We have lost an engine.", "[01:02:10] OBAMA: ...": a transcript's speaker turn.
TRANSCRIPT = re.compile(
    r"^(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+)?(?P<who>[A-Z][A-Z.'’ -]{0,30}[A-Z.])\s*:\s+(?=\S)"
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


@attrs.define
class _Reader:
    """The state of reading an article's lines: what was found so far."""

    text: str
    blocks: list[Block] = attrs.Factory(list)
    metadata: dict[str, str | None] = attrs.Factory(dict)
    seen_body: bool = False
    normalised: str | None = None  # the article's words, for finding repeated quotations


@attrs.frozen
class _Line:
    start: int
    end: int
    index: int  # of the line in the article
    text: str

    @property
    def words(self) -> list[str]:
        return self.text.split()


# Each rule looks at a whole line and gives its block kind, or None to pass it on; the first
# rule that answers decides. A line no rule takes is body text.
LineRule = Callable[[_Reader, _Line], BlockKind | None]


def _markup_heading(reader: _Reader, line: _Line) -> BlockKind | None:
    return "heading" if _HEADING_MARK.match(line.text) or _BOLD_LINE.match(line.text) else None


def _byline(reader: _Reader, line: _Line) -> BlockKind | None:
    author = _is_byline(line.text)
    if author is None or reader.seen_body:
        return None
    reader.metadata.setdefault("author", author)
    return "byline"


def _date_line(reader: _Reader, line: _Line) -> BlockKind | None:
    date = _DATE_LINE.match(line.text)
    if date is None:
        return None
    reader.metadata.setdefault("published", date.group(1))
    return "dateline"


def _boilerplate(reader: _Reader, line: _Line) -> BlockKind | None:
    return "boilerplate" if _BOILERPLATE.match(line.text) and len(line.words) <= 12 else None


def _quoted_fragment(reader: _Reader, line: _Line) -> BlockKind | None:
    """A lone quoted fragment shown as a display line."""
    quoted = _QUOTED_LINE.match(line.text)
    return "pullquote" if quoted and not _ends_like_sentence(quoted.group(1)) else None


def _repeated_quotation(reader: _Reader, line: _Line) -> BlockKind | None:
    """A quoted sentence that the article also has elsewhere: a pull quote."""
    quoted = _QUOTED_LINE.match(line.text)
    if quoted is None:
        return None
    if reader.normalised is None:
        text = reader.text
        reader.normalised = _normalise(text[: line.start] + " " + text[line.end :])
    return "pullquote" if _normalise(quoted.group(1)) in reader.normalised else None


def _time_line(reader: _Reader, line: _Line) -> BlockKind | None:
    """A line that is only a date and a time (web pages' many shapes of them)."""
    if len(line.text) > 80:
        return None
    tokens = _DATE_TOKEN.findall(line.text)
    if not tokens or len(tokens) > 16 or not any(t.isdigit() for t in tokens):
        return None
    words = _date_words()
    if not all(token.isdigit() or token.lower() in words for token in tokens):
        return None
    if not (re.search(r"\d\s*:\s*\d\d|\d\s*/\s*\d", line.text) or len(tokens) >= 3):
        return None
    if (published := _line_date(line.text)) is not None:
        reader.metadata.setdefault("published", published)
    return "dateline"


# "May 3rd, 2013", "Thu Jun 13, 2013", "18 September 2013" inside a time line
_LINE_DATE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}})\b",
    re.I,
)
# "09 / 14 / 2013", "4/4/2012", "15 / 09 / 2013": month first unless the first part is a day
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)\b")


def _line_date(text: str) -> str | None:
    """The day a time line gives, as written ("May 3, 2013") or as ``YYYY-MM-DD`` for a
    numeric one (read month first, as US sites print them, unless that cannot be a month)."""
    if named := _LINE_DATE.search(text):
        return re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", named.group())
    numeric = _NUMERIC_DATE.search(text)
    if numeric is None:
        return None
    first, second, year = (int(part) for part in numeric.groups())
    month, day = (first, second) if first <= 12 else (second, first)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year}-{month:02}-{day:02}"


@functools.cache
def _date_words() -> frozenset[str]:
    months = {name.lower() for name, _ in month_names()}
    days = {name.lower() for pair in weekdays() for name in pair}
    return frozenset(months | days | _TIME_WORDS)


def label_line(line: str) -> bool:
    """Whether the line is a "Label: figures" line of a fact box or list."""
    match = _LABEL_LINE.match(line)
    if match is None or len(line.split()) > 25 or TRANSCRIPT.match(line):
        return False
    label = match.group("label").strip().lower()
    return label not in _NOT_LABELS and not _ends_like_sentence(match.group("label"))


def _fact_line(reader: _Reader, line: _Line) -> BlockKind | None:
    """A fact box's "Label: figures" line or a transcript's turn: body, one claim a line,
    however short (the short-line rule would take it for a heading)."""
    return "body" if label_line(line.text) or TRANSCRIPT.match(line.text) else None


def _short_line(reader: _Reader, line: _Line) -> BlockKind | None:
    """A short line that does not end like a sentence: the title if first, else a heading."""
    if _ends_like_sentence(line.text) or len(line.words) > 25 or _is_list_item(line.text):
        return None
    if line.index == 0 and "title" not in reader.metadata:
        reader.metadata["title"] = line.text.strip("#* ")
        return "title"
    return "heading"


LINE_RULES: tuple[tuple[str, LineRule], ...] = (
    ("markup heading", _markup_heading),
    ("byline", _byline),
    ("date line", _date_line),
    ("boilerplate", _boilerplate),
    ("time line", _time_line),
    ("fact line", _fact_line),
    ("quoted fragment", _quoted_fragment),
    ("repeated quotation", _repeated_quotation),
    ("short line", _short_line),
)

# What can open a body paragraph before its first claim; the first that matches is cut off as
# a dateline. ``(reader, line) -> (length, published date or None)``.
Opening = Callable[[_Reader, str], tuple[int, str | None] | None]


def _date_prefix(reader: _Reader, line: str) -> tuple[int, str | None] | None:
    prefix = _DATE_PREFIX.match(line)
    return (prefix.end(), prefix.group(1)) if prefix else None


def _wire_dateline(reader: _Reader, line: str) -> tuple[int, str | None] | None:
    wire = _WIRE_DATELINE.match(line)
    return (wire.end(), None) if wire else None


def _place_dateline(reader: _Reader, line: str) -> tuple[int, str | None] | None:
    """Only at the start of the first body paragraph."""
    place = None if reader.seen_body else _PLACE_DATELINE.match(line)
    if place and place.group().rstrip().endswith(":") and is_transcript(reader.text):
        return None  # "PILOT: We have lost an engine." opens a transcript, not a dateline
    return (place.end(), None) if place else None


@functools.lru_cache(maxsize=4)
def is_transcript(text: str) -> bool:
    """Whether the text has two speaker turns ("PILOT: ...") or more."""
    return len(_TURNS.findall(text, 0, 20_000)) >= 2


_TURNS = re.compile(r"(?m)^\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s+)?[A-Z][A-Z.'’ -]{0,30}[A-Z.]\s*:\s")


OPENINGS: tuple[tuple[str, Opening], ...] = (
    ("date prefix", _date_prefix),
    ("wire dateline", _wire_dateline),
    ("place dateline", _place_dateline),
)


def analyse_structure(text: str, body_start: int = 0) -> Structure:
    """Blocks of the article from ``body_start`` on, and metadata read from its structure."""
    reader = _Reader(text)
    if body_start:
        reader.blocks.append(Block("frontmatter", 0, body_start))
    for index, (start, end) in enumerate(_lines(text, body_start)):
        line = text[start:end]
        marker = _BLOCKQUOTE.match(line)
        if marker:
            if _QUOTED_LINE.match(line[marker.end() :]):
                reader.blocks.append(Block("pullquote", start, end))  # "> “A quote nobody says.”"
                continue
            start += marker.end()  # a quoted passage: its words are content, not the marker
            if not text[start:end].strip():
                continue
        _classify(reader, _Line(start, end, index, text[start:end]))
    return Structure(tuple(reader.blocks), reader.metadata)


def _classify(reader: _Reader, line: _Line) -> None:
    for _, rule in LINE_RULES:
        kind = rule(reader, line)
        if kind == "body":
            break
        if kind is not None:
            reader.blocks.append(Block(kind, line.start, line.end))
            return
    _body(reader, line.start, line.end)


def _body(reader: _Reader, start: int, end: int) -> None:
    """A body paragraph, with the dateline or run-in heading that may open it cut off."""
    for _, opening in OPENINGS:
        found = opening(reader, reader.text[start:end])
        if found is not None:
            length, published = found
            reader.blocks.append(Block("dateline", start, start + length))
            if published is not None:
                reader.metadata.setdefault("published", published)
            start += length
            break
    glued = _run_in_heading(reader.text[start:end])
    if glued is not None:
        reader.blocks.append(Block("heading", start, start + glued))
        start += glued
    reader.seen_body = True
    reader.blocks.append(Block("body", start, end))


def _is_list_item(line: str) -> bool:
    return bool(re.match(r"^(?:[-–—•*⁃]|\d{1,3}[.)])\s", line))
