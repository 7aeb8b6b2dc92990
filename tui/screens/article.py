"""The full article with every claim coloured by kind and marked by its review status."""

from __future__ import annotations

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
    result = Text()
    at = 0
    for item in sorted(items, key=lambda i: i.claim.start):
        if item.status in STATUS_MARKS and item.claim.start >= at:
            result.append_text(shown[at : item.claim.start])
            mark = "✓" if item.status == "verified" else "✗"
            result.append(mark, style=STATUS_MARKS[item.status])
            at = item.claim.start
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
