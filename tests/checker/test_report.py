"""The credibility report (story summary, scorecards, Markdown / HTML / JSON) and the
ClaimReview and Web Annotation exports, checked against their specifications' required fields."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.report.build import Report, report_json
from checker.report.html import h, render_html
from checker.report.interop import claim_reviews, web_annotations
from checker.report.markdown import render_markdown
from checker.report.scorecard import CRITERIA, step_bound
from checker.review import ledger, store
from checker.review.analysis import analyze
from checker.review.reading import build_report
from checker.review.schema import connect
from claimdesk import main

SEED_000, SEED_001, SEED_002 = (
    "000_2691664a77488a22",
    "001_907246576983a4f9",
    "002_1a2241cd6018348f",
)


def analysed(folder: Path, db: Path) -> sqlite3.Connection:
    connection = connect(db)
    analyze(connection, [str(folder)], on_error=lambda path, error: None)
    return connection


@pytest.fixture
def seeds_db(tmp_path: Path, seeds: Path) -> Iterator[sqlite3.Connection]:
    connection = analysed(seeds, tmp_path / "seeds.db")
    yield connection
    connection.close()


def card(report: Report, source: str) -> dict[str, tuple[float | None, tuple[str, ...]]]:
    item = next(s for s in report.sources if s.source.id == source)
    return {c.key: (c.value, c.claims) for c in item.scorecard.criteria}


def test_criteria_are_newsguards_weights() -> None:
    assert sum(row.weight for row in CRITERIA) == 100
    assert [row.weight for row in CRITERIA] == [22, 18, 12.5, 12.5, 10, 7.5, 7.5, 5, 5]


def test_seeds_report_sets_the_rumour_against_the_record(seeds_db: sqlite3.Connection) -> None:
    report = build_report(seeds_db)
    scores = {s.source.id: s.scorecard.score for s in report.sources}
    assert scores[SEED_000] is not None and scores[SEED_001] is not None
    assert scores[SEED_000] < scores[SEED_001] and scores[SEED_000] < scores[SEED_002]  # type: ignore[operator]
    profiles = {p.source: p for p in report.story.profiles}
    assert profiles[SEED_000].kinds["speculation"] > profiles[SEED_000].claims / 3
    assert profiles[SEED_000].unsourced > profiles[SEED_001].unsourced
    (agreement,) = report.story.agreed
    assert {c.source for c in agreement.claims} == {SEED_000, SEED_001}
    brand = report.story.speculation[0]  # the contrast leads: two other outlets, the lede
    assert "yet-to-be-named" in brand.claim.text and brand.outlets == 2
    record = " ".join(ref.text for ref in brand.record[:3])  # what the report shows unfolded
    assert "Stellantis" in record and "Rivian" in record
    assert report.label(SEED_001).startswith("Amazon targets Tesla")
    assert SEED_000 not in report.label(SEED_000)
    assert all(ref.kind == "fact" and ref.source != SEED_000 for ref in brand.record)
    overlap = next(o for o in report.story.overlaps if (o.a, o.b) == (SEED_001, SEED_002))
    assert overlap.related > 0
    sourcing = card(report, SEED_000)["sourcing"]
    assert sourcing[0] is not None and sourcing[0] < card(report, SEED_002)["sourcing"][0]  # type: ignore[operator]


def test_verdicts_move_the_score(seeds_db: sqlite3.Connection) -> None:
    report = build_report(seeds_db)
    before = card(report, SEED_000)
    assert before["false_content"][0] is None and before["corrections"][0] is None
    score = next(s.scorecard for s in report.sources if s.source.id == SEED_000)
    claims = [c for c in store.stored_claims(seeds_db) if c.source == SEED_000]
    ledger.mark(seeds_db, claims[0].id, "disputed", by="ana")
    disputed = build_report(seeds_db)
    after = card(disputed, SEED_000)
    assert after["false_content"] == (0.0, (claims[0].id,))
    assert after["corrections"] == (0.0, (claims[0].id,))
    moved = next(s.scorecard for s in disputed.sources if s.source.id == SEED_000)
    assert score.score is not None and moved.score is not None
    assert 0 < score.score - moved.score <= step_bound(score)  # was 60.8 → 39.5 before
    ledger.mark(seeds_db, claims[0].id, "verified", by="ana")
    verified = next(s.scorecard for s in build_report(seeds_db).sources if s.source.id == SEED_000)
    assert verified.score is not None and verified.score > score.score


STORY = """---
title: Opinion: the port strike shows what is wrong
author: Sam Writer
---
The strike at the Port of Halden is a disgrace. Union leaders said 2,300 members walked out.
Insiders say the talks may collapse. The port authority confirmed that shipments stopped.

