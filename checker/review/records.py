"""What the review store holds besides claims: sources, verdicts and the history of changes.

Rows become models through their ``from_row`` classmethods; a change of verdict is a new
:class:`Verdict` (``attrs.evolve``), never an edit in place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Protocol

import attrs
from attrs import validators as v

from claims.models import Claim

Status = Literal["unreviewed", "verified", "disputed"]
STATUSES: tuple[Status, ...] = ("unreviewed", "verified", "disputed")
Action = Literal["mark", "undo"]


class Row(Protocol):
    """A stored row with columns by name, as ``Row`` gives (models read no SQL)."""

    def __getitem__(self, key: str, /) -> Any: ...


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _row_values(
    cls: type, row: Row, prefix: str = "", columns: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The values of ``cls``'s fields in ``row``: column ``prefix + name``, or the column
    ``columns`` names for a field (``by`` is the ``reviewer`` column)."""
    columns = columns or {}
    return {
        field.name: row[prefix + columns.get(field.name, field.name)] for field in attrs.fields(cls)
    }


@attrs.frozen
class Source:
    """One analysed article file, without its text (``checker.review.store.source_text``)."""

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
    def from_row(cls, row: Row) -> Source:
        return cls(**_row_values(cls, row))


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
    def from_row(cls, row: Row, prefix: str = "") -> Verdict:
        """The verdict in ``row``; a join names its columns with ``prefix`` (``v_status``)."""
        return cls(**_row_values(cls, row, prefix, {"by": "reviewer"}))


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
    undone: bool = attrs.field(default=False, converter=bool)

    @classmethod
    def from_row(cls, row: Row) -> Change:
        return cls(**_row_values(cls, row, columns={"by": "reviewer"}))

    @property
    def note_only(self) -> bool:
        """A change of the note alone, the verdict kept (not a change of verdict)."""
        return self.old_status == self.new_status and self.old_note != self.new_note

    def describe(self) -> str:
        """What changed, in words: ``unreviewed → verified``, or ``note saved (disputed)``."""
        if self.note_only:
            what = "note cleared" if not self.new_note else "note saved"
            return f"{what} ({self.new_status})"
        return f"{self.old_status} → {self.new_status}"


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
