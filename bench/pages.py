"""Article texts dressed as saved news-site pages, and packed into a WARC archive.

A page carries what a real one does around the story: header and navigation menus, a cookie
banner, share buttons, an advert, related stories, reader comments, scripts and inline event
handlers, and the metadata tags (``og:site_name``, ``article:published_time``, author,
canonical link). The story itself is rendered from the blocks claimdesk reads in the plain
text (title, headings, byline, dateline, paragraphs), so the claims of the page can be compared
with the claims of the text. Used by the tests and by ``bench.web_ingest_speed``; nothing here
is written into the project.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable

import attrs
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claims.ingest import build_article

HOSTILE = '<script>alert(1)</script><img src="x" onerror="alert(2)">'


@attrs.frozen
class Page:
    url: str
    html: str
    title: str
    author: str | None
    published: str | None
    site: str


def story_page(
    text: str,
    *,
    slug: str,
    site: str = "The Daily Ledger",
    host: str = "news.example.com",
    published: str | None = "2022-01-05T09:30:00+00:00",
    author: str | None = None,
    hostile: bool = False,
) -> Page:
    """A news-site page around the article ``text``; ``hostile`` puts script and event handler
    markup in a paragraph's text (escaped, so it is the words of the story) and in the page."""
    article = build_article(text, path=slug, source=slug)
    first = next((b for b in article.blocks if b.kind == "body"), None)
    title = article.title or _first_words(article.text[first.start : first.end] if first else "")
    author = author or article.author
    url = f"https://{host}/2022/01/{slug}"
    parts: list[str] = []
    for block in article.blocks:
        words = article.text[block.start : block.end].strip()
        if block.kind == "title":
            continue  # the page's <h1>
        if block.kind == "heading":
            parts.append(f"<h2>{_inline(words.strip('#* '))}</h2>")
        elif block.kind == "pullquote":
            parts.append(f"<blockquote><p>{_inline(words.lstrip('> '))}</p></blockquote>")
        elif block.kind == "body":
            parts.append(f"<p>{_inline(words)}</p>")
            if len(parts) == 3:
                parts.append(_ADVERT)
    if hostile:
        parts.append(
            f"<p>Readers sent us this markup: {html.escape(HOSTILE)} and it was shown.</p>"
        )
    story = "\n".join(parts)
    byline = (
        f'<p class="byline">By <a href="/staff/x" rel="author">{_e(author)}</a></p>'
        if author
        else ""
    )
    date_tag = f'<time datetime="{_e(published)}">{_e(published[:10])}</time>' if published else ""
    meta = [
        f'<meta property="og:site_name" content="{_e(site)}">',
        f'<meta property="og:title" content="{_e(title)}">',
        f'<meta property="og:url" content="{_e(url)}">',
        '<meta property="og:type" content="article">',
        f'<link rel="canonical" href="{_e(url)}">',
    ]
    if author:
        meta.append(f'<meta name="author" content="{_e(author)}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{_e(published)}">')
    page = _TEMPLATE.format(
        meta="\n".join(meta),
        title=_e(title),
        site=_e(site),
        host=_e(host),
        byline=byline,
        date=date_tag,
        story=story,
        hostile=HOSTILE if hostile else "",
    )
    return Page(url, page, title, author, published, site)


