"""Google Search's Article structured-data profile (Article, NewsArticle, BlogPosting).

Source: "Article (Article, NewsArticle, BlogPosting) structured data", Google Search Central,
https://developers.google.com/search/docs/appearance/structured-data/article (page last updated
2026-09-08). Google lists **no required properties** for Article: author, author.name, author.url,
dateModified, datePublished, headline and image are all "recommended". So a missing property is
at most a warning; errors are reserved for values Google says not to use. Rule by rule:

``article-type`` (error)
    "Article objects must be based on one of the following schema.org types: Article,
    NewsArticle, BlogPosting" (subtypes such as ReportageNewsArticle qualify: they are Articles).
``recommended`` (warning)
    Structured data type definitions: author, datePublished, dateModified, headline and image are
    recommended. Google adds that the Rich Results Test does not itself warn about a missing
    datePublished/dateModified ("only recommended if you decide that it's applicable"); we warn
    anyway because a news article always has a publication date. author.url is recommended too;
    its absence is only ``info`` (rule ``author-url``: many bylines have no profile page).
``publisher`` (warning)
    Not in the current recommended list (the current page only uses it in examples and sends the
    publisher's name to ``publisher``). Google's older Article guidance required it for AMP
    articles; a news article without one loses its source attribution, hence a warning. A
    publisher object without a name is a warning too.
``author-type`` (error)
    Author best practice "Use the appropriate Type": "Use the Person type for people, and the
    Organization type for organizations. Don't use the Thing type". A plain-string author, an
    untyped author, or any type outside Person/Organization (and their schema.org subclasses) is
    an error. An author without a name is a warning (author.name is recommended).
``author-name`` (error, one warning)
    "Only specify the author's name in the author.name property ... don't add: the name of the
    publisher; the author's job title; honorific prefix or suffix; introductory words (for
    example ... "posted by")". We detect: introductory words ("By ", "Posted by", "Written by",
    ...), honorifics (Dr, Mrs, Prof ...; PhD, MD ...), job-title words (editor, reporter,
    correspondent ...), the publisher's name inside a Person's name, and URLs/e-mail addresses
    (not listed, but covered by "Don't add any other piece of information"). Job titles and
    honorifics are only looked for in Person (or untyped) authors, since organisation names
    legitimately contain such words. Google presents these, like ``author-type``, as best
    practices rather than Rich Results Test errors; they are errors here because such a value
    makes the author entity wrong, which no consumer can repair.
    "Specifying multiple authors": "Don't merge multiple authors in the same author field" —
    a name with " and ", "&" or ";", or a comma between two names of two words or more ("Jane
    Doe, John Roe"; "Doe, Jane" is one person) is a **warning** (heuristic: some single names
    contain them).
``author-url`` (error)
    "Use valid URLs for the url or sameAs properties": present but not an absolute http(s) URL.
``dates`` (error / warning)
    dateModified/datePublished are "in ISO 8601 format": a value that is not ISO 8601 (extended
    or basic format, ``T`` separator) is an error; a reduced-precision date ("2024-11") is a
    warning. "We recommend that you provide timezone
    information; otherwise, we will default to the timezone used by Googlebot": a date-time
    without a UTC offset, or a date without a time (which has no offset either), is a warning.
    datePublished later than dateModified is an error: by Google's definitions dateModified is
    "the date and time the article was most recently modified" after being "first published";
    this is our reading, Google does not state it as a rule. A mixed comparison (only one side
    has an offset) takes the naive side as UTC; a date-only side compares by day.
``image`` (error / warning)
    "Image URLs must be crawlable and indexable": anything but an absolute http(s) URL with a host
    (relative paths, ``data:``, ``ftp:``...) is an error. An ImageObject with neither ``url`` nor
    ``contentUrl`` gives Google no image at all: a warning, like a missing image. "Images must be
    in a file format that's supported by Google Images": a URL whose extension is clearly not an
    image format Google Images supports (.tif, .pdf, .html ...) is a warning.
``image-size`` (warning / info)
    "For best results, we recommend providing multiple high-resolution images (minimum of 50K
    pixels when multiplying width and height) with the following aspect ratios: 16x9, 4x3, and
    1x1." Where an ImageObject gives both width and height (1200, "1200", "1200 px", a
    QuantitativeValue), fewer than 50,000 pixels is a warning; when sizes are known, each of the
    three ratios no image has (2 % tolerance) is named in one ``info``.
``paywall`` (error / warning)
    "Subscription and paywalled content": ``isAccessibleForFree`` false and a ``hasPart``
    WebPageElement whose ``cssSelector`` names the hidden section; Google: "Only use class
    selectors for the cssSelector property". A selector that is not (a list of) class
    selectors is an error; a paywalled part without a selector, or a paywalled article with no
    ``hasPart``, is a warning. "False" as text is accepted, as Google's own examples write it.
``headline`` (warning)
    Current text: "Consider using a concise title, as long titles may be truncated". Google's
    older guidance capped headlines at 110 characters; longer is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from jsonld_news.validate.issues import issue_at
from jsonld_news.validate.report import Issue
from jsonld_news.validate.vocabulary import node_types, vocabulary

VALIDATOR = "google"
HEADLINE_LIMIT = 110
MIN_IMAGE_PIXELS = 50_000
ASPECT_RATIOS = {"16x9": 16 / 9, "4x3": 4 / 3, "1x1": 1.0}
ASPECT_TOLERANCE = 0.02  # 1200x675 is 16x9; a crop a few pixels off still is
RECOMMENDED = ("author", "datePublished", "dateModified", "headline", "image")

Path = tuple[str | int, ...]
Rule = Callable[[Mapping[str, Any], Path], Iterator[Issue]]

_INTRO = re.compile(
    r"^\s*(by|posted by|written by|words by|reporting by|story by|text by|authored by)\b[\s:]",
    re.IGNORECASE,
)
_HONORIFIC_PREFIX = re.compile(
    r"^\s*(dr|mr|mrs|ms|mx|miss|prof|professor|rev|hon|sir|dame)\b\.?\s", re.IGNORECASE
)
_HONORIFIC_SUFFIX = re.compile(
    r"[\s,]+(ph\.?\s?d|m\.?d|esq|mba|dds|llm|obe|mbe|cbe|kbe|frs)\.?\s*$", re.IGNORECASE
)
_JOB_TITLE = re.compile(
    r"\b(editor|editor-in-chief|reporter|correspondent|columnist|journalist|staff writer|"
    r"writer|contributor|producer|photographer|photojournalist|analyst|anchor|bureau chief|"
    r"chief|intern|freelancer?|commentator|critic)s?\b",
    re.IGNORECASE,
)
_URL = re.compile(r"(https?://|www\.)\S+|\S+\.(jpe?g|png|gif|webp|svg|avif|bmp)\b", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_MERGED = re.compile(r"\s(and|&)\s|;", re.IGNORECASE)
_NOT_IMAGE_EXTENSIONS = frozenset(
    {"tif", "tiff", "pdf", "html", "htm", "psd", "heic", "raw", "eps", "ai", "doc", "docx"}
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{8}$")
_ISO_DATETIME = re.compile(  # extended (2024-11-15T17:05:00+03:00) or basic (20241115T170500Z)
    r"^(\d{4}-\d{2}-\d{2}T\d{2}(:\d{2}(:\d{2}([.,]\d+)?)?)?"
    r"|\d{8}T\d{2}(\d{2}(\d{2}([.,]\d+)?)?)?)"
    r"(?P<tz>Z|[+-]\d{2}(:?\d{2})?)?$"
)
_ISO_REDUCED = re.compile(r"^\d{4}(-\d{2})?$")
_PIXELS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:px|pixels?|E37)?\s*$", re.IGNORECASE)
# .paywall, .a.b, .premium-content_1 (CSS identifiers: letters, digits, -, _, escapes left out)
_CLASS_SELECTOR = re.compile(r"^(\.-?[A-Za-z_][\w-]*)+$")
# "Jane Doe, John Smith": a comma between two names of two words or more is two people;
# "Doe, Jane" (sort order) is one
_COMMA_PEOPLE = re.compile(r"^\s*\S+\s+\S+[^,]*,\s*\S+\s+\S+")


def _issue(path: Path, message: str, value: Any = None, severity: str = "error") -> Issue:
    return issue_at(VALIDATOR, path, message, value, severity)


def _items(value: Any, path: Path) -> Iterator[tuple[Any, Path]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield item, (*path, index)
    elif value is not None:
        yield value, path


def _present(value: Any) -> bool:
    if value is None or value == "" or value == []:
        return False
    return not (isinstance(value, str) and not value.strip())


def _is_article(node: Mapping[str, Any]) -> bool:
    vocab = vocabulary()
    return any(vocab.is_a(t, "Article") for t in node_types(node))


# --- rules ------------------------------------------------------------------------------------


def recommended(article: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    for name in RECOMMENDED:
        if not _present(article.get(name)):
            yield _issue(
                (*path, name), f"recommended property {name} is missing", severity="warning"
            )


def publisher(article: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    value = article.get("publisher")
    if not _present(value):
        yield _issue((*path, "publisher"), "publisher is missing", severity="warning")
        return
    for item, where in _items(value, (*path, "publisher")):
        if isinstance(item, Mapping) and not _present(item.get("name")) and set(item) != {"@id"}:
            yield _issue((*where, "name"), "publisher has no name", severity="warning")


def _author_kind(author: Any) -> str | None:
    """ "Person", "Organization", or None if the author is neither."""
    if not isinstance(author, Mapping):
        return None
    vocab = vocabulary()
    for type_name in node_types(author):
        if vocab.is_a(type_name, "Person"):
            return "Person"
        if vocab.is_a(type_name, "Organization"):
            return "Organization"
    return None


def author_type(article: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    for author, where in _items(article.get("author"), (*path, "author")):
        if isinstance(author, str):
            yield _issue(where, "author must be a Person or Organization object, not text", author)
        elif not isinstance(author, Mapping):
            yield _issue(where, "author must be a Person or Organization object", author)
        elif set(author) <= {"@id", "id"}:
            continue  # a reference to a node described elsewhere in the graph
        elif _author_kind(author) is None:
            types = node_types(author)
            shown = types or None
            message = "author has no @type" if not types else "author is not a Person/Organization"
            yield _issue((*where, "@type"), message + " (use Person or Organization)", shown)
        elif not _present(author.get("name")):
            yield _issue((*where, "name"), "author has no name", severity="warning")


def _publisher_names(article: Mapping[str, Any]) -> list[str]:
    names = []
    for item, _ in _items(article.get("publisher"), ()):
        name = item.get("name") if isinstance(item, Mapping) else None
        if isinstance(name, str) and len(name.strip()) >= 3:
            names.append(name.strip().casefold())
    return names


def name_problem(name: str, kind: str | None, publishers: list[str]) -> tuple[str, str] | None:
    """(severity, reason) if ``name`` holds more than an author's name, else None."""
    if _URL.search(name):
        return "error", "author.name contains a URL (an image or profile URL is not a name)"
    if _EMAIL.search(name):
        return "error", "author.name contains an e-mail address"
    if _INTRO.match(name):
        return "error", 'author.name starts with introductory words such as "By"'
    if kind != "Organization":
        if _HONORIFIC_PREFIX.match(name) or _HONORIFIC_SUFFIX.search(name):
            return "error", "author.name contains an honorific (use honorificPrefix/Suffix)"
        if _JOB_TITLE.search(name):
            return "error", "author.name contains a job title (use jobTitle)"
        folded = name.casefold()
        if any(publisher in folded for publisher in publishers):
            return "error", "author.name contains the publisher's name (use publisher)"
        if _MERGED.search(name) or _COMMA_PEOPLE.match(name):
            return "warning", "author.name looks like several authors; list each separately"
    return None


