"""Extraction time on inputs of unusual shape (issue 17): one long line, the same text one
sentence a line, one enormous sentence without a full stop, one huge quotation, a million
short lines. Built from the MRPC / STS-B news sentences, so the words are real news text.

``python -m bench.long_input`` prints, per shape and size, the seconds of
``claims.extract.extract_claims`` (structure, sentences, attribution, clauses, cues, ids) and
the growth factor against the smallest size; ``--analyze`` also times ``claimdesk analyze`` of
the largest single line as a subprocess.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.corpus import news_sentences
from claims.extract import extract_claims
from claims.ingest import text_article

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
KB = 1000
CLI = "from claimdesk import main; main()"


def sentences_of_size(pool: list[str], size: int) -> list[str]:
    """Sentences of ``pool`` in turn until their text reaches ``size`` characters."""
    chosen: list[str] = []
    total = 0
    index = 0
    while total < size:
        sentence = pool[index % len(pool)]
        chosen.append(sentence)
        total += len(sentence) + 1
        index += 1
    return chosen


def one_line(pool: list[str], size: int) -> str:
    return " ".join(sentences_of_size(pool, size)) + "\n"


def lines(pool: list[str], size: int) -> str:
    return "\n".join(sentences_of_size(pool, size)) + "\n"


def no_full_stop(pool: list[str], size: int) -> str:
    words = " ".join(sentences_of_size(pool, size))
    return words.replace(".", "").replace("?", "").replace("!", "").replace(";", ",") + "\n"


def quotation(pool: list[str], size: int) -> str:
    return "“" + " ".join(sentences_of_size(pool, size)) + "”, the company said.\n"


def short_lines(pool: list[str], size: int) -> str:
    """Lines of one to three words ("Shares rose", "He said"), a million at 10 MB."""
    words = " ".join(sentences_of_size(pool, size)).split()
    out, index, step = [], 0, 1
    while index < len(words):
        out.append(" ".join(words[index : index + step]))
        index += step
        step = step % 3 + 1
    return "\n".join(out) + "\n"


SHAPES: dict[str, Callable[[list[str], int], str]] = {
    "one line": one_line,
    "one sentence a line": lines,
    "no full stop": no_full_stop,
    "one quotation": quotation,
    "short lines": short_lines,
}


def time_extract(text: str) -> tuple[float, int]:
    started = time.perf_counter()
    claims = extract_claims(text_article(text, source="long"))
    return time.perf_counter() - started, len(claims)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="50,500,5000", help="sizes in KB")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes")
    parser.add_argument("--analyze", action="store_true", help="also analyze the largest line")
    args = parser.parse_args()
    pool = news_sentences(DATA)
    sizes = [int(s) * KB for s in args.sizes.split(",")]
    print(f"{'shape':<20} {'KB':>6} {'claims':>8} {'s':>8} {'s/MB':>7} {'growth':>7}")
    for shape in args.shapes.split(","):
        first: float | None = None
        for size in sizes:
            text = SHAPES[shape](pool, size)
            seconds, count = time_extract(text)
            per_mb = seconds / (len(text) / 1e6)
            first = first or per_mb
            print(
                f"{shape:<20} {len(text) // KB:>6} {count:>8} {seconds:>8.2f} {per_mb:>7.2f}"
                f" {per_mb / first:>6.2f}×",
                flush=True,
            )
    if args.analyze:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "line.txt"
            path.write_text(one_line(pool, sizes[-1]), encoding="utf-8")
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", CLI, "analyze", str(path), "--db", f"{folder}/a.db"],
                capture_output=True,
                text=True,
                check=False,
            )
            took = time.perf_counter() - started
            print(done.stdout.strip(), done.stderr.strip(), sep="\n")
            print(f"claimdesk analyze, {sizes[-1] // KB} KB on one line: {took:.1f} s")


if __name__ == "__main__":
    main()
