"""The credibility report in Markdown. Article text is escaped so it cannot break the page:
no control characters, no table pipes, backticks, emphasis, links, HTML or headings."""

from __future__ import annotations

import re

from checker.report.build import Report, findings
from checker.report.scorecard import CRITERIA, Scorecard, step_bound
from checker.report.story import ClaimRef, Story
from checker.report.terminal import visible

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")
LIST_LIMIT = 25  # single-source facts listed per source; the rest are counted
RECORD_LIMIT = 3  # reported facts listed first against one piece of speculation


def md(text: str) -> str:
    """``text`` on one line with every Markdown-active character escaped."""
    return _SPECIAL.sub(r"\\\1", visible(" ".join(text.split())))


_LABELS: dict[str, str] = {}


def _claim(ref: ClaimRef, *, source: bool = True) -> str:
    where = f"**{md(_LABELS.get(ref.source, ref.source))}** " if source else ""
    status = f" — **{ref.status}**" if ref.status != "unreviewed" else ""
    note = f" (note: {md(ref.note)})" if ref.note else ""
    by = f" — {md(ref.attribution)}" if ref.attribution else ""
    return f"{where}`{ref.id}` {ref.kind}: “{md(ref.text)}”{by}{status}{note}"


def render_markdown(report: Report) -> str:
    _LABELS.clear()
    _LABELS.update(report.labels)
    story = report.story
    claims = sum(p.claims for p in story.profiles)
    out = [f"# Credibility report: {len(report.sources)} sources, {claims} claims", ""]
    out += [f"## What the outlets agree on ({len(story.agreed)})", ""]
    for agreement in story.agreed:
        out.append(
            f"- {len(agreement.sources)} sources, {agreement.origins} independent:"
            f" {md('; '.join(agreement.reasons))}"
        )
        out += [f"  - {_claim(ref)}" for ref in agreement.claims]
    out += ["" if story.agreed else "Nothing is stated by more than one source.", ""]

    out += _contested_and_updated(story)

    against = [r for r in story.speculation if r.record]
    out += [f"## Speculation set against the documented record ({len(against)})", ""]
    out.append(
        "Speculation no other outlet corroborates, beside the facts other outlets report on the"
        " same actors and topic: set against more outlets first, then what its article leads"
        " with; the closest reported fact first."
    )
    out.append("")
    for rumour in against:
        cues = f" — cues: {md(', '.join(rumour.cues))}" if rumour.cues else ""
        out.append(f"- {_claim(rumour.claim)}{cues}")
        out += [f"  - against the record: {_claim(ref)}" for ref in rumour.record[:RECORD_LIMIT]]
        more = rumour.record[RECORD_LIMIT:]
        if more:
            out.append(f"  - {len(more)} more reported facts:")
            out += [f"    - {_claim(ref)}" for ref in more]
    alone = [r for r in story.speculation if not r.record]
    out += ["", f"### Speculation no other outlet addresses ({len(alone)})", ""]
    for rumour in alone:
        cues = f" — cues: {md(', '.join(rumour.cues))}" if rumour.cues else ""
        out.append(f"- {_claim(rumour.claim)}{cues}")
    out.append("")

    glance = ["## The outlets at a glance", ""]
    glance += [
        "| outlet and title | source | claims | speculation | opinion | unsourced | corroborated"
        " | contradicted | reviewed | score |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    cards = {item.source.id: item for item in report.sources}
    for p in story.profiles:
        item = cards[p.source]
        score = item.scorecard.score
        glance.append(
            f"| {md(report.label(p.source))} | {md(p.source)} | {p.claims}"
            f" | {p.kinds.get('speculation', 0)} | {p.kinds.get('opinion', 0)} | {p.unsourced}"
            f" | {p.corroborated} | {p.contradicted} | {sum(p.verdicts.values())}"
            f" | {'–' if score is None else f'{score:g}'} |"
        )
    glance.append("")
    glance += [f"- **{md(source)}**: {sentence}" for source, sentence in findings(report)]
    glance.append("")

    out += glance

    out += [f"## Facts only one source states ({len(story.single_source)})", ""]
    by_source: dict[str, list[ClaimRef]] = {}
    for ref in story.single_source:
        by_source.setdefault(ref.source, []).append(ref)
    for source, refs in by_source.items():
        out += [f"### {md(source)} ({len(refs)})", ""]
        out += [f"- {_claim(ref, source=False)}" for ref in refs[:LIST_LIMIT]]
        if len(refs) > LIST_LIMIT:
            out.append(
                f"- … and {len(refs) - LIST_LIMIT} more (`claimdesk claims --source {md(source)}`)"
            )
        out.append("")

    out += [f"## Reviewers' verdicts ({len(story.reviewed)})", ""]
    out += [f"- {_claim(ref)}" for ref in story.reviewed]
    if not story.reviewed:
        out.append("No claim has been reviewed yet.")
    if report.orphans:
        out.append(
            f"- {report.orphans} verdicts are on claims no longer in their articles"
            " (`claimdesk claims --orphaned`)."
        )
    out.append("")

    out += ["## Sources side by side", "", "| sources | agree | contradict | related |"]
    out.append("|---|---|---|---|")
    out += [
        f"| {md(o.a)} · {md(o.b)} | {o.agrees} | {o.contradicts} | {o.related} |"
        for o in story.overlaps
    ]
    out.append("")

    out += _figures(report)
    out += ["## Scorecards", ""]
    for item in report.sources:
        out += _scorecard(item.source.id, item.source.title, item.scorecard)
    out += _formula()
    return "\n".join(out).rstrip() + "\n"


def _scorecard(source: str, title: str | None, card: Scorecard) -> list[str]:
    score = "not scored" if card.score is None else f"{card.score:g} / 100"
    heading = f"### {md(_LABELS.get(source, source))}: {score}"
    out = [
        heading,
        "",
        f"{card.earned:g} of {card.assessable:g} assessable points; one verdict moves this score"
        f" by at most {step_bound(card):.1f} (`{md(source)}`).",
        "",
    ]
    out += ["| criterion | weight | value | points | how | claims |", "|---|---|---|---|---|---|"]
    for c in card.criteria:
        value = "not assessed" if c.value is None else f"{c.value:.2f}"
        points = "–" if c.points is None else f"{c.points:g}"
        ids = ", ".join(f"`{i}`" for i in c.claims[:12]) + (" …" if len(c.claims) > 12 else "")
        out.append(f"| {md(c.name)} | {c.weight:g} | {value} | {points} | {md(c.detail)} | {ids} |")
    return [*out, ""]


def _formula() -> list[str]:
    out = [
        "## How the score is computed",
        "",
        "The criteria and weights are NewsGuard's published ones. Each assessed criterion gives"
        " a value from 0 to 1 and earns weight × value points; the score is the points earned"
        " over the weight of the criteria assessed, × 100. Criteria that need more than the"
        " article are not assessed rather than guessed.",
        "",
    ]
    out += [f"- **{row.name}** ({row.weight:g}): {row.how}." for row in CRITERIA]
    return [*out, ""]


def _contested_and_updated(story: Story) -> list[str]:
    out: list[str] = []
    out += [f"## What is contested ({len(story.contested)})", ""]
    for contest in story.contested:
        out.append(f"- {md('; '.join(contest.reasons))}")
        out += [f"  - {_claim(contest.a)}", f"  - {_claim(contest.b)}"]
    out += ["" if story.contested else "No source contradicts another.", ""]

    out += [f"## What changed over time ({len(story.updated)})", ""]
    for update in story.updated:
        out.append(f"- {md('; '.join(update.reasons))}")
        out += [f"  - {_claim(update.a)}", f"  - {_claim(update.b)}"]
    out += ["" if story.updated else "No figure changed between reports.", ""]

    return out


def _figures(report: Report) -> list[str]:
    """The HTML report's charts as tables."""
    figures = report.figures
    out = ["## Figures", "", "### Claims by kind and verdict, per outlet", ""]
    out += [
        "| outlet | fact | speculation | opinion | verified | disputed | unreviewed |",
        "|---|---|---|---|---|---|---|",
    ]
    for bar in figures.outlets:
        counts = [*bar.kinds.values(), *bar.verdicts.values()]
        out.append(f"| {md(bar.outlet)} | " + " | ".join(str(n) for n in counts) + " |")
    out += ["", "### Between outlets (agree / contradict / update)", ""]
    if figures.left_out:
        out += [f"The {figures.left_out} outlets with the fewest links to others are left out.", ""]
    names = list(dict.fromkeys(c.a for c in figures.matrix))
    out.append("| outlet | " + " | ".join(str(i + 1) for i in range(len(names))) + " |")
    out.append("|---|" + "---|" * len(names))
    cells = {(c.a, c.b): c for c in figures.matrix}
    for i, a in enumerate(names):
        row = [
            "–" if a == b else f"{c.agrees} / {c.contradicts} / {c.updates}"
            for b in names
            for c in [cells[(a, b)]]
        ]
        out.append(f"| {i + 1}. {md(a)} | " + " | ".join(row) + " |")
    out += ["", "### Timeline", "", "| date | outlet | event | detail |", "|---|---|---|---|"]
    out += [
        f"| {e.date or 'undated'} | {md(e.outlet)} | {e.what} | {md(e.detail)} |"
        for e in figures.timeline
    ]
    return [*out, ""]
