"""Cross-source judgement on real news: the hand-labelled pairs of
``news-clusters/relations-dev.jsonl`` (sentences of different ECB+ articles about the same
events: ``contradicts``, ``update``, ``agrees`` and ``unrelated_lookalike`` traps).

Each pair is judged as the pipeline judges claims: the two quotes' features, their kinds, and
whether their articles tell the same story (``checker.compare.alignment``, from the actors of
every claim of each whole article). Rules were tuned on the topics in ``TUNE``; the figures
that count are those of the other topics (``held out``), which were not looked at while tuning.

    python -m bench.relations_dev [--data ../shared/data] [--show tune|held] [--claims]

``--claims`` judges, instead of the two quotes, the two claims claimdesk extracts around them
(the claim holding most of each quote), with the articles' dates, as ``find_relations`` does.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

import attrs

from checker.compare.alignment import articles_aligned, source_actors, story_aligned
from checker.compare.normalize import claim_keys, features
from checker.compare.relate import Judgement, claim_features, judge
from checker.compare.times import publication_date
from claims.extract import extract_claims
from claims.ingest import build_article
from claims.models import Claim
from claims.tagger import tag_text

TUNE = frozenset({"24", "37", "41"})  # tuned on; 7, 8 and 38 held out
PREDICTED = {"contradicts": "contradicts", "updates": "update", "agrees": "agrees"}


@attrs.frozen
class Doc:
    text: str
    published: str | None
    claims: list[Claim]


def read_docs(data: Path, docs: set[str]) -> tuple[dict[str, frozenset[str]], dict[str, Doc]]:
    """The actors of each article (as the store's alignment reads them) and its claims."""
    keys: list[frozenset[str]] = []
    sources: list[str] = []
    found: dict[str, Doc] = {}
    for line in (data / "news-clusters" / "articles.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row["doc_id"] not in docs:
            continue
        metadata = {"outlet": row["outlet"], "url": row["source_url"]}
        article = build_article(
            row["text"], path=row["doc_id"], source=row["doc_id"], metadata=metadata
        )
        claims = extract_claims(article)
        found[row["doc_id"]] = Doc(row["text"], article.published, list(claims))
        for claim in claims:
            keys.append(claim_keys(claim_features(claim)))
            sources.append(row["doc_id"])
    return source_actors(sources, keys), found


def claim_of(doc: Doc, quote: str) -> Claim | None:
    """The claim whose words hold most of the quote."""
    start = doc.text.find(quote)
    if start < 0:
        return None
    end = start + len(quote)
    best = max(doc.claims, key=lambda c: min(end, c.end) - max(start, c.start), default=None)
    return best if best is not None and min(end, best.end) > max(start, best.start) else None


def judge_pair(
    row: dict[str, Any], actors: dict[str, frozenset[str]], docs: dict[str, Doc], *, whole: bool
) -> Judgement | None:
    """The verdict on one labelled pair: of the two quotes as written, or (``whole``) of the
    claims the pipeline extracts around them, judged as ``find_relations`` judges them."""
    none: frozenset[str] = frozenset()
    x, y = row["a"]["doc_id"], row["b"]["doc_id"]
    aligned = story_aligned(actors.get(x, none), actors.get(y, none))
    if not whole:
        a, b = row["a"]["quote"], row["b"]["quote"]
        kinds = (tag_text(a)[0], tag_text(b)[0])
        return judge(features(a), features(b), kinds, same_story=aligned)
    first, second = claim_of(docs[x], row["a"]["quote"]), claim_of(docs[y], row["b"]["quote"])
    if first is None or second is None:
        return None
    dates = (docs[x].published, docs[y].published)
    aligned = articles_aligned(
        (actors.get(x, none), actors.get(y, none)),
        (publication_date(dates[0]), publication_date(dates[1])),
    )
    return judge(
        claim_features(first),
        claim_features(second),
        (first.kind, second.kind),
        same_story=aligned,
        dates=dates,
        in_articles=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--show", choices=("tune", "held"), help="print that part's pairs")
    parser.add_argument(
        "--claims",
        action="store_true",
        help="judge the claims claimdesk extracts around the two quotes, not the quotes",
    )
    args = parser.parse_args()
    path = args.data / "news-clusters" / "relations-dev.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    actors, docs = read_docs(args.data, {r[s]["doc_id"] for r in rows for s in ("a", "b")})
    results: dict[str, Counter[tuple[str, str]]] = {"tune": Counter(), "held": Counter()}
    missing = 0
    for row in rows:
        part = "tune" if row["topic"] in TUNE else "held"
        a, b = row["a"]["quote"], row["b"]["quote"]
        found = judge_pair(row, actors, docs, whole=args.claims)
        missing += found is None
        verdict = found or Judgement("unrelated", 0.0, ())
        predicted = PREDICTED.get(verdict.relation, "none")
        results[part][(row["label"], predicted)] += 1
        if args.show == part:
            mark = (
                "  "
                if predicted == row["label"]
                or (predicted == "none" and row["label"] == "unrelated_lookalike")
                else "✗ "
            )
            print(f"{mark}{row['label']:>19} → {verdict.relation:<11} {a!r} | {b!r}")
            print(f"{'':22}{'; '.join(verdict.reasons)}  [gold: {row['why']}]")
    if args.claims:
        print(f"judging the claims around the quotes ({missing} pairs with a quote in no claim)")
    for part, label in (("tune", "tuned on: 24, 37, 41"), ("held", "held out: 7, 8, 38")):
        counts = results[part]
        print(f"{label} ({sum(counts.values())} pairs)")
        for relation in ("contradicts", "agrees", "update"):
            gold = sum(n for (g, _), n in counts.items() if g == relation)
            flagged = sum(n for (_, p), n in counts.items() if p == relation)
            right = counts[(relation, relation)]
            print(
                f"  {relation:<12} gold {gold:>3}  flagged {flagged:>3}  right {right:>3}"
                f"  precision {right / max(1, flagged):.2f}  recall {right / max(1, gold):.2f}"
            )
        traps = sum(n for (g, _), n in counts.items() if g == "unrelated_lookalike")
        caught = sum(
            n for (g, p), n in counts.items() if g == "unrelated_lookalike" and p != "none"
        )
        updates_as_contra = counts[("update", "contradicts")]
        print(
            f"  lookalikes flagged {caught}/{traps} ({caught / max(1, traps):.0%}); updates flagged as contradictions {updates_as_contra}"
        )


if __name__ == "__main__":
    main()
