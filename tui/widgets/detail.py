"""The detail pane: the claim in its paragraph with cues and attribution marked, its numbers,
and the claims of other sources that agree, contradict or relate, side by side with the words
that differ highlighted. Everything is built as rich ``Text`` (never markup), so article text
with brackets or control characters shows as it is."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from checker.report.terminal import visible
from checker.review.desk import Detail, Neighbour
from tui.widgets.claim_list import KIND_STYLES, STATUS_STYLES

RELATION_STYLES = {
    "agrees": "green",
    "contradicts": "bold red",
    "updates": "yellow",
    "related": "blue",
}


def safe(text: str) -> str:
    """Control characters shown, newlines kept."""
    return "\n".join(visible(line) for line in text.split("\n"))


def _marked(text: str, spans: tuple[tuple[int, int], ...], style: str) -> Text:
    result = Text(visible(text))
    # visible() may lengthen text before a span; claim texts rarely hold control characters,
    # and when they do the highlight is skipped rather than misplaced.
    if len(result.plain) == len(text):
        for start, end in spans:
            result.stylize(style, start, end)
    return result


def paragraph(detail: Detail) -> Text:
    """The claim's paragraph: the claim underlined, cues highlighted, attribution in italics."""
    claim = detail.item.claim
    start, _ = detail.paragraph
    context = detail.context
    text = Text(safe(context))
    if len(text.plain) != len(context):
        return Text(visible(claim.quote), style="underline")

    def mark(a: int, b: int, style: str) -> None:
        a, b = max(a - start, 0), min(b - start, len(context))
        if a < b:
            text.stylize(style, a, b)

    mark(claim.start, claim.end, "underline bold")
    if claim.attribution:
        mark(claim.attribution.start, claim.attribution.end, "italic cyan")
    for cue in claim.cues:
        mark(cue.start, cue.end, "black on yellow")
    return text


def header(detail: Detail, labels: Mapping[str, str] | None = None) -> Text:
    item = detail.item
    claim = item.claim
    text = Text()
    text.append(f"{claim.id}  ", style="dim")
    text.append(claim.kind, style=KIND_STYLES.get(claim.kind, ""))
    text.append(f" {claim.confidence:.2f}  ", style="dim")
    text.append(item.status, style=STATUS_STYLES.get(item.status, ""))
    text.append(f"  {visible((labels or {}).get(claim.source, claim.source))}", style="dim")
    if claim.attribution:
        who = claim.attribution
        text.append(f"\nattributed to {visible(who.who)} ({who.type})", style="italic")
    if claim.cues:
        cues = ", ".join(f"{visible(c.text)} ({c.type})" for c in claim.cues)
        text.append(f"\ncues: {cues}")
    if detail.numbers:
        text.append(f"\nnumbers: {visible(', '.join(detail.numbers))}")
    if item.note:
        text.append(f"\nnote: {visible(item.note)}", style="bold")
    if item.verdict:
        text.append(f"  (by {visible(item.verdict.by)}, {item.verdict.at})", style="dim")
    return text


def side_by_side(
    detail: Detail, neighbour: Neighbour, labels: Mapping[str, str] | None = None
) -> RenderableType:
    relation = neighbour.relation
    other = neighbour.other
    table = Table.grid(expand=True, padding=(0, 1))
    table.add_column(ratio=1)
    table.add_column(ratio=1)
    title = Text(
        f"{relation.relation} {relation.score:.2f}", style=RELATION_STYLES[relation.relation]
    )
    title.append(
        f"  {visible((labels or {}).get(other.claim.source, other.claim.source))}"
        f" {other.claim.id} {other.claim.kind} {other.status}",
        style="dim",
    )
    table.add_row(
        _marked(detail.item.claim.text, neighbour.mine_only, "bold reverse"),
        _marked(other.claim.text, neighbour.theirs_only, "bold reverse"),
    )
    reasons = Text("; ".join(visible(r) for r in relation.reasons), style="italic")
    return Group(title, table, reasons, Text(""))


class Neighbours(OptionList):
    """The other sources' claims: ``j`` / ``k`` move as everywhere else on the desk."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class DetailPane(VerticalScroll):
    """Shows one claim's :class:`Detail`; ``enter`` on one of the other sources' claims
    posts :class:`DetailPane.Jump` to go to it."""

    class Jump(Message):
        def __init__(self, claim_id: str) -> None:
            super().__init__()
            self.claim_id = claim_id

    def compose(self) -> ComposeResult:
        yield Static(id="detail-header")
        yield Static(id="detail-paragraph")
        yield Static("Other sources", id="detail-title")
        yield Neighbours(id="detail-neighbours")

    labels: Mapping[str, str] = {}  # source id → outlet and title, set by the desk

    def show(self, detail: Detail | None) -> None:
        self.detail = detail
        neighbours = self.query_one("#detail-neighbours", OptionList)
        neighbours.clear_options()
        if detail is None:
            self.query_one("#detail-header", Static).update(Text("No claim."))
            self.query_one("#detail-paragraph", Static).update("")
            return
        self.query_one("#detail-header", Static).update(header(detail, self.labels))
        self.query_one("#detail-paragraph", Static).update(paragraph(detail))
        count = len(detail.neighbours)
        self.query_one("#detail-title", Static).update(
            Text(f"Other sources ({count}) — enter goes to a claim", style="bold")
            if count
            else Text("No other source says anything about this claim.", style="dim")
        )
        neighbours.add_options(
            [
                Option(side_by_side(detail, n, self.labels), id=n.other.claim.id)
                for n in detail.neighbours
            ]
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Jump(event.option.id))
