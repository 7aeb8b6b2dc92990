"""The data that flows through claimdesk: articles, their structure, and tagged claims.

Every model is frozen; offsets are Python string indices into the article text, so
``article.text[claim.start:claim.end] == claim.quote`` always holds.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs
from attrs import validators as v

Kind = Literal["fact", "speculation", "opinion"]
KINDS: tuple[Kind, ...] = ("fact", "speculation", "opinion")

CueType = Literal[
    "hedge", "prediction", "rumour", "anonymous", "belief", "conditional", "weasel", "opinion"
]
CUE_TYPES: tuple[CueType, ...] = (
    "hedge",
    "prediction",
    "rumour",
    "anonymous",
    "belief",
    "conditional",
    "weasel",
    "opinion",
)
SPECULATIVE_CUES: frozenset[str] = frozenset(CUE_TYPES) - {"opinion"}

# ``group``: people the story identifies by their part in it, not by name ("residents",
# "family members", "witnesses"): on the record, but no one person answers for the words.
AttributionType = Literal["named", "official", "anonymous", "group"]
ATTRIBUTION_TYPES: tuple[AttributionType, ...] = ("named", "official", "anonymous", "group")

BlockKind = Literal[
    "title", "heading", "byline", "dateline", "pullquote", "frontmatter", "boilerplate", "body"
]
BLOCK_KINDS: tuple[BlockKind, ...] = (
    "title",
    "heading",
    "byline",
    "dateline",
    "pullquote",
    "frontmatter",
    "boilerplate",
    "body",
)

_offset = [v.instance_of(int), v.ge(0)]


def _end_after_start(instance: Any, attribute: Any, value: int) -> None:
    if value < instance.start:
        raise ValueError(f"end {value} is before start {instance.start}")


@attrs.frozen
class Block:
    """A stretch of the article with a structural role; only ``body`` blocks hold claims."""

    kind: BlockKind = attrs.field(validator=v.in_(BLOCK_KINDS))
    start: int = attrs.field(validator=_offset)
    end: int = attrs.field(validator=[*_offset, _end_after_start])


@attrs.frozen
class Article:
    """One source document, decoded, with its metadata and structure."""

    source: str = attrs.field(validator=v.instance_of(str))
    path: str = attrs.field(validator=v.instance_of(str))
    text: str = attrs.field(validator=v.instance_of(str), repr=False)
    sha256: str = attrs.field(validator=v.instance_of(str))
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    encoding: str = "utf-8"
    blocks: tuple[Block, ...] = attrs.field(default=(), repr=False)


@attrs.frozen
class Cue:
    """Words that made a claim speculation or opinion, with their offsets."""

    start: int = attrs.field(validator=_offset)
    end: int = attrs.field(validator=[*_offset, _end_after_start])
    text: str = attrs.field(validator=v.instance_of(str))
    type: CueType = attrs.field(validator=v.in_(CUE_TYPES))


@attrs.frozen
class Attribution:
    """Who a claim is attributed to, and the words that say so."""

    who: str = attrs.field(validator=v.instance_of(str))
    type: AttributionType = attrs.field(validator=v.in_(ATTRIBUTION_TYPES))
    start: int = attrs.field(validator=_offset)
    end: int = attrs.field(validator=[*_offset, _end_after_start])


@attrs.frozen
class Claim:
    """One checkable proposition, pinned to its exact words in the article."""

    id: str = attrs.field(validator=v.instance_of(str))
    source: str = attrs.field(validator=v.instance_of(str))
    path: str = attrs.field(validator=v.instance_of(str))
    start: int = attrs.field(validator=_offset)
    end: int = attrs.field(validator=[*_offset, _end_after_start])
    quote: str = attrs.field(validator=v.instance_of(str))
    text: str = attrs.field(validator=v.instance_of(str))
    kind: Kind = attrs.field(validator=v.in_(KINDS))
    confidence: float = attrs.field(validator=[v.instance_of(float), v.ge(0.0), v.le(1.0)])
    cues: tuple[Cue, ...] = ()
    attribution: Attribution | None = None
    # A version the source itself later corrected ("officials at first said ..., but later
    # admitted ..."): it stays attributed and is never the writer's fact.
    superseded: bool = attrs.field(default=False, validator=v.instance_of(bool))
