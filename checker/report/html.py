"""The credibility report as one self-contained HTML page: inline style, no script, no external
asset, every piece of article text escaped (control characters shown as ``\\xNN``)."""

from __future__ import annotations

import html
import re

from checker.report.build import Report, SourceReport, findings
from checker.report.scorecard import CRITERIA, Scorecard
from checker.report.story import ClaimRef, Story
from checker.review.records import Reviewed

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 76rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d1d1f; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
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
.record { margin: 0 0 .6rem 1.5rem; color: #444; }
.muted { color: #777; }
.article { white-space: pre-wrap; border: 1px solid #ddd; padding: 1rem; border-radius: .4rem; }
mark { padding: 0 .1rem; border-radius: .2rem; }
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


def _claim(ref: ClaimRef, *, source: bool = True) -> str:
    parts = [f'<div class="claim"><span class="kind k-{ref.kind}">{ref.kind}</span>']
    if ref.status != "unreviewed":
        parts.append(f' <span class="status s-{ref.status}">{ref.status}</span>')
    if source:
        parts.append(f" <b>{h(ref.source)}</b>")
    parts.append(f' <span class="id">{h(ref.id)}</span> “{h(ref.text)}”')
    if ref.attribution:
        parts.append(f' <span class="muted">— {h(ref.attribution)}</span>')
    if ref.note:
        parts.append(f' <span class="muted">(note: {h(ref.note)})</span>')
    return "".join(parts) + "</div>"


def _glance(report: Report) -> list[str]:
    out: list[str] = []
    story = report.story
    cards = {item.source.id: item for item in report.sources}
    for p in story.profiles:
        card = cards[p.source].scorecard
        score = "–" if card.score is None else f"{card.score:g}"
        out.append(
            f"<tr><td><b>{h(p.source)}</b></td><td>{h(cards[p.source].source.title or '–')}</td>"
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


def _agreed_and_contested(story: Story) -> list[str]:
    out: list[str] = []
    out.append(f"<h2>What the sources agree on ({len(story.agreed)})</h2>")
    for agreement in story.agreed:
        out.append(
            f"<p>{len(agreement.sources)} sources, {agreement.origins} independent:"
            f" {h('; '.join(agreement.reasons))}</p>"
        )
        out += [_claim(ref) for ref in agreement.claims]
    if not story.agreed:
        out.append('<p class="muted">Nothing is stated by more than one source.</p>')

    out.append(f"<h2>What is contested ({len(story.contested)})</h2>")
    for contest in story.contested:
        out.append(f"<p><b>{h('; '.join(contest.reasons))}</b></p>")
        out += [_claim(contest.a), _claim(contest.b)]
    if not story.contested:
        out.append('<p class="muted">No source contradicts another.</p>')
    out.append(f"<h2>What changed over the story ({len(story.updated)})</h2>")
    for update in story.updated:
        out.append(f"<p><b>{h('; '.join(update.reasons))}</b></p>")
        out += [_claim(update.a), _claim(update.b)]
    if not story.updated:
        out.append('<p class="muted">No figure changed between reports.</p>')
    return out


def _speculation(story: Story) -> list[str]:
    out: list[str] = []
    out.append(f"<h2>Speculation no other source corroborates ({len(story.speculation)})</h2>")
    for rumour in story.speculation:
        out.append(_claim(rumour.claim))
        if rumour.cues:
            out.append(f'<div class="record muted">cues: {h(", ".join(rumour.cues))}</div>')
        if rumour.record:
            out.append('<div class="record"><span class="muted">against the record:</span>')
            out += [_claim(ref) for ref in rumour.record]
            out.append("</div>")
    return out


def _single_source(story: Story) -> list[str]:
    out: list[str] = []
    out.append(f"<h2>Facts only one source states ({len(story.single_source)})</h2>")
    by_source: dict[str, list[ClaimRef]] = {}
    for ref in story.single_source:
        by_source.setdefault(ref.source, []).append(ref)
    for source, refs in by_source.items():
        out.append(f"<details><summary><b>{h(source)}</b> ({len(refs)})</summary>")
        out += [_claim(ref, source=False) for ref in refs]
        out.append("</details>")
    return out


def render_html(report: Report) -> str:
    story = report.story
    claims = sum(p.claims for p in story.profiles)
    title = f"Credibility report: {len(report.sources)} sources, {claims} claims"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{h(title)}</h1>",
        "<h2>At a glance</h2><table><tr><th>source</th><th>title</th><th>claims</th>"
        "<th>speculation</th><th>opinion</th><th>unsourced</th><th>corroborated</th>"
        "<th>contradicted</th><th>reviewed</th><th>score</th></tr>",
    ]
    out += _glance(report)
    out += _agreed_and_contested(story)
    out += _speculation(story)
    out += _single_source(story)
    out.append(f"<h2>Reviewers' verdicts ({len(story.reviewed)})</h2>")
    out += [_claim(ref) for ref in story.reviewed]
    if not story.reviewed:
        out.append('<p class="muted">No claim has been reviewed yet.</p>')
    if report.orphans:
        out.append(f"<p>{report.orphans} verdicts are on claims no longer in their articles.</p>")

    out.append(
        "<h2>Sources side by side</h2><table><tr><th>sources</th><th>agree</th>"
        "<th>contradict</th><th>related</th></tr>"
    )
    out += [
        f"<tr><td>{h(o.a)} · {h(o.b)}</td><td>{o.agrees}</td><td>{o.contradicts}</td>"
        f"<td>{o.related}</td></tr>"
        for o in story.overlaps
    ]
    out.append("</table><h2>Scorecards</h2>")
    for item in report.sources:
        out += _scorecard(item)
    out.append("<h2>How the score is computed</h2><p>The criteria and weights are NewsGuard's")
    out.append(
        " published ones. Each assessed criterion gives a value from 0 to 1 and earns weight ×"
        " value points; the score is the points earned over the weight of the criteria"
        " assessed, × 100. Criteria that need more than the article are not assessed rather"
        " than guessed.</p><ul>"
    )
    out += [f"<li><b>{h(row.name)}</b> ({row.weight:g}): {h(row.how)}.</li>" for row in CRITERIA]
    out.append("</ul><h2>Articles</h2>")
    out.append(
        '<p>Claims are marked by kind: <mark class="k-fact">fact</mark>'
        ' <mark class="k-speculation">speculation</mark> <mark class="k-opinion">opinion</mark>;'
        " a green outline is verified, a red one disputed.</p>"
    )
    out += [_article(item, report) for item in report.sources]
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _scorecard(item: SourceReport) -> list[str]:
    card: Scorecard = item.scorecard
    score = "not scored" if card.score is None else f"{card.score:g} / 100"
    title = f" — {h(item.source.title)}" if item.source.title else ""
    out = [
        f"<h3>{h(item.source.id)}{title}: {score}</h3>",
        f"<p>{card.earned:g} of {card.assessable:g} assessable points.</p>",
        "<table><tr><th>criterion</th><th>weight</th><th>value</th><th>points</th>"
        "<th>how</th><th>claims</th></tr>",
    ]
    for c in card.criteria:
        points = "–" if c.points is None else f"{c.points:g}"
        out.append(
            f"<tr><td>{h(c.name)}</td><td>{c.weight:g}</td><td>{_bar(c.value)}</td>"
            f"<td>{points}</td><td>{h(c.detail)}</td>"
            f'<td class="id">{h(", ".join(c.claims))}</td></tr>'
        )
    return [*out, "</table>"]


def _article(item: SourceReport, report: Report) -> str:
    text = item.text
    claims = [r for r in report.items if r.claim.source == item.source.id]
    parts, at = [], 0
    for reviewed in sorted(claims, key=lambda r: (r.claim.start, r.claim.end)):
        claim = reviewed.claim
        if claim.start < at:
            continue
        parts.append(h(text[at : claim.start]))
        parts.append(_mark(reviewed, text[claim.start : claim.end]))
        at = claim.end
    parts.append(h(text[at:]))
    return (
        f"<details><summary><b>{h(item.source.id)}</b> {h(item.source.path)}</summary>"
        f'<div class="article">{"".join(parts)}</div></details>'
    )


def _mark(reviewed: Reviewed, quote: str) -> str:
    claim = reviewed.claim
    label = f"{claim.id} · {claim.kind} · {reviewed.status}"
    return f'<mark class="k-{claim.kind} s-{reviewed.status}" title="{h(label)}">{h(quote)}</mark>'
