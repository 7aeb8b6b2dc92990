"""A source's credibility scorecard, 0–100, from its text and the reviewers' verdicts.

The criteria and their weights are NewsGuard's nine published ones (they add up to 100).
Those that one article can show are computed; each gives a value in [0, 1], the points it
earns (weight × value), a sentence saying how the value came about, and the claim ids behind
it. The others — ownership, advertising, who is in charge — need more than the article and
are "not assessed", never guessed. The score is the points earned over the weight of the
criteria assessed, × 100. ``CRITERIA`` says how each value is computed, in the words the
report prints.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

import attrs

from checker.compare.corroboration import Corroboration
from checker.compare.normalize import features
from checker.review.records import Reviewed, Source
from claims.lexicon import read_list
from claims.tagger import tag_text

FULL_REVIEW = 10  # reviewed claims that give the verdict-based criteria their whole weight
OPINION_LIMIT = 0.25  # share of the writer's own opinion that takes the whole weight
UNSOURCED = frozenset({"anonymous", "rumour", "weasel"})  # cue types of unsourced claims


@attrs.frozen
class CriterionRow:
    key: str
    name: str
    weight: float
    how: str  # how the value is computed, as the report and the README say it


CRITERIA: tuple[CriterionRow, ...] = (
    CriterionRow(
        "false_content",
        "Does not repeatedly publish false content",
        22.0,
        "the share of the source's reviewed claims that reviewers verified (verified count for,"
        " disputed against); it weighs 1/10 of 22 per reviewed claim up to 10 reviewed, then"
        " the whole 22; not assessed until a claim is reviewed (unreviewed claims, and"
        " contradictions no reviewer has looked at, earn and cost nothing)",
    ),
    CriterionRow(
        "sourcing",
        "Gathers and presents information responsibly",
        18.0,
        "the mean over the source's facts and speculation of: attributed to a named or official"
        " source 1; the writer's own statement of fact ¾; the writer's own speculation, hedged"
        " by its cue words (may, if, expected) ½; resting on anonymous sources, rumour"
        " (rumored, reportedly) or weasel words (some say) 0",
    ),
    CriterionRow(
        "corrections",
        "Regularly corrects or clarifies errors",
        12.5,
        "a corrections or clarification notice in the article 1 (the whole weight); else,"
        " with disputed claims and no notice, 0 at 1/10 of 12.5 per disputed claim up to 10;"
        " otherwise not assessed",
    ),
    CriterionRow(
        "news_opinion",
        "Handles the difference between news and opinion responsibly",
        12.5,
        "1 for a piece labelled as opinion (in its title, outlet or URL); else 1 − 4 × the"
        " share of its claims that are the writer's own opinion",
    ),
    CriterionRow(
        "headline",
        "Avoids deceptive headlines",
        10.0,
        "the share of the headline's concepts found in the body's claims, halved when the"
        " headline states as fact what the body has only as speculation (the closest claim"
        " is speculation and the body's facts together hold fewer of the headline's concepts);"
        " not assessed without a headline",
    ),
    CriterionRow(
        "ownership", "Discloses ownership and financing", 7.5, "not assessed: needs the website"
    ),
    CriterionRow(
        "advertising", "Clearly labels advertising", 7.5, "not assessed: needs the website"
    ),
    CriterionRow(
        "in_charge",
        "Reveals who is in charge, and possible conflicts of interest",
        5.0,
        "not assessed: needs the website",
    ),
    CriterionRow("byline", "Names its content creators", 5.0, "a byline 1, none 0"),
)
NOT_FROM_TEXT = frozenset({"ownership", "advertising", "in_charge"})


@attrs.frozen
class Criterion:
    key: str
    name: str
    weight: float
    value: float | None  # in [0, 1]; None when not assessed
    points: float | None
    detail: str
    claims: tuple[str, ...] = ()
    counted: float | None = None  # the weight it counts with, when less than ``weight``

    @property
    def weighs(self) -> float:
        """The weight the criterion counts with in the score (0 when not assessed)."""
        if self.value is None:
            return 0.0
        return self.weight if self.counted is None else self.counted

    @property
    def assessed(self) -> bool:
        return self.value is not None


@attrs.frozen
class Scorecard:
    source: str
    score: float | None  # 0–100 over the criteria assessed; None when none could be
    earned: float
    assessable: float
    criteria: tuple[Criterion, ...]


def scorecard(
    source: Source,
    text: str,
    items: Sequence[Reviewed],
    corroboration: Mapping[str, Corroboration],
    concepts: Mapping[str, frozenset[str]],
) -> Scorecard:
    """The scorecard of one source from its text, its claims with their verdicts, their
    corroboration and each claim's concepts (``c:`` blocking keys)."""
    found = {
        "false_content": _false_content(items, corroboration),
        "sourcing": _sourcing(items),
        "corrections": _corrections(text, items),
        "news_opinion": _news_opinion(source, items),
        "headline": _headline(source.title, items, concepts),
        "byline": _byline(source.author),
    }
    criteria = []
    for row in CRITERIA:
        if row.key in NOT_FROM_TEXT:
            criteria.append(
                Criterion(
                    row.key,
                    row.name,
                    row.weight,
                    None,
                    None,
                    "not assessed: needs more than the article",
                )
            )
            continue
        value, detail, claims, *share = found[row.key]
        counted = row.weight * share[0] if share and share[0] < 1 else None
        weighs = row.weight if counted is None else counted
        points = None if value is None else round(weighs * value, 2)
        criteria.append(
            Criterion(
                row.key,
                row.name,
                row.weight,
                None if value is None else round(value, 3),
                points,
                detail,
                tuple(claims),
                None if counted is None else round(counted, 3),
            )
        )
    assessable = round(sum(c.weighs for c in criteria), 3)
    earned = round(sum(c.points or 0.0 for c in criteria), 2)
    score = round(100 * earned / assessable, 1) if assessable else None
    return Scorecard(source.id, score, earned, assessable, tuple(criteria))


