"""One ``RawArticle`` from everything a page says, by a fixed precedence, keeping provenance.

Precedence, field by field, first usable value wins:

1. the page's own Article-type JSON-LD node (``NewsArticle``, ``ReportageNewsArticle``,
   ``BlogPosting``...; found in ``@graph``, arrays of types, nested ``mainEntity``);
2. an Article-type microdata item (then RDFa, when requested);
3. OpenGraph (``og:*``, ``article:*``), then other ``<meta>`` tags and Dublin Core;
4. the text extractor (trafilatura: visible title, byline, date, body).

Exceptions, each because the higher source is known to be weaker for that field:

- ``url``: the ``<link rel=canonical>`` comes first, then JSON-LD/og URLs, then ``--base-url``;
- ``body``: the extracted main text comes first; a JSON-LD ``articleBody`` is the fallback;
- ``authors``: only people count. An author typed ``Organization``, or named like the
  publisher/site, or a URL, or a placeholder ("null", "No Author") is skipped, and the next
  source is asked (the organisation is kept in ``author_organizations``). A photo credit never
  comes from ``author``: image credits are read from the image node only.

Every source's value for every field is kept in a ``FieldReport`` so ``inspect`` shows conflicts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

from jsonld_news.agencies import host_labels
from jsonld_news.credits import is_collective_credit, starts_with_credit_label
from jsonld_news.dates import AmbiguousDateError, DateParseError, is_null, parse_date
from jsonld_news.language_tags import normalize_language
from jsonld_news.raw import RawArticle, RawEntity, RawImage, RawOrganization
from jsonld_news.readers.embedded import Embedded, Node, id_index, resolve, types_of
from jsonld_news.readers.html_text import BYLINE_PARAGRAPH, TextResult
from jsonld_news.readers.seo_fields import apply_seo_fields, breadcrumbs, policies

SOURCES = ("json-ld", "microdata", "rdfa", "opengraph", "meta", "text")

_ARTICLE_TYPES = frozenset(
    {
        "Article",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "AdvertiserContentArticle",
        "SatiricalArticle",
        "ScholarlyArticle",
        "TechArticle",
        "Blog",
    }
)
_ORG_TYPES = frozenset(
    {"Organization", "NewsMediaOrganization", "Corporation", "Brand", "WebSite", "Periodical"}
)
_PLACEHOLDER_NAMES = frozenset(
    {
        "",
        "null",
        "none",
        "undefined",
        "no author",
        "unknown",
        "admin",
        "redaction",
        "redacción",
        "rédaction",
        "redaktion",
        "staff",
        "anonymous",
    }
)
_ORG_WORDS = re.compile(
    r"\b(?:gmbh|ltd|inc|llc|s\.?l\.?|s\.?a\.?|ag|plc|corp(?:oration)?|media group|editorial|"
    r"redaktion|newsroom|online)\b",
    re.I,
)
_SOCIAL = re.compile(r"\b(?:facebook|twitter|instagram|linkedin|youtube|tiktok)\b", re.I)
_BYLINE_TAIL = re.compile(
    r"\s*(?:tiempo de lectura|temps de lecture|tempo de leitura|lesezeit|reading time|"
    r"\d+\s*min(?:ute)?s?\b).*$",
    re.I,
)
# A signature closing an article's text: "Von Cosima Künzel", "Par Anne Dupont", "By Jane Roe".
_END_BYLINE = re.compile(
    r"(?:^|(?<=[.!?“”\"»]))\s*(?P<byline>(?:Von|By|Par|Por)\s+"
    r"[A-ZÀ-ÝŒ][\w'’-]+(?:\s+[A-ZÀ-ÝŒ][\w'’-]+){1,3})\s*\.?\s*$"
)
_DASHED = re.compile(r"\s+[-–—|:]\s+")
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—·:]\s+[^|\-–—·]{2,60}$")
_SPLIT_KEYWORDS = re.compile(r"\s*[,;]\s*")

_META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "dc.title", "dcterms.title", "title"),
    "description": (
        "og:description",
        "description",
        "twitter:description",
        "dc.description",
        "dcterms.description",
    ),
    "url": ("og:url", "twitter:url"),
    "date_published": (
        "article:published_time",
        "og:article:published_time",
        "article:published",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "dc.date.issued",
        "dcterms.issued",
        "dc.date",
        "dcterms.date",
        "dcterms.created",
        "prism.publicationdate",
        "citation_publication_date",
        "sailthru.date",
        "parsely-pub-date",
        "cxenseparse:publishtime",
    ),
    "date_modified": (
        "article:modified_time",
        "og:updated_time",
        "datemodified",
        "dcterms.modified",
        "last-modified",
    ),
    "authors": (
        "article:author",
        "og:article:author",
        "article:author_name",
        "author",
        "dc.creator",
        "dcterms.creator",
        "citation_author",
        "sailthru.author",
        "parsely-author",
        "byl",
        "cxenseparse:author",
        "cse_author",
    ),
    "site_name": ("og:site_name", "application-name", "al:android:app_name"),
    "language": ("og:locale", "content-language", "dc.language", "language", "inlanguage"),
    "section": ("article:section", "og:article:section"),
    "keywords": ("article:tag", "og:article:tag", "news_keywords", "keywords"),
    "images": ("og:image", "og:image:url", "og:image:secure_url", "twitter:image"),
    "copyright_notice": ("copyright", "dc.rights", "dcterms.rights"),
}


@dataclass(slots=True)
class FieldReport:
    """What each source said about one field, and which value went into the article."""

    name: str
    values: dict[str, str] = field(default_factory=dict)  # source -> value as text
    chosen_source: str | None = None

    @property
    def conflict(self) -> bool:
        if self.name == "body":  # bodies always differ in layout; not a disagreement
            return False
        if self.name.startswith("date_"):  # the same day in two time zones is no conflict
            days = [_day(v) for v in self.values.values()]
            known = [d for d in days if d is not None]
            return bool(known) and (max(known) - min(known)).days > 1
        if self.name in ("authors", "keywords"):
            return len({frozenset(map(_fold, v.split("; "))) for v in self.values.values()}) > 1
        return len({_fold(v) for v in self.values.values()}) > 1


@dataclass(slots=True)
class MergeResult:
    raw: RawArticle
    fields: list[FieldReport]
    article_types: dict[str, list[str]]  # source -> types of the article node used


# --- reading one source ---------------------------------------------------------------------


def _text(value: Any) -> str | None:
    """A plain string from a JSON-LD value: a string, the first of a list, a ``@value``/name."""
    if isinstance(value, list):
        for item in value:
            text = _text(item)
            if text:
                return text
        return None
    if isinstance(value, dict):
        return _text(value.get("@value", value.get("name", value.get("@id"))))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        cleaned = " ".join(value.split())
        return cleaned or None
    return None


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def is_article_node(node: Node) -> bool:
    return any(t in _ARTICLE_TYPES or t.endswith("Article") for t in types_of(node))


def pick_article(
    nodes: list[Node], canonical: str | None, page_titles: tuple[str, ...] = ()
) -> Node | None:
    """The page's main Article node: the one about the canonical URL, else the fullest.

    Among several Article nodes none of which names the canonical URL, one whose headline is
    none of the page's titles (``og:title``, ``<title>``) while another's headline is absent or
    agrees is a teaser of another article ("related posts" marked up as BlogPostings).
    """
    articles = [n for n in nodes if is_article_node(n)]
    if not articles:
        return None
    titles = [_fold(t) for t in page_titles if t]
    if len(articles) > 1 and titles and canonical:
        tied = [n for n in articles if _names_url(n, canonical)]
        if not tied:

            def agrees(node: Node) -> bool | None:
                headline = _text(node.get("headline")) or _text(node.get("name"))
                if not headline:
                    return None
                folded = _fold(headline)
                return any(folded in t or t in folded for t in titles)

            verdicts = [agrees(n) for n in articles]
            if any(v is not False for v in verdicts) and any(v is False for v in verdicts):
                articles = [n for n, v in zip(articles, verdicts, strict=True) if v is not False]

    def score(node: Node) -> tuple[int, int]:
        matches = canonical is not None and _names_url(node, canonical)
        filled = sum(
            1 for k in ("headline", "author", "datePublished", "articleBody") if node.get(k)
        )
        return (int(matches), filled)

    return max(articles, key=score)


def _names_url(node: Node, url: str) -> bool:
    ids = {_text(node.get(k)) for k in ("url", "@id", "mainEntityOfPage")}
    return any(i and i.split("#")[0].rstrip("/") == url.rstrip("/") for i in ids)


def _person_names(value: Any, index: dict[str, Node]) -> tuple[list[str], list[str]]:
    """(people, organisations) named by a JSON-LD ``author``/``creator`` value."""
    people: list[str] = []
    orgs: list[str] = []
    for item in _list(value):
        item = resolve(item, index)
        if isinstance(item, str):
            people.append(item)
        elif isinstance(item, dict):
            name = _text(item.get("name")) or " ".join(
                p for p in (_text(item.get("givenName")), _text(item.get("familyName"))) if p
            )
            if not name:
                continue
            kinds = set(types_of(item))
            (orgs if kinds & _ORG_TYPES else people).append(name)
    return people, orgs


def _images(value: Any, index: dict[str, Node]) -> list[RawImage]:
    images: list[RawImage] = []
    for item in _list(value):
        item = resolve(item, index)
        if isinstance(item, str):
            images.append(RawImage(url=item))
        elif isinstance(item, dict):
            credit = _text(item.get("creditText")) or _text(item.get("copyrightHolder"))
            if credit is None:
                people, orgs = _person_names(item.get("author") or item.get("creator"), index)
                credit = ", ".join(people + orgs) or None
            images.append(
                RawImage(
                    url=_text(item.get("url")) or _text(item.get("contentUrl")),
                    caption=_text(item.get("caption")) or _text(item.get("description")),
                    credit=credit,
                    width=_int(item.get("width")),
                    height=_int(item.get("height")),
                )
            )
    return [i for i in images if i.url]


def _int(value: Any) -> int | None:
    text = _text(value)
    if text is None:
        return None
    match = re.match(r"\d+", text)
    return int(match.group(0)) if match else None


def _entities(value: Any, role: str, index: dict[str, Node]) -> list[RawEntity]:
    entities: list[RawEntity] = []
    for item in _list(value):
        item = resolve(item, index)
        if isinstance(item, str) and item.strip():
            entities.append(RawEntity(name=item.strip(), role=role))
        elif isinstance(item, dict):
            name = _text(item.get("name"))
            if not name:
                continue
            kinds = types_of(item)
            same_as = [s for s in (_text(v) for v in _list(item.get("sameAs"))) if s]
            entities.append(
                RawEntity(
                    name=name,
                    type=kinds[0] if kinds else None,
                    same_as=same_as,
                    role=role,
                    url=_text(item.get("url")),
                )
            )
    return entities


def _keywords(value: Any) -> list[str]:
    words: list[str] = []
    for item in _list(value):
        text = _text(item)
        if text:
            words.extend(w for w in _SPLIT_KEYWORDS.split(text) if w)
    return words


def view_of_node(node: Node, index: dict[str, Node]) -> dict[str, Any]:
    """The fields a JSON-LD/microdata Article node gives, in ``RawArticle`` terms."""
    view: dict[str, Any] = {
        "title": _text(node.get("headline")) or _text(node.get("name")),
        "alternative_headline": _text(node.get("alternativeHeadline")),
        "description": _text(node.get("description")),
        "date_published": _text(node.get("datePublished")),
        "date_modified": _text(node.get("dateModified")),
        "date_created": _text(node.get("dateCreated")),
        "language": _text(node.get("inLanguage")),
        "section": _text(node.get("articleSection")),
        "keywords": _keywords(node.get("keywords")),
        "images": _images(node.get("image"), index),
        "copyright_holder": _text(resolve(node.get("copyrightHolder"), index)),
        "copyright_notice": _text(node.get("copyrightNotice")),
        "is_based_on": _text(resolve(node.get("isBasedOn"), index)),
        "body": _text(node.get("articleBody")),
    }
    main = resolve(node.get("mainEntityOfPage"), index)
    view["url"] = _text(node.get("url")) or (
        _text(main.get("@id") or main.get("url")) if isinstance(main, dict) else _text(main)
    )
    people, orgs = _person_names(node.get("author") or node.get("creator"), index)
    view["authors"] = list(dict.fromkeys(people))
    view["author_organizations"] = list(dict.fromkeys(orgs))
    publisher = resolve(node.get("publisher"), index)
    if isinstance(publisher, dict) and _text(publisher.get("name")):
        kinds = types_of(publisher)
        view["publisher"] = RawOrganization(
            name=_text(publisher.get("name")),
            url=_text(publisher.get("url")),
            logo=_logo_url(resolve(publisher.get("logo"), index)),
            type=kinds[0] if kinds else None,
            same_as=[s for s in (_text(v) for v in _list(publisher.get("sameAs"))) if s],
            policies=policies(publisher, lambda v: resolve(v, index)),
        )
    elif isinstance(publisher, str):
        view["publisher"] = RawOrganization(name=publisher)
    view["entities"] = _entities(node.get("about"), "about", index) + _entities(
        node.get("mentions"), "mentions", index
    )
    seo = RawArticle(source="", format="")
    apply_seo_fields(seo, node, lambda v: resolve(v, index))
    seo.author_urls = _author_urls(node.get("author") or node.get("creator"), index)
    view["seo"] = seo  # paywall, live blog, speakable, corrections, breadcrumbs of this node
    return view


def _author_urls(value: Any, index: dict[str, Node]) -> dict[str, str]:
    """An author's name -> the profile URL the markup gives it (``url``, else a web ``@id``)."""
    urls: dict[str, str] = {}
    for item in _list(value):
        item = resolve(item, index)
        if isinstance(item, dict):
            name, url = _text(item.get("name")), _text(item.get("url"))
            if name and url:
                urls.setdefault(name, url)
    return urls


