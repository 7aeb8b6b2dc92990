"""Whether two articles tell the same story, from the actors their claims name.

Claims of two articles can agree or contradict only when the articles are about the same
events: two reports of one earthquake, not an earthquake report and a football report that
both say "killed" and "Saturday". The test is pair-local — it looks at the two articles only —
so relations do not depend on what else is in the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import date

MIN_SHARED = 2  # actors both articles name (or all of them, for an article naming one)
MIN_SHARE = 0.15  # of the actors of the article that names fewer
# Reports of one story come out within weeks; two articles published further apart than this
# are about different events of one kind (two earthquakes in one region) or about stages of a
# case far apart ("pleaded not guilty" in January, "found guilty" in September), whose claims
# neither corroborate nor contradict each other.
STORY_DAYS = 60


def source_actors(
    sources: Iterable[str], keys: Iterable[Collection[str]]
) -> dict[str, frozenset[str]]:
    """Each source's actors: the ``a:`` blocking keys of all its claims."""
    found: dict[str, set[str]] = defaultdict(set)
    for source, claim_keys in zip(sources, keys, strict=True):
        found[source].update(key[2:] for key in claim_keys if key.startswith("a:"))
    return {source: frozenset(actors) for source, actors in found.items()}


def story_aligned(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two articles' actors overlap enough for them to be about the same story."""
    shared, smaller = len(a & b), min(len(a), len(b))
    return shared >= min(MIN_SHARED, smaller) > 0 and shared >= MIN_SHARE * smaller


def apart_in_time(first: date | None, second: date | None) -> bool:
    """Two articles both dated and published more than ``STORY_DAYS`` apart."""
    return first is not None and second is not None and abs((first - second).days) > STORY_DAYS


def articles_aligned(
    actors: tuple[frozenset[str], frozenset[str]], published: tuple[date | None, date | None]
) -> bool:
    """Two articles are about the same story: their actors overlap (``story_aligned``) and
    they are not dated far apart (``apart_in_time``)."""
    return not apart_in_time(*published) and story_aligned(*actors)