Correction: An earlier version of this article misstated the number of strikers.
"""


def test_scorecard_rules_on_an_article(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "op.md").write_text(STORY, encoding="utf-8")
    report = build_report(analysed(tmp_path / "a", tmp_path / "a.db"))
    criteria = card(report, "op")
    assert criteria["news_opinion"][0] == 1.0  # labelled opinion in its title
    assert criteria["corrections"][0] == 1.0
    assert criteria["byline"][0] == 1.0
    assert criteria["headline"][0] is not None
    for key in ("ownership", "advertising", "in_charge"):
        assert criteria[key][0] is None
    sourcing_value, weak = criteria["sourcing"]
    assert sourcing_value is not None and 0 < sourcing_value < 1
    quotes = {c.id: c.quote for c in store.stored_claims(connect(tmp_path / "a.db"))}
    assert any("talks may collapse" in quotes[i] for i in weak)
    item = report.sources[0].scorecard
    assessed = [c for c in item.criteria if c.assessed]
    assert item.assessable == sum(c.weight for c in assessed)
    assert item.score == pytest.approx(100 * item.earned / item.assessable, abs=0.1)


HOSTILE = (
    "Acme <script>alert('x')</script> cut 3,100 jobs | at `its` plant.\n\n"
    "# Not a heading: the \x1b[31mred\x1b[0m union said **nothing** [link](http://x).\n"
)


@pytest.fixture
def hostile_report(tmp_path: Path) -> Report:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "calm.txt").write_text("Acme cut 1,300 jobs at its plant.\n", encoding="utf-8")
    return build_report(analysed(folder, tmp_path / "h.db"))


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.ids: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [v or "" for k, v in attrs if k in ("src", "href")]
        self.ids += [v or "" for k, v in attrs if k == "id"]
        if tag not in ("meta", "br", "img", "link"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()


def test_html_is_self_contained_and_escapes_article_text(hostile_report: Report) -> None:
    page = render_html(hostile_report)
    parser = Page()
    parser.feed(page)
    assert parser.open == []  # every element closed, properly nested
    assert "script" not in parser.tags
    # no external asset: every link is a fragment of this page, and every fragment exists
    assert parser.links and all(link.startswith("#") for link in parser.links)
    assert {link[1:] for link in parser.links} <= set(parser.ids)
    assert len(parser.ids) == len(set(parser.ids))
    for item in hostile_report.items:  # every claim has an anchor in the article section
        assert f"claim-{item.claim.id}" in parser.ids
    assert parser.tags.count("svg") == 3 and "foreignobject" not in parser.tags
    for section in ("The outlets at a glance", "Charts", "Scorecards", "How the score is computed"):
        assert re.search(f"<h2[^>]*>{section}", page), section
    assert "<h3>What is contested" in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "\x1b" not in page and "\\x1b[31m" in page
    assert len(re.findall(r'<mark id="claim-\w+" class="k-\w+ s-', page)) == len(
        hostile_report.items
    )
    (contest,) = hostile_report.story.contested
    first, second = ("3,100", "1,300") if "3,100" in contest.a.text else ("1,300", "3,100")
    assert contest.reasons[0] == f"number differs: {first} vs {second} (jobs)"
    assert h(contest.reasons[0]) in page


def test_hostile_titles_and_outlets_stay_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "a.md").write_text(
        '---\ntitle: <img src=x onerror=alert(1)> & "quotes"\noutlet: <b>Evil</b>\n'
        "published: 2024-05-01\n---\nAcme cut 3,100 jobs at its plant on Monday.\n",
        encoding="utf-8",
    )
    (folder / "b.md").write_text(
        "---\ntitle: Calm\npublished: 2024-05-02\n---\nAcme cut 1,300 jobs at its plant.\n",
        encoding="utf-8",
    )
    report = build_report(analysed(folder, tmp_path / "t.db"))
    page = render_html(report)
    parser = Page()
    parser.feed(page)
    assert parser.open == [] and "img" not in parser.tags and "b" not in parser.tags[:0]
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;b&gt;Evil&lt;/b&gt;" in page and "<b>Evil</b>" not in page
    assert report.label("a").startswith("<b>Evil</b>: <img")
    text = render_markdown(report)
    assert not re.search(r"(?<!\\)<img", text) and "\\<b\\>Evil" in text
    data = json.loads(json.dumps(report_json(report)))
    assert {e["what"] for e in data["figures"]["timeline"]} >= {"first report", "report"}


def test_markdown_cannot_be_broken_by_article_text(hostile_report: Report) -> None:
    text = render_markdown(hostile_report)
    assert "\x1b" not in text and "<script>" not in text
    width = 0
    for line in text.splitlines():
        if not line.startswith("|"):
            width = 0
            continue
        cells = len(re.split(r"(?<!\\)\|", line))
        width = width or cells  # a table's rows are as wide as its header
        assert cells == width, line
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert not any("Not a heading" in line for line in headings)
    assert "\\`its\\`" in text


def test_json_report_has_the_same_numbers(seeds_db: sqlite3.Connection) -> None:
    report = build_report(seeds_db)
    data = json.loads(json.dumps(report_json(report)))
    assert data["schema"] == "claimdesk-report/1"
    for item, source in zip(report.sources, data["sources"], strict=True):
        assert source["scorecard"]["score"] == item.scorecard.score
        criteria = source["scorecard"]["criteria"]
        assert [c["key"] for c in criteria] == [row.key for row in CRITERIA]
        assert all({"weight", "value", "points", "detail", "claims"} <= set(c) for c in criteria)
    assert len(data["story"]["agreed"]) == len(report.story.agreed)


def test_claimreview_has_the_required_fields(seeds_db: sqlite3.Connection) -> None:
    claims = store.stored_claims(seeds_db)
    ledger.mark(seeds_db, claims[0].id, "verified", by="ana", note="checked")
    ledger.mark(seeds_db, claims[1].id, "disputed", by="ben")
    items = store.list_claims(seeds_db)
    sources = {s.id: s for s in store.sources(seeds_db)}
    reviews = claim_reviews(items, sources, organisation="Desk")
    assert len(reviews) == 2
    for review in reviews:
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"] in {c.text for c in claims}
        assert review["reviewRating"]["@type"] == "Rating"
        assert review["reviewRating"]["alternateName"] in ("Verified", "Disputed")
        assert "ratingValue" not in review["reviewRating"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", review["datePublished"])
        assert review["author"] == {"@type": "Organization", "name": "Desk"}
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["appearance"]["url"].startswith("urn:claimdesk:source:")
    assert reviews[0]["reviewBody"] == "checked"
    by_person = claim_reviews(items, sources, review_url="https://desk.example/r/{id}")
    assert by_person[1]["author"] == {"@type": "Person", "name": "ben"}
    assert by_person[1]["url"] == f"https://desk.example/r/{claims[1].id}"


def test_claimreview_uses_the_article_url_where_known() -> None:
    from checker.report.interop import article_url, source_iri
    from checker.review.records import Source

    with_url = Source("a", "a.md", "/a.md", "0", "0", url="https://news.example/a")
    archived = Source("b", "crawl.warc.gz#https://news.example/b", "/c", "0", "0")
    again = Source("c", "crawl.warc.gz#https://news.example/b~2", "/c", "0", "0")
    plain = Source("d", "d.txt", "/d.txt", "0", "0")
    assert source_iri(with_url) == "https://news.example/a"
    assert article_url(archived) == "https://news.example/b"
    assert article_url(again) == "https://news.example/b"
    assert source_iri(plain) == "urn:claimdesk:source:d"


def test_web_annotations_select_the_exact_words(seeds_db: sqlite3.Connection) -> None:
    claims = store.stored_claims(seeds_db)
    ledger.mark(seeds_db, claims[0].id, "disputed", by="ana", note="no source")
    items = store.list_claims(seeds_db)
    sources = {s.id: s for s in store.sources(seeds_db)}
    texts = {s: store.source_text(seeds_db, s) for s in sources}
    found = web_annotations(items, sources, texts)
    assert len(found) == len(items)
    for annotation, item in zip(found, items, strict=True):
        assert annotation["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert annotation["type"] == "Annotation" and annotation["id"].endswith(item.claim.id)
        quote, position = annotation["target"]["selector"]
        text = texts[item.claim.source]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        assert text[position["start"] : position["end"]] == quote["exact"] == item.claim.quote
        assert text[: position["start"]].endswith(quote["prefix"])
        assert text[position["end"] :].startswith(quote["suffix"])
        assert annotation["body"][0] == {
            "type": "TextualBody",
            "purpose": "tagging",
            "value": item.claim.kind,
        }
    first = found[0]
    assert first["motivation"] == "assessing"
    assert [b["purpose"] for b in first["body"]] == ["tagging", "assessing", "commenting"]
    assert found[1]["motivation"] == "tagging"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_report_and_export_commands(tmp_path: Path, seeds: Path) -> None:
    folder = tmp_path / "seeds"
    shutil.copytree(seeds, folder)
    db = str(tmp_path / "c.db")
    assert run("analyze", str(folder), "--db", db)[0] == 0
    code, out, err = run("report", "--db", db)
    assert code == 0, err
    assert out.startswith("# Credibility report: 3 sources")
    assert "## How the score is computed" in out
    target = tmp_path / "report.html"
    assert run("report", "--db", db, "--format", "html", "-o", str(target)) == (0, "", "")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, out, _ = run("report", "--db", db, "--format", "json")
    assert json.loads(out)["schema"] == "claimdesk-report/1"
    claim = json.loads(run("claims", "--db", db, "--format", "jsonl")[1].splitlines()[0])["id"]
    run("mark", claim, "verified", "--db", db)
    code, out, _ = run("export", "--db", db, "--format", "claimreview", "--org", "Desk")
    assert [r["claimReviewed"] for r in json.loads(out)] != []
    code, out, _ = run("export", "--db", db, "--format", "annotations")
    assert (
        len(json.loads(out))
        == len(run("claims", "--db", db, "--format", "jsonl")[1].split("\n")) - 1
    )


def test_the_outlet_matrix_keeps_the_busiest_outlets_of_a_large_archive(tmp_path: Path) -> None:
    from checker.report import figures as module

    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(module.MATRIX_OUTLETS + 5):
        record = {
            "text": f"Acme cut {1000 + number} jobs at its Ohio plant.",
            "outlet": f"O{number:02d}",
        }
        (folder / f"a{number:02d}.json").write_text(json.dumps(record), encoding="utf-8")
    report = build_report(analysed(folder, tmp_path / "m.db"))
    shown = {cell.a for cell in report.figures.matrix}
    assert len(shown) == module.MATRIX_OUTLETS and report.figures.left_out == 5
    assert len(report.figures.matrix) == module.MATRIX_OUTLETS**2
    assert "5 outlets with the fewest links" in render_html(report)