def _logo_url(value: Any) -> str | None:
    """A logo's URL: an ImageObject's ``url``/``contentUrl`` (its name is no URL), or the text."""
    if isinstance(value, list):
        return next((u for u in map(_logo_url, value) if u), None)
    if isinstance(value, dict):
        return _text(value.get("url")) or _text(value.get("contentUrl")) or _text(value.get("@id"))
    return _text(value)


def view_of_meta(embedded: Embedded) -> tuple[dict[str, Any], dict[str, Any]]:
    """(OpenGraph view, other-meta view): og/article/twitter tags, then the rest and DC."""
    og: dict[str, Any] = {}
    other: dict[str, Any] = {}
    tags = {**embedded.dublincore, **embedded.meta}
    for name, keys in _META_KEYS.items():
        for key in keys:
            values = tags.get(key) or embedded.opengraph.get(key)
            if not values:
                continue
            target = og if key.startswith(("og:", "article:", "twitter:")) else other
            if name in target:
                continue
            if name in ("authors", "keywords"):
                target[name] = _split_meta_list(values, name)
            elif name == "images":
                target[name] = [RawImage(url=v) for v in values]
            else:
                target[name] = values[0]
    for view in (og, other):
        if "language" in view:
            view["language"] = view["language"].replace("_", "-")
    return og, other


