"""The credibility report as one self-contained HTML page: inline style, no script, no external
asset, every piece of article text escaped (control characters shown as ``\\xNN``)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from checker.report import svg
from checker.report.build import Report, SourceReport, findings
from checker.report.scorecard import CRITERIA, Scorecard, step_bound
from checker.report.story import Agreement, ClaimRef, Contest, Rumour
from checker.review.records import Reviewed

T = TypeVar("T")
TOP = 5  # findings shown in each part of the story; the rest are listed, folded
RECORD_TOP = 3  # reported facts shown against one piece of speculation; the rest folded

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; max-width: 76rem; margin: 1.2rem auto; padding: 0 1rem;
       color: #1d1d1f; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border-bottom: 1px solid #e4e4e4; padding: .3rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #f6f6f6; }
.bar { background: #eee; width: 10rem; height: .8rem; border-radius: .4rem; overflow: hidden;
       display: inline-block; vertical-align: middle; margin-right: .4rem; }
.bar span { display: block; height: 100%; background: #2f7d4f; }
.bar.mid span { background: #c08a00; } .bar.low span { background: #b3261e; }
.claim { margin: .25rem 0; }
.kind { font-size: .75rem; padding: 0 .35rem; border-radius: .3rem; color: #fff; }
.k-fact { background: #2f6db3; } .k-speculation { background: #b36b00; }
.k-opinion { background: #7a4bb3; }
.status { font-size: .75rem; padding: 0 .35rem; border-radius: .3rem; border: 1px solid #999; }
.s-verified { border-color: #2f7d4f; color: #2f7d4f; }
.s-disputed { border-color: #b3261e; color: #b3261e; }
.id { font-family: ui-monospace, monospace; font-size: .8rem; color: #666; }
.record { margin: 0 0 .3rem 1.5rem; color: #444; }
.muted { color: #777; }
a.id { text-decoration: none; } a.id:hover { text-decoration: underline; }
.lead { font-size: 1rem; color: #333; margin: 0 0 .4rem; }
.finding { border-left: 3px solid #ddd; padding: .1rem 0 .1rem .7rem; margin: .5rem 0; }
.finding.rumour { border-color: #d08400; } .finding.contest { border-color: #b3261e; }
.finding.agree { border-color: #2f7d4f; } .finding.update { border-color: #c08a00; }
.why { font-size: .85rem; color: #555; font-weight: normal; }
h3 { margin: 1.2rem 0 .3rem; } details > summary { cursor: pointer; color: #2f6db3; }
figure { margin: 1rem 0; } figcaption { color: #555; font-size: .9rem; }
svg { max-width: 100%; height: auto; }
nav { display: inline; margin-left: 1rem; font-size: .9rem; } nav a { margin-right: .6rem; }
.story h3 { margin-top: .8rem; }
.article { white-space: pre-wrap; border: 1px solid #ddd; padding: 1rem; border-radius: .4rem; }
mark { padding: 0 .1rem; border-radius: .2rem; scroll-margin-top: 4rem; }
mark:target { box-shadow: 0 0 0 3px #2f6db3; }
mark.k-fact { background: #dce9f8; color: inherit; }
mark.k-speculation { background: #fbe3c0; color: inherit; }
mark.k-opinion { background: #eadcf8; color: inherit; }
mark.s-verified { outline: 2px solid #2f7d4f; } mark.s-disputed { outline: 2px solid #b3261e; }
"""


def h(text: str | None) -> str:
    """Article text made safe for HTML: control characters shown, then escaped."""
    return html.escape(_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text or ""))


def _bar(value: float | None) -> str:
    if value is None:
        return '<span class="muted">not assessed</span>'
    level = "" if value >= 0.7 else " mid" if value >= 0.4 else " low"
    return f'<span class="bar{level}"><span style="width:{100 * value:.0f}%"></span></span>'


def anchor(claim_id: str) -> str:
    """The id of a claim's words in the article section."""
    return "claim-" + re.sub(r"[^A-Za-z0-9_-]", "_", claim_id)


def link(claim_id: str) -> str:
    return f'<a class="id" href="#{h(anchor(claim_id))}">{h(claim_id)}</a>'


