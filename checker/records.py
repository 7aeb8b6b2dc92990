"""What the review store holds besides claims: sources, verdicts and the history of changes.

Rows become models through their ``from_row`` classmethods; a change of verdict is a new
:class:`Verdict` (``attrs.evolve``), never an edit in place.
"""

from __future__ import annotations

import sqlite3
from typing import Literal

import attrs
from attrs import validators as v

from claims.models import Claim

Status = Literal["unreviewed", "verified", "disputed"]
STATUSES: tuple[Status, ...] = ("unreviewed", "verified", "disputed")
Action = Literal["mark", "undo"]


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


@attrs.frozen
class Source:
    """One analysed article file, without its text (``checker.store.source_text``)."""

    id: str = attrs.field(validator=v.instance_of(str))
    path: str = attrs.field(validator=v.instance_of(str))
    location: str = attrs.field(validator=v.instance_of(str))  # the resolved file path
    sha256: str = attrs.field(validator=v.instance_of(str))  # of the article text
    file_sha256: str = attrs.field(validator=v.instance_of(str))  # of the file's bytes
    title: str | None = attrs.field(default=None, converter=_optional_str)
    author: str | None = attrs.field(default=None, converter=_optional_str)
    published: str | None = attrs.field(default=None, converter=_optional_str)
    url: str | None = attrs.field(default=None, converter=_optional_str)
    outlet: str | None = attrs.field(default=None, converter=_optional_str)
    encoding: str = "utf-8"
    extractor: str = ""  # the claimdesk version that extracted its claims
    analyzed_at: str = ""

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Source:
        return cls(
            id=row["id"],
            path=row["path"],
            location=row["location"],
            sha256=row["sha256"],
            file_sha256=row["file_sha256"],
            title=row["title"],
            author=row["author"],
            published=row["published"],
            url=row["url"],
            outlet=row["outlet"],
            encoding=row["encoding"],
            extractor=row["extractor"],
            analyzed_at=row["analyzed_at"],
        )


@attrs.frozen
class Verdict:
    """A reviewer's decision on one claim. ``source`` and ``quote`` are kept with it so a
    verdict whose claim disappeared on re-analysis still says what it was about."""

    claim: str = attrs.field(validator=v.instance_of(str))
    source: str = attrs.field(validator=v.instance_of(str))
    quote: str = attrs.field(validator=v.instance_of(str))
    status: Status = attrs.field(validator=v.in_(STATUSES))
    note: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    by: str = ""
    at: str = ""

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Verdict:
        return cls(
            claim=row["claim"],
            source=row["source"],
            quote=row["quote"],
            status=row["status"],
            note=row["note"],
            by=row["reviewer"],
            at=row["at"],
        )


@attrs.frozen
class Change:
    """One entry of the verdict history: who changed which claim's verdict, when, from what to
    what. An undo is a change of its own that names the change it undoes."""

    seq: int = attrs.field(validator=v.instance_of(int))
    claim: str = attrs.field(validator=v.instance_of(str))
    at: str
    by: str
    action: Action = attrs.field(validator=v.in_(("mark", "undo")))
    old_status: Status = attrs.field(validator=v.in_(STATUSES))
    new_status: Status = attrs.field(validator=v.in_(STATUSES))
    old_note: str | None = None
    new_note: str | None = None
    undoes: int | None = None
    undone: bool = False

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Change:
        return cls(
            seq=row["seq"],
            claim=row["claim"],
            at=row["at"],
            by=row["reviewer"],
            action=row["action"],
            old_status=row["old_status"],
            new_status=row["new_status"],
            old_note=row["old_note"],
            new_note=row["new_note"],
            undoes=row["undoes"],
            undone=bool(row["undone"]),
        )


@attrs.frozen
class Reviewed:
    """A stored claim with its verdict, if any."""

    claim: Claim
    verdict: Verdict | None = None

    @property
    def status(self) -> Status:
        return self.verdict.status if self.verdict else "unreviewed"

    @property
    def note(self) -> str | None:
        return self.verdict.note if self.verdict else None
