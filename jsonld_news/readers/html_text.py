"""The main text of a page as "markdown-lite", plus the metadata a text extractor finds.

trafilatura (the maintained reference extractor) finds the article body in the parsed tree and
drops boilerplate: cookie banners, navigation, comment sections. Its ``fast`` mode skips the
justext/readability fallbacks and ``favor_precision`` prunes more aggressively; on the corpus
(``tools/eval_html.py``) neither loses a snippet of article text, the pair is ~2x faster than
the defaults, and precision drops reader comments and "log in" widgets the defaults keep. A
standfirst that precision prunes is put back by ``lead_paragraph``. A page where the fast pass
finds no article text (text in runs of spans, bare in a section) is read again with the
fallbacks on; only such pages pay for them.

Its XML body is rendered here: one paragraph per block, ``[anchor](absolute-url)`` for links
that lead off the page, plain text for site navigation (tag, section, author pages) and
placeholders. Paragraphs that are only a "Read more: <link>" teaser become related links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import quote, urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from jsonld_news.credits import CREDIT_LABELS
from jsonld_news.identity import normalize_url
from jsonld_news.raw import RawLink

_SPACES = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")  # soft hyphen, zero-width space/joiner
# A caption/credit line standing as a paragraph ("Image illustrative : ... by ...", "Foto: dpa").
_CREDIT_LINE = re.compile(rf"^{CREDIT_LABELS}\s*(?:[:©]|\bby\b|\bde\b)", re.I)
# Section-like paths: a link there is site navigation, not a source the article cites.
_NAV_PATH = re.compile(
    r"/(?:tags?|topics?|themen?|thema|schlagworte?|category|categories|categoria|rubrique|"
    r"section|sections|autor(?:en)?|authors?|auteurs?|contributor|profile|people|search|"
    r"suche|newsletter|subscribe|abo|login|register)(?:/|$)",
    re.I,
)
_TEASER = re.compile(
    r"^(?:read (?:more|also)|see also|related|more on this|lesen sie (?:auch|mehr|hier)|mehr zum thema|"
    r"auch interessant|lire aussi|à lire aussi|a lire aussi|voir aussi|lee también|lea también|"
    r"leia também|leia mais|veja também|mirá también|leggi anche|lue myös|lue aiheesta lisää|"
    r"(?:también )?(?:le|te) puede interesar|puede interesarte|(?:le|te) recomendamos|"
    r"das könnte sie auch interessieren|lesen sie dazu|vous aimerez aussi|you may also like|"
    r"читайте также)\b"
    r"\s*[:\-–—]?\s*",
    re.I,
)
_NON_WORD = re.compile(r"[\W_]+")
_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")
_SOCIAL_LINK = re.compile(
    r"\]\(https?://(?:www\.)?(facebook|twitter|x|instagram|linkedin|youtube|tiktok|t)\.(?:com|me)/",
    re.I,
)
# a caption ending in its credit: "... en el Congreso (Foto: Natacha Pisarenko/Pool via REUTERS)."
_CAPTION_CREDIT = re.compile(rf"\({CREDIT_LABELS}\s*:[^)]{{2,120}}\)\s*\.?\s*$", re.I)
# A paragraph that is nothing but a byline, as pages without author markup set it at the top
# or the foot of the text: "Von Claudia Lindner", "By Jane Roe and John Doe", "Par Anne Dupont".
_NAME = r"[A-ZÀ-ÝŒ][\w'’.-]+(?:\s+(?:(?:von|van|de|del|da|di|du|le|la)\s+)?[A-ZÀ-ÝŒ][\w'’.-]+){1,3}"
BYLINE_PARAGRAPH = re.compile(
    rf"^(?:Von|By|Par|Por|Door|Di|Av|Af)\s+{_NAME}"
    rf"(?:\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\be\b|&)\s*{_NAME})*\s*\.?$"
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
    credits: list[str] = field(default_factory=list)  # credit lines taken out of the body
    byline_element: str | None = None  # the page's first author/byline element, a fallback
    date_line: str | None = None  # the date the page shows by its headline, a fallback


def extract_text(tree: HtmlElement, base_url: str | None, with_metadata: bool = True) -> TextResult:
    """Run trafilatura on the parsed tree (it works on a copy) and render its body."""
    from trafilatura.settings import Document

    # no url: trafilatura would resolve every link itself; _Renderer resolves only those it keeps
    document = _extract(tree, with_metadata, fast=True)
    if not _enough_text(document):
        # the fast pass found no article text: trafilatura's fallback extractors (readability,
        # justext), which the fast mode skips, find it in pages whose text sits in unusual markup
        fuller = _extract(tree, with_metadata, fast=False)
        if _enough_text(fuller):
            document = fuller
    result = TextResult()
    if not isinstance(document, Document):
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
        result.credits = renderer.credits
    return result


# fewer words than this is no article text (``html.MIN_BODY_WORDS`` refuses such a page)
MIN_TEXT_WORDS = 15


def _extract(tree: HtmlElement, with_metadata: bool, fast: bool) -> object:
    from trafilatura import bare_extraction

    return bare_extraction(
        tree,
        fast=fast,
        favor_precision=True,
        include_links=True,
        include_comments=False,
        include_images=False,
        include_tables=True,
        with_metadata=with_metadata,
        deduplicate=False,
        date_extraction_params=_date_params(),
        prune_xpath=_DISCLOSURES,
    )


def _enough_text(document: object) -> bool:
    from trafilatura.settings import Document

    text = document.text if isinstance(document, Document) else None
    return text is not None and len(text.split()) >= MIN_TEXT_WORDS


# a publisher's editorial or advertiser disclosure ("This post contains references to products
# from our advertisers"), a disclaimer: the site's notice on every page, not the article's text
_DISCLOSURES = (
    "//*[self::section or self::div or self::aside or self::p]"
    "[contains(@class, 'disclosure') or contains(@class, 'disclaimer')]"
)


def _date_params() -> dict[str, object]:
    """htmldate's precise mode: the original publication date (not the last update), from the
    page's markup, time elements and date patterns, never its extensive free-text search (a
    date found anywhere on the page: a comment's, a related story's) nor a URL's year and
    month alone (a day made up as the first)."""
    return {
        "original_date": True,
        "extensive_search": False,
        "max_date": datetime.now(UTC).strftime("%Y-%m-%d"),
    }


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORDS = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[.!?…»”\"')\]:;。！？）」』]\s*$")


def _is_date_line(text: str) -> bool:
    """A short line that is a date and nothing else ("Miércoles, 04 de Mayo de 2022")."""
    short = len(text) <= 40 and len(_WORDS.findall(text)) <= 4
    return short and bool(_YEAR.search(text)) and not text.rstrip().endswith((".", "!", "?"))


def _is_ui_string(text: str) -> bool:
    """A few words with no sentence end: a button or label, not a closing paragraph."""
    plain = _MD_LINK.sub(r"\1", text).strip()
    # length too: a CJK sentence has no spaces to count words by
    return len(plain) <= 30 and len(plain.split()) < 5 and not _SENTENCE_END.search(plain)


def _text_of(element: etree._Element) -> str:
    return "".join(t for t in element.itertext() if isinstance(t, str))


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
        self.credits: list[str] = []
        self.paragraphs: list[str] = []

    def render(self, body: etree._Element) -> str:
        self._blocks(body)
        return "\n\n".join(self._without_boilerplate(self.paragraphs))

    def _without_boilerplate(self, paragraphs: list[str]) -> list[str]:
        """Drop link lists ("read more" blocks), follow-us lines and photo captions."""
        kept: list[str] = []
        for index, paragraph in enumerate(paragraphs):
            links = _MD_LINK.findall(paragraph)
            rest = _MD_LINK.sub("", paragraph)
            if links and not re.search(r"\w", rest):
                # nothing but links: a related-articles list, not article text
                self.related.extend(RawLink(text=t, url=u) for t, u in links if t.strip())
                if kept and len(kept[-1]) <= 80 and kept[-1].rstrip().endswith(":"):
                    kept.pop()  # its "Read more on this:" header
                continue
            social = {m.group(1) for m in _SOCIAL_LINK.finditer(paragraph)}
            if len(social) >= 2 and index >= len(paragraphs) - 3:
                continue  # "follow us on Facebook, Twitter..." at the end of the article
            if len(paragraph) < 400 and _CAPTION_CREDIT.search(paragraph):
                self.credits.append(paragraph)
                continue
            if _is_date_line(rest):
                continue  # "February 6, 2020": a teaser's or widget's timestamp
            kept.append(paragraph)
        while kept and _is_ui_string(kept[-1]) and not BYLINE_PARAGRAPH.match(kept[-1]):
            kept.pop()  # "Log in", "Commenter", "Apoie o 247" after the last paragraph
        return kept

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
        links = list(element.iter("ref"))
        plain = _SPACES.sub(" ", _INVISIBLE.sub("", _text_of(element))).strip()
        if len(plain) < 240 and _CREDIT_LINE.match(plain):
            self.credits.append(plain)
            return
        anchors = "".join(_text_of(ref) for ref in links)
        if links and _NON_WORD.sub("", anchors) == _NON_WORD.sub("", plain):
            # nothing but links: a related-articles list, not article text
            for ref in links:
                url = self._resolve(ref.get("target"))
                title = _SPACES.sub(" ", _text_of(ref)).strip()
                if url and title and not self._is_navigation(url):
                    self.related.append(RawLink(text=title, url=url))
            last = self.paragraphs[-1] if self.paragraphs else ""
            if len(last) <= 80 and last.rstrip().endswith(":"):
                self.paragraphs.pop()  # its "Read more on this:" header
            return
        teaser = _TEASER.match(plain)
        if teaser and len(links) == 1 and len(plain) < 300:
            url = self._resolve(links[0].get("target"))
            title = _SPACES.sub(" ", _text_of(links[0])).strip() or plain[teaser.end() :]
            if url and title:
                self.related.append(RawLink(text=title, url=url))
            return
        if teaser and not links and len(plain) < 200 and ":" in teaser.group(0):
            # "Le puede interesar: <headline>" without its link: a teaser, not article text;
            # its title is kept as a related work with no URL (none is made up)
            title = plain[teaser.end() :].strip()
            if len(title.split()) >= 3:
                self.related.append(RawLink(text=title, url=""))
            return
        self._add(self._inline(element))

    def _add(self, text: str) -> None:
        text = _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()
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
        text = _SPACES.sub(" ", _INVISIBLE.sub("", _text_of(ref))).strip()
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
        if path == "" or bool(_NAV_PATH.search(path)):
            return True
        # "/politik", "/sport/": one short segment without digits or words joined by "-"
        return path.count("/") <= 1 and "-" not in path and not any(c.isdigit() for c in path)


# --- the visible byline ----------------------------------------------------------------------

_BYLINE_XPATH = (
    "//body//*[self::span or self::p or self::div or self::a or self::address or self::li]"
    "[contains(@class,'byline') or contains(@class,'author') or contains(@class,'auteur') or "
    "contains(@class,'autor') or contains(@class,'credit') or @rel='author' or "
    "@itemprop='author']"
)
_NO_BYLINE_ANCESTORS = frozenset({"figure", "figcaption", "footer", "aside", "nav", "form", "li"})


def visible_byline(tree: HtmlElement) -> str | None:
    """The first short author/byline/credit element of the page, outside figures and comments.

    A fallback for pages whose byline the text extractor misses (class names like ``auteurs``
    or a header ``credit`` line). A credit next to a picture is a photo credit, never a byline.
    """
    for element in tree.xpath(_BYLINE_XPATH)[:20]:
        classes = (element.get("class") or "").lower()
        if "comment" in classes or any(
            a.tag in _NO_BYLINE_ANCESTORS or "comment" in (a.get("class") or "").lower()
            for a in element.iterancestors()
        ):
            continue
        neighbours = (element.getprevious(), element.getnext())
        if "credit" in classes and any(
            n is not None and n.tag in ("img", "picture", "figure", "video") for n in neighbours
        ):
            continue
        text = _SPACES.sub(" ", _INVISIBLE.sub("", element.text_content())).strip(" ,|-")
        head, bar, tail = text.partition(" | ")
        if bar and any(c.isdigit() for c in tail) and not any(c.isdigit() for c in head):
            text = head  # "Ana Ruiz | Publicado hace 3 horas": the name, then the time
        # names carry no digits: "21 juin 2018", "July 2020 issue" are dates, not bylines
        if not 2 <= len(text) <= 80 or any(c.isdigit() for c in text) or "http" in text:
            continue
        if any(c.isalpha() for c in text) and not _PHOTO_WORD.match(text):
            return text
    return None


# a link to the author's page on the site, by the headline: "/author/jane-roe/", "/autor/..."
_AUTHOR_PATH = re.compile(
    r"/(?:authors?|autor(?:en|es|a)?|autore|auteurs?|journalists?|redakteur(?:in)?)"
    r"/[^/?#]+/?(?:[?#].*)?$",
    re.I,
)
_LINKS_AFTER_HEADING = etree.XPath(
    "(//h1)[1]/following::a[@href][not(ancestor::aside or ancestor::nav or ancestor::footer"
    " or ancestor::figure)][position() <= 30]"
)
_LINK_NAME = re.compile(rf"^{_NAME}$")


def author_link(tree: HtmlElement) -> str | None:
    """The name on the first link to an author page among the 30 links after the headline,
    outside sidebars, navigation, footers and figures: a byline with no byline markup."""
    links = _LINKS_AFTER_HEADING(tree)
    for link in links if isinstance(links, list) else []:
        if not isinstance(link, HtmlElement):
            continue
        path = urlsplit(str(link.get("href") or "")).path
        text = _SPACES.sub(" ", link.text_content()).strip()
        if _AUTHOR_PATH.search(path) and _LINK_NAME.match(text):
            return text
    return None


_SHOWN_NAME = etree.XPath(
    "//body//text()[starts-with(normalize-space(.), $prefix)]"
    "[not(ancestor::script) and not(ancestor::style)]"
)


def full_name(tree: HtmlElement, name: str) -> str:
    """A one-word author ("Todd": a CMS display name) as the page shows it in full ("Todd
    Bates"), when exactly one element's whole text is that word and a surname; else ``name``."""
    if " " in name.strip() or not name[:1].isupper():
        return name
    pattern = re.compile(rf"^{re.escape(name)}(?:\s+[A-ZÀ-ÝŒ][\w'’.-]+){{1,3}}$")
    shown = {
        _SPACES.sub(" ", str(node)).strip()
        for node in _SHOWN_NAME(tree, prefix=f"{name} ")  # type: ignore[union-attr]
    }
    found = {t for t in shown if len(t) <= 60 and pattern.match(t)}
    return found.pop() if len(found) == 1 else name


_PHOTO_WORD = re.compile(
    r"^\W*(?:photo|foto|фото|bild|image|imagen|imagem|crédits?|credits?|©)", re.I
)


_TITLE_SEPARATOR = re.compile(r"\s*(?:[|\-–—_·:]|::)\s*")


def visible_title(tree: HtmlElement, title: str) -> str:
    """A ``<title>`` minus its " - Site" suffix, when the page shows exactly that prefix.

    Used only when no Article markup names the headline: the visible heading is then the best
    evidence of where the headline ends and the site name begins.
    """
    cuts = [m.start() for m in _TITLE_SEPARATOR.finditer(title) if m.start() >= 8]
    for cut in reversed(cuts):
        prefix = title[:cut].strip()
        if len(title) - cut > 60:
            continue
        for node in tree.xpath("//body//text()[contains(., $p)]", p=prefix[:40]):
            if _SPACES.sub(" ", str(node)).strip() == prefix:
                return prefix
    return title


# --- the standfirst -------------------------------------------------------------------------


def lead_paragraph(
    tree: HtmlElement, description: str | None, body: str | None, base_url: str | None = None
) -> str | None:
    """The visible standfirst (lead paragraph) when the text extractor left it out.

    Text extractors often skip the standfirst: it sits beside the headline, outside the body
    container. It is part of the article when the page displays it under the headline, either as
    the page's own description shown in a ``<p>``/``<div>``, or as the first element after the
    ``<h1>`` whose class names it (``lead``, ``standfirst``, ``chapo``, ``intro``, ``dek``...),
    outside another story's card and a photo gallery's captions.
    """
    folded_body = _fold(body or "")
    for element in _standfirst_candidates(tree, description):
        shown = html_fragment_to_markdown(etree.tostring(element, encoding="unicode"), base_url)
        plain = _SPACES.sub(" ", _MD_LINK.sub(r"\1", shown)).strip()
        if not 40 <= len(plain) <= 1500 or _fold(plain)[:80] in folded_body:
            continue
        return shown
    return None


_STANDFIRST_CLASS = re.compile(
    r"(?:^|[\s_-])(?:lead|standfirst|chapo|chapeau|intro|dek|deck|excerpt|entradilla|bajada|"
    r"summary|teaser-text|subtitle|sapo|kicker-text)(?:$|[\s_-])",
    re.I,
)
_NOT_CONTENT = frozenset({"nav", "aside", "footer", "figure", "figcaption", "form", "button", "a"})


_PHOTO_CLASS = re.compile(r"credit|cr[eé]dito|caption|foto|photo|image", re.I)


def _has_other_parts(element: etree._Element) -> bool:
    """A container holding headings, pictures or photo credits is no standfirst itself."""
    for inner in element.iterdescendants():
        if not isinstance(inner.tag, str):
            continue
        if inner.tag in ("h1", "h2", "h3", "header", "figure", "figcaption", "img", "picture"):
            return True
        if _PHOTO_CLASS.search(inner.get("class") or ""):
            return True
    return False


_BLOCK_TEST = "[self::p or self::div or self::h2][position() <= 400]"
_AFTER_HEADING = etree.XPath(
    f"(//h1)[1]/descendant::*{_BLOCK_TEST} | (//h1)[1]/following::*{_BLOCK_TEST}"
)


_HGROUP_SUBHEADING = etree.XPath(
    "(//h1)[1]/parent::hgroup/*[self::h2 or self::p][preceding-sibling::h1]"
)


def _standfirst_candidates(tree: HtmlElement, description: str | None) -> list[etree._Element]:
    found: list[etree._Element] = []
    if description and len(description) >= 40:
        wanted = _fold(description)
        probe = description.strip()[:30]
        for node in tree.xpath("//body//text()[contains(., $p)]", p=probe):
            parent = node.getparent()
            while parent is not None and parent.tag not in ("p", "div", "section", "h2"):
                parent = parent.getparent()
            if parent is None:
                continue
            shown = _fold(parent.text_content())
            if shown == wanted or (shown.startswith(wanted) and len(shown) < 1.3 * len(wanted)):
                found.append(parent)
                break
    # HTML's <hgroup>: the headline and its subheading, the dek ("h1" then "h2" or "p")
    grouped = _HGROUP_SUBHEADING(tree)
    if isinstance(grouped, list):
        found.extend(e for e in grouped[:1] if isinstance(e, etree._Element))
    # the standfirst sits right under the headline: the first 400 blocks after the first <h1>
    # (found by XPath: a Python walk of the page up to the heading cost more than the rest)
    after = _AFTER_HEADING(tree)
    heading = next(tree.iter("h1"), None)
    for element in after[:400] if isinstance(after, list) else []:
        if not isinstance(element, etree._Element):
            continue
        if (
            _STANDFIRST_CLASS.search(element.get("class") or "")
            and not any(a.tag in _NOT_CONTENT for a in element.iterancestors())
            and not _has_other_parts(element)
            and not _in_card_or_gallery(element, heading)
        ):
            found.append(element)
            break
    return found


def _in_card_or_gallery(element: etree._Element, heading: etree._Element | None) -> bool:
    """Inside another story's card (an ``<article>`` that does not hold the headline: "related
    posts" teasers) or a photo gallery's caption block: another text's excerpt, not this one's
    standfirst."""
    for ancestor in element.iterancestors():
        if ancestor.tag == "article":
            return heading is not None and ancestor not in heading.iterancestors()
        if _PHOTO_CLASS.search(ancestor.get("class") or ""):
            return True
    return False


def _fold(text: str) -> str:
    return _SPACES.sub(" ", re.sub(r"[^\w\s]", "", text.casefold())).strip()


# --- HTML fragments (ninjs bodies) ------------------------------------------------------------

_FRAGMENT_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dd", "dt",
     "td", "th", "div", "section", "article", "ul", "ol", "table", "tr", "tbody", "thead", "dl",
     "figure", "header", "footer", "aside", "main", "body", "html"}
)  # fmt: skip


def html_fragment_to_markdown(fragment: str, base_url: str | None = None) -> str:
    """An HTML body fragment as markdown-lite: a paragraph per block, ``[text](url)`` links."""
    from lxml.html import fragment_fromstring

    try:
        root = fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _SPACES.sub(" ", fragment).strip()
    renderer = _Renderer(base_url)
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _SPACES.sub(" ", _INVISIBLE.sub("", "".join(current))).strip()
        if text:
            paragraphs.append(text)
        current.clear()

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("script", "style"):
            return
        block = tag in _FRAGMENT_BLOCKS
        if block:
            flush()
        if tag == "a":
            text = _SPACES.sub(" ", _text_of(element)).strip()
            url = renderer._resolve(element.get("href"))
            anchor = text.replace("[", "(").replace("]", ")")
            current.append(f"[{anchor}]({url})" if url and text else text)
        else:
            current.append(element.text or "")
            for child in element:
                walk(child)
                current.append(child.tail or "")
        if tag == "br":
            current.append(" ")
        if block:
            flush()

    walk(root)
    flush()
    return "\n\n".join(paragraphs)