def _split_meta_list(values: list[str], name: str) -> list[str]:
    if name == "keywords":
        return [w for v in values for w in _SPLIT_KEYWORDS.split(v) if w]
    return list(dict.fromkeys(v.strip() for v in values if v.strip()))


def view_of_text(text: TextResult) -> dict[str, Any]:
    view: dict[str, Any] = {
        "title": text.title,
        "description": text.description,
        # the date the page prints by its headline before htmldate's, which may take a related
        # story's date (the earliest on the page, in a teaser's link)
        "date_published": text.date_line or text.date,
        "site_name": text.site_name,
        "language": text.language,
        "body": text.body,
        "keywords": text.tags,
        "byline": [b for b in (text.author, text.byline_element) if b],
    }
    if text.image:
        view["images"] = [RawImage(url=text.image)]
    if text.categories:
        view["section"] = text.categories[0]
    return view


# --- merging ----------------------------------------------------------------------------------


def _day(value: str) -> date | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    try:
        return date(int(match[1]), int(match[2]), int(match[3])) if match else None
    except ValueError:
        return None


def _fold(value: str) -> str:
    return re.sub(r"[\W_]+", " ", value.casefold()).strip()


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_as_text(v) for v in value)
    if isinstance(value, RawImage):
        return value.url or ""
    if isinstance(value, RawOrganization):
        return value.name or ""
    if isinstance(value, RawEntity):
        return f"{value.name} ({value.role})"
    return str(value)