def author_name(article: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    publishers = _publisher_names(article)
    for author, where in _items(article.get("author"), (*path, "author")):
        if not isinstance(author, Mapping):
            continue
        kind = _author_kind(author)
        for name, name_path in _items(author.get("name"), (*where, "name")):
            if not isinstance(name, str):
                yield _issue(name_path, "author.name must be text", name)
                continue
            problem = name_problem(name, kind, publishers)
            if problem:
                yield _issue(name_path, problem[1], name, problem[0])


def _crawlable(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in url.strip()


def author_url(article: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    for author, where in _items(article.get("author"), (*path, "author")):
        if not isinstance(author, Mapping):
            continue
        if (
            _author_kind(author) is not None
            and _present(author.get("name"))
            and not _present(author.get("url"))
            and not _present(author.get("sameAs"))
        ):
            yield _issue(
                (*where, "url"),
                "author.url is recommended (a page that identifies the author)",
                severity="info",
            )
        for key in ("url", "sameAs"):
            for url, url_path in _items(author.get(key), (*where, key)):
                if not isinstance(url, str) or not _crawlable(url):
                    yield _issue(url_path, f"author.{key} is not a valid absolute http(s) URL", url)


class _Instant(NamedTuple):
    value: datetime | date
    has_time: bool
    has_zone: bool


def parse_date(text: str) -> _Instant | None:
    """An ISO 8601 calendar date or date-time, or None if it is not one."""
    text = text.strip()
    try:
        if _ISO_DATE.match(text):
            return _Instant(date.fromisoformat(text), False, False)
        match = _ISO_DATETIME.match(text)
        if match:
            moment = datetime.fromisoformat(text.replace(",", "."))
            return _Instant(moment, True, match.group("tz") is not None)
    except ValueError:
        return None  # shaped right but impossible, e.g. month 13
    return None


def dates(article: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    parsed: dict[str, _Instant] = {}
    for key in ("datePublished", "dateModified"):
        value = article.get(key)
        if not _present(value):
            continue
        where = (*path, key)
        if not isinstance(value, str):
            yield _issue(where, f"{key} must be one ISO 8601 date-time string", value)
            continue
        instant = parse_date(value)
        if instant is None:
            if _ISO_REDUCED.match(value.strip()):
                yield _issue(
                    where, f"{key} is a partial date; use a full date-time", value, "warning"
                )
            else:
                yield _issue(where, f"{key} is not an ISO 8601 date", value)
            continue
        parsed[key] = instant
        if not instant.has_time:
            yield _issue(
                where, f"{key} has no time or time zone (Google recommends both)", value, "warning"
            )
        elif not instant.has_zone:
            yield _issue(where, f"{key} has no time zone (Google recommends one)", value, "warning")
    published, modified = parsed.get("datePublished"), parsed.get("dateModified")
    if published and modified and _after(published, modified):
        yield _issue(
            (*path, "datePublished"),
            "datePublished is later than dateModified",
            article.get("datePublished"),
        )


def _after(first: _Instant, second: _Instant) -> bool:
    if not first.has_time or not second.has_time:
        return _day(first) > _day(second)
    a, b = first.value, second.value
    assert isinstance(a, datetime) and isinstance(b, datetime)
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=a.tzinfo or UTC), b.replace(tzinfo=b.tzinfo or UTC)
    return a > b


def _day(instant: _Instant) -> date:
    value = instant.value
    return value.date() if isinstance(value, datetime) else value


def image(article: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    for item, where in _items(article.get("image"), (*path, "image")):
        if isinstance(item, str):
            yield from _image_url(item, where)
        elif isinstance(item, Mapping):
            urls = [
                (url, url_path)
                for key in ("url", "contentUrl")
                for url, url_path in _items(item.get(key), (*where, key))
            ]
            if not urls:
                yield _issue(
                    where,
                    "ImageObject has no url or contentUrl, so Google gets no image",
                    severity="warning",
                )
            for url, url_path in urls:
                yield from _image_url(url, url_path)
        else:
            yield _issue(where, "image must be a URL or an ImageObject", item)


def _image_url(url: Any, path: Path) -> Iterator[Issue]:
    if not isinstance(url, str) or not _crawlable(url):
        yield _issue(path, "image URL is not a crawlable absolute http(s) URL", url)
        return
    extension = urlsplit(url).path.rpartition("/")[2].rpartition(".")[2].lower()
    if extension in _NOT_IMAGE_EXTENSIONS:
        yield _issue(
            path, f"image format .{extension} is not supported by Google Images", url, "warning"
        )


def headline(article: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    value = article.get("headline")
    if isinstance(value, str) and len(value.strip()) > HEADLINE_LIMIT:
        yield _issue(
            (*path, "headline"),
            f"headline is {len(value.strip())} characters; keep it under {HEADLINE_LIMIT}",
            value,
            "warning",
        )
    elif value is not None and not isinstance(value, str):
        yield _issue((*path, "headline"), "headline must be text", value)


def _pixels(value: Any) -> float | None:
    """A width or height in pixels: 1200, "1200", "1200 px", {"value": 1200, "unitCode": "E37"}."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, Mapping):
        value = value.get("value", value.get("@value"))
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if value > 0 else None
    if isinstance(value, str):
        match = _PIXELS.match(value)
        if match:
            number = float(match.group(1))
            return number if number > 0 else None
    return None


def _ratio_name(width: float, height: float) -> str | None:
    ratio = width / height
    for name, wanted in ASPECT_RATIOS.items():
        if abs(ratio - wanted) <= wanted * ASPECT_TOLERANCE:
            return name
    return None


def image_size(article: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    """Google: "multiple high-resolution images (minimum of 50K pixels when multiplying width
    and height) with the following aspect ratios: 16x9, 4x3, and 1x1". Only judged where the
    markup gives both sizes; a URL alone says nothing about them."""
    ratios: set[str] = set()
    sized = 0
    for item, where in _items(article.get("image"), (*path, "image")):
        if not isinstance(item, Mapping):
            continue
        width, height = _pixels(item.get("width")), _pixels(item.get("height"))
        if width is None or height is None:
            continue
        sized += 1
        if width * height < MIN_IMAGE_PIXELS:
            yield _issue(
                where,
                f"image is {width:g}x{height:g} = {width * height:,.0f} pixels; Google "
                f"recommends at least {MIN_IMAGE_PIXELS:,}",
                item.get("url", item.get("contentUrl")),
                "warning",
            )
        name = _ratio_name(width, height)
        if name:
            ratios.add(name)
    missing = [name for name in ASPECT_RATIOS if name not in ratios]
    if sized and missing:
        yield _issue(
            (*path, "image"),
            f"no image in the {', '.join(missing)} aspect ratio(s); Google recommends "
            "16x9, 4x3 and 1x1 variants",
            sorted(ratios) or None,
            "info",
        )


def _class_selector(selector: str) -> bool:
    parts = [part.strip() for part in selector.split(",")]
    return all(_CLASS_SELECTOR.match(part) for part in parts)


def _is_false(value: Any) -> bool:
    return value is False or (isinstance(value, str) and value.strip().lower() == "false")


def paywall(article: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    """Google's paywalled-content markup: ``isAccessibleForFree: false`` and a ``hasPart``
    WebPageElement per hidden section whose ``cssSelector`` names it. Google: "Only use
    class selectors ... for the cssSelector property" (an id, tag or attribute selector is
    ignored, and the hidden text can then read as cloaking)."""
    parts = list(_items(article.get("hasPart"), (*path, "hasPart")))
    for part, where in parts:
        if not isinstance(part, Mapping):
            continue
        for selector, selector_path in _items(part.get("cssSelector"), (*where, "cssSelector")):
            if not isinstance(selector, str) or not _class_selector(selector):
                yield _issue(
                    selector_path,
                    "paywall cssSelector must be a class selector such as .paywall",
                    selector,
                )
        if _is_false(part.get("isAccessibleForFree")) and not _present(part.get("cssSelector")):
            yield _issue(
                (*where, "cssSelector"),
                "a paywalled part (isAccessibleForFree false) needs a cssSelector",
                severity="warning",
            )
    if _is_false(article.get("isAccessibleForFree")) and not parts:
        yield _issue(
            (*path, "hasPart"),
            "isAccessibleForFree is false but no hasPart names the paywalled section "
            "with a cssSelector",
            severity="warning",
        )


RULES: dict[str, Rule] = {
    "recommended": recommended,
    "publisher": publisher,
    "author-type": author_type,
    "author-name": author_name,
    "author-url": author_url,
    "dates": dates,
    "image": image,
    "image-size": image_size,
    "headline": headline,
    "paywall": paywall,
}


def article_issues(article: Mapping[str, Any], path: Path = ()) -> Iterator[Issue]:
    """Every rule on one Article-family node at ``path``, each issue naming its rule."""
    for name, rule in RULES.items():
        for found in rule(article, path):
            yield replace(found, rule=name)


def google_issues(doc: Mapping[str, Any]) -> Iterator[Issue]:
    """Every problem Google's Article profile would see in one compact JSON-LD document."""
    articles: list[tuple[Mapping[str, Any], Path]] = []
    if _is_article(doc):
        articles.append((doc, ()))
    for node, where in _items(doc.get("@graph"), ("@graph",)):
        if isinstance(node, Mapping) and _is_article(node):
            articles.append((node, where))
    if not articles:
        yield issue_at(
            VALIDATOR,
            ("@type",),
            "not an Article: Google's Article features need Article, NewsArticle or BlogPosting",
            node_types(doc) or None,
            rule="article-type",
        )
        return
    for article, path in articles:
        yield from article_issues(article, path)
