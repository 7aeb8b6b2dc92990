"""Extraction of one article at a time for ``analyze``, with a time limit as a last resort.

Extraction is linear in the input whatever its shape (``bench/long_input.py``), so the limit
should never be reached; it is there so that one article nobody foresaw cannot stall a run.
With a limit, articles are extracted in worker processes (``checker.review.workers``), and
one that takes longer is reported and its worker replaced: nothing in the extraction itself
looks at the clock, so the claims of every article within the limit are the same as without
one. Each claim comes back with its blocking keys and its packed comparison features
(``checker.compare.partition.pack``), so the features are computed once, in the worker, and
the parent keeps them as bytes until the comparison sends them on.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import attrs

from checker.compare.normalize import claim_keys, features
from checker.compare.partition import Packed, pack
from checker.review.workers import Closing, Pool, Workers
from claims.extract import extract_claims
from claims.ingest import IngestError
from claims.models import Article, Claim

Extraction = tuple[tuple[Claim, ...], tuple[frozenset[str], ...], tuple[Packed, ...]]


@attrs.frozen
class ArticleTimeout(IngestError):
    """An article whose extraction took longer than the limit."""


def extract(article: Article) -> Extraction:
    """The article's claims, each claim's blocking keys and its packed features."""
    claims = tuple(extract_claims(article))
    compared = [_compared(c.text, c.attribution.who if c.attribution else "") for c in claims]
    return claims, tuple(keys for keys, _ in compared), tuple(blob for _, blob in compared)


# Claims whose comparison features are kept, by text and speaker: they depend on nothing else
# (``checker.compare.relate.claim_features``), and an archive repeats them (wire copy reprinted and rewritten: in
# bench/archive each sentence is in some 4.6 articles), so the features, more than half the
# time of an article, are made once per process for each. Some 5 kB each.
FEATURES_KEPT = 8_192


@functools.lru_cache(maxsize=FEATURES_KEPT)
def _compared(text: str, who: str) -> tuple[frozenset[str], Packed]:
    """The blocking keys and packed features of a claim with this text and speaker."""
    item = features(text, who)
    return claim_keys(item), pack(item)


def _failed(article: Article, reason: str, timeout: float | None) -> Exception:
    if reason == "timeout":
        return ArticleTimeout(
            article.path,
            f"not analysed: extraction took longer than {timeout:g} s"
            " (--article-timeout); the other articles go on",
        )
    return IngestError(article.path, "not analysed: the extraction process died")


class Extractor(Closing):
    """``extract`` in this process (``timeout=None``, ``jobs=1``), or in ``jobs`` worker
    processes that are given ``timeout`` seconds per article, or on ``pool`` (local workers
    or a cluster) when given. :meth:`map` gives the results in the articles' order, so the
    output is the same whatever the number of workers. Use it as a context manager: workers
    it started end with it."""

    def __init__(self, timeout: float | None, jobs: int = 1, pool: Pool | None = None) -> None:
        self.timeout = timeout
        self._own = pool is None
        self.pool: Pool = pool or Workers(jobs, in_process=timeout is None)

    def close(self) -> None:
        if self._own:
            self.pool.close()

    def extract(self, article: Article) -> Extraction:
        """One article's extraction; an :class:`IngestError` (``ArticleTimeout``) when its
        worker took too long or died, or the extraction's own exception."""
        (result,) = self.map([article])
        if isinstance(result, Exception):
            raise result
        return result

    def map(self, articles: Iterable[Article]) -> Iterator[Extraction | Exception]:
        """Each article's extraction or the exception it raised, in the articles' order."""
        return self.pool.map(extract, articles, timeout=self.timeout, failed=_failed)