class _Merger:
    def __init__(self, views: dict[str, dict[str, Any]], base: str | None) -> None:
        self.views = views
        self.base = base
        self.reports: dict[str, FieldReport] = {}
        self.org_names: set[str] = set()
        self.compact_org_names: set[str] = set()  # org_names, spaces taken out
        self.url: str | None = None  # the article's own URL, once known

    def report(self, name: str) -> FieldReport:
        if name not in self.reports:
            values = {}
            for source in SOURCES:
                value = self.views.get(source, {}).get(name)
                if value not in (None, "", []):
                    text = _as_text(value)
                    values[source] = text if len(text) <= 300 else text[:297] + "..."
            self.reports[name] = FieldReport(name, values)
        return self.reports[name]

    def first(self, name: str, order: tuple[str, ...] = SOURCES, check: Any = None) -> Any:
        report = self.report(name)
        for source in order:
            value = self.views.get(source, {}).get(name)
            if value in (None, "", []):
                continue
            if check is not None:
                value = check(value)
                if value in (None, "", []):
                    continue
            report.chosen_source = source
            return value
        return None

    def is_organisation_name(self, name: str, typed_person: bool = False) -> bool:
        """Placeholders, URLs, the publisher's own name; for untyped names also company words."""
        folded = _fold(name)
        if folded in _PLACEHOLDER_NAMES or not folded:
            return True
        if self.is_site(folded) or "://" in name or name.startswith(("www.", "@")):
            return True
        if " " in folded and any(f" {folded} " in f" {org} " for org in self.org_names):
            return True  # "Stol It" of "stol.it / Suedtirol Online": a piece of the site's name
        compact = folded.replace(" ", "")
        if " " in folded and any(
            len(org) >= 6 and compact.startswith(org) and compact != org
            for org in self.compact_org_names
        ):
            return True  # "El Colombiano Contactar": the site's name and a link's label
        if "." in name and " " not in name.strip():  # facebook.com/site, site.com
            return True
        head = _DASHED.split(name, maxsplit=1)
        if len(head) == 2 and self.is_site(_fold(head[0])):
            return True  # "L-MAG – Das Magazin für Lesben": the site's name and its slogan
        if _SOCIAL.search(name):
            return True
        return not typed_person and bool(_ORG_WORDS.search(name))

    def is_outlet_name(self, name: str) -> bool:
        """The publisher's or site's own name (not a placeholder, URL or social handle)."""
        folded = _fold(name)
        if not folded or folded in _PLACEHOLDER_NAMES or "://" in name or _SOCIAL.search(name):
            return False
        return self.is_site(folded) and "." not in name

    def is_site(self, folded: str) -> bool:
        """A folded name that is the site's or publisher's, spaces aside ("El Colombiano" is
        elcolombiano.com)."""
        return folded.replace(" ", "") in self.compact_org_names

    def people(self, names: list[str], typed: bool) -> list[str]:
        return [n for n in names if not self.is_organisation_name(n, typed) and not _collective(n)]