def warc_bytes(pages: Iterable[Page], *, extra: bool = True, gzip: bool = True) -> bytes:
    """A WARC archive of the ``pages`` as HTTP 200 responses; with ``extra``, also a request
    record, an image, a JSON response and a redirect, which are not articles."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "claimdesk tests"}))
    for number, page in enumerate(pages):
        body = page.html.encode("utf-8")
        _response(
            writer,
            page.url,
            "text/html; charset=utf-8",
            body,
            f"2022-01-0{number % 9 + 1}T12:00:00Z",
        )
        if extra and number == 0:
            request = StatusAndHeaders(
                "GET /x HTTP/1.1", [("Host", "news.example.com")], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(page.url, "request", http_headers=request)
            )
            _response(writer, "https://news.example.com/logo.png", "image/png", _PNG, None)
            _response(
                writer,
                "https://news.example.com/api/weather.json",
                "application/json",
                b'{"sky": "grey"}',
                None,
            )
            _response(
                writer,
                "https://news.example.com/old",
                "text/html",
                b"<p>moved</p>",
                None,
                status="301 Moved Permanently",
            )
    return buffer.getvalue()


def _response(
    writer: WARCWriter,
    url: str,
    content_type: str,
    body: bytes,
    date: str | None,
    status: str = "200 OK",
) -> None:
    headers = StatusAndHeaders(
        status,
        [("Content-Type", content_type), ("Content-Length", str(len(body)))],
        protocol="HTTP/1.1",
    )
    warc_headers = {"WARC-Date": date} if date else None
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict=warc_headers,
    )
    writer.write_record(record)


_PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def _e(value: str | None) -> str:
    return html.escape(value or "", quote=True)


def _first_words(text: str) -> str:
    return " ".join(text.split()[:8]).rstrip(".,;:") or "Untitled"


def _inline(words: str) -> str:
    """The words escaped, the second sentence's first word set in bold and a company name
    made a link, as pages do; the text read out of them stays the same."""
    escaped = html.escape(words, quote=False)
    escaped = re.sub(r"\bAmazon\b", '<a href="/topic/amazon">Amazon</a>', escaped, count=1)
    return re.sub(r"(?<=\. )(\w+)", r"<strong>\1</strong>", escaped, count=1)


_ADVERT = (
    '<div class="ad-slot" id="ad-mid"><span>Advertisement</span>'
    '<iframe src="https://ads.example.net/slot?id=42" title="ad"></iframe></div>'
)

_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{meta}
<script>window.dataLayer = window.dataLayer || []; function track(e) {{ dataLayer.push(e); }}</script>
<script src="https://{host}/static/app.js" async></script>
<style>.cookie {{ position: fixed; bottom: 0; }}</style>
</head>
<body onload="track('load')">
<div class="cookie-banner" id="cookie-consent" role="dialog">
<p>We use cookies to improve your experience and to show you personalised ads.
By continuing to browse you agree to our use of cookies.</p>
<button onclick="document.getElementById('cookie-consent').remove()">Accept all</button>
<button onclick="track('reject')">Manage preferences</button>
</div>
<header class="site-header">
<a class="logo" href="/">{site}</a>
<nav class="main-nav" aria-label="Sections">
<ul>
<li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/technology">Technology</a></li><li><a href="/markets">Markets</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe</a></li>
</ul>
</nav>
<form class="search" action="/search"><input name="q" placeholder="Search"></form>
</header>
<main id="content">
<article class="story">
<h1 class="headline">{title}</h1>
<div class="meta">{byline} {date}</div>
<div class="share-bar">
<a href="https://twitter.example/share" onclick="track('share-tw')">Share on Twitter</a>
<a href="https://facebook.example/share" onclick="track('share-fb')">Share on Facebook</a>
<a href="mailto:?subject=story">Email this story</a>
</div>
<div class="story-body">
{story}
</div>
{hostile}
</article>
<aside class="related">
<h3>Related stories</h3>
<ul>
<li><a href="/2022/01/markets-rally">Markets rally as tech shares climb for a third day</a></li>
<li><a href="/2022/01/chip-shortage">Chip shortage expected to ease by summer, analysts say</a></li>
<li><a href="/2022/01/ev-sales">Electric car sales doubled last year in Europe</a></li>
</ul>
</aside>
<section class="comments" id="comments">
<h3>Comments (2)</h3>
<div class="comment"><p class="comment-author">reader42</p>
<p>This is the worst deal anyone has ever made and the company will be bankrupt by May.</p></div>
<div class="comment"><p class="comment-author">evfan</p>
<p>Tesla sold two million cars last week, everybody knows that.</p></div>
<form class="comment-form"><textarea name="c"></textarea><button onclick="track('comment')">Post</button></form>
</section>
</main>
<footer class="site-footer">
<p>© 2022 {site}. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li>
<li><a href="/contact">Contact us</a></li></ul>
</footer>
<script>track({{"page": "article"}});</script>
</body>
</html>
"""
