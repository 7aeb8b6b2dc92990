"""The full dump of a store (``claimdesk export --format json``), schema ``claimdesk/1``.

Complete and stable: sources by id, claims source by source in reading order, relations by
claim ids (each unordered pair once, the related links trimmed as everywhere else), then the
verdicts whose claims are gone and the whole verdict history.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.compare.relate import Relation
from checker.review.records import Change, Reviewed, Source, Verdict
from claims.convert import claim_record, converter

SCHEMA = "claimdesk/1"
SOURCE_KEYS = ("id", "path", "title", "author", "published", "outlet", "url", "sha256")


def reviewed_record(item: Reviewed) -> dict[str, Any]:
    """A stored claim as the claim object of INTERFACES.md, with its status and note."""
    record = claim_record(item.claim)
    record["status"] = item.status
    record["note"] = item.note
    return record


def verdict_record(verdict: Verdict) -> dict[str, Any]:
    return dict(converter.unstructure(verdict))


def change_record(change: Change) -> dict[str, Any]:
    return dict(converter.unstructure(change))


def export_document(
    sources: Sequence[Source],
    items: Sequence[Reviewed],
    relations: Sequence[Relation],
    orphans: Sequence[Verdict],
    history: Sequence[Change],
) -> dict[str, Any]:
    """The dump of a store's contents, as ``checker.review.reading.export_store`` loads them."""
    return {
        "schema": SCHEMA,
        "sources": [{key: getattr(source, key) for key in SOURCE_KEYS} for source in sources],
        "claims": [reviewed_record(item) for item in items],
        "relations": [
            {
                "a": relation.a,
                "b": relation.b,
                "relation": relation.relation,
                "score": relation.score,
                "reasons": list(relation.reasons),
            }
            for relation in relations
        ],
        "orphans": [verdict_record(verdict) for verdict in orphans],
        "history": [change_record(change) for change in history],
    }
