"""Local worker processes: results in the items' order however the work was spread, the next
small item waiting in a busy worker's pipe, and work lost with a killed worker sent again."""

from __future__ import annotations

import os
import threading

import pytest

from checker.review.workers import AHEAD_BYTES, Workers


def _square(n: int) -> int:
    if n == 13:
        raise ValueError("unlucky")
    if n == 7:
        os._exit(3)  # the worker dies
    return n * n


def _size(text: str) -> int:
    return len(text)


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_results_in_order_with_a_death_and_an_error(
    jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # fork, as the command does
    with Workers(jobs) as pool:
        results = list(pool.map(_square, range(20), timeout=30))
    for n, result in enumerate(results):
        if n == 7:
            assert isinstance(result, RuntimeError) and "died" in str(result)
        elif n == 13:
            assert isinstance(result, ValueError)
        else:
            assert result == n * n


def test_large_and_small_items_mixed_keep_their_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    items = ["x" * (AHEAD_BYTES * 3 if n % 3 == 0 else n) for n in range(12)]
    with Workers(2) as pool:
        assert list(pool.map(_size, items)) == [len(item) for item in items]
