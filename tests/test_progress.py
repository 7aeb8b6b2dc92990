"""The analyze progress line: drawn on a terminal after the first seconds, with files done and
time left; nothing at all when the output is not a terminal."""

from __future__ import annotations

import io

import pytest

from claimdesk import progress as module
from claimdesk.progress import TerminalProgress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_files_and_time_left(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter([0.0, 1.0, 5.0, 10.0, 10.1, 12.0])
    monkeypatch.setattr(module, "_now", lambda: next(clock))
    stream = Terminal()
    shown = TerminalProgress(stream)  # starts at 0
    shown("extract", 1, 10)  # 1 s: too early to show
    shown("extract", 5, 10)  # 5 s: 5 left at 1 s each
    shown("extract", 9, 10)  # 10 s
    shown("extract", 10, 10)  # 10.1 s: the last one is always drawn
    shown.close()  # 12 s
    text = stream.getvalue()
    assert "1/10" not in text
    assert "extract: 5/10 files, about 0:05 left" in text
    assert "extract: 9/10 files, about 0:01 left" in text
    assert "extract: 10/10 files" in text and text.endswith("\r")


def test_a_pipe_gets_nothing() -> None:
    stream = io.StringIO()
    shown = TerminalProgress(stream)
    shown("extract", 5, 10)
    shown.close()
    assert stream.getvalue() == ""


def test_claims_and_the_comparison_blocks_are_shown_with_time_left_per_stage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = iter([0.0, 3.0, 10.0, 14.0, 20.0])
    monkeypatch.setattr(module, "_now", lambda: next(clock))
    stream = Terminal()
    shown = TerminalProgress(stream)  # starts at 0
    shown("extract", 3, 10, claims=90)  # 3 s: 1 s a file
    shown("compare", 0, 8, claims=300)  # 10 s: the comparison starts
    shown("compare", 2, 8, claims=300)  # 14 s: 2 blocks in 4 s, 6 left
    shown("compare", 8, 8, claims=300)  # 20 s
    text = stream.getvalue()
    assert "extract: 3/10 files, 90 claims, about 0:07 left" in text
    assert "compare: 2/8 blocks of pairs, 300 claims, about 0:12 left" in text
    assert "compare: 8/8 blocks of pairs, 300 claims" in text
