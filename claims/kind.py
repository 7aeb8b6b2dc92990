"""The learned half of deciding a claim's kind: a logistic model over the cue lexicon's hits
and the words around them, read from ``data/kind_weights.txt`` (made by ``bench/fit_kind.py``).

The lexicon finds the cue words; the model weighs them in context ("it is not possible",
"at first appeared", a cue in a sentence that reads like a plain report) and may overrule a
weak speculative reading. It never makes a claim speculation on its own: every speculation
still shows the cue words that made it so.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterable

from claims.lexicon import read_list
from claims.models import SPECULATIVE_CUES, Cue

_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
_NEGATION = frozenset({"not", "no", "never", "n't", "cannot", "nor", "without", "hardly"})
_FIRST = re.compile(r"\b(?:at first|initially|originally)\s+$")
_BEFORE = 24  # characters before a cue read as its context


def features(text: str, cues: Iterable[Cue], offset: int = 0) -> list[str]:
    """The model's features of ``text`` (which starts at ``offset`` in the article) and the
    cues found in it: the words and word pairs, each cue's words and type, and what comes
    just before a speculative cue (a negation, "at first")."""
    lowered = text.lower()
    tokens = _WORD.findall(lowered)
    found = [f"w:{t}" for t in tokens]
    found += [f"b:{a}_{b}" for a, b in itertools.pairwise(tokens)]
    speculative = 0
    for cue in cues:
        found.append(f"t:{cue.type}")
        found.append(f"c:{cue.text.lower()}")
        if cue.type not in SPECULATIVE_CUES:
            continue
        speculative += 1
        found.extend(f"{name}:{cue.type}" for name in _context(lowered, cue, offset))
    found.append(f"n:{min(speculative, 3)}")
    return found


def _context(lowered: str, cue: Cue, offset: int) -> list[str]:
    """What comes just before a cue: ``neg`` (a negation), ``first`` ("at first")."""
    before = lowered[max(0, cue.start - offset - _BEFORE) : max(0, cue.start - offset)]
    names = []
    if _NEGATION.intersection(_WORD.findall(before.replace("n't", " n't"))):
        names.append("neg")
    if _FIRST.search(before):
        names.append("first")
    return names


@functools.cache
def _model() -> tuple[dict[str, float], float, float]:
    """Feature weights, the bias, and the probability under which the model overrules the
    lexicon's speculative reading."""
    weights: dict[str, float] = {}
    bias = veto = 0.0
    for line in read_list("kind_weights.txt"):
        name, _, value = line.rpartition(" ")
        if name == "__bias__":
            bias = float(value)
        elif name == "__veto__":
            veto = float(value)
        else:
            weights[name] = float(value)
    return weights, bias, veto


def probability(found: Iterable[str]) -> float:
    """The model's probability that a text with these features is speculation."""
    weights, bias, _ = _model()
    score = bias + sum(weights.get(name, 0.0) for name in set(found))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def overrules(text: str, cues: Iterable[Cue], offset: int = 0) -> bool:
    """Whether the model reads the lexicon's speculative cues of ``text`` as not speculative in
    context (a negated hedge, "at first appeared", a cue that reads like a plain report)."""
    cues = list(cues)
    if not any(_context(text.lower(), cue, offset) for cue in cues if cue.type in SPECULATIVE_CUES):
        return False  # the common case, without building every word pair
    found = features(text, cues, offset)
    # The model was fit on encyclopaedia and biomedical sentences: it may overrule one hedge in
    # a context it was fit on (a negation, "at first"), not a news sentence's plain "may".
    in_context = any(name.startswith(("neg:", "first:")) for name in found)
    return in_context and probability(found) < _model()[2]
