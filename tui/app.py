"""The claimdesk review app: the desk screen, global keys and the command palette."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tui.dialogs import HelpScreen
from tui.screens.desk import KEYS, DeskScreen

KEY_NAMES = {
    "slash": "/",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "ctrl+z": "ctrl+z",
}


class ReviewApp(App[None]):
    """``claimdesk review``: work through a story's claims and decide on each."""

    CSS_PATH = "desk.tcss"
    TITLE = "claimdesk review"
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self, db: str, reviewer: str, paths: Sequence[str] = (), max_bytes: int = 0
    ) -> None:
        super().__init__()
        self.db = db
        self.reviewer = reviewer
        self.paths = paths
        self.max_bytes = max_bytes
        self.sub_title = Path(db).name

    def on_mount(self) -> None:
        self.push_screen(DeskScreen(self.db, self.reviewer, self.paths, self.max_bytes))

    def action_help(self) -> None:
        keys = [("↑ ↓ / j k", "move through the claims"), ("enter", "go to the chosen claim")]
        keys += [(KEY_NAMES.get(key, key), description) for key, _, _, description in KEYS]
        keys += [("tab", "next pane"), ("ctrl+p", "command palette"), ("?", "this help")]
        keys += [("q", "quit")]
        self.push_screen(HelpScreen(keys))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, DeskScreen):
            for key, action, label, description in KEYS:
                yield SystemCommand(
                    f"Review: {label.lower()}",
                    f"{description} ({KEY_NAMES.get(key, key)})",
                    partial(screen.run_action, action),
                )
        yield SystemCommand("Review: help", "every key of the desk (?)", self.action_help)
