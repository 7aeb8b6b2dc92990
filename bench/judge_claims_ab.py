"""A blind paired comparison of two versions of claim extraction on unseen news.

    python -m bench.judge_claims_ab draw --old DIR --new DIR > to_judge.jsonl 2> key.json
    python -m bench.judge_claims_ab score judged.jsonl key.json

``draw`` runs the extraction of two source trees (``DIR`` is a checkout's root: a ``git
worktree`` of the older commit, and this one) in subprocesses on the same sentences: one
random line of each ECB+ article of topics numbered a multiple of 5 that no judged claims list
in ``bench/judged/claims-*.jsonl`` holds (``random.Random(777)``), each as part of its whole
article, and the STS-B dev news sentences (``random.Random(4040)``, 600 of them, each alone).
It keeps the sentences whose claims differ between the versions and writes them with the two
outputs as ``X`` and ``Y`` in a random order (``random.Random(5)``); which is which goes to the
key. A judge who has seen neither version marks each output's spans, kinds and speakers and
says which is better; ``score`` unblinds the judgement. (The judged list of 2026-12-03,
``bench/judged/claims-ab-2026.jsonl``, was drawn by this procedure before it showed the cue
words of the STS-B sentences too: 23 items, where this draw now gives 25.)
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import random
import subprocess
import sys
from pathlib import Path

_EXTRACT = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from claims.extract import extract_claims
from claims.ingest import build_article
for line in sys.stdin:
    job = json.loads(line)
    article = build_article(job["text"], path=job["doc"], source=job["doc"], metadata=job["meta"])
    start = job["text"].find(job["sentence"])
    end = start + len(job["sentence"])
    found = [
        {"text": c.text, "kind": c.kind, "cues": [cue.text for cue in c.cues],
         "speaker": c.attribution.who if c.attribution else None}
        for c in extract_claims(article)
        if c.start < end and c.end > start
    ]
    print(json.dumps(found, ensure_ascii=False))
"""


def jobs(data: Path) -> list[dict[str, object]]:
    judged: set[str] = set()
    for name in glob.glob(str(Path(__file__).parent / "judged" / "claims-2026*.jsonl")):
        text = Path(name).read_text(encoding="utf-8")
        judged.update(json.loads(line).get("doc_id") for line in text.splitlines() if line)
    lines = (data / "news-clusters/articles.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [json.loads(line) for line in lines]
    pool = [a for a in articles if int(a["topic"]) % 5 == 0 and a["doc_id"] not in judged]
    rng = random.Random(777)
    found: list[dict[str, object]] = []
    for article in rng.sample(pool, len(pool)):
        lines = [line for line in article["text"].split("\n") if len(line.split()) >= 6]
        if lines:
            meta = {"outlet": article["outlet"], "url": article["source_url"]}
            found.append(
                {
                    "doc": article["doc_id"],
                    "text": article["text"],
                    "meta": meta,
                    "sentence": rng.choice(lines),
                    "from": "ecb+ " + article["doc_id"],
                }
            )
    with (data / "stsb/dev.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    header = rows[0]
    genre, a, b = (header.index(k) for k in ("genre", "sentence_a", "sentence_b"))
    news = sorted({r[i] for r in rows[1:] if r[genre] == "news" for i in (a, b)})
    random.Random(4040).shuffle(news)
    for sentence in news[:600]:
        found.append(
            {
                "doc": "stsb",
                "text": sentence,
                "meta": {},
                "sentence": sentence,
                "from": "stsb-dev news",
            }
        )
    return found


def extract(root: Path, work: list[dict[str, object]]) -> list[object]:
    feed = "".join(json.dumps(job, ensure_ascii=False) + "\n" for job in work)
    done = subprocess.run(
        [sys.executable, "-c", _EXTRACT, str(root)],
        input=feed,
        capture_output=True,
        text=True,
        check=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


def draw(args: argparse.Namespace) -> None:
    work = jobs(args.data)
    old, new = extract(args.old, work), extract(args.new, work)
    rng = random.Random(5)
    key: list[dict[str, object]] = []
    for job, before, after in zip(work, old, new, strict=True):
        if before == after:
            continue
        flip = rng.random() < 0.5
        x, y = (after, before) if flip else (before, after)
        n = len(key)
        key.append({"n": n, "from": job["from"], "X": "new" if flip else "old"})
        item = {"n": n, "from": job["from"], "sentence": job["sentence"], "X": x, "Y": y}
        print(json.dumps(item, ensure_ascii=False))
    print(json.dumps(key), file=sys.stderr)


def score(args: argparse.Namespace) -> None:
    key = {k["n"]: k for k in json.loads(args.key.read_text(encoding="utf-8"))}
    totals = {"old": [0, 0, 0], "new": [0, 0, 0]}
    better = {"old": 0, "new": 0, "tie": 0}
    judged = [json.loads(line) for line in args.judged.open(encoding="utf-8") if line.strip()]
    for item in judged:
        sides = {"X": key[item["n"]]["X"]}
        sides["Y"] = "old" if sides["X"] == "new" else "new"
        for side, version in sides.items():
            for i, name in enumerate(("span_ok", "kind_ok", "speaker_ok")):
                totals[version][i] += bool(item[side][name])
        better[sides.get(item["better"], "tie")] += 1
    for version in ("old", "new"):
        span, kind, speaker = totals[version]
        print(
            f"{version}: spans right {span}/{len(judged)}, kinds {kind}/{len(judged)},"
            f" speakers {speaker}/{len(judged)}"
        )
    print(f"better: new {better['new']}, old {better['old']}, tie {better['tie']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    drawing = commands.add_parser("draw")
    drawing.add_argument("--data", type=Path, default=Path("../shared/data"))
    drawing.add_argument("--old", type=Path, required=True)
    drawing.add_argument("--new", type=Path, default=Path("."))
    scoring = commands.add_parser("score")
    scoring.add_argument("judged", type=Path)
    scoring.add_argument("key", type=Path)
    args = parser.parse_args()
    draw(args) if args.command == "draw" else score(args)


if __name__ == "__main__":
    main()
