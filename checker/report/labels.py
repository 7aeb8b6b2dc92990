"""How a source is named to a reader: its outlet and title, never its id.

A source id (``000_2691664a77488a22``) says nothing to an editor. The label is the outlet and
the title when known; an article without a title is named by the opening words of its first
claim, in quotes, so it is still recognisable; the file name is the last resort.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import PurePath

from checker.review.records import Reviewed, Source

LEAD_WORDS = 6  # words of the first claim that name an untitled article


def shorten(text: str, words: int = LEAD_WORDS) -> str:
    """The first ``words`` words of ``text`` on one line, with ``…`` when cut."""
    parts = text.split()
    cut = " ".join(parts[:words]).rstrip(",;:—–-")
    return cut + ("…" if len(parts) > words else "")


def source_label(source: Source, lead: str | None = None) -> str:
    """``Outlet: Title``; without a title, the opening words of ``lead`` (its first claim)."""
    if source.title:
        name = " ".join(source.title.split())
    elif lead:
        name = f"“{shorten(lead)}”"
    else:
        name = PurePath(source.path.split("#")[-1]).name or source.id
    return f"{' '.join(source.outlet.split())}: {name}" if source.outlet else name


def leads(items: Iterable[Reviewed]) -> dict[str, str]:
    """Each source's first claim in reading order."""
    first: dict[str, tuple[int, str]] = {}
    for item in items:
        claim = item.claim
        if claim.source not in first or claim.start < first[claim.source][0]:
            first[claim.source] = (claim.start, claim.text)
    return {source: text for source, (_, text) in first.items()}


def labels(sources: Iterable[Source], items: Iterable[Reviewed]) -> dict[str, str]:
    """Every source's label by source id."""
    lead = leads(items)
    return {source.id: source_label(source, lead.get(source.id)) for source in sources}


def outlet_of(source: Source, label: Mapping[str, str]) -> str:
    """The outlet a source counts under: its own, else the source stands alone (its label)."""
    return " ".join(source.outlet.split()) if source.outlet else label[source.id]


def cut(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with ``…``."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"
