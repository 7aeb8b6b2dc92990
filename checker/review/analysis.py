"""Incremental analysis: article files in, sources, claims and relations in the store.

A file whose text, metadata and extractor version are as stored is skipped. A changed or new
file is extracted again; its claims keep their ids where their words are unchanged (ids come
from the words, ``claims.extract.claim_id``), so their verdicts stay attached. A verdict whose
claim is gone stays in the store as an orphan and is reported with the closest claim now in
its source. Sources and claims are committed in batches as they are extracted; then the
relations of the claims whose candidates changed are recomputed against every claim of the
store (``compare``), so the relations depend on the set of claims only, not on the order or
the runs they came in.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections import Counter, deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from importlib import metadata
from typing import Protocol, TypeGuard

import attrs
import numpy as np
from rapidfuzz import fuzz, process, utils

from checker.compare import partition
from checker.compare.blocking import posted_digests, postings
from checker.compare.corroboration import Corroboration, corroborate_links, origins_of
from checker.compare.relate import Relation, key_topic
from checker.compare.times import publication_date
from checker.review import ledger, store, views
from checker.review.extraction import Extraction, Extractor
from checker.review.records import Source, Verdict
from checker.review.workers import Pool, Workers
from claims.ingest import (
    DEFAULT_MAX_BYTES,
    IngestError,
    encoding_notice,
    expand_paths,
    file_digest,
    file_of,
    is_archive,
    parse_article,
    read_articles,
    read_bytes,
    unique_id,
)
from claims.models import Article, Claim

EXTRACTOR = metadata.version("claimdesk")
SUCCESSOR = 60.0  # rapidfuzz ratio from which a new claim is shown as an orphan's likely successor

OnError = Callable[[str, Exception], None]


class Progress(Protocol):
    """Told the stage (``read``, ``extract``, ``compare``), how much of it is done of how
    much (files; blocks of pairs when comparing) and how many claims there are so far."""

    def __call__(self, stage: str, done: int, total: int, claims: int = 0) -> None: ...


@attrs.frozen
class Orphan:
    """A verdict whose claim this analysis removed, and the closest claim now in its source."""

    verdict: Verdict
    successor: Claim | None


@attrs.frozen
class SourceChange:
    source: str
    state: str  # new | changed | unchanged | refreshed (metadata only)
    kept: int = 0
    added: int = 0
    removed: int = 0


@attrs.frozen
class Outcome:
    changes: tuple[SourceChange, ...]
    orphaned: tuple[Orphan, ...]
    written: bool
    standalone: tuple[str, ...] = ()  # sources analysed now that name no outlet

    def count(self, state: str) -> int:
        return sum(1 for change in self.changes if change.state == state)


BATCH_ARTICLES = 50  # articles extracted between two commits
BATCH_CLAIMS = 5_000  # or claims, whichever comes first


def analyze(
    connection: sqlite3.Connection,
    paths: Sequence[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: OnError,
    progress: Progress | None = None,
    force: bool = False,
    on_notice: Callable[[str, str], None] | None = None,
    outlet_from: str = "metadata",
    timeout: float | None = None,
    batch: int = BATCH_ARTICLES,
    on_batch: Callable[[int], None] | None = None,
    jobs: int = 1,
    pool: Pool | None = None,
) -> Outcome:
    """Analyse ``paths`` into the store on ``connection``; files that cannot be read or
    extracted go to ``on_error`` and the rest is analysed; files read in a fallback encoding
    go to ``on_notice``. ``force`` extracts and compares unchanged files again (after the
    rules changed). With ``timeout``, each article is extracted in a worker process and one
    that takes longer than ``timeout`` seconds goes to ``on_error`` (``ArticleTimeout``).

    Sources and claims are committed ``batch`` articles (or ``BATCH_CLAIMS`` claims) at a
    time, and ``on_batch`` is told how many sources are saved so far; the relations are
    computed once every batch is in. A run that was killed loses at most the batch it was
    in, and the next run skips what was saved and finishes the comparison. ``jobs`` worker
    processes extract articles and then judge the comparison's blocks side by side, with the
    same result as one; ``pool`` (a Dask cluster, ``checker.review.cluster``) runs them
    instead. ``outlet_from="folder"`` gives an article without an outlet in its metadata the
    name of its folder as outlet."""
    known = store.sources(connection)
    database = views.database_file(connection)
    own = {os.path.realpath(database + suffix) for suffix in ("", "-wal", "-shm", "-journal")}
    changes: list[SourceChange] = []
    by_id = {source.id: source for source in known}
    packed: dict[str, partition.Packed] = {}  # features of the claims extracted in this run
    saving = _Batches(connection, by_id, changes, on_batch)
    stream = _read(paths, known, max_bytes, on_error, own, force, changes, on_notice)
    intake = _Intake(saving, packed, outlet_from, force, progress)
    workers = pool or Workers(jobs, in_process=timeout is None)
    with workers, Extractor(timeout, pool=workers) as extractor:
        for result in extractor.map(intake.to_extract(stream)):
            intake.take(result, on_error, on_notice, batch)
        intake.take(None, on_error, on_notice, batch)
        saving.save()
        compared = False
        if store.comparison_pending(connection):
            compare(connection, packed, workers if workers.jobs > 1 else None, progress)
            compared = True
    return Outcome(
        tuple(sorted(changes, key=lambda c: c.source)),
        tuple(saving.orphaned),
        saving.written or compared,
        tuple(sorted(saving.standalone)),
    )


class _Intake:
    """Articles read and parsed as the workers take them, so that extraction starts at once:
    each read article waits in turn for its extraction (unchanged texts need none) and is
    then added to the batch being saved."""

    def __init__(
        self,
        saving: _Batches,
        packed: dict[str, partition.Packed],
        outlet_from: str,
        force: bool,
        progress: Progress | None,
    ) -> None:
        self.saving, self.packed, self.progress = saving, packed, progress
        self.outlet_from, self.force = outlet_from, force
        self.read: deque[tuple[Article, Source, bool, int, int]] = deque()

    def to_extract(
        self, stream: Iterator[tuple[tuple[Article, Source], tuple[int, int]]]
    ) -> Iterator[Article]:
        """The articles of ``stream`` whose text is not as stored, as they are read."""
        for (article, fresh), place in stream:
            article, fresh = _with_outlet(article, fresh, self.outlet_from)
            same = _unchanged_text(self.saving.by_id.get(article.source), fresh, self.force)
            self.read.append((article, fresh, same, *place))
            if not same:
                yield article

    def take(
        self,
        result: Extraction | Exception | None,
        on_error: OnError,
        on_notice: Callable[[str, str], None] | None,
        batch: int,
    ) -> None:
        """Add the articles read up to the one ``result`` is the extraction of (``None``:
        every one left, all unchanged), saving a batch when it is full."""
        saving = self.saving
        while self.read:
            article, fresh, same, number, files = self.read.popleft()
            if self.progress:
                self.progress("extract", number, files, claims=len(self.packed))
            _notices(article, on_notice)
            if same:
                saving.changes.append(SourceChange(article.source, "refreshed"))
                saving.refreshed.append(fresh)  # metadata or place
            elif isinstance(result, Exception):
                on_error(article.path, result)
            elif result is not None:
                claims, keys, blobs = result
                self.packed.update(zip((claim.id for claim in claims), blobs, strict=True))
                saving.add(store.Extracted(fresh, article.text, claims, keys))
            if len(saving) >= batch or saving.claims >= BATCH_CLAIMS:
                saving.save()
            if not same:
                return


class _Batches:
    """The sources extracted or refreshed since the last commit, committed by :meth:`save`
    with what the outcome says about them (kept, new and gone claims; orphaned verdicts)."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        by_id: dict[str, Source],
        changes: list[SourceChange],
        on_batch: Callable[[int], None] | None,
    ) -> None:
        self.connection = connection
        self.by_id = by_id
        self.changes = changes
        self.on_batch = on_batch
        self.extracted: list[store.Extracted] = []
        self.refreshed: list[Source] = []
        self.claims = 0
        self.saved = 0
        self.written = False
        self.orphaned: list[Orphan] = []
        self.standalone: list[str] = []  # saved sources that name no outlet

    def __len__(self) -> int:
        return len(self.extracted) + len(self.refreshed)

    def add(self, item: store.Extracted) -> None:
        self.extracted.append(item)
        self.claims += len(item.claims)

    def save(self) -> None:
        if not self:
            return
        extracted, by_id = self.extracted, self.by_id
        replaced = [item.source.id for item in extracted]
        before = {claim.id: claim for claim in store.stored_claims(self.connection, replaced)}
        for item in extracted:
            ids = {claim.id for claim in item.claims}
            old_ids = {i for i, claim in before.items() if claim.source == item.source.id}
            state = "changed" if item.source.id in by_id else "new"
            kept, added, removed = len(ids & old_ids), len(ids - old_ids), len(old_ids - ids)
            self.changes.append(SourceChange(item.source.id, state, kept, added, removed))
        self.orphaned += _orphans(ledger.verdicts(self.connection), extracted, set(before))
        store.save_analysis(
            self.connection,
            extracted=extracted,
            refreshed=self.refreshed,
            expected={
                source.id: by_id[source.id].file_sha256 if source.id in by_id else None
                for source in [item.source for item in extracted] + self.refreshed
            },
        )
        self.standalone += [item.source.id for item in extracted if not item.source.outlet]
        self.saved += len(self)
        self.written = True
        self.extracted, self.refreshed, self.claims = [], [], 0
        if self.on_batch:
            self.on_batch(self.saved)


