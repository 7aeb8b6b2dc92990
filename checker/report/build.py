"""The credibility report: the story summary and a scorecard per source, from the store.

``build_report`` gathers it; ``checker.report.markdown`` and ``checker.report.html`` render it, and
``report_json`` gives the same numbers as JSON. The report has no time stamp, so the same
store gives the same report.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import attrs

from checker.compare.corroboration import corroborate, origins
from checker.report.scorecard import Scorecard, scorecard
from checker.report.story import Story, story
from checker.review import ledger, store
from checker.review.records import Reviewed, Source
from claims.convert import converter

REPORT_SCHEMA = "claimdesk-report/1"


@attrs.frozen
class SourceReport:
    source: Source
    text: str
    scorecard: Scorecard


@attrs.frozen
class Report:
    sources: tuple[SourceReport, ...]
    story: Story
    orphans: int  # verdicts whose claims are gone
    items: tuple[Reviewed, ...] = attrs.field(default=(), repr=False)  # every claim, reviewed


def build_report(connection: sqlite3.Connection) -> Report:
    items = store.list_claims(connection)
    relations = store.relations(connection, shown=True)
    origin = origins([item.claim for item in items], relations)
    status = corroborate([item.claim for item in items], relations, origin)
    keys = store.stored_keys(connection)
    concepts = {
        claim: frozenset(key[2:] for key in claim_keys if key.startswith("c:"))
        for claim, claim_keys in keys.items()
    }
    per_source: dict[str, list[Reviewed]] = {}
    for item in items:
        per_source.setdefault(item.claim.source, []).append(item)
    sources = []
    for source in store.sources(connection):
        text = store.source_text(connection, source.id)
        mine = per_source.get(source.id, [])
        sources.append(SourceReport(source, text, scorecard(source, text, mine, status, concepts)))
    return Report(
        tuple(sources),
        story(items, relations, status, origin),
        len(ledger.orphans(connection)),
        tuple(items),
    )


def source_scorecard(connection: sqlite3.Connection, source: Source) -> Scorecard:
    """One source's scorecard, from its claims and the claims they relate to only (fast enough
    to compute source by source in a large store)."""
    items = store.list_claims(connection, sources=[source.id])
    ids = [item.claim.id for item in items]
    relations = store.relations_of(connection, ids)
    others = {r.a for r in relations} | {r.b for r in relations}
    neighbours = store.reviewed(connection, sorted(others - set(ids)))
    status = corroborate([i.claim for i in [*items, *neighbours]], relations)
    keys = store.stored_keys(connection, ids)
    concepts = {c: frozenset(k[2:] for k in ks if k.startswith("c:")) for c, ks in keys.items()}
    text = store.source_text(connection, source.id)
    return scorecard(source, text, items, status, concepts)


def report_json(report: Report) -> dict[str, Any]:
    """The report's numbers as JSON: every criterion with its weight, value, points, detail and
    claim ids, and the story summary (article texts left out)."""
    return {
        "schema": REPORT_SCHEMA,
        "sources": [
            {
                "source": {
                    key: getattr(item.source, key)
                    for key in ("id", "path", "title", "author", "published", "outlet", "url")
                },
                "scorecard": converter.unstructure(item.scorecard),
            }
            for item in report.sources
        ],
        "story": converter.unstructure(report.story),
        "orphaned_verdicts": report.orphans,
    }


def findings(report: Report) -> list[tuple[str, str]]:
    """One plain sentence per source: how much of it is speculation or unsourced, how much
    other sources back or contradict, its verdicts and its score."""
    cards = {item.source.id: item.scorecard for item in report.sources}
    result = []
    for profile in report.story.profiles:
        total = profile.claims or 1
        speculation = profile.kinds.get("speculation", 0)
        parts = [
            f"speculation {speculation} of {profile.claims} claims ({speculation / total:.0%})",
            f"resting on anonymous sources, rumour or weasel words {profile.unsourced}",
            f"corroborated by another source {profile.corroborated}",
            f"contradicted {profile.contradicted}",
        ]
        verdicts = ", ".join(f"{n} {status}" for status, n in sorted(profile.verdicts.items()))
        if verdicts:
            parts.append(f"reviewers marked {verdicts}")
        card = cards.get(profile.source)
        score = f"score {card.score:g}/100" if card and card.score is not None else "no score"
        result.append((profile.source, "; ".join(parts) + f"; {score}."))
    return result
