"""Draw the seeded sample of claims for hand-judging on held-out real news.

    python -m bench.judge_sample [--data ../shared/data] [--count 40] [--seed 2026]

Articles: news-clusters (ECB+) topics whose number is a multiple of 5 (5, 10, ..., 45), which
no rule or model was tuned on. Claims of all their articles are pooled in reading order and
``count`` are drawn with ``random.Random(seed)``; each is printed as a JSON line with its
article id, the sentence it is in, and the extraction's span, kind, cues, speaker and
superseded flag, for a person to judge (``bench/judged/claims-2026.jsonl`` holds the verdicts).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from claims.extract import extract_claims
from claims.ingest import build_article
from claims.segment import sentence_spans


def held_out(topic: str) -> bool:
    return int(topic) % 5 == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--count", default=40, type=int)
    parser.add_argument("--seed", default=2026, type=int)
    args = parser.parse_args()
    pool = []
    with (args.data / "news-clusters" / "articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if not held_out(row["topic"]):
                continue
            article = build_article(row["text"], path=row["doc_id"], source=row["doc_id"])
            spans = sentence_spans(article.text)
            for claim in extract_claims(article):
                sentence = next((article.text[s:e] for s, e in spans if s <= claim.start < e), "")
                pool.append((row["doc_id"], sentence, claim))
    for doc_id, sentence, claim in random.Random(args.seed).sample(pool, args.count):
        who = claim.attribution
        print(
            json.dumps(
                {
                    "doc_id": doc_id,
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
        )


if __name__ == "__main__":
    main()