_NAME_LIST = re.compile(r"\s*(?:[,;&/]|\band\b|\bund\b|\bet\b|\by\b)\s*", re.I)


def _collective(name: str) -> bool:
    """Every name in it a newsroom's collective credit ("Staff and news service reports",
    "Agencies"): no person, so the next source is asked."""
    parts = [p for p in _NAME_LIST.split(name) if p.strip()]
    return bool(parts) and all(is_collective_credit(p) for p in parts)


def _language(merger: _Merger, html_lang: str | None, notes: list[str]) -> str | None:
    """The first source's language that reads as a BCP 47 tag (``en_US``, ``English``: ``en-US``,
    ``en``), then ``<html lang>``; each unreadable one is a note, never a guess."""

    def check(value: Any) -> str | None:
        tag = normalize_language(str(value)) if not is_null(str(value)) else None
        note = f"inLanguage {value!r} skipped: not a language tag or name"
        if tag is None and not is_null(str(value)) and note not in notes:
            notes.append(note)  # the text extractor repeats <html lang>: one note
        return tag

    found: str | None = merger.first("language", check=check)
    return found if found is not None or not html_lang else check(html_lang)


def _date_check(language: str | None, allow_ambiguous: bool = False) -> Any:
    """A source's date, if it reads as one in the page's language (an ambiguous one only if
    ``allow_ambiguous``: build then drops it with a warning rather than guess)."""

    def check(value: Any) -> Any:
        try:
            parsed = parse_date(str(value), language=language)
        except AmbiguousDateError:
            return value if allow_ambiguous else None
        except DateParseError:
            return None
        return None if is_placeholder_date(parsed) else value

    return check


def is_placeholder_date(value: str) -> bool:
    """A CMS's zero value, not a date: the Unix epoch (a zero timestamp, 1970-01-01, on either
    side of UTC) or a year before 1800 (a zero ``DateTime``, 0001-01-01)."""
    day = _day(value)
    if day is None:
        return False
    return day.year < 1800 or day in (date(1970, 1, 1), date(1969, 12, 31))


_MARKUP_SOURCES = ("json-ld", "microdata", "rdfa", "opengraph", "meta")


def _first_publication(merger: _Merger, chosen: Any, language: str | None) -> Any:
    """schema.org's datePublished is the date of *first* publication. When the page's own
    markup disagrees by more than a day (a CMS that restamps one syntax's date on every
    update), the earliest date the markup declares is the first publication."""
    if not isinstance(chosen, str):
        return chosen
    days: list[tuple[date, str, str]] = []
    for source in _MARKUP_SOURCES:
        value = merger.views.get(source, {}).get("date_published")
        if not isinstance(value, str):
            continue
        try:
            parsed = parse_date(value, language=language)
        except DateParseError:
            continue
        if is_placeholder_date(parsed):
            continue
        day = _day(parsed)
        if day is not None:
            days.append((day, source, value))
    url_day = permalink_day(merger.url)
    if url_day is not None and days and (min(days)[0] - url_day).days > 1:
        # a permalink's date (/2020/11/03/slug) is fixed when the URL is minted, at first
        # publication; markup dated later is a CMS restamping it on update (htmldate, which
        # trafilatura uses, reads the URL's date first for the same reason)
        report = merger.report("date_published")
        report.values["url"] = url_day.isoformat()
        report.chosen_source = "url"
        return url_day.isoformat()
    if len(days) < 2 or (max(days)[0] - min(days)[0]).days <= 1:
        return chosen
    earliest = min(days)
    merger.report("date_published").chosen_source = earliest[1]
    return earliest[2]


# year, month and day as path parts or one slug part: /2020/11/03/, /2020-11-03/, _2020_11_03
_PERMALINK_DATE = re.compile(r"\D((?:199[5-9]|20\d\d))[/_-](\d\d?)[/_-](\d\d?)(?:\D|$)")


