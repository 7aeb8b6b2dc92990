"""Worker processes for ``analyze``: extraction of articles and judging of comparison blocks,
side by side, with results in the order of the work given.

``Workers.map(function, items)`` keeps each of ``jobs`` processes at work (an item each,
and a small next one waiting in its pipe, so that it goes on while this process handles
its last result), and yields each result (or the exception it raised) in the items' order, so the
output is the same whatever the number of workers. With ``jobs=1`` and no time limit the
work is done in this process. A worker that takes longer than the limit, or dies, is
replaced, and the item gets the exception ``failed`` makes of it. Workers are started when
first needed, die with the parent (even by ``kill -9``) and end with the context.

``checker.review.cluster`` has the same interface on a Dask cluster.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from types import TracebackType
from typing import Any, Protocol, Self, TypeVar

import attrs

T = TypeVar("T")
R = TypeVar("R")


Failed = Callable[[Any, str, float | None], Exception]  # the item, "timeout" or "died", the limit


def _failed(item: object, reason: str, timeout: float | None) -> Exception:
    return RuntimeError(f"worker {reason}")


class Closing:
    """A context manager that is itself: leaving the ``with`` calls :meth:`close`."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        raise NotImplementedError


class Pool(Protocol):
    """What ``analyze`` runs its work on: local ``Workers`` or a Dask cluster."""

    jobs: int

    def map(
        self,
        function: Callable[[T], R],
        items: Iterable[T],
        *,
        timeout: float | None = None,
        failed: Failed = _failed,
    ) -> Iterator[R | Exception]: ...

    def __enter__(self) -> Pool: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None: ...

    def close(self) -> None: ...


class Workers(Closing):
    """``jobs`` local worker processes (none with ``jobs=1`` and ``in_process``)."""

    def __init__(self, jobs: int = 1, *, in_process: bool = False) -> None:
        self.jobs = max(1, jobs)
        self.in_process = in_process and self.jobs == 1
        self._workers = [_Worker() for _ in range(self.jobs)]

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()

    def map(
        self,
        function: Callable[[T], R],
        items: Iterable[T],
        *,
        timeout: float | None = None,
        failed: Failed = _failed,
    ) -> Iterator[R | Exception]:
        """Each item's result or the exception it raised, in the items' order."""
        if self.in_process and timeout is None:
            for item in items:
                try:
                    yield function(item)
                except Exception as error:
                    yield error
            return
        flight: deque[_Flight] = deque()
        for item in items:
            payload = bytes(ForkingPickler.dumps((function, item)))
            while (worker := self._taker(len(payload))) is None:
                yield self._next(flight, timeout, failed)
            worker.send(payload)
            flight.append(_Flight(item, worker, payload))
        while flight:
            yield self._next(flight, timeout, failed)

    def _taker(self, size: int) -> _Worker | None:
        """The worker to send work of ``size`` bytes to now: an idle one, else one with one
        item to do if this is small enough to wait in its pipe (it then starts on it without
        waiting for this process to read its last result); ``None``: none can take it."""
        idle = [worker for worker in self._workers if not worker.queued]
        if idle:
            return idle[0]
        if size <= AHEAD_BYTES:
            return next((worker for worker in self._workers if worker.queued == 1), None)
        return None

    @staticmethod
    def _next(flight: deque[_Flight], timeout: float | None, failed: Failed) -> Any:
        first = flight.popleft()
        try:
            return first.worker.receive(first.item, timeout, failed)
        except Exception as error:
            if not first.worker.queued:  # stopped: the work waiting in its pipe went with it
                for later in flight:
                    if later.worker is first.worker:
                        later.worker.send(later.payload)
            return error


# Work that may wait in a worker's pipe while it is busy: two of them (the one it has not
# read yet, and this) well under the kernel's buffer for a local socket (some 200 kB on
# Linux), so sending it never blocks (a blocked send while the
# worker blocks sending its result to this process would be a deadlock). Articles are some
# 4 kB pickled (18 kB at most in bench/archive); comparison blocks, megabytes, wait.
AHEAD_BYTES = 32 * 1024


@attrs.frozen
class _Flight:
    """Work sent to a worker whose result is not yet read, with its pickled form."""

    item: Any
    worker: _Worker
    payload: bytes


class _Worker:
    """One worker process and its pipe, started when first sent work; ``queued`` items sent
    whose results are not read yet."""

    def __init__(self) -> None:
        self._process: Any = None
        self._pipe: Connection | None = None
        self.queued = 0

    def send(self, payload: bytes) -> None:
        """Send pickled ``(function, item)``."""
        # if it died on its last item, reading that result finds out and sends this again
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._start().send_bytes(payload)
        self.queued += 1

    def receive(self, item: object, timeout: float | None, failed: Failed) -> Any:
        pipe = self._start()
        if not pipe.poll(timeout):
            self.stop()
            raise failed(item, "timeout", timeout)
        try:
            status, value = pipe.recv()
        except (EOFError, ConnectionResetError):  # reset: it died with work unread
            self.stop()
            raise failed(item, "died", timeout) from None
        self.queued -= 1
        if status == "error":
            raise value
        return value

    def _start(self) -> Connection:
        if self._pipe is not None:
            return self._pipe
        # fork is quick and needs no re-import; a process with other threads (the desk) spawns
        method = "fork" if threading.active_count() == 1 else "spawn"
        context = multiprocessing.get_context(method)
        ours, theirs = context.Pipe()
        self._process = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(theirs, ours, os.getpid()), daemon=True
        )
        self._process.start()
        theirs.close()
        self._pipe = ours
        return ours

    def stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._process = None
        if self._pipe is not None:
            self._pipe.close()
            self._pipe = None
        self.queued = 0


def _serve(
    pipe: Connection, parent_end: Connection, parent: int
) -> None:  # pragma: no cover - runs in the worker
    # A forked worker holds a copy of the parent's end too; closed, the worker reads end of
    # file and exits when the parent dies, even by kill -9.
    parent_end.close()
    _die_with(parent)
    while True:
        try:
            function, item = pipe.recv()
        except EOFError:
            return
        try:
            pipe.send(("ok", function(item)))
        except Exception as error:
            pipe.send(("error", error))


def _die_with(parent: int) -> None:  # pragma: no cover - runs in the worker
    """On Linux, have the kernel kill the worker when its parent dies (a ``kill -9`` of
    ``analyze`` must not leave it working); elsewhere it ends at its next item."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