def compare(
    connection: sqlite3.Connection,
    known: Mapping[str, partition.Packed] | None = None,
    pool: Pool | None = None,
    progress: Progress | None = None,
) -> None:
    """Bring the store's relations up to date with its claims, so that they are what one run
    over all of them would give, whatever order and batches the claims came in.

    The candidate pairs depend on every claim (keys held by many claims are capped, each
    claim posts its rarest keys, the rarest keys are posted in full within a pair budget), so
    a pair of two claims is a candidate as before exactly when both post the keys they
    posted then (``checker.compare.blocking.posted_keys``; each claim keeps a digest of them,
    ``posted_digests``).
    The relations of the claims whose posted keys changed, and of new claims, are computed
    again against every claim; the others' stay. The pairs are judged in blocks
    (``checker.compare.partition``), on ``pool``'s workers when given, and each block's
    relations are committed as it comes back; a run killed in between leaves the changed
    claims to the next run. The weight of each related link (the rarity of its shared topic
    among all claims) is recomputed for all of them. ``known`` are packed features already
    computed, by claim id; the others are computed from the claims' text."""
    known = known or {}
    rows = store.comparison_claims(connection)
    ids = [row[0] for row in rows]
    keys = [row[3] for row in rows]
    board = postings(keys)
    digests = posted_digests(board)
    before = store.posted_digests(connection)
    focus = [i for i, claim in enumerate(ids) if before.get(claim) != digests[i]]
    if focus:
        sources = store.sources(connection)
        compared = partition.Compared(
            ids,
            [row[1] for row in rows],
            [row[2] for row in rows],  # type: ignore[misc]
            keys,
            [row[4] for row in rows],
            published={s.id: _iso(publication_date(s.published)) for s in sources},
            outlets={source.id: source.outlet for source in sources},
        )
        del rows
        planned = partition.plan(compared, focus, board=board)
        del board  # the blocking board, some 90 MB for 70,000 claims, is done with

        def features_of(indices: Sequence[int]) -> list[partition.Unpacked]:
            return [known.get(ids[i]) or compared.texts[i] for i in indices]

        named = np.array(ids, dtype=object)  # claim ids by index, for each block's pairs
        store.begin_comparison(connection, [ids[i] for i in focus])
        if progress:
            progress("compare", 0, len(planned.blocks), claims=len(ids))
        judged = (pool or Workers()).map(
            partition.judge_block, partition.blocks(planned, compared, features_of)
        )
        for done, found in enumerate(judged, start=1):
            if isinstance(found, Exception):
                raise found
            left, right, which = partition.fan_out(planned, done - 1, found)
            store.save_judged(
                connection, named[left].tolist(), named[right].tolist(), which.tolist(), found
            )
            if progress:
                progress("compare", done, len(planned.blocks), claims=len(ids))
    store.finish_comparison(
        connection, posted={ids[i]: digests[i] for i in focus}, weigh=_weigher(ids, keys)
    )