def permalink_day(url: str | None) -> date | None:
    """The publication day a URL's path spells out in full (year, month and day), if any."""
    if not url:
        return None
    match = _PERMALINK_DATE.search(urlsplit(url).path)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _visible_title(title: str, headings: list[str]) -> str:
    """The page's ``<h1>`` when the title is that heading plus a " - Site" style suffix."""
    for heading in headings:
        rest = title[len(heading) :] if title.startswith(heading) else None
        if rest and len(rest) <= 60 and re.match(r"^\s*[|\-–—·:]", rest):
            return heading
    return title


def _untruncated(title: str, title_element: str | None, site_names: set[str]) -> str:
    """A meta title cut short by an unescaped quote in its attribute (``content="... de
    "incapacitado""`` reads as ``... de``): the page's ``<title>`` has the whole of it."""
    if not title_element:
        return title
    full = _strip_site_suffix(title_element, site_names)
    rest = full[len(title) :] if full.startswith(title) else ""
    if rest and rest.lstrip()[:1] in ('"', "“", "«", "„", "'", "‘"):
        return full
    return title


def _strip_site_suffix(title: str, site_names: set[str]) -> str:
    match = _TITLE_SUFFIX.search(title)
    if match and _fold(match.group(0)) in site_names:
        return title[: match.start()].strip()
    return title


def merge(
    source: str,
    embedded: Embedded,
    text: TextResult | None,
    base_url: str | None,
) -> MergeResult:
    index = id_index([*embedded.jsonld, *embedded.microdata])
    views: dict[str, dict[str, Any]] = {}
    article_types: dict[str, list[str]] = {}
    for syntax, nodes in (
        ("json-ld", embedded.jsonld),
        ("microdata", embedded.microdata),
        ("rdfa", embedded.rdfa),
    ):
        titles = (*embedded.opengraph.get("og:title", [])[:1], embedded.title_element or "")
        node = pick_article(nodes, embedded.canonical, tuple(titles))
        if node is not None:
            views[syntax] = view_of_node(node, index)
            article_types[syntax] = types_of(node)
    views["opengraph"], views["meta"] = view_of_meta(embedded)
    if text is not None:
        views["text"] = view_of_text(text)
    if embedded.title_element and not views.get("text", {}).get("title"):
        views.setdefault("text", {})["title"] = embedded.title_element

    merger = _Merger(views, base_url)
    raw = RawArticle(source=source, format="html")
    raw.article_types = list(dict.fromkeys(t for ts in article_types.values() for t in ts))

    # url first: relative URLs elsewhere resolve against it
    canonical = _absolute(embedded.canonical, base_url)
    views.setdefault("meta", {})
    url_report = merger.report("url")
    if canonical:
        url_report.values = {"canonical": canonical, **url_report.values}
        url_report.chosen_source = "canonical"
        raw.url = canonical
    else:
        raw.url = merger.first("url", check=lambda v: _absolute(v, base_url))
        if raw.url is None and base_url:
            url_report.values["base-url"] = base_url
            url_report.chosen_source = "base-url"
            raw.url = base_url
    base = raw.url or base_url
    merger.url = raw.url

    publisher = merger.first("publisher")
    raw.publisher = publisher if isinstance(publisher, RawOrganization) else None
    host = (urlsplit(base).hostname or "").removeprefix("www.") if base else ""
    raw.site_name = merger.first(
        "site_name",
        ("opengraph", "meta", "text"),
        # the text extractor names a site by its host when the page names none: not a name
        check=lambda v: None if host and _fold(v) == _fold(host) else v,
    )
    names = {raw.publisher.name if raw.publisher else None, raw.site_name, host}
    if base:
        names.update(host_labels(base))  # "elcolombiano" of elcolombiano.com
    if raw.site_name and "." in raw.site_name and " " not in raw.site_name:
        names.update(host_labels(f"https://{raw.site_name}/"))  # a site named by its host
    merger.org_names = {_fold(n) for n in names if n}
    merger.compact_org_names = {o.replace(" ", "") for o in merger.org_names}

    site_names = merger.org_names | {
        _fold(n.split(".")[0]) for n in (host, raw.site_name) if n and "." in n and " " not in n
    }
    # a site's logo in an <h1> ("L-Mag") is no headline: the next source is asked
    title = merger.first("title", check=lambda v: None if _fold(str(v)) in site_names else v)
    if title is None and embedded.title_element:
        title = embedded.title_element
    if isinstance(title, str) and merger.report("title").chosen_source in (
        "opengraph",
        "meta",
        "text",
        None,
    ):
        title = _visible_title(title, embedded.headings)
        title = _strip_site_suffix(title, site_names)
        title = _untruncated(title, embedded.title_element, site_names)
    raw.title = title
    raw.alternative_headline = merger.first("alternative_headline")
    raw.description = merger.first("description")
    raw.language = _language(merger, embedded.html_lang, raw.notes)
    for name in ("date_published", "date_modified", "date_created"):
        value = merger.first(name, check=_date_check(raw.language))
        if value is None:
            value = merger.first(name, check=_date_check(raw.language, allow_ambiguous=True))
        setattr(raw, name, value)
    raw.date_published = _first_publication(merger, raw.date_published, raw.language)
    raw.section = merger.first("section")
    raw.keywords = list(dict.fromkeys(merger.first("keywords") or []))
    raw.copyright_holder = merger.first("copyright_holder")
    raw.copyright_notice = merger.first("copyright_notice")
    raw.is_based_on = _absolute(merger.first("is_based_on"), base)
    raw.entities = merger.first("entities") or []
    _merge_seo(merger, raw, [*embedded.jsonld, *embedded.microdata], index, base)

    _merge_authors(merger, raw)

    images = merger.first("images") or []
    raw.images = [
        RawImage(_absolute(i.url, base), i.caption, i.credit, i.width, i.height)
        for i in images
        if _absolute(i.url, base)
    ]
    if raw.images and raw.images[0].credit:
        raw.photo_credit = raw.images[0].credit

    body = merger.first("body", ("text", "json-ld", "microdata"))
    raw.body = _without_headline(body, [raw.title or "", *embedded.headings])
    raw.body = _byline_paragraph(raw, merger)
    if text is not None:
        raw.related = list(text.related)
    raw.notes.extend(embedded.notes)
    order = [
        "url", "title", "alternative_headline", "description", "authors", "byline",
        "author_organizations", "date_published", "date_modified", "publisher", "site_name",
        "language", "section", "keywords", "images", "entities", "copyright_holder",
        "copyright_notice", "is_based_on", "body",
    ]  # fmt: skip
    fields = [merger.report(name) for name in order]
    return MergeResult(raw=raw, fields=fields, article_types=article_types)


