"""The sources panel: each source with its claim count, speculation share and score; choosing
one shows only its claims."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from checker.desk import DeskRow
from checker.terminal import visible

ALL = "\x00all"  # the option id of "all sources" (no source id can hold a NUL)


class SourcesPanel(OptionList):
    class Chosen(Message):
        def __init__(self, source: str | None) -> None:
            super().__init__()
            self.source = source

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.counts: Counter[str] = Counter()
        self.speculation: Counter[str] = Counter()
        self.scores: dict[str, float | None] = {}
        self.order: list[str] = []

    def show(self, rows: Sequence[DeskRow]) -> None:
        self.counts = Counter(row.source for row in rows)
        self.speculation = Counter(row.source for row in rows if row.kind == "speculation")
        self.order = sorted(self.counts)
        self._redraw()

    def score(self, source: str, value: float | None) -> None:
        self.scores[source] = value
        if source in self.counts:
            index = self.order.index(source) + 1
            self.replace_option_prompt_at_index(index, self._prompt(source))

    def _redraw(self) -> None:
        highlighted = self.highlighted
        self.clear_options()
        total = sum(self.counts.values())
        options = [Option(Text(f"All sources  {len(self.order)} · {total} claims"), id=ALL)]
        options += [Option(self._prompt(source), id=source) for source in self.order]
        self.add_options(options)
        if highlighted is not None and highlighted < len(options):
            self.highlighted = highlighted

    def _prompt(self, source: str) -> Text:
        count = self.counts[source]
        share = self.speculation[source] / count if count else 0.0
        score = self.scores.get(source)
        text = Text(visible(source), style="bold")
        text.append(f"\n{count} claims · {share:.0%} speculation", style="dim")
        shown = "…" if source not in self.scores else "–" if score is None else f"{score:g}"
        text.append(f" · score {shown}", style="dim")
        return text

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        source = event.option.id
        self.post_message(self.Chosen(None if source in (None, ALL) else source))
