"""Which related links a person is shown, for a whole store at once: the array form of
``checker.compare.relate.keep_best`` (the best ``KEEP_RELATED`` related links of each claim;
a link stays when it is among the best of either of its claims), for counting them over
hundreds of thousands of links without building a relation model for each."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from checker.compare.relate import CONTRAST, KEEP_RELATED

Link = tuple[str, str, float, float]  # a, b, score, weight of a related link


def shown_links(
    kinds: Sequence[tuple[str, str]], links: Sequence[Link], keep: int = KEEP_RELATED
) -> list[int]:
    """The positions in ``links`` (related links in key order) of those shown, ranked as
    ``keep_best`` ranks them: speculation against a reported fact first, then the weight,
    then the score, then the earlier link. ``kinds`` are ``(claim id, kind)`` of every
    claim the links name."""
    if not links:
        return []
    index = {claim: n for n, (claim, _) in enumerate(kinds)}
    sided = np.array([kind in CONTRAST for _, kind in kinds])
    fact = np.array([kind == "fact" for _, kind in kinds])
    count = len(links)
    a = np.fromiter((index[link[0]] for link in links), np.int64, count)
    b = np.fromiter((index[link[1]] for link in links), np.int64, count)
    score = np.fromiter((link[2] for link in links), np.float64, count)
    weight = np.fromiter((link[3] for link in links), np.float64, count)
    contrast = sided[a] & sided[b] & (fact[a] != fact[b])
    # each link once from either end, the ends' links best first (np.lexsort: last key first)
    position = np.r_[np.arange(count), np.arange(count)]
    claim = np.r_[a, b]
    order = np.lexsort(
        (
            position,
            -np.r_[score, score],
            -np.r_[weight, weight],
            ~np.r_[contrast, contrast],
            claim,
        )
    )
    ends = claim[order]
    starts = np.flatnonzero(np.r_[True, ends[1:] != ends[:-1]])
    rank = np.arange(2 * count) - np.repeat(starts, np.diff(np.r_[starts, 2 * count]))
    kept: list[int] = np.unique(position[order][rank < keep]).tolist()
    return kept