def _weigher(
    ids: Sequence[str], keys: Sequence[frozenset[str]]
) -> Callable[[Sequence[tuple[str, str]]], list[float]]:
    """The weight of related links as the comparison gives it over all claims
    (``checker.compare.partition.weight_of``), the topics made when first needed (a first
    comparison of a store has no older links to weigh)."""
    topics: dict[str, frozenset[str]] = {}
    frequency: Counter[str] = Counter()

    def weigh(pairs: Sequence[tuple[str, str]]) -> list[float]:
        if not topics:
            topics.update((claim, key_topic(k)) for claim, k in zip(ids, keys, strict=True))
            frequency.update(concept for topic in topics.values() for concept in topic)
        return [partition.weight_of(topics[a] & topics[b], frequency, len(ids)) for a, b in pairs]

    return weigh


def _unchanged_text(old: Source | None, fresh: Source, force: bool) -> bool:
    """Whether a read file's text and extractor are as stored (only metadata or place
    changed): it is refreshed, not extracted again."""
    return (
        not force
        and old is not None
        and (old.sha256, old.extractor)
        == (
            fresh.sha256,
            fresh.extractor,
        )
    )


def _notices(article: Article, on_notice: Callable[[str, str], None] | None) -> None:
    if on_notice and article.encoding != "utf-8":
        on_notice(article.path, encoding_notice(article.encoding))
    if on_notice and article.published and publication_date(article.published) is None:
        on_notice(
            article.path,
            f"publication date {article.published!r} not understood; compared without it",
        )


