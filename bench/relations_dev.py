"""Cross-source judgement on real news: the hand-labelled pairs of
``news-clusters/relations-dev.jsonl`` (sentences of different ECB+ articles about the same
events: ``contradicts``, ``update``, ``agrees`` and ``unrelated_lookalike`` traps).

Each pair is judged as the pipeline judges claims: the two quotes' features, their kinds, and
whether their articles tell the same story (``checker.compare.alignment``, from the actors of
every claim of each whole article). Rules were tuned on the topics in ``TUNE``; the figures
that count are those of the other topics (``held out``), which were not looked at while tuning.

    python -m bench.relations_dev [--data ../shared/data] [--show tune|held]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from checker.compare.alignment import source_actors, story_aligned
from checker.compare.normalize import claim_keys, features
from checker.compare.relate import judge
from claims.extract import extract_claims
from claims.ingest import build_article
from claims.tagger import tag_text

TUNE = frozenset({"24", "37", "41"})  # tuned on; 7, 8 and 38 held out
PREDICTED = {"contradicts": "contradicts", "updates": "update", "agrees": "agrees"}


def article_actors(data: Path, docs: set[str]) -> dict[str, frozenset[str]]:
    keys: list[frozenset[str]] = []
    sources: list[str] = []
    for line in (data / "news-clusters" / "articles.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row["doc_id"] not in docs:
            continue
        article = build_article(row["text"], path=row["doc_id"], source=row["doc_id"])
        for claim in extract_claims(article):
            keys.append(
                claim_keys(features(claim.text, claim.attribution.who if claim.attribution else ""))
            )
            sources.append(row["doc_id"])
    return source_actors(sources, keys)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--show", choices=("tune", "held"), help="print that part's pairs")
    args = parser.parse_args()
    path = args.data / "news-clusters" / "relations-dev.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    actors = article_actors(args.data, {r[s]["doc_id"] for r in rows for s in ("a", "b")})
    results: dict[str, Counter[tuple[str, str]]] = {"tune": Counter(), "held": Counter()}
    for row in rows:
        part = "tune" if row["topic"] in TUNE else "held"
        a, b = row["a"]["quote"], row["b"]["quote"]
        none: frozenset[str] = frozenset()
        aligned = story_aligned(
            actors.get(row["a"]["doc_id"], none), actors.get(row["b"]["doc_id"], none)
        )
        verdict = judge(
            features(a), features(b), (tag_text(a)[0], tag_text(b)[0]), same_story=aligned
        )
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
