"""The stateless commands: ``extract``, ``tag`` and ``relate`` read text and print JSON lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

import cattrs
import click

from checker.compare.relate import TextPair, relate_texts
from checker.report.terminal import table
from claimdesk.context import Context, max_bytes_option
from claims.convert import claim_record, converter, cue_records, dumps
from claims.extract import extract_claims
from claims.ingest import (
    IngestError,
    encoding_notice,
    expand_paths,
    read_articles,
    text_article,
)
from claims.models import Claim, Cue, Kind
from claims.tagger import tag_text


def _articles_claims(run: Context, paths: tuple[str, ...], max_bytes: int) -> Iterator[Claim]:
    for item in expand_paths(paths):
        if isinstance(item, IngestError):
            run.report(item.path, item.reason)
            continue
        try:
            found = list(read_articles(item, max_bytes=max_bytes, on_notice=run.notice))
        except Exception as error:
            run.unexpected(item, error)
            continue
        for article in found:  # one, or a web archive's pages
            try:
                if isinstance(article, IngestError):
                    raise article
                if article.encoding != "utf-8":
                    run.notice(article.path, encoding_notice(article.encoding))
                claims = extract_claims(article)
            except IngestError as error:
                run.report(error.path, error.reason)
                continue
            except Exception as error:
                run.unexpected(article.path, error)
                continue
            yield from claims


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True
)
@max_bytes_option
@click.pass_obj
def extract(run: Context, paths: tuple[str, ...], fmt: str, max_bytes: int) -> None:
    """Print the claims of article files or folders (.txt, .md, .json, .html, .warc)."""
    claims = _articles_claims(run, paths, max_bytes)
    if fmt == "jsonl":
        for claim in claims:
            click.echo(dumps(claim_record(claim)))
    else:
        rows = [
            [
                claim.id,
                claim.source,
                claim.kind,
                f"{claim.confidence:.2f}",
                claim.attribution.type if claim.attribution else "-",
                claim.text,
            ]
            for claim in claims
        ]
        if rows:
            click.echo(table(rows, ["id", "source", "kind", "conf", "attrib", "claim"]))
    run.finish()


# A line is speculation if any claim is, else opinion if any is, else fact.
_CAUTION: tuple[Kind, ...] = ("speculation", "opinion", "fact")


def tag_line(line: str) -> dict[str, Any]:
    """The ``tag`` record of one input line: its kind, confidence, cues and claims."""
    claims = extract_claims(text_article(line))
    if claims:
        kind = min((claim.kind for claim in claims), key=_CAUTION.index)
        confidence = max(claim.confidence for claim in claims if claim.kind == kind)
        cues: list[Cue] = sorted({cue for claim in claims for cue in claim.cues}, key=_cue_order)
    else:
        kind, confidence, cues = tag_text(line)
    return {
        "text": line,
        "kind": kind,
        "confidence": confidence,
        "cues": cue_records(cues),
        "claims": [claim_record(claim, drop=("source",)) for claim in claims],
    }


def _cue_order(cue: Cue) -> tuple[int, int, str]:
    return cue.start, cue.end, cue.type


@click.command()
@click.argument("source", default="-", type=click.File("r", encoding="utf-8", errors="replace"))
@click.pass_obj
def tag(run: Context, source: TextIO) -> None:
    """Tag each input line (a sentence or paragraph) as fact, speculation or opinion."""
    for number, raw in enumerate(source, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        try:
            click.echo(dumps(tag_line(line)))
        except Exception as error:
            run.unexpected(f"{getattr(source, 'name', '<stdin>')}:{number}", error)
    run.finish()


@click.command()
@click.argument("source", default="-", type=click.File("r", encoding="utf-8", errors="replace"))
@click.pass_obj
def relate(run: Context, source: TextIO) -> None:
    """Relate two claims per input line: {"a": TEXT, "b": TEXT} in, the relation out."""
    for number, raw in enumerate(source, start=1):
        if not raw.strip():
            continue
        where = f"{getattr(source, 'name', '<stdin>')}:{number}"
        try:
            record = json.loads(raw)
            if not isinstance(record, dict) or not all(
                isinstance(record.get(key), str) for key in ("a", "b")
            ):
                raise TypeError("a and b must be strings")
            pair = converter.structure(record, TextPair)
        except (ValueError, TypeError, cattrs.BaseValidationError):
            run.report(where, 'expected a JSON object {"a": TEXT, "b": TEXT}')
            continue
        try:
            verdict = relate_texts(pair)
        except Exception as error:
            run.unexpected(where, error)
            continue
        result = {
            "relation": verdict.relation,
            "score": verdict.score,
            "reasons": list(verdict.reasons),
        }
        click.echo(dumps(result))
    run.finish()