def step_bound(card: Scorecard) -> float:
    """The most one verdict can move ``card``'s score, in score points (docs/SCORING.md): one
    reviewed claim adds or takes at most ``STEP`` points and ``STEP`` of weight, over at
    least the weight assessed from the text alone."""
    base = sum(
        c.weighs
        for c in card.criteria
        if c.key not in VERDICT_BASED or (c.key == "corrections" and c.value == 1.0)
    )
    return 100.0 if base <= 0 else min(100.0, 100 * STEP / base)


VERDICT_BASED = frozenset({"false_content", "corrections"})
STEP = sum(row.weight for row in CRITERIA if row.key in VERDICT_BASED) / FULL_REVIEW  # 3.45

# A criterion's value, how it came about, the claims behind it, and (for the verdict-based
# criteria) the share of its weight it counts with.
Found = tuple[float | None, str, list[str]] | tuple[float | None, str, list[str], float]


def _false_content(items: Sequence[Reviewed], corroboration: Mapping[str, Corroboration]) -> Found:
    verified = [i.claim.id for i in items if i.status == "verified"]
    disputed = [i.claim.id for i in items if i.status == "disputed"]
    waiting = [
        i.claim.id
        for i in items
        if i.status == "unreviewed"
        and (status := corroboration.get(i.claim.id)) is not None
        and status.status == "contradicted"
    ]
    reviewed = len(verified) + len(disputed)
    pending = (
        f"; {len(waiting)} claims contradicted by another source await review" if waiting else ""
    )
    if not reviewed:
        return None, "not assessed: no claim of this source has been reviewed" + pending, waiting
    value = len(verified) / reviewed
    share = min(reviewed, FULL_REVIEW) / FULL_REVIEW
    detail = (
        f"{len(verified)} verified and {len(disputed)} disputed of {reviewed} reviewed claims"
        f" (counts {share:.0%} of its weight: {min(reviewed, FULL_REVIEW)} of {FULL_REVIEW}"
        f" reviewed){pending}"
    )
    return value, detail, disputed + waiting, share