_SEO_FIELDS = (
    "author_urls",
    "accessible_for_free",
    "paywall_selectors",
    "live",
    "live_updates",
    "coverage_start",
    "coverage_end",
    "speakable_css",
    "speakable_xpath",
    "corrections",
    "breadcrumbs",
)


def _merge_seo(
    merger: _Merger, raw: RawArticle, nodes: list[Node], index: dict[str, Node], base: str | None
) -> None:
    """The news-SEO parts from the page's own Article node (JSON-LD, then microdata), field by
    field; breadcrumbs also from a BreadcrumbList node of its own (the usual place)."""
    for name in _SEO_FIELDS:
        for source in ("json-ld", "microdata", "rdfa"):
            seo = merger.views.get(source, {}).get("seo")
            if isinstance(seo, RawArticle) and getattr(seo, name):
                setattr(raw, name, getattr(seo, name))
                break
    if not raw.breadcrumbs:
        trail = next((n for n in nodes if "BreadcrumbList" in types_of(n)), None)
        if trail is not None:
            raw.breadcrumbs = breadcrumbs(trail, lambda v: resolve(v, index))
    for crumb in raw.breadcrumbs:
        crumb.url = _absolute(crumb.url, base) or ""
    for update in raw.live_updates:
        update.url = _absolute(update.url, base)
    raw.author_urls = {
        k: u for k, u in ((k, _absolute(v, base)) for k, v in raw.author_urls.items()) if u
    }


def _merge_authors(merger: _Merger, raw: RawArticle) -> None:
    """People from the highest source that names any; a byline string only from the text.

    Organisations count as authors only beside the people of the same source (a co-credited
    agency), or when no source names a person (an agency-only story). When no source names a
    person or another organisation, the outlet's own byline ("telebasel", "Miami Today") is
    kept: the page says the outlet wrote it.
    """
    authors_report = merger.report("authors")
    merger.report("byline")
    fallback_orgs: list[str] = []
    outlet_bylines: list[str] = []
    order: tuple[str, ...] = SOURCES
    vote = _outvoted_source(merger)
    if vote is not None:  # the agreeing source that lists the most names first, then the rest
        order = (vote[1], *(s for s in SOURCES if s not in vote))
    for source in order:
        view = merger.views.get(source, {})
        names = view.get("authors") or []
        people = merger.people(names, typed=source in ("json-ld", "microdata", "rdfa"))
        orgs = [
            o
            for o in [*view.get("author_organizations", []), *(n for n in names if n not in people)]
            if not merger.is_organisation_name(o, typed_person=True)
        ]
        outlet_bylines.extend(n for n in names if merger.is_outlet_name(n))
        if people:
            raw.authors = list(dict.fromkeys(people))
            raw.author_organizations = list(dict.fromkeys(orgs))
            authors_report.chosen_source = source
            return
        bylines = view.get("byline") or []
        byline = next((b for b in (_clean_byline(v, merger, raw) for v in bylines) if b), None)
        if byline:
            raw.byline = byline
            merger.reports["byline"].chosen_source = source
            return
        for value in bylines:
            if isinstance(value, str) and not starts_with_credit_label(value):
                parts = re.split(r"\s*[;,]\s*", _BYLINE_TAIL.sub("", value))
                outlet_bylines.extend(p for p in parts if p and merger.is_outlet_name(p))
        fallback_orgs = fallback_orgs or orgs
    for source in ("json-ld", "microdata"):
        # German and French regional papers sign at the end: "... geht weiter. Von Anna Berg"
        body = merger.views.get(source, {}).get("body")
        match = _END_BYLINE.search(body[-200:]) if isinstance(body, str) else None
        if match:
            raw.byline = match.group("byline")
            merger.reports["byline"].chosen_source = source
            raw.author_organizations = list(dict.fromkeys(fallback_orgs))
            return
    raw.author_organizations = list(dict.fromkeys(fallback_orgs or outlet_bylines[:1]))


