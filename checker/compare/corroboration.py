"""How many independent sources back each claim.

Articles of one outlet are one origin: an agency repeating its own copy is not corroboration.
Sources that are near-verbatim copies of each other (syndicated wire text) are one origin:
two sources are merged when most claims of the shorter one have a near-identical claim in the
other. A claim is ``contradicted`` when any claim of another source contradicts it,
``corroborated`` when a claim of another origin agrees with it, else ``single-source``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import attrs
from rapidfuzz import fuzz, utils

from checker.compare.relate import Relation
from claims.models import Claim

Status = Literal["corroborated", "contradicted", "single-source"]
VERBATIM = 95.0  # rapidfuzz ratio of two claims' words from which one is a copy of the other
SYNDICATED = 0.6  # share of the shorter source's claims copied for two sources to be one origin


@attrs.frozen
class Corroboration:
    claim: str
    status: Status
    origins: int  # independent origins that carry the claim, its own included
    agreeing: tuple[str, ...]
    contradicting: tuple[str, ...]


def origins(
    claims: Sequence[Claim],
    relations: Sequence[Relation],
    outlets: Mapping[str, str | None] | None = None,
) -> dict[str, str]:
    """Source id → the id of its origin (the smallest source id among its copies, and among
    the sources of its outlet: two articles of one agency are one voice)."""
    return origins_of(
        {claim.id: claim.source for claim in claims},
        {claim.id: claim.text for claim in claims},
        [(r.a, r.b) for r in relations if r.relation == "agrees"],
        outlets,
    )


def origins_of(
    source_of: Mapping[str, str],
    text_of: Mapping[str, str],
    agreements: Iterable[tuple[str, str]],
    outlets: Mapping[str, str | None] | None = None,
) -> dict[str, str]:
    """``origins`` from plain tables: each claim's source and text, the agreeing pairs, and
    each source's outlet where known."""
    per_source: dict[str, int] = defaultdict(int)
    for source in source_of.values():
        per_source[source] += 1
    copied: dict[tuple[str, str], set[str]] = defaultdict(set)
    processed: dict[str, str] = {}

    def plain(claim: str) -> str:
        if claim not in processed:
            processed[claim] = utils.default_process(text_of[claim])
        return processed[claim]

    for a, b in agreements:
        if fuzz.ratio(plain(a), plain(b), score_cutoff=VERBATIM):
            x, y = source_of[a], source_of[b]
            copied[(min(x, y), max(x, y))].update((a, b))
    parent = {source: source for source in per_source}

    def find(source: str) -> str:
        while parent[source] != source:
            source = parent[source]
        return source

    for members in _outlet_groups(per_source, outlets or {}):
        for other in members[1:]:
            parent[find(other)] = find(members[0])
    for (x, y), ids in sorted(copied.items()):
        shorter = min(per_source[x], per_source[y])
        from_shorter = sum(1 for i in ids if source_of[i] == (x if per_source[x] == shorter else y))
        if from_shorter >= SYNDICATED * shorter:
            rx, ry = find(x), find(y)
            parent[max(rx, ry)] = min(rx, ry)
    return {source: find(source) for source in per_source}


def _outlet_groups(sources: Iterable[str], outlets: Mapping[str, str | None]) -> list[list[str]]:
    """The sources of each named outlet, sorted (outlet names compared without case)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for source in sorted(sources):
        outlet = outlets.get(source)
        if outlet:
            groups[outlet.casefold()].append(source)
    return list(groups.values())


def corroborate(
    claims: Sequence[Claim],
    relations: Sequence[Relation],
    origin: Mapping[str, str] | None = None,
) -> dict[str, Corroboration]:
    """Each claim's corroboration status, by claim id; ``origin`` is ``origins`` of the same
    claims and relations when the caller has it already."""
    if origin is None:
        origin = origins(claims, relations)
    links = [(r.a, r.b, r.relation) for r in relations]
    return corroborate_links({claim.id: claim.source for claim in claims}, links, origin)


def corroborate_links(
    source_of: Mapping[str, str],
    links: Iterable[tuple[str, str, str]],
    origin: Mapping[str, str],
) -> dict[str, Corroboration]:
    """``corroborate`` from plain tables: each claim's source (in the order wanted), the
    relations as ``(a, b, relation)`` and each source's origin (``origins_of``)."""
    agreeing: dict[str, list[str]] = defaultdict(list)
    contradicting: dict[str, list[str]] = defaultdict(list)
    for a, b, relation in links:
        table = {"agrees": agreeing, "contradicts": contradicting}.get(relation)
        if table is not None:
            table[a].append(b)
            table[b].append(a)
    result = {}
    for claim, source in source_of.items():
        mine = origin[source]
        others = {origin[source_of[other]] for other in agreeing[claim]} - {mine}
        status: Status = (
            "contradicted"
            if contradicting[claim]
            else "corroborated"
            if others
            else "single-source"
        )
        result[claim] = Corroboration(
            claim,
            status,
            1 + len(others),
            tuple(sorted(agreeing[claim])),
            tuple(sorted(contradicting[claim])),
        )
    return result
