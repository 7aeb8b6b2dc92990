"""Draw the seeded sample of claims for hand-judging on held-out real news.

    python -m bench.judge_sample [--data ../shared/data] [--count 40] [--seed 2026]
                                 [--exclude bench/judged/claims-2026.jsonl ...]

Articles: news-clusters (ECB+) topics whose number is a multiple of 5 (5, 10, ..., 45), which
no rule or model was tuned on; ``--exclude`` leaves out the articles of earlier judged lists
(once judged, a sample is tuning data). Claims of all the articles are pooled in reading order
and ``count`` are drawn with ``random.Random(seed)``; each is printed as a JSON line with its
article id, the sentence it is in and the one before it, and the extraction's span, kind, cues,
speaker and superseded flag, for a person to judge (``bench/judged/claims-2026.jsonl`` and
``bench/judged/claims-2026-seed*.jsonl`` hold the verdicts).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from claims.extract import extract_claims
from claims.ingest import build_article
from claims.models import Claim
from claims.segment import sentence_spans


def held_out(topic: str) -> bool:
    return int(topic) % 5 == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--count", default=40, type=int)
    parser.add_argument("--seed", default=2026, type=int)
    parser.add_argument(
        "--exclude", nargs="*", default=[], type=Path, help="judged lists whose articles to skip"
    )
    args = parser.parse_args()
    judged = {
        json.loads(line)["doc_id"]
        for path in args.exclude
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    pool = []
    with (args.data / "news-clusters" / "articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if not held_out(row["topic"]) or row["doc_id"] in judged:
                continue
            article = build_article(row["text"], path=row["doc_id"], source=row["doc_id"])
            spans = sentence_spans(article.text)
            for claim in extract_claims(article):
                at = next((i for i, (s, e) in enumerate(spans) if s <= claim.start < e), None)
                sentence = article.text[slice(*spans[at])] if at is not None else ""
                before = article.text[slice(*spans[at - 1])] if at else ""
                pool.append((row["doc_id"], before, sentence, claim))
    for doc_id, before, sentence, claim in random.Random(args.seed).sample(pool, args.count):
        print(sample_line(doc_id, before, sentence, claim))


def sample_line(doc_id: str, before: str, sentence: str, claim: Claim) -> str:
    """A drawn claim as the JSON line a judge fills in: where it is from, and what claimdesk
    made of it."""
    who = claim.attribution
    return json.dumps(
        {
            "doc_id": doc_id,
            "before": before,
            "sentence": sentence,
            "quote": claim.quote,
            "text": claim.text,
            "kind": claim.kind,
            "cues": [c.text for c in claim.cues],
            "speaker": [who.who, who.type] if who else None,
            "superseded": claim.superseded,
        },
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main()