def _named(merger: _Merger, source: str) -> str:
    """The folded people a source names as authors, one text ("" for none)."""
    view = merger.views.get(source, {})
    typed = source in ("json-ld", "microdata", "rdfa")
    return _fold(" ; ".join(merger.people(view.get("authors") or [], typed)))


def _outvoted_source(merger: _Merger) -> tuple[str, str] | None:
    """The first source naming people, and the one to ask instead, when two other markup
    sources agree on people it does not name at all. A CMS's JSON-LD often names the account
    that posted the story (a web producer) while the byline the reader sees is also marked up
    as microdata and in the author ``<meta>``: two syntaxes saying the same name outweigh one
    saying another."""
    named = {s: _named(merger, s) for s in _MARKUP_SOURCES}
    first = next((s for s in _MARKUP_SOURCES if named[s]), None)
    if first is None:
        return None
    mine = set(_NAME_LIST.split(named[first])) - {""}

    def shares(text: str, names: set[str]) -> bool:
        return any(f" {n} " in f" {text} " for n in names)

    others = [s for s in _MARKUP_SOURCES if s != first and named[s]]
    for a in others:
        for b in others:
            theirs = set(_NAME_LIST.split(named[b])) - {""}
            if (
                a != b
                and shares(named[a], theirs)
                and not (
                    shares(named[a], mine) or shares(named[b], mine) or shares(named[first], theirs)
                )
            ):
                views = merger.views
                most = max((a, b), key=lambda s: len(views.get(s, {}).get("authors") or []))
                return first, most
    return None


def _byline_paragraph(raw: RawArticle, merger: _Merger) -> str | None:
    """The body without a paragraph that is only a byline among its first three or last two;
    when no source names a person, that paragraph is the byline."""
    if not raw.body:
        return raw.body
    paragraphs = raw.body.split("\n\n")
    if len(paragraphs) < 3:
        return raw.body
    for index in [*range(min(3, len(paragraphs))), len(paragraphs) - 2, len(paragraphs) - 1]:
        paragraph = paragraphs[index].strip()
        if len(paragraph) > 100 or not BYLINE_PARAGRAPH.match(paragraph):
            continue
        if not raw.authors and not raw.byline:
            raw.byline = paragraph
            merger.report("byline").values["body"] = paragraph
            merger.reports["byline"].chosen_source = "body"
        elif raw.byline != paragraph and not all(_fold(a) in _fold(paragraph) for a in raw.authors):
            continue  # it names someone else: left as it is
        return "\n\n".join(p for i, p in enumerate(paragraphs) if i != index)
    return raw.body


def _clean_byline(value: Any, merger: _Merger, raw: RawArticle) -> str | None:
    """A text extractor's byline, unless it is a photo credit or a site/social handle."""
    if not isinstance(value, str):
        return None
    if starts_with_credit_label(value):
        raw.photo_credit = raw.photo_credit or value
        return None
    byline = _BYLINE_TAIL.sub("", value).strip(" ;,|-")
    parts = [p for p in re.split(r"\s*[;,]\s*", byline) if p]
    if not parts or all(merger.is_organisation_name(p) for p in parts):
        return None
    return byline


def _without_headline(body: Any, headlines: list[str]) -> str | None:
    """The body without a first paragraph that repeats the headline (extractors keep the h1)."""
    if not isinstance(body, str):
        return None
    first, _, rest = body.partition("\n\n")
    if rest and _fold(first) in {_fold(h) for h in headlines if h}:
        return rest
    return body


def _absolute(value: Any, base: str | None) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    url: str = value.strip()
    if url.startswith("//"):
        return "https:" + url
    if urlsplit(url).scheme in ("http", "https"):
        return url
    if base and not url.startswith(("#", "javascript:", "data:", "mailto:")):
        return urljoin(base, url)
    return None