def _with_outlet(article: Article, fresh: Source, rule: str) -> tuple[Article, Source]:
    """The article with the outlet its folder names, where the rule says so and its metadata
    names none."""
    if rule != "folder" or article.outlet:
        return article, fresh
    folder = os.path.basename(os.path.dirname(os.path.abspath(article.path))) or None
    return attrs.evolve(article, outlet=folder), attrs.evolve(fresh, outlet=folder)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _read(
    paths: Sequence[str],
    known: Sequence[Source],
    max_bytes: int,
    on_error: OnError,
    own: set[str],
    force: bool,
    unchanged: list[SourceChange],
    on_notice: Callable[[str, str], None] | None = None,
) -> Iterator[tuple[tuple[Article, Source], tuple[int, int]]]:
    """The articles of ``paths`` to analyse, one by one as they are read, each with its
    source record and the number of its file of all; the unchanged sources skipped go to
    ``unchanged``. A file keeps the source id of the same file in the store, else of a
    stored file with the same text that is no longer where it was (moved); else it gets a new
    id from its name, made unique. A file whose bytes, path and extractor are as stored is
    unchanged and not even parsed. The store's own files (``own``) are passed over silently.
    A web archive is one file of many articles, each stored at ``location#url`` with the
    archive's sha256; it is always read, and its pages compared one by one.
    """
    by_location = {source.location: source for source in known}
    taken = {source.id for source in known}
    seen: set[str] = set()
    used: set[str] = set()  # source ids given to a file of this run
    files = list(expand_paths(paths))
    for number, item in enumerate(files, start=1):
        if isinstance(item, IngestError):
            if os.path.realpath(item.path) not in own:
                on_error(item.path, item)
            continue
        location = os.path.realpath(item)
        if location in seen:
            continue
        seen.add(location)
        archive = is_archive(item)
        try:
            data = b"" if archive else read_bytes(item, max_bytes=max_bytes)
            digest = file_digest(item) if archive else hashlib.sha256(data).hexdigest()
            old = by_location.get(location)
            if _unchanged(old, digest, item, force):
                unchanged.append(SourceChange(old.id, "unchanged"))
                used.add(old.id)
                continue
            # An archive is read every time, so that its bad records are reported every time.
            found = (
                list(read_articles(item, max_bytes=max_bytes, on_notice=on_notice))
                if archive
                else [parse_article(data, item)]
            )
        except Exception as error:
            on_error(item, error)
            continue
        for article in found:
            if isinstance(article, IngestError):
                on_error(article.path, article)
                continue
            place = location + article.path[len(item) :]  # an archive's page is at location#url
            old = by_location.get(place)
            if archive and _unchanged(old, digest, article.path, force):
                unchanged.append(SourceChange(old.id, "unchanged"))
                used.add(old.id)
                continue
            old = old or _moved(article, known, used)
            source = old.id if old is not None else unique_id(article.source, taken)
            taken.add(source)
            used.add(source)
            article = attrs.evolve(article, source=source)
            yield (article, _source(article, place, digest)), (number, len(files))