class Page:
    """Renders claims of one report: sources by outlet and title, ids as links."""

    def __init__(self, report: Report) -> None:
        self.report = report

    def claim(self, ref: ClaimRef, *, source: bool = True) -> str:
        parts = [f'<div class="claim"><span class="kind k-{ref.kind}">{ref.kind}</span>']
        if ref.status != "unreviewed":
            parts.append(f' <span class="status s-{ref.status}">{ref.status}</span>')
        if source:
            parts.append(f" <b>{h(self.report.label(ref.source))}</b>")
        parts.append(f" {link(ref.id)} “{h(ref.text)}”")
        if ref.attribution:
            parts.append(f' <span class="muted">— {h(ref.attribution)}</span>')
        if ref.note:
            parts.append(f' <span class="muted">(note: {h(ref.note)})</span>')
        return "".join(parts) + "</div>"


def _ranked(
    found: Sequence[T], draw: Callable[[T], list[str]], rest: str, top: int = TOP
) -> list[str]:
    """The first ``top`` findings drawn, the others counted and listed in a folded part."""
    out = [line for item in found[:top] for line in draw(item)]
    if len(found) > top:
        out.append(f"<details><summary>{len(found) - top} more {h(rest)}</summary>")
        out += [line for item in found[top:] for line in draw(item)]
        out.append("</details>")
    return out


def _story(report: Report) -> list[str]:
    story, page = report.story, Page(report)
    out: list[str] = []
    out.append(
        _heading(
            "What the outlets agree on", story.agreed, "nothing is stated by more than one outlet"
        )
    )

    def agreement(a: Agreement) -> list[str]:
        outlets = ", ".join(report.label(s) for s in a.sources)
        return [
            '<div class="finding agree">',
            f'<div class="why">{a.origins} independent of {len(a.sources)} sources'
            f" ({h(outlets)}): {h('; '.join(a.reasons))}</div>",
            *(page.claim(ref) for ref in a.claims),
            "</div>",
        ]

    out += _ranked(story.agreed, agreement, "agreements")

    def contest(kind: str) -> Callable[[Contest], list[str]]:
        def draw(c: Contest) -> list[str]:
            return [
                f'<div class="finding {kind}"><div class="why"><b>{h("; ".join(c.reasons))}</b>'
                f" (similarity {c.score:.2f})</div>",
                page.claim(c.a),
                page.claim(c.b),
                "</div>",
            ]

        return draw

    out.append(_heading("What is contested", story.contested, "no outlet contradicts another"))
    out += _ranked(story.contested, contest("contest"), "contradictions")
    out.append(
        _heading(
            "What changed over time", story.updated, "no running figure changed between reports"
        )
    )
    out += _ranked(story.updated, contest("update"), "updates")

    against = [r for r in story.speculation if r.record]
    alone = [r for r in story.speculation if not r.record]
    out.append(
        f"<h3>Speculation set against the documented record ({len(against)})"
        ' <span class="why">uncorroborated speculation beside what other outlets report on'
        " the same actors; most outlets first, then what its article leads with</span></h3>"
    )
    out += _ranked(
        against, lambda r: _rumour(page, r), "pieces of speculation set against the record"
    )
    if alone:
        out.append(
            f"<details><summary>{len(alone)} pieces of speculation no other outlet addresses"
            "</summary>"
        )
        out += [line for r in alone for line in _rumour(page, r)]
        out.append("</details>")
    return out


def _heading(title: str, found: Sequence[object], empty: str) -> str:
    if found:
        return f"<h3>{h(title)} ({len(found)})</h3>"
    return f'<h3>{h(title)} (0) <span class="why">— {h(empty)}</span></h3>'


def _rumour(page: Page, rumour: Rumour) -> list[str]:
    out = ['<div class="finding rumour">', page.claim(rumour.claim)]
    if rumour.cues:
        out.append(f'<div class="why">cues: {h(", ".join(rumour.cues))}</div>')
    if rumour.record:
        out.append('<div class="record"><span class="muted">against the record:</span>')
        out += [page.claim(ref) for ref in rumour.record[:RECORD_TOP]]
        more = rumour.record[RECORD_TOP:]
        if more:
            out.append(f"<details><summary>{len(more)} more reported facts</summary>")
            out += [page.claim(ref) for ref in more]
            out.append("</details>")
        out.append("</div>")
    return [*out, "</div>"]


