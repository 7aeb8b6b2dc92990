"""The full article with every claim coloured by kind and marked by its review status."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from checker.review.records import Reviewed
from tui.widgets.detail import safe

KIND_BACKGROUNDS = {
    "fact": "on dark_blue",
    "speculation": "black on dark_orange",
    "opinion": "on dark_magenta",
}
STATUS_MARKS = {"verified": "bold green", "disputed": "bold red"}
# Markdown a story file may carry: heading marks at the start of a line, and the ** or __
# around bold words. They are hidden (the words they mark stay, headings in bold).
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def markup_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of Markdown marks to hide, and spans to show in bold (headings, bold words)."""
    hidden, bold = [], []
    for match in _HEADING.finditer(text):
        hidden.append((match.start(), match.end()))
        end = text.find("\n", match.end())
        bold.append((match.end(), len(text) if end < 0 else end))
    for match in _BOLD.finditer(text):
        mark = len(match.group(1))
        hidden += [(match.start(), match.start() + mark), (match.end() - mark, match.end())]
        bold.append((match.start() + mark, match.end() - mark))
    return sorted(hidden), bold


def article_text(text: str, items: Sequence[Reviewed], current: str | None) -> Text:
    """The article as rich text: claims on a background by kind; reviewed claims start with a
    ✓ or ✗; the current claim is underlined."""
    shown = Text(safe(text))
    if len(shown.plain) != len(text):
        return shown  # control characters moved the offsets: show the text plainly
    for item in items:
        claim = item.claim
        style = KIND_BACKGROUNDS.get(claim.kind, "")
        if claim.id == current:
            style += " underline"
        shown.stylize(style, claim.start, claim.end)
    hidden, bold = markup_spans(text)
    for start, end in bold:
        shown.stylize("bold", start, end)
    # Cut points: a ✓ / ✗ goes in before a reviewed claim, a Markdown mark is left out.
    inserts = {item.claim.start: item.status for item in items if item.status in STATUS_MARKS}
    result = Text()
    at = 0
    for point in sorted({*inserts, *(start for start, _ in hidden)}):
        if point < at:
            continue
        result.append_text(shown[at:point])
        at = point
        if point in inserts:
            mark = "✓" if inserts[point] == "verified" else "✗"
            result.append(mark, style=STATUS_MARKS[inserts[point]])
        for start, end in hidden:
            if start == point:
                at = max(at, end)
    result.append_text(shown[at:])
    return result


class ArticleScreen(Screen[None]):
    BINDINGS = [Binding("escape,a,q", "close", "Back to the desk")]

    def __init__(self, title: str, text: str, items: Sequence[Reviewed], current: str | None):
        super().__init__()
        self.title_text = title
        self.body = article_text(text, items, current)

    def compose(self) -> ComposeResult:
        legend = Text(f"{self.title_text}   ", style="bold")
        for kind, style in KIND_BACKGROUNDS.items():
            legend.append(f" {kind} ", style=style)
            legend.append(" ")
        legend.append(" ✓ verified ", style="bold green")
        legend.append(" ✗ disputed ", style="bold red")
        yield Static(legend, id="article-legend")
        with VerticalScroll(id="article-body"):
            yield Static(self.body)
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
