"""Where extraction and ``analyze`` spend their time, by module (cProfile, own time).

    python -m bench.profile_core [--data ../shared/data] [--top 15] [--functions 0]

Profiles, on the 982 ECB+ news articles of ``news-clusters/articles.jsonl``, structure, extraction
and tagging, then ``analyze`` into a new store in this process (extraction, features,
blocking, scoring, judging, the store). Each line is a module's share of the profiled time
spent in its own code; ``<C>`` is time in built-in functions and methods (regular
expressions, sets, sorting, SQLite), which compiling the Python code cannot speed up
(docs/BENCHMARKS.md, "A compiled core").
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
from collections import Counter
from pathlib import Path

from bench.judge_relations import write_articles
from checker.review.analysis import analyze
from checker.review.schema import connect
from claims.extract import extract_claims
from claims.ingest import build_article

ROOT = Path(__file__).resolve().parent.parent


def by_module(profile: cProfile.Profile) -> tuple[float, Counter[str]]:
    """The total own time and each module's part of it."""
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    shares: Counter[str] = Counter()
    for (file, _, _), (_, _, own, _, _) in stats.items():
        shares[_module(file)] += own
    return sum(shares.values()), shares


def _module(file: str) -> str:
    if file == "~":
        return "<C>"
    path = Path(file)
    if path.is_relative_to(ROOT) and ".venv" not in path.parts:
        return str(path.relative_to(ROOT))
    if "site-packages" in path.parts:
        return "library " + path.parts[path.parts.index("site-packages") + 1]
    return "other " + path.name  # the standard library, attrs' generated methods


def show(title: str, profile: cProfile.Profile, top: int, functions: int) -> None:
    total, shares = by_module(profile)
    print(f"{title}: {total:.2f} s profiled")
    for module, own in shares.most_common(top):
        print(f"  {own:6.2f} s {own / total:6.1%}  {module}")
    if functions:
        pstats.Stats(profile).sort_stats("tottime").print_stats(functions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--functions", type=int, default=0, help="also the N slowest functions")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "ecb"
        folder.mkdir()
        texts = write_articles(args.data, folder)
        extract_claims(build_article("Warm up.", path="-", source="-"))  # load the lexicons
        profile = cProfile.Profile()
        for name, text in texts.items():
            article = profile.runcall(build_article, text, path=name, source=name)
            profile.runcall(extract_claims, article)
        show(f"structure, extraction + tagging, {len(texts)} ECB+ articles", profile, args.top, 0)
        connection = connect(Path(work) / "ecb.db")
        profile = cProfile.Profile()
        profile.runcall(analyze, connection, [str(folder)], on_error=lambda path, error: None)
        connection.close()
        show("analyze (one process)", profile, args.top, args.functions)


if __name__ == "__main__":
    main()
