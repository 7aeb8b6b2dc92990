"""``analyze`` on a Dask distributed cluster (``claimdesk analyze --scheduler ADDRESS``).

The same interface as the local worker processes (``checker.review.workers.Pool``): each
article is one extraction task, each block of candidate pairs one comparison task
(``checker.compare.partition``), submitted a few per worker at a time and taken back in the
order given, so the store is the one a local run writes. The store itself stays with the
process that runs ``analyze``: workers get articles and blocks and send back claims and
relations, and only that process writes (SQLite, one writer). Dask is optional:
``pip install 'claimdesk[dask]'``.
"""

from __future__ import annotations

import importlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from checker.review.workers import Closing, Failed, _failed

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT = 4  # tasks submitted per worker thread ahead of the one being waited for
CONNECT_TIMEOUT = "10s"


class ClusterUnavailable(Exception):
    """Dask is not installed, or the scheduler cannot be reached."""


class Cluster(Closing):
    """A Dask ``Client`` of the scheduler at ``address`` (or a ``Client`` given), closed with
    the context when this made it."""

    def __init__(self, address: Any) -> None:
        try:
            distributed: Any = importlib.import_module("distributed")  # typed loosely
        except ImportError:
            raise ClusterUnavailable("needs Dask: pip install 'claimdesk[dask]'") from None
        self.client: Any
        if isinstance(address, distributed.Client):
            self.client, self._own = address, False
        else:
            try:
                self.client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
                self._own = True
            except (OSError, ValueError, FutureTimeout) as error:
                raise ClusterUnavailable(f"no Dask scheduler at {address}: {error}") from None
        threads = self.client.nthreads()
        self.jobs = max(1, sum(threads.values()))

    def close(self) -> None:
        if self._own:
            self.client.close()

    def map(
        self,
        function: Callable[[T], R],
        items: Iterable[T],
        *,
        timeout: float | None = None,
        failed: Failed = _failed,
    ) -> Iterator[R | Exception]:
        """Each item's result or the exception it raised, in the items' order. ``timeout``
        is not applied: Dask cannot stop a task that runs (the extraction is linear in the
        input, so the limit is only a last resort locally); ``failed`` is not needed."""
        flight: deque[Any] = deque()
        for item in items:
            flight.append(self.client.submit(function, item, pure=False))
            if len(flight) > self.jobs * IN_FLIGHT:
                yield self._next(flight)
        while flight:
            yield self._next(flight)

    @staticmethod
    def _next(flight: deque[Any]) -> Any:
        try:
            return flight.popleft().result()
        except Exception as error:
            return error
