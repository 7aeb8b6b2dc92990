"""The credibility report: the story summary and a scorecard per source, from the store.

``assemble`` builds it from what ``checker.review.reading`` loads; ``checker.report.markdown`` and ``checker.report.html`` render it, and
``report_json`` gives the same numbers as JSON. The report has no time stamp, so the same
store gives the same report.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import attrs

from checker.compare.corroboration import corroborate, origins
from checker.compare.relate import Relation
from checker.report.figures import Figures, figures
from checker.report.labels import labels, outlet_of
from checker.report.scorecard import Scorecard, scorecard
from checker.report.story import Story, story
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
    labels: dict[str, str] = attrs.field(factory=dict)  # source id → outlet and title
    figures: Figures = attrs.field(factory=lambda: Figures((), (), ()))

    def label(self, source: str) -> str:
        """How the report names a source: outlet and title, never its id."""
        return self.labels.get(source, source)


def assemble(
    items: Sequence[Reviewed],
    relations: Sequence[Relation],
    keys: Mapping[str, Collection[str]],
    sources: Sequence[tuple[Source, str]],
    orphans: int,
) -> Report:
    """The report of every stored claim (``items``), its shown relations, its comparison keys,
    each source with its text, and the count of orphaned verdicts."""
    outlets = {source.id: source.outlet for source, _ in sources}
    origin = origins([item.claim for item in items], relations, outlets)
    status = corroborate([item.claim for item in items], relations, origin)
    per_source: dict[str, list[Reviewed]] = {}
    for item in items:
        per_source.setdefault(item.claim.source, []).append(item)
    concepts = concepts_of(keys)
    cards = []
    for source, text in sources:
        mine = per_source.get(source.id, [])
        cards.append(SourceReport(source, text, scorecard(source, text, mine, status, concepts)))
    label = labels([source for source, _ in sources], items)
    outlet = {source.id: outlet_of(source, label) for source, _ in sources}
    return Report(
        tuple(cards),
        story(items, relations, status, origin),
        orphans,
        tuple(items),
        label,
        figures([source for source, _ in sources], items, relations, label, outlet),
    )


def concepts_of(keys: Mapping[str, Collection[str]]) -> dict[str, frozenset[str]]:
    """Each claim's concepts, from its stored comparison keys (``c:`` ones)."""
    return {
        claim: frozenset(key[2:] for key in claim_keys if key.startswith("c:"))
        for claim, claim_keys in keys.items()
    }


def source_card(
    source: Source,
    text: str,
    items: Sequence[Reviewed],
    neighbours: Sequence[Reviewed],
    relations: Sequence[Relation],
    keys: Mapping[str, Collection[str]],
) -> Scorecard:
    """One source's scorecard, from its claims, the claims they relate to and those relations
    only (fast enough to compute source by source in a large store)."""
    status = corroborate([i.claim for i in [*items, *neighbours]], relations)
    return scorecard(source, text, items, status, concepts_of(keys))


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
                "label": report.label(item.source.id),
                "scorecard": converter.unstructure(item.scorecard),
            }
            for item in report.sources
        ],
        "story": converter.unstructure(report.story),
        "figures": converter.unstructure(report.figures),
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
        result.append((report.label(profile.source), "; ".join(parts) + f"; {score}."))
    return result
