"""The main text of a page as "markdown-lite", plus the metadata a text extractor finds.

trafilatura (the maintained reference extractor) finds the article body in the parsed tree and
drops boilerplate: cookie banners, navigation, comment sections. Its ``fast`` mode skips the
justext/readability fallbacks, which on these pages cost several times more for no gain in
the corpus evaluation (``tools/eval_html.py``).

Its XML body is rendered here: one paragraph per block, ``[anchor](absolute-url)`` for links
that lead off the page, plain text for site navigation (tag, section, author pages) and
placeholders. Paragraphs that are only a "Read more: <link>" teaser become related links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from jsonld_news.identity import normalize_url
from jsonld_news.raw import RawLink

_SPACES = re.compile(r"\s+")
# Section-like paths: a link there is site navigation, not a source the article cites.
_NAV_PATH = re.compile(
    r"/(?:tags?|topics?|themen?|thema|schlagworte?|category|categories|categoria|rubrique|"
    r"section|sections|autor(?:en)?|authors?|auteurs?|contributor|profile|people|search|"
    r"suche|newsletter|subscribe|abo|login|register)(?:/|$)",
    re.I,
)
_TEASER = re.compile(
    r"^(?:read (?:more|also)|see also|related|more on this|lesen sie (?:auch|mehr)|mehr zum thema|"
    r"auch interessant|lire aussi|à lire aussi|a lire aussi|voir aussi|lee también|lea también|"
    r"leia também|leia mais|veja também|mirá también|leggi anche|lue myös|читайте также)\b"
    r"\s*[:\-–—]?\s*",
    re.I,
)
_BLOCKS = frozenset({"p", "head", "quote", "list", "item", "table", "row", "code", "div"})


@dataclass(slots=True)
class TextResult:
    """What the text extractor made of the page; ``None`` where it found nothing."""

    body: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    description: str | None = None
    site_name: str | None = None
    language: str | None = None
    image: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    related: list[RawLink] = field(default_factory=list)


def extract_text(tree: HtmlElement, base_url: str | None, with_metadata: bool = True) -> TextResult:
    """Run trafilatura on the parsed tree (it works on a copy) and render its body."""
    from trafilatura import bare_extraction

    document = bare_extraction(
        tree,
        url=base_url,
        fast=True,
        include_links=True,
        include_comments=False,
        include_images=False,
        include_tables=True,
        with_metadata=with_metadata,
        deduplicate=False,
    )
    result = TextResult()
    if document is None:
        return result
    result.title = _clean(document.title)
    result.author = _clean(document.author)
    result.date = _clean(document.date)
    result.description = _clean(document.description)
    result.site_name = _clean(document.sitename)
    result.language = _clean(document.language)
    result.image = _clean(document.image)
    result.categories = [c for c in (document.categories or []) if c]
    result.tags = [t for t in (document.tags or []) if t]
    if document.body is not None:
        renderer = _Renderer(base_url)
        result.body = renderer.render(document.body) or None
        result.related = renderer.related
    return result


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


class _Renderer:
    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url
        self.host = (urlsplit(base_url).hostname or "").removeprefix("www.") if base_url else ""
        self.related: list[RawLink] = []
        self.paragraphs: list[str] = []

    def render(self, body: etree._Element) -> str:
        self._blocks(body)
        return "\n\n".join(self.paragraphs)

    def _blocks(self, element: etree._Element) -> None:
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in ("list", "quote", "table", "div") and any(
                isinstance(c.tag, str) and c.tag in _BLOCKS for c in child
            ):
                self._blocks(child)
            elif tag == "row":
                cells = [self._inline(cell) for cell in child]
                self._add(" ".join(c for c in cells if c))
            elif tag in ("graphic", "lb"):
                continue
            else:
                self._paragraph(child)

    def _paragraph(self, element: etree._Element) -> None:
        links = [c for c in element.iter("ref")]
        plain = _SPACES.sub(" ", "".join(element.itertext())).strip()
        teaser = _TEASER.match(plain)
        if teaser and len(links) == 1 and len(plain) < 300:
            url = self._resolve(links[0].get("target"))
            if url:
                title = _SPACES.sub(" ", "".join(links[0].itertext())).strip()
                self.related.append(RawLink(text=title or plain[teaser.end() :], url=url))
            return
        self._add(self._inline(element))

    def _add(self, text: str) -> None:
        text = _SPACES.sub(" ", text).strip()
        if text:
            self.paragraphs.append(text)

    def _inline(self, element: etree._Element) -> str:
        parts: list[str] = [element.text or ""]
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "ref":
                parts.append(self._link(child))
            elif tag == "lb":
                parts.append(" ")
            else:
                parts.append(self._inline(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def _link(self, ref: etree._Element) -> str:
        text = _SPACES.sub(" ", "".join(ref.itertext())).strip()
        url = self._resolve(ref.get("target"))
        if not text or url is None or self._is_navigation(url):
            return text
        anchor = text.replace("[", "(").replace("]", ")")
        return f"[{anchor}]({url})"

    def _resolve(self, target: str | None) -> str | None:
        if not target:
            return None
        target = target.strip()
        if self.base_url and not target.startswith(("http://", "https://", "//")):
            if target.startswith("#") or ":" in target.split("/", 1)[0]:
                return None  # in-page anchors, javascript:, mailto: are never citations
            target = urljoin(self.base_url, target)
        url = normalize_url(target)
        if url is None:
            return None
        # markdown-lite link syntax cannot carry spaces or parentheses raw
        return quote(url, safe=":/?#[]@!$&'*+,;=%~")

    def _is_navigation(self, url: str) -> bool:
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
        if not self.host or host != self.host:
            return False
        path = parts.path.rstrip("/")
        return path == "" or path.count("/") <= 1 and "-" not in path or bool(_NAV_PATH.search(path))
