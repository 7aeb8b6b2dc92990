"""The one cattrs converter for turning models into JSON-ready values and back."""

from __future__ import annotations

import json
from typing import Any

import cattrs

from claims.models import Claim, Cue

converter = cattrs.Converter(forbid_extra_keys=True)


def claim_record(claim: Claim, *, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """A claim as the JSON object of INTERFACES.md (key order kept), minus ``drop`` keys."""
    record: dict[str, Any] = converter.unstructure(claim)
    record["cues"] = [converter.unstructure(cue) for cue in claim.cues]
    for key in drop:
        record.pop(key, None)
    return record


def cue_records(cues: list[Cue]) -> list[dict[str, Any]]:
    return [converter.unstructure(cue) for cue in cues]


def claim_from_record(record: dict[str, Any]) -> Claim:
    """A claim from its JSON object; unknown keys are an error."""
    return converter.structure(record, Claim)


_ESCAPES = {code: f"\\u{code:04x}" for code in (*range(0x7F, 0xA0), 0x2028, 0x2029)}


def dumps(value: Any) -> str:
    """Compact JSON with every control character escaped, safe to write to a terminal."""
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": ")).translate(_ESCAPES)
