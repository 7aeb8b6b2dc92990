"""Small modal dialogs: a note, a search, the filter, and the help screen."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from checker.review.desk import DeskFilter
from checker.review.records import STATUSES
from claims.models import KINDS


class TextDialog(ModalScreen[str | None]):
    """One line of text: a note on a verdict, or a search. ``escape`` cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text))
            yield Input(value=self.value, placeholder=self.placeholder, id="dialog-input")
            yield Label(Text("enter saves · escape cancels", style="dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class FilterDialog(ModalScreen[DeskFilter | None]):
    """Source, kind, status, contradicted only, unreviewed only."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        current: DeskFilter,
        sources: Sequence[str],
        labels: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.current = current
        self.sources = sources
        self.labels = labels or {}

    def compose(self) -> ComposeResult:
        current = self.current
        with Vertical(classes="dialog"):
            yield Label("Filter claims")
            yield Select(
                [(Text(self.labels.get(source, source)), source) for source in self.sources],
                prompt="any source",
                value=current.source if current.source else Select.NULL,
                id="filter-source",
            )
            yield Select(
                [(kind, kind) for kind in KINDS],
                prompt="any kind",
                value=current.kind or Select.NULL,
                id="filter-kind",
            )
            yield Select(
                [(status, status) for status in STATUSES],
                prompt="any status",
                value=current.status or Select.NULL,
                id="filter-status",
            )
            yield Checkbox("contradicted only", current.contradicted_only, id="filter-contradicted")
            yield Checkbox("unreviewed only", current.unreviewed_only, id="filter-unreviewed")
            with Horizontal(classes="buttons"):
                yield Button("Apply", variant="primary", id="filter-apply")
                yield Button("Clear", id="filter-clear")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "filter-clear":
            self.dismiss(DeskFilter(search=self.current.search))
            return
        self.dismiss(
            DeskFilter(
                source=self._choice("#filter-source"),
                kind=self._choice("#filter-kind"),
                status=self._choice("#filter-status"),
                contradicted_only=self.query_one("#filter-contradicted", Checkbox).value,
                unreviewed_only=self.query_one("#filter-unreviewed", Checkbox).value,
                search=self.current.search,
            )
        )

    def _choice(self, selector: str) -> str | None:
        value = self.query_one(selector, Select).value
        return value if isinstance(value, str) else None

    def action_cancel(self) -> None:
        self.dismiss(None)


LEGEND: tuple[tuple[str, str], ...] = (
    ("verified", "a reviewer checked the claim and it holds (green); disputed: it does not (red)"),
    ("*", "after a verdict: the verdict has a note (n shows and edits it)"),
    ("fact", "kinds: fact (cyan), speculation (yellow: hedged, predicted, rumoured,"),
    ("", "anonymously sourced, conditional), opinion (magenta)"),
    ("2 agree", "sources column: independent outlets stating it (copies count once)"),
    ("single", "no other outlet states it; contradicted: another outlet says otherwise"),
    ("0.93", "after the kind: how sure the tagger is of the kind (0–1)"),
    ("agrees 0.04", "other sources: the relation and how alike the two claims are"),
    ("", "(0 nothing in common, 1 the same words); agrees / contradicts /"),
    ("", "updates (a running figure changed between reports) / related"),
    ("reversed", "words that differ between the two claims (stems and synonyms match)"),
    ("spec.", "sources pane: share of the source's claims that are speculation"),
    ("score", "credibility 0–100 (docs/SCORING.md); … being computed; – not scored"),
    ("✓ ✗", "article view: verified / disputed claim; claims on a background by kind"),
    ("yellow bg", "detail: the cue words that made it speculation or opinion;"),
    ("", "italic cyan: who it is attributed to; underlined: the claim"),
)


class HelpScreen(ModalScreen[None]):
    """Every key of the desk."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, keys: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        text = Text("claimdesk review — keys\n\n", style="bold")
        for key, description in self.keys:
            text.append(f"{key:>14}  ", style="bold cyan")
            text.append(f"{description}\n")
        text.append("\nEvery verdict is saved to the store the moment it is made.", style="dim")
        legend = Text("What the desk shows\n\n", style="bold")
        for symbol, meaning in LEGEND:
            legend.append(f"{symbol:>11}  ", style="bold cyan")
            legend.append(f"{meaning}\n")
        with Vertical(classes="dialog help"):
            with VerticalScroll(id="help-body"), Horizontal(id="help-columns"):
                yield Static(text, id="help-keys")
                yield Static(legend, id="help-legend")
            yield Label(Text("escape closes", style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
