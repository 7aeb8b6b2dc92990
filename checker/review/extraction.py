"""Extraction of one article at a time for ``analyze``, with a time limit as a last resort.

Extraction is linear in the input whatever its shape (``bench/long_input.py``), so the limit
should never be reached; it is there so that one article nobody foresaw cannot stall a run.
With a limit, articles are extracted in a worker process, and one that takes longer is
reported and the worker replaced: nothing in the extraction itself looks at the clock, so the
claims of every article within the limit are the same as without one.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

import attrs

from checker.compare.normalize import Features
from checker.compare.relate import claim_features
from claims.extract import extract_claims
from claims.ingest import IngestError
from claims.models import Article, Claim

Extraction = tuple[tuple[Claim, ...], list[Features]]


@attrs.frozen
class ArticleTimeout(IngestError):
    """An article whose extraction took longer than the limit."""


def extract(article: Article) -> Extraction:
    """The article's claims and each claim's features for comparison."""
    claims = tuple(extract_claims(article))
    return claims, [claim_features(claim) for claim in claims]


class Extractor:
    """``extract`` in this process (``timeout=None``, ``jobs=1``), or in ``jobs`` worker
    processes that are given ``timeout`` seconds per article. :meth:`map` keeps up to
    ``jobs`` articles in flight and gives the results in the articles' order, so the output
    is the same whatever the number of workers. Use it as a context manager: the workers end
    with it."""

    def __init__(self, timeout: float | None, jobs: int = 1) -> None:
        self.timeout = timeout
        self.jobs = max(1, jobs)
        self._workers = [_Worker() for _ in range(self.jobs)]

    def __enter__(self) -> Extractor:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for worker in self._workers:
            worker.stop()

    @property
    def in_process(self) -> bool:
        return self.timeout is None and self.jobs == 1

    def extract(self, article: Article) -> Extraction:
        """One article's extraction; an :class:`IngestError` (``ArticleTimeout``) when its
        worker took too long or died, or the extraction's own exception."""
        if self.in_process:
            return extract(article)
        worker = self._workers[0]
        worker.send(article)
        return worker.receive(article, self.timeout)

    def map(self, articles: Iterable[Article]) -> Iterator[Extraction | Exception]:
        """Each article's extraction or the exception it raised, in the articles' order."""
        if self.in_process:
            for article in articles:
                try:
                    yield extract(article)
                except Exception as error:
                    yield error
            return
        flight: deque[tuple[Article, _Worker]] = deque()
        free = list(reversed(self._workers))
        for article in articles:
            if not free:
                yield self._next(flight, free)
            worker = free.pop()
            worker.send(article)
            flight.append((article, worker))
        while flight:
            yield self._next(flight, free)

    def _next(
        self, flight: deque[tuple[Article, _Worker]], free: list[_Worker]
    ) -> Extraction | Exception:
        article, worker = flight.popleft()
        try:
            return worker.receive(article, self.timeout)
        except Exception as error:
            return error
        finally:
            free.append(worker)


class _Worker:
    """One extraction process and its pipe, started when first sent an article."""

    def __init__(self) -> None:
        self._process: Any = None
        self._pipe: Connection | None = None

    def send(self, article: Article) -> None:
        self._start().send(article)

    def receive(self, article: Article, timeout: float | None) -> Extraction:
        pipe = self._start()
        if not pipe.poll(timeout):
            self.stop()
            raise ArticleTimeout(
                article.path,
                f"not analysed: extraction took longer than {timeout:g} s"
                " (--article-timeout); the other articles go on",
            )
        try:
            status, value = pipe.recv()
        except EOFError:
            self.stop()
            raise IngestError(article.path, "not analysed: the extraction process died") from None
        if status == "error":
            raise value
        result: Extraction = value
        return result

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


def _serve(
    pipe: Connection, parent_end: Connection, parent: int
) -> None:  # pragma: no cover - runs in the worker
    # A forked worker holds a copy of the parent's end too; closed, the worker reads end of
    # file and exits when the parent dies, even by kill -9.
    parent_end.close()
    _die_with(parent)
    while True:
        try:
            article = pipe.recv()
        except EOFError:
            return
        try:
            pipe.send(("ok", extract(article)))
        except Exception as error:
            pipe.send(("error", error))


def _die_with(parent: int) -> None:  # pragma: no cover - runs in the worker
    """On Linux, have the kernel kill the worker when its parent dies (a ``kill -9`` of
    ``analyze`` must not leave it extracting); elsewhere it ends at its next article."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
