"""What the report and the exports read from the store: ``checker.report`` builds from models
and reads no SQL, so these functions load the models and hand them over."""

from __future__ import annotations

import sqlite3
from typing import Any

from checker.compare.shown import shown_links
from checker.report.build import Report, assemble, source_card
from checker.report.export import export_document
from checker.report.scorecard import Scorecard
from checker.review import ledger, store
from checker.review.records import Source


def build_report(connection: sqlite3.Connection) -> Report:
    """The credibility report of everything in the store."""
    return assemble(
        store.list_claims(connection),
        store.relations(connection, shown=True),
        store.stored_keys(connection),
        [
            (source, store.source_text(connection, source.id))
            for source in store.sources(connection)
        ],
        len(ledger.orphans(connection)),
    )


def source_scorecard(connection: sqlite3.Connection, source: Source) -> Scorecard:
    """One source's scorecard, reading only its claims and the claims they relate to."""
    items = store.list_claims(connection, sources=[source.id])
    ids = [item.claim.id for item in items]
    relations = store.relations_of(connection, ids)
    others = {r.a for r in relations} | {r.b for r in relations}
    neighbours = store.reviewed(connection, sorted(others - set(ids)))
    keys = store.stored_keys(connection, ids)
    text = store.source_text(connection, source.id)
    return source_card(source, text, items, neighbours, relations, keys)


def export_store(connection: sqlite3.Connection) -> dict[str, Any]:
    """The whole store as the ``claimdesk/1`` JSON document."""
    return export_document(
        store.sources(connection),
        store.list_claims(connection),
        store.relations(connection, shown=True),
        ledger.orphans(connection),
        ledger.history(connection),
    )


def relation_counts(connection: sqlite3.Connection) -> dict[str, int]:
    """How many relations of each kind a person is shown (``store.relations(shown=True)``),
    counted without loading them."""
    counts = store.relation_tally(connection)
    related = len(shown_links(store.claim_kinds(connection), store.related_links(connection)))
    return counts | ({"related": related} if related else {})
