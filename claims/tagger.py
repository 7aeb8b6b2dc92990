"""Tagging claims as fact, speculation or opinion from the cue words they contain.

Cues come from the lexicons in ``data/cues``. Each cue has a weight; the cues of one class
combine as independent evidence, ``1 - prod(1 - w)``. A claim is ``speculation`` when its
speculative cues (hedges, predictions, rumour, anonymous sourcing, beliefs, conditionals,
weasel words) reach 0.5, else ``opinion`` when its opinion cues reach 0.5, else ``fact``.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from claims.lexicon import cue_lexicon
from claims.models import SPECULATIVE_CUES, Cue, Kind

THRESHOLD = 0.5
ANONYMOUS_WEIGHT = 0.9


@attrs.frozen
class WeightedCue:
    cue: Cue
    weight: float


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[WeightedCue]:
    """Every cue in ``text[start:end]``, in order, without those an exclusion overrides."""
    lexicon = cue_lexicon()
    end = len(text) if end is None else end
    found = []
    excluded: list[tuple[int, int]] | None = None
    for match in lexicon.pattern.finditer(text, start, end):
        group = match.lastgroup
        if group is None:
            continue
        if excluded is None:
            excluded = [
                m.span() for m in lexicon.exclusions.finditer(text, max(0, start - 20), end)
            ]
        cue_start, cue_end = match.span()
        if any(a < cue_end and cue_start < b for a, b in excluded):
            continue
        rule = lexicon.rules[int(group[1:])]
        found.append(WeightedCue(Cue(cue_start, cue_end, match.group(), rule.type), rule.weight))
    return found


def combine(weights: Iterable[float]) -> float:
    remaining = 1.0
    for weight in weights:
        remaining *= 1.0 - weight
    return 1.0 - remaining


def classify(cues: Iterable[WeightedCue]) -> tuple[Kind, float]:
    """The kind a set of cues gives, and a confidence in [0, 1]."""
    cues = list(cues)
    speculative = combine(c.weight for c in cues if c.cue.type in SPECULATIVE_CUES)
    opinion = combine(c.weight for c in cues if c.cue.type == "opinion")
    if speculative >= THRESHOLD:
        return "speculation", round(speculative, 3)
    if opinion >= THRESHOLD:
        return "opinion", round(opinion, 3)
    return "fact", round(0.1 + 0.8 * (1.0 - max(speculative, opinion)), 3)


def tag_text(text: str) -> tuple[Kind, float, list[Cue]]:
    """Kind, confidence and cues of a whole text taken as one claim."""
    cues = find_cues(text)
    kind, confidence = classify(cues)
    return kind, confidence, [c.cue for c in cues]
