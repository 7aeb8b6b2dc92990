"""Run as a script by ``bench.core`` (never imported): the claims and relations of articles,
printed as JSON lines, from whichever claimdesk this interpreter imports.

    python -I bench/core_probe.py [--tree DIR] [--modules M,...] [--time [--extract-only]] PATH...

``--tree`` puts a copy of the source tree first on the path (the pure-Python side); without
it the installed package is used (compiled, when it was built so). The first line says where
each of ``--modules`` was loaded from (``so`` or ``py``); then one line per claim (as
``claimdesk extract`` prints it) and one per relation (``relate_claims``). With ``--time``,
only the CPU seconds taken are printed: reading the structure, extraction and tagging (not
reading the files), then the comparison (not with ``--extract-only``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--tree")
    parser.add_argument("--modules", default="")
    parser.add_argument("--time", action="store_true")
    parser.add_argument("--extract-only", action="store_true")
    args = parser.parse_args()
    if args.tree:
        sys.path.insert(0, args.tree)

    import attrs

    from checker.compare.relate import relate_claims
    from claims.convert import claim_record, dumps
    from claims.extract import extract_claims
    from claims.ingest import IngestError, build_article, expand_paths, read_articles

    origins = {}
    for name in filter(None, args.modules.split(",")):
        module = importlib.import_module(name)
        origins[name] = "so" if str(module.__file__).endswith(".so") else "py"

    articles = [
        article
        for item in expand_paths(args.paths)
        if not isinstance(item, IngestError)
        for article in read_articles(item)
        if not isinstance(article, IngestError)
    ]
    if args.time:  # the structure again (read_articles read it), timed with the extraction
        extract_claims(build_article("Warm up.", path="-", source="-"))  # load the lexicons
        started = time.process_time()
        for article in articles:
            fresh = build_article(article.text, path=article.path, source=article.source)
            extract_claims(fresh)
        times = {"extract": time.process_time() - started}
        if not args.extract_only:
            claims = [claim for article in articles for claim in extract_claims(article)]
            started = time.process_time()
            relate_claims(claims)
            times["compare"] = time.process_time() - started
        print(json.dumps(times))
        return
    claims = [claim for article in articles for claim in extract_claims(article)]
    relations = relate_claims(claims)
    print(json.dumps(origins, sort_keys=True))
    for claim in claims:
        print(dumps(claim_record(claim)))
    for relation in relations:
        print(dumps(attrs.asdict(relation)))


if __name__ == "__main__":
    main()
