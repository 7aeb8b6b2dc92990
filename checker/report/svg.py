"""The report's figures as inline SVG: no script, no external asset, every label escaped.

Each function takes a :class:`checker.report.figures.Figures` part and returns one ``<svg>``
element with a ``<title>`` (for screen readers) and a legend; the same numbers are printed as
text on the bars and cells, so nothing is told by colour alone."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from checker.report.figures import Cell, Event, OutletBar

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
KIND_COLOURS = {"fact": "#2f6db3", "speculation": "#d08400", "opinion": "#7a4bb3"}
VERDICT_COLOURS = {"verified": "#2f7d4f", "disputed": "#b3261e", "unreviewed": "#c9c9c9"}
EVENT_COLOURS = {
    "first report": "#1d1d1f",
    "report": "#6b6b6b",
    "update": "#c08a00",
    "contradiction": "#b3261e",
}
WIDTH = 760
LABEL = 250  # width of the label column
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def esc(text: str) -> str:
    return html.escape(_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text), quote=True)


def cut(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _open(height: int, title: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}"'
        f' height="{height}" role="img" {FONT}><title>{esc(title)}</title>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#fff"/>',
    ]


def _legend(x: float, y: float, colours: dict[str, str]) -> list[str]:
    out = []
    for name, colour in colours.items():
        out.append(f'<rect x="{x:.0f}" y="{y - 9:.0f}" width="10" height="10" fill="{colour}"/>')
        out.append(f'<text x="{x + 14:.0f}" y="{y:.0f}">{esc(name)}</text>')
        x += 22 + 6.6 * len(name)
    return out


def _stack(
    x: float, y: float, width: float, counts: dict[str, int], colours: dict[str, str]
) -> list[str]:
    total = sum(counts.values())
    out = [f'<rect x="{x:.0f}" y="{y:.0f}" width="{width:.0f}" height="14" fill="#f2f2f2"/>']
    at = x
    for name, colour in colours.items():
        n = counts.get(name, 0)
        if not n or not total:
            continue
        w = width * n / total
        out.append(
            f'<rect x="{at:.1f}" y="{y:.0f}" width="{w:.1f}" height="14" fill="{colour}">'
            f"<title>{esc(f'{name}: {n} of {total}')}</title></rect>"
        )
        if w >= 22:
            ink = "#000" if name == "unreviewed" else "#fff"
            out.append(
                f'<text x="{at + 4:.1f}" y="{y + 11:.0f}" fill="{ink}" font-size="10">{n}</text>'
            )
        at += w
    return out


def kinds_and_verdicts(bars: Sequence[OutletBar]) -> str:
    """Two stacked bars per outlet: its claims by kind, and by verdict."""
    row = 44
    height = 40 + row * len(bars) + 10
    out = _open(height, "Claims by kind and by verdict, per outlet")
    out += _legend(LABEL, 16, KIND_COLOURS)
    out += _legend(LABEL + 235, 16, VERDICT_COLOURS)
    bar_width = WIDTH - LABEL - 70
    for index, bar in enumerate(bars):
        y = 34 + index * row
        total = sum(bar.kinds.values())
        out.append(f'<text x="6" y="{y + 12}" font-weight="bold">{esc(cut(bar.outlet, 30))}</text>')
        out.append(f'<text x="6" y="{y + 28}" fill="#666">{total} claims</text>')
        out += _stack(LABEL, y, bar_width, bar.kinds, KIND_COLOURS)
        out += _stack(LABEL, y + 18, bar_width, bar.verdicts, VERDICT_COLOURS)
        out.append(f'<text x="{LABEL + bar_width + 6}" y="{y + 11}" fill="#666">kind</text>')
        out.append(f'<text x="{LABEL + bar_width + 6}" y="{y + 29}" fill="#666">verdict</text>')
    return "".join([*out, "</svg>"])


def matrix(cells: Sequence[Cell]) -> str:
    """Outlet × outlet: how many claims agree (green) and contradict (red) between them."""
    names = list(dict.fromkeys(c.a for c in cells))
    n = max(len(names), 1)
    size = min(90, (WIDTH - LABEL - 20) // n)
    height = 44 + size * n + 24
    out = _open(height, "Agreements and contradictions between outlets")
    out += _legend(LABEL, 16, {"agree": "#2f7d4f", "contradict": "#b3261e", "update": "#c08a00"})
    top = 30
    most = max([c.agrees + c.contradicts for c in cells if c.a != c.b] + [1])
    for i, name in enumerate(names):
        out.append(
            f'<text x="6" y="{top + i * size + size / 2 + 4:.0f}">{i + 1}. {esc(cut(name, 34))}</text>'
        )
        out.append(
            f'<text x="{LABEL + i * size + size / 2:.0f}" y="{top + n * size + 14}"'
            f' text-anchor="middle" fill="#666">{i + 1}</text>'
        )
    index = {name: i for i, name in enumerate(names)}
    for cell in cells:
        x, y = LABEL + index[cell.b] * size, top + index[cell.a] * size
        if cell.a == cell.b:
            fill = "#f2f2f2"
        elif cell.contradicts:
            fill = f"rgba(179,38,30,{0.25 + 0.6 * cell.contradicts / most:.2f})"
        elif cell.agrees:
            fill = f"rgba(47,125,79,{0.25 + 0.6 * cell.agrees / most:.2f})"
        else:
            fill = "#fafafa"
        words = f"{cell.agrees} agree, {cell.contradicts} contradict, {cell.updates} update, {cell.related} related"
        out.append(
            f'<rect x="{x}" y="{y}" width="{size - 2}" height="{size - 2}" fill="{fill}"'
            f' stroke="#ddd"><title>{esc(f"{cell.a} · {cell.b}: {words}")}</title></rect>'
        )
        if cell.a != cell.b:
            cx = x + (size - 2) / 2
            out.append(
                f'<text x="{cx:.0f}" y="{y + size / 2 - 4:.0f}" text-anchor="middle">✓ {cell.agrees}</text>'
            )
            out.append(
                f'<text x="{cx:.0f}" y="{y + size / 2 + 12:.0f}" text-anchor="middle">✗ {cell.contradicts}'
                f"{f' ↻ {cell.updates}' if cell.updates else ''}</text>"
            )
    return "".join([*out, "</svg>"])


def timeline(events: Sequence[Event]) -> str:
    """One lane per outlet, one column per publication date (undated articles last): each
    report, update (a running tally changed) and contradiction where it was published."""
    outlets = list(dict.fromkeys(e.outlet for e in events))
    dates = list(dict.fromkeys(e.date or "undated" for e in events))
    lane = 30
    height = 50 + lane * max(len(outlets), 1) + 24
    out = _open(height, "The story over time: reports, updates and contradictions by date")
    out += _legend(LABEL, 16, EVENT_COLOURS)
    span = WIDTH - LABEL - 30
    step = span / max(len(dates), 1)
    top = 34
    for i, name in enumerate(outlets):
        y = top + i * lane + lane / 2
        out.append(f'<text x="6" y="{y + 4:.0f}">{esc(cut(name, 36))}</text>')
        out.append(
            f'<line x1="{LABEL}" y1="{y:.0f}" x2="{WIDTH - 10}" y2="{y:.0f}" stroke="#e4e4e4"/>'
        )
    for j, date in enumerate(dates):
        x = LABEL + step * j + step / 2
        out.append(
            f'<text x="{x:.0f}" y="{top + lane * len(outlets) + 16}" text-anchor="middle"'
            f' fill="#666">{esc(date)}</text>'
        )
    placed: dict[tuple[int, int], int] = {}
    for event in events:
        i, j = outlets.index(event.outlet), dates.index(event.date or "undated")
        shift = placed.get((i, j), 0)
        placed[(i, j)] = shift + 1
        x = LABEL + step * j + step / 2 - 40 + 16 * shift
        y = top + i * lane + lane / 2
        colour = EVENT_COLOURS[event.what]
        tip = f"<title>{esc(f'{event.what}: {event.source} ({event.detail})')}</title>"
        if event.what in ("first report", "report"):
            fill = colour if event.what == "first report" else "#fff"
            out.append(
                f'<circle cx="{x:.0f}" cy="{y:.0f}" r="6" fill="{fill}" stroke="{colour}"'
                f' stroke-width="2">{tip}</circle>'
            )
            out.append(
                f'<text x="{x + 10:.0f}" y="{y + 4:.0f}" fill="#666">{esc(event.detail)}</text>'
            )
        elif event.what == "update":
            out.append(
                f'<path d="M{x:.0f} {y - 7:.0f} L{x + 7:.0f} {y:.0f} L{x:.0f} {y + 7:.0f}'
                f' L{x - 7:.0f} {y:.0f} Z" fill="{colour}">{tip}</path>'
            )
        else:
            out.append(
                f'<path d="M{x - 6:.0f} {y - 6:.0f} L{x + 6:.0f} {y + 6:.0f} M{x + 6:.0f}'
                f' {y - 6:.0f} L{x - 6:.0f} {y + 6:.0f}" stroke="{colour}"'
                f' stroke-width="3">{tip}</path>'
            )
    return "".join([*out, "</svg>"])