def _charts(report: Report) -> list[str]:
    figures = report.figures
    return [
        '<h2 id="charts">Charts</h2>',
        "<figure>",
        svg.kinds_and_verdicts(figures.outlets),
        "<figcaption>Each outlet's claims by kind (fact, speculation, opinion) and by the"
        " reviewers' verdict.</figcaption></figure>",
        "<figure>",
        svg.matrix(figures.matrix),
        "<figcaption>Outlet × outlet: claims that agree (✓) and contradict (✗) between two"
        " outlets; ↻ counts updates of a running figure."
        + (
            f" The {figures.left_out} outlets with the fewest links to others are left out"
            " (the JSON report's figures have the same cells)."
            if figures.left_out
            else ""
        )
        + "</figcaption></figure>",
        "<figure>",
        svg.timeline(figures.timeline),
        "<figcaption>The story by publication date: the first report, later reports, updates"
        " and contradictions, each on the date of the later article.</figcaption></figure>",
    ]


def _glance(report: Report) -> list[str]:
    out: list[str] = [
        '<h2 id="glance">The outlets at a glance</h2><table><tr><th>outlet and title</th>'
        "<th>claims</th><th>speculation</th><th>opinion</th><th>unsourced</th>"
        "<th>corroborated</th><th>contradicted</th><th>reviewed</th><th>score</th></tr>"
    ]
    story = report.story
    cards = {item.source.id: item for item in report.sources}
    for p in story.profiles:
        card = cards[p.source].scorecard
        score = "–" if card.score is None else f"{card.score:g}"
        out.append(
            f"<tr><td><b>{h(report.label(p.source))}</b></td>"
            f"<td>{p.claims}</td><td>{p.kinds.get('speculation', 0)}</td>"
            f"<td>{p.kinds.get('opinion', 0)}</td><td>{p.unsourced}</td>"
            f"<td>{p.corroborated}</td><td>{p.contradicted}</td>"
            f"<td>{sum(p.verdicts.values())}</td>"
            f"<td>{_bar(None if card.score is None else card.score / 100)}{score}</td></tr>"
        )
    out.append("</table><ul>")
    out += [f"<li><b>{h(source)}</b>: {h(sentence)}</li>" for source, sentence in findings(report)]
    out.append("</ul>")
    return out


def _single_source(report: Report) -> list[str]:
    story, page = report.story, Page(report)
    out = [f"<h2>Facts only one outlet states ({len(story.single_source)})</h2>"]
    by_source: dict[str, list[ClaimRef]] = {}
    for ref in story.single_source:
        by_source.setdefault(ref.source, []).append(ref)
    for source, refs in by_source.items():
        out.append(f"<details><summary><b>{h(report.label(source))}</b> ({len(refs)})</summary>")
        out += [page.claim(ref, source=False) for ref in refs]
        out.append("</details>")
    return out


