"""The sources panel: each source with its claim count, speculation share and score; choosing
one (enter or a click) shows only its claims, choosing the first line shows all."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.message import Message

from checker.report.terminal import one_line
from checker.review.desk import DeskRow
from tui.widgets.claim_list import VirtualList

SOURCE_WIDTH = 22


class SourcesPanel(VirtualList):
    HEADER = "outlet / title".ljust(SOURCE_WIDTH) + " claims spec. score"
    CHOOSE_ON_CLICK = True
    BINDINGS = [Binding("enter", "choose", "Show its claims", show=False)]

    class Picked(Message):
        def __init__(self, source: str | None) -> None:
            super().__init__()
            self.source = source

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.counts: Counter[str] = Counter()
        self.speculation: Counter[str] = Counter()
        self.scores: dict[str, float | None] = {}
        self.order: list[str] = []
        self.labels: Mapping[str, str] = {}

    def show(self, rows: Sequence[DeskRow], labels: Mapping[str, str] | None = None) -> None:
        self.labels = labels or {}
        self.counts = Counter(row.source for row in rows)
        self.speculation = Counter(row.source for row in rows if row.kind == "speculation")
        self.order = sorted(self.counts)
        self.resize_rows(len(self.order) + 1, self.cursor)

    def score(self, found: dict[str, float | None]) -> None:
        self.scores.update(found)
        self.refresh()

    def draw(self, index: int, width: int, base: Style) -> list[Segment]:
        if index == 0:
            total = sum(self.counts.values())
            return [Segment(f"all {len(self.order)} sources, {total} claims".ljust(width), base)]
        source = self.order[index - 1]
        count = self.counts[source]
        share = self.speculation[source] / count if count else 0.0
        score = self.scores.get(source)
        shown = "…" if source not in self.scores else "–" if score is None else f"{score:g}"
        label = one_line(self.labels.get(source, source))
        name = (label if len(label) <= SOURCE_WIDTH else label[: SOURCE_WIDTH - 1] + "…").ljust(
            SOURCE_WIDTH
        )
        return [
            Segment(name, base + Style(bold=True)),
            Segment(f" {count:>6} {share:>4.0%} {shown:>5}".ljust(width), base + Style(dim=True)),
        ]

    def on_virtual_list_chosen(self, event: VirtualList.Chosen) -> None:
        event.stop()
        self.post_message(self.Picked(None if event.index == 0 else self.order[event.index - 1]))

    def on_virtual_list_highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()