def _unchanged(old: Source | None, digest: str, path: str, force: bool) -> TypeGuard[Source]:
    """Whether the stored ``old`` is of the same bytes, path and extractor."""
    return (
        old is not None
        and not force
        and (old.file_sha256, old.path, old.extractor) == (digest, path, EXTRACTOR)
    )


def _moved(article: Article, known: Sequence[Source], used: set[str]) -> Source | None:
    for source in known:
        if (
            source.sha256 == article.sha256
            and source.id not in used
            and not os.path.exists(file_of(source.location))
        ):
            return source
    return None


def _source(article: Article, location: str, file_sha256: str) -> Source:
    return Source(
        id=article.source,
        path=article.path,
        location=location,
        sha256=article.sha256,
        file_sha256=file_sha256,
        title=article.title,
        author=article.author,
        published=article.published,
        url=article.url,
        outlet=article.outlet,
        encoding=article.encoding,
        extractor=EXTRACTOR,
        analyzed_at=store.now(),
    )


def _orphans(
    verdicts: dict[str, Verdict], extracted: Sequence[store.Extracted], before: set[str]
) -> tuple[Orphan, ...]:
    """Verdicts on claims that were in the store before this analysis and are gone now."""
    found = []
    for item in extracted:
        ids = {claim.id for claim in item.claims}
        quotes = [claim.quote for claim in item.claims]
        for verdict in verdicts.values():
            if verdict.source != item.source.id or verdict.claim in ids:
                continue
            if verdict.claim not in before:
                continue
            if verdict.status == "unreviewed" and verdict.note is None:
                continue
            best = process.extractOne(
                verdict.quote,
                quotes,
                scorer=fuzz.ratio,
                processor=utils.default_process,
                score_cutoff=SUCCESSOR,
            )
            found.append(Orphan(verdict, item.claims[best[2]] if best else None))
    return tuple(found)


def stored_corroboration(connection: sqlite3.Connection) -> dict[str, Corroboration]:
    """Every stored claim's corroboration, read from the tables without building models (a
    second on a 15,000-claim store, where loading every claim and relation took three)."""
    source_of, text_of, links = store.corroboration_tables(connection)
    agreements = [(a, b) for a, b, relation in links if relation == "agrees"]
    origin = origins_of(source_of, text_of, agreements, views.outlets(connection))
    return corroborate_links(source_of, links, origin)


def shown_relations(connection: sqlite3.Connection) -> list[Relation]:
    """The stored relations as they are shown: all agreements and contradictions, and the best
    few related links of each claim."""
    return store.relations(connection, shown=True)
