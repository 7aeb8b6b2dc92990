"""Draw the seeded sample of flagged relations for hand-judging on real multi-outlet news,
and score a judged sample.

    python -m bench.judge_relations draw [--data ../shared/data] [--count 40] [--seed 2026] > sample.jsonl
    python -m bench.judge_relations score bench/judged/relations-2026-12-03.jsonl

``draw`` analyses all 982 ECB+ articles (``news-clusters/articles.jsonl``, each with its
outlet and URL) into a temporary store, then draws ``count`` contradictions and ``count``
agreements (and all updates, up to ``count``) whose two claims both come from topics numbered
a multiple of 5 — the topics the claims bench holds out too — with ``random.Random(seed)``
(``--all-topics``: from every topic, tuned ones included, for an in-sample figure).
Each line carries both claims with their article, outlet and sentence, and the relation's
reasons, for a person to judge: is the contradiction a real disagreement about the same
thing? do the two claims state the same fact? ``score`` prints the share judged right.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

from checker.review.analysis import analyze
from checker.review.schema import connect


def held_out(source: str) -> bool:
    return int(source.split("_")[0]) % 5 == 0


def write_articles(data: Path, folder: Path) -> dict[str, str]:
    texts = {}
    for line in (data / "news-clusters" / "articles.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        record = {"text": row["text"], "id": row["doc_id"], "outlet": row["outlet"]}
        record["url"] = row["source_url"]
        (folder / f"{row['doc_id']}.json").write_text(json.dumps(record), encoding="utf-8")
        texts[row["doc_id"]] = row["text"]
    return texts


def sentence_of(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : len(text) if line_end < 0 else line_end]


def draw(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ecb"
        folder.mkdir()
        texts = write_articles(args.data, folder)
        connection = connect(Path(tmp) / "ecb.db")
        analyze(connection, [str(folder)], on_error=lambda path, error: None)
        rows = connection.execute(
            'SELECT r.relation, r.reasons, ca.source, ca.start, ca."end", ca.text, cb.source,'
            ' cb.start, cb."end", cb.text, sa.outlet, sb.outlet FROM relations r'
            " JOIN claims ca ON ca.id = r.a JOIN claims cb ON cb.id = r.b"
            " JOIN sources sa ON sa.id = ca.source JOIN sources sb ON sb.id = cb.source"
            " WHERE r.relation != 'related' ORDER BY r.a, r.b"
        ).fetchall()
        totals = dict(connection.execute("SELECT relation, count(*) FROM relations GROUP BY 1"))
        claims = connection.execute("SELECT count(*) FROM claims").fetchone()[0]
        connection.close()
    rng = random.Random(args.seed)
    print(json.dumps({"claims": claims, "relations": totals}), file=sys.stderr)
    for relation in ("contradicts", "agrees", "updates"):
        pool = [
            r
            for r in rows
            if r[0] == relation and (args.all_topics or (held_out(r[2]) and held_out(r[6])))
        ]
        for n, row in enumerate(rng.sample(pool, min(args.count, len(pool)))):
            side = [
                {
                    "doc": row[2 + k],
                    "outlet": row[10 + i],
                    "claim": row[5 + k],
                    "sentence": sentence_of(texts[row[2 + k]], row[3 + k], row[4 + k]),
                }
                for i, k in enumerate((0, 4))
            ]
            item = {"relation": relation, "n": n, "reasons": json.loads(row[1])}
            print(json.dumps({**item, "a": side[0], "b": side[1]}, ensure_ascii=False))


def score(args: argparse.Namespace) -> None:
    judged = [json.loads(line) for line in args.file.open(encoding="utf-8") if line.strip()]
    for relation in ("contradicts", "agrees", "updates"):
        items = [j for j in judged if j["relation"] == relation]
        if items:
            right = sum(1 for j in items if j["right"])
            print(f"{relation}: {right} of {len(items)} right ({right / len(items):.0%})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    drawing = commands.add_parser("draw")
    drawing.add_argument("--data", type=Path, default=Path("../shared/data"))
    drawing.add_argument("--count", type=int, default=40)
    drawing.add_argument("--seed", type=int, default=2026)
    drawing.add_argument(
        "--all-topics",
        action="store_true",
        help="draw from every topic, the tuned ones too (an in-sample figure)",
    )
    scoring = commands.add_parser("score")
    scoring.add_argument("file", type=Path)
    args = parser.parse_args()
    draw(args) if args.command == "draw" else score(args)


if __name__ == "__main__":
    main()
