"""Verdicts for the fact-checking ecosystem: schema.org ClaimReview and W3C Web Annotations.

- ``claim_reviews``: one ClaimReview (JSON-LD) per reviewed claim (verified or disputed). The
  rating is given in words only (``alternateName``): claimdesk's verdicts are not a scale.
  ``url`` is the review's own address when one is given, else the source article's.
- ``web_annotations``: one Web Annotation per claim, targeting its exact words in the article
  with a ``TextQuoteSelector`` (exact, prefix, suffix) and a ``TextPositionSelector`` (code
  points, as every claimdesk offset). Bodies carry the kind (purpose ``tagging``) and, once
  reviewed, the verdict (``assessing``) and the reviewer's note (``commenting``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from checker.review.records import Reviewed, Source

SCHEMA_ORG = "https://schema.org"
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32  # prefix and suffix length of a TextQuoteSelector
VERDICT_WORDS = {"verified": "Verified", "disputed": "Disputed"}


def article_url(source: Source) -> str | None:
    """The article's web address when known: its URL, else the address a web archive stored
    it under (a source path ``ARCHIVE#https://...``)."""
    if source.url:
        return source.url
    _, _, stored = source.path.partition("#")
    stored = stored.split("~")[0] if "~" in stored.rsplit("/", 1)[-1] else stored
    return stored if stored.startswith(("http://", "https://")) else None


def source_iri(source: Source) -> str:
    """The article's address: its URL when known, else a claimdesk URN of its source id."""
    return article_url(source) or f"urn:claimdesk:source:{source.id}"


def claim_reviews(
    items: Sequence[Reviewed],
    sources: Mapping[str, Source],
    *,
    organisation: str | None = None,
    review_url: str | None = None,
) -> list[dict[str, Any]]:
    """ClaimReview objects for the reviewed claims, in store order. ``review_url`` (with
    ``{id}`` standing for the claim id) is where the reviews are published, if anywhere."""
    result = []
    for item in items:
        verdict = item.verdict
        if verdict is None or verdict.status == "unreviewed":
            continue
        source = sources[item.claim.source]
        appearance: dict[str, Any] = {"@type": "CreativeWork", "url": source_iri(source)}
        for key, field in (("headline", source.title), ("datePublished", source.published)):
            if field:
                appearance[key] = field
        if source.author:
            appearance["author"] = {"@type": "Person", "name": source.author}
        claim: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
        if item.claim.attribution is not None:
            who = item.claim.attribution
            kind = "Person" if who.type == "named" else "Organization"
            claim["author"] = {"@type": kind, "name": who.who}
        if source.published:
            claim["datePublished"] = source.published
        review: dict[str, Any] = {
            "@context": SCHEMA_ORG,
            "@type": "ClaimReview",
            "claimReviewed": item.claim.text,
            "reviewRating": {"@type": "Rating", "alternateName": VERDICT_WORDS[verdict.status]},
            "itemReviewed": claim,
            "datePublished": verdict.at[:10],
            "author": (
                {"@type": "Organization", "name": organisation}
                if organisation
                else {"@type": "Person", "name": verdict.by}
            ),
        }
        url = review_url.replace("{id}", item.claim.id) if review_url else article_url(source)
        if url:
            review["url"] = url
        if verdict.note:
            review["reviewBody"] = verdict.note
        result.append(review)
    return result


def web_annotations(
    items: Sequence[Reviewed], sources: Mapping[str, Source], texts: Mapping[str, str]
) -> list[dict[str, Any]]:
    """One Web Annotation per claim, in store order; ``texts`` are the articles' texts."""
    result = []
    for item in items:
        claim, verdict = item.claim, item.verdict
        text = texts[claim.source]
        body: list[dict[str, Any]] = [
            {"type": "TextualBody", "purpose": "tagging", "value": claim.kind}
        ]
        annotation: dict[str, Any] = {
            "@context": ANNOTATION_CONTEXT,
            "id": f"urn:claimdesk:claim:{claim.id}",
            "type": "Annotation",
            "motivation": "tagging",
            "body": body,
            "target": {
                "source": source_iri(sources[claim.source]),
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": claim.quote,
                        "prefix": text[max(0, claim.start - CONTEXT_CHARS) : claim.start],
                        "suffix": text[claim.end : claim.end + CONTEXT_CHARS],
                    },
                    {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
                ],
            },
        }
        if verdict is not None and verdict.status != "unreviewed":
            annotation["motivation"] = "assessing"
            annotation["creator"] = {"type": "Person", "name": verdict.by}
            annotation["modified"] = verdict.at
            body.append({"type": "TextualBody", "purpose": "assessing", "value": verdict.status})
        if verdict is not None and verdict.note:
            body.append({"type": "TextualBody", "purpose": "commenting", "value": verdict.note})
        result.append(annotation)
    return result