def _sourcing(items: Sequence[Reviewed]) -> Found:
    counts = {"sourced": 0, "own fact": 0, "hedged": 0, "unsourced": 0}
    points = {"sourced": 1.0, "own fact": 0.75, "hedged": 0.5, "unsourced": 0.0}
    weak = []
    for item in items:
        claim = item.claim
        if claim.kind == "opinion":
            continue
        attribution = claim.attribution
        if attribution is not None and attribution.type != "anonymous":
            kind = "sourced"
        elif attribution is not None or any(c.type in UNSOURCED for c in claim.cues):
            kind = "unsourced"
        else:
            kind = "own fact" if claim.kind == "fact" else "hedged"
        counts[kind] += 1
        if kind == "unsourced":
            weak.append(claim.id)
    total = sum(counts.values())
    if not total:
        return None, "not assessed: no facts or speculation to assess", []
    value = sum(points[k] * n for k, n in counts.items()) / total
    detail = (
        f"{counts['sourced']} attributed to named or official sources, {counts['own fact']}"
        f" stated by the writer, {counts['hedged']} hedged speculation, {counts['unsourced']}"
        f" resting on anonymous sources, rumour or weasel words, of {total}"
    )
    return value, detail, weak


@cache
def _corrections_pattern() -> re.Pattern[str]:
    phrases = sorted(read_list("corrections.txt", "checker"), key=len, reverse=True)
    alternation = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?:^|(?<=[.!?]\s))\s*(?:{alternation})", re.IGNORECASE | re.MULTILINE)


def _corrections(text: str, items: Sequence[Reviewed]) -> Found:
    notice = _corrections_pattern().search(text)
    if notice:
        line = text[notice.start() :].strip().splitlines()[0]
        return 1.0, f"corrections notice: “{line[:80]}”", []
    disputed = [i.claim.id for i in items if i.status == "disputed"]
    if disputed:
        share = min(len(disputed), FULL_REVIEW) / FULL_REVIEW
        detail = (
            f"{len(disputed)} claims disputed and no corrections notice (counts {share:.0%} of"
            " its weight)"
        )
        return 0.0, detail, disputed, share
    return None, "not assessed: no corrections notice, and no disputed claim to correct", []


@cache
def _opinion_label() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in read_list("opinion_labels.txt", "checker"))
    return re.compile(rf"(?<![a-z])(?:{words})(?![a-z])", re.IGNORECASE)


def _news_opinion(source: Source, items: Sequence[Reviewed]) -> Found:
    for where, label in (("title", source.title), ("outlet", source.outlet), ("URL", source.url)):
        if label and _opinion_label().search(label):
            return 1.0, f"labelled as opinion in its {where}", []
    if not items:
        return None, "not assessed: no claims", []
    own = [i.claim.id for i in items if i.claim.kind == "opinion" and i.claim.attribution is None]
    share = len(own) / len(items)
    value = max(0.0, 1.0 - share / OPINION_LIMIT)
    return (
        value,
        f"not labelled as opinion; {len(own)} of {len(items)} claims ({share:.0%}) are the"
        " writer's own opinion",
        own,
    )


def _headline(
    title: str | None, items: Sequence[Reviewed], concepts: Mapping[str, frozenset[str]]
) -> Found:
    if not title:
        return None, "not assessed: no headline found", []
    wanted = features(title).content
    if not wanted or not items:
        return None, "not assessed: the headline or the body has nothing to compare", []
    body = frozenset().union(*(concepts.get(i.claim.id, frozenset()) for i in items))
    coverage = len(wanted & body) / len(wanted)

    def overlap(item: Reviewed) -> int:
        return len(wanted & concepts.get(item.claim.id, frozenset()))

    best = max(items, key=overlap)
    detail = f"{len(wanted & body)} of the headline's {len(wanted)} concepts are in the body"
    facts = [i for i in items if i.claim.kind == "fact"]
    documented = wanted & frozenset().union(*(concepts.get(i.claim.id, frozenset()) for i in facts))
    if (
        tag_text(title)[0] == "fact"
        and best.claim.kind == "speculation"
        and len(documented) < overlap(best)
    ):
        return (
            coverage / 2,
            detail + "; it states as fact what the body has only as speculation",
            [best.claim.id],
        )
    if best.claim.kind == "speculation" and facts:
        best = max(facts, key=overlap)  # the body's facts document it: the closest is evidence
        detail += f"; the body's facts state {len(documented)} of them"
    return coverage, detail, [best.claim.id]


def _byline(author: str | None) -> Found:
    return (1.0, f"byline: {author}", []) if author else (0.0, "no byline", [])
