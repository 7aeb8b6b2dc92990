"""The claims table: a virtual list that draws only the lines on screen, so 50,000 claims
scroll as smoothly as 50 (the sources panel is one too). Text is drawn as plain segments, never parsed as markup, with control
characters shown as ``\\xNN``."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from checker.report.terminal import one_line
from checker.review.desk import DeskRow

KIND_STYLES = {
    "fact": Style(color="cyan"),
    "speculation": Style(color="yellow", bold=True),
    "opinion": Style(color="magenta"),
}
STATUS_STYLES = {
    "verified": Style(color="green", bold=True),
    "disputed": Style(color="red", bold=True),
    "unreviewed": Style(dim=True),
}
COLUMNS = (("status", 11), ("kind", 12), ("sources", 13), ("outlet / title", 20))


class VirtualList(ScrollView, can_focus=True):
    """Rows under a header line with a cursor, drawn only where they are on screen. A subclass
    says how to draw a row (``draw``); the list posts :class:`VirtualList.Highlighted` when
    the cursor moves and :class:`VirtualList.Chosen` on ``action_choose``."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
    ]
    HEADER = ""
    CHOOSE_ON_CLICK = False  # a click also chooses the row (a subclass binds enter to choose)

    class Highlighted(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Chosen(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.count = 0
        self.cursor = 0

    def resize_rows(self, count: int, cursor: int = 0) -> None:
        self.count = count
        self.virtual_size = Size(self.size.width, count + 1)
        self.cursor = max(0, min(cursor, count - 1))
        self._moved()
        self.refresh()

    def draw(self, index: int, width: int, base: Style) -> list[Segment]:
        raise NotImplementedError

    def action_cursor(self, step: int) -> None:
        self._go(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self._go(self.cursor + direction * max(1, self.size.height - 2))

    def action_jump(self, where: int) -> None:
        self._go(self.count - 1 if where < 0 else where)

    def _go(self, index: int) -> None:
        if not self.count:
            return
        index = max(0, min(index, self.count - 1))
        if index != self.cursor:
            self.cursor = index
            self._moved()

    def _moved(self) -> None:
        visible = self.size.height - 1
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif visible > 0 and self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False)
        self.refresh()
        self.post_message(self.Highlighted(self.cursor))

    def action_choose(self) -> None:
        if self.count:
            self.post_message(self.Chosen(self.cursor))

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1 and self.scroll_offset.y + event.y - 1 < self.count:
            self._go(self.scroll_offset.y + event.y - 1)
            if self.CHOOSE_ON_CLICK:
                self.action_choose()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, self.count + 1)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            return Strip(
                [Segment(self.HEADER[:width].ljust(width), Style(bold=True, underline=True))]
            )
        index = self.scroll_offset.y + y - 1
        if index >= self.count:
            return Strip([Segment(" " * width)])
        cursor = index == self.cursor
        base = (
            Style(reverse=True)
            if cursor and self.has_focus
            else Style(bgcolor="grey23")
            if cursor
            else Style()
        )
        return Strip(self.draw(index, width, base)).crop(0, width)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class ClaimList(VirtualList):
    """The claims; posts :class:`ClaimList.Moved` with the row under the cursor."""

    HEADER = "".join(name.ljust(size) for name, size in COLUMNS) + "claim"

    class Moved(Message):
        def __init__(self, row: DeskRow | None) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[DeskRow] = []
        self._index: dict[str, int] = {}
        self.labels: dict[str, str] = {}  # source id → outlet and title

    def show(self, rows: list[DeskRow], keep: str | None = None) -> None:
        """Replace the rows; keep the cursor on claim ``keep`` when it is still there."""
        self.rows = rows
        self._index = {row.id: i for i, row in enumerate(rows)}
        self.resize_rows(len(rows), self._index.get(keep, 0) if keep else 0)

    def replace(self, row: DeskRow) -> None:
        """One row changed (a verdict): redraw only its line."""
        index = self._index.get(row.id)
        if index is not None:
            self.rows[index] = row
            self.refresh_line(index + 1 - self.scroll_offset.y)
            if index == self.cursor:
                self.post_message(self.Moved(row))

    @property
    def current(self) -> DeskRow | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def select(self, claim_id: str) -> bool:
        index = self._index.get(claim_id)
        if index is None:
            return False
        self.cursor = index
        self._moved()
        return True

    def on_virtual_list_highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()
        self.post_message(self.Moved(self.current))

    def draw(self, index: int, width: int, base: Style) -> list[Segment]:
        row = self.rows[index]
        status = row.status + ("*" if row.noted else "")
        cells = [
            (status, STATUS_STYLES.get(row.status, Style())),
            (row.kind, KIND_STYLES.get(row.kind, Style())),
            (row.corroboration, Style(color="red") if row.contradictions else Style()),
            (self.labels.get(row.source, row.source), Style(dim=True)),
        ]
        segments = []
        used = 0
        for (text, style), (_, size) in zip(cells, COLUMNS, strict=True):
            shown = one_line(text)
            shown = shown if len(shown) < size else shown[: size - 2] + "…"
            segments.append(Segment(shown.ljust(size), base + style))
            used += size
        rest = max(0, width - used)
        claim = one_line(row.text)
        claim = claim if len(claim) <= rest else claim[: max(0, rest - 1)] + "…"
        segments.append(Segment(claim.ljust(rest), base))
        return segments