def render_html(report: Report) -> str:
    story, page = report.story, Page(report)
    claims = sum(p.claims for p in story.profiles)
    outlets = len(report.figures.outlets)
    title = f"Credibility report: {len(report.sources)} sources, {claims} claims"
    against = sum(1 for r in story.speculation if r.record)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{h(title)}</h1>",
        f'<p class="lead">{outlets} outlets · {len(story.agreed)} agreed · '
        f"{len(story.contested)} contested · {len(story.updated)} changed over time · "
        f"{against} pieces of speculation set against the record · "
        f"{len(story.reviewed)} claims reviewed"
        '<nav><a href="#charts">charts</a><a href="#glance">outlets</a>'
        '<a href="#scorecards">scorecards</a><a href="#method">method</a>'
        '<a href="#articles">articles</a></nav></p>',
    ]
    out += _story(report)
    out += _charts(report)
    out += _glance(report)
    out += _single_source(report)
    out.append(f"<h2>Reviewers' verdicts ({len(story.reviewed)})</h2>")
    out += [page.claim(ref) for ref in story.reviewed]
    if not story.reviewed:
        out.append('<p class="muted">No claim has been reviewed yet.</p>')
    if report.orphans:
        out.append(f"<p>{report.orphans} verdicts are on claims no longer in their articles.</p>")

    out.append(
        "<h2>Sources side by side</h2><table><tr><th>sources</th><th>agree</th>"
        "<th>contradict</th><th>updates</th><th>related</th></tr>"
    )
    out += [
        f"<tr><td>{h(report.label(o.a))} · {h(report.label(o.b))}</td><td>{o.agrees}</td>"
        f"<td>{o.contradicts}</td><td>{o.updates}</td><td>{o.related}</td></tr>"
        for o in story.overlaps
    ]
    out.append('</table><h2 id="scorecards">Scorecards</h2>')
    for item in report.sources:
        out += _scorecard(item, report)
    out += _method()
    out.append('<h2 id="articles">Articles</h2>')
    out.append(
        '<p>Claims are marked by kind: <mark class="k-fact">fact</mark>'
        ' <mark class="k-speculation">speculation</mark> <mark class="k-opinion">opinion</mark>;'
        " a green outline is verified, a red one disputed. Every claim id in this report links"
        " to its words here.</p>"
    )
    out += [_article(item, report) for item in report.sources]
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _method() -> list[str]:
    out = ['<h2 id="method">How the score is computed</h2><p>The criteria and weights are']
    out.append(
        " NewsGuard's published ones. Each assessed criterion gives a value from 0 to 1 and"
        " earns weight × value points; the score is the points earned over the weight of the"
        " criteria assessed, × 100. Criteria that need more than the article are not assessed"
        " rather than guessed. Verdicts count in proportion to the claims reviewed, so one"
        " verdict moves a score by a bounded amount (shown on each scorecard); the full"
        " method is in docs/SCORING.md.</p><ul>"
    )
    out += [f"<li><b>{h(row.name)}</b> ({row.weight:g}): {h(row.how)}.</li>" for row in CRITERIA]
    out.append("</ul><p>Relation scores (agrees 0.04, similarity 0.31) are how alike two claims")
    out.append(
        " are, from 0 (nothing in common) to 1 (the same words): word and concept overlap"
        " combined by weights fitted on paraphrase data. A low score on an agreement means the"
        " claims share a core (who did what to whom) in different words.</p>"
    )
    return out


def _scorecard(item: SourceReport, report: Report) -> list[str]:
    card: Scorecard = item.scorecard
    score = "not scored" if card.score is None else f"{card.score:g} / 100"
    out = [
        f"<h3>{h(report.label(item.source.id))}: {score}</h3>",
        f"<p>{card.earned:g} of {card.assessable:g} assessable points; one verdict moves this"
        f' score by at most {step_bound(card):.1f}. <span class="muted">{h(item.source.path)}'
        "</span></p>",
        "<table><tr><th>criterion</th><th>weight</th><th>value</th><th>points</th>"
        "<th>how</th><th>claims</th></tr>",
    ]
    for c in card.criteria:
        points = "–" if c.points is None else f"{c.points:g}"
        weight = f"{c.weight:g}" if c.counted is None else f"{c.counted:g} of {c.weight:g}"
        out.append(
            f"<tr><td>{h(c.name)}</td><td>{weight}</td><td>{_bar(c.value)}</td>"
            f"<td>{points}</td><td>{h(c.detail)}</td>"
            f'<td class="id">{", ".join(link(i) for i in c.claims)}</td></tr>'
        )
    return [*out, "</table>"]


def _article(item: SourceReport, report: Report) -> str:
    text = item.text
    claims = [r for r in report.items if r.claim.source == item.source.id]
    parts, at = [], 0
    for reviewed in sorted(claims, key=lambda r: (r.claim.start, r.claim.end)):
        claim = reviewed.claim
        if claim.start < at:
            # inside the claim marked before it: an empty anchor keeps its links working
            parts.append(f'<span id="{h(anchor(claim.id))}"></span>')
            continue
        parts.append(h(text[at : claim.start]))
        parts.append(_mark(reviewed, text[claim.start : claim.end]))
        at = claim.end
    parts.append(h(text[at:]))
    return (
        f"<details><summary><b>{h(report.label(item.source.id))}</b>"
        f' <span class="muted">{h(item.source.path)}</span></summary>'
        f'<div class="article">{"".join(parts)}</div></details>'
    )


def _mark(reviewed: Reviewed, quote: str) -> str:
    claim = reviewed.claim
    label = f"{claim.id} · {claim.kind} · {reviewed.status}"
    return (
        f'<mark id="{h(anchor(claim.id))}" class="k-{claim.kind} s-{reviewed.status}"'
        f' title="{h(label)}">{h(quote)}</mark>'
    )
