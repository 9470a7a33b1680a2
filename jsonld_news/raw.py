"""The loose record every reader produces: strings as found, nothing validated yet.

Readers only transcribe what their source says. ``model.build`` turns a ``RawArticle`` into a
validated ``Article`` and reports every problem at once.

``body`` is "markdown-lite": paragraphs separated by blank lines, inline links as ``[text](url)``.
Readers of formats that carry links (HTML, markdown) keep them in that syntax so the citation
enricher sees them; the plain ``articleBody`` is derived from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class RawLink:
    text: str
    url: str


@dataclass(slots=True)
class RawImage:
    url: str | None = None
    caption: str | None = None
    credit: str | None = None
    width: int | None = None
    height: int | None = None


@dataclass(slots=True)
class RawEntity:
    """An entity the source lists itself (JSON ``mentions``, front matter, ninjs ``people``...)."""

    name: str
    type: str | None = None  # a schema.org class name, e.g. "Person", "City"; None = unknown
    same_as: list[str] = field(default_factory=list)
    role: str = "mentions"  # "about" or "mentions"
    url: str | None = None


@dataclass(slots=True)
class RawOrganization:
    name: str | None = None
    url: str | None = None
    logo: str | None = None
    type: str | None = None
    same_as: list[str] = field(default_factory=list)
    # NewsMediaOrganization policy links (schema.org property -> URL), as the source gives them
    policies: dict[str, str] = field(default_factory=dict)


# --- news-SEO parts (issue 7): paywall, live blog, speakable, corrections, breadcrumbs ---------


@dataclass(slots=True)
class RawLiveUpdate:
    """One entry of a live blog, as the source gives it."""

    headline: str | None = None
    body: str | None = None
    date_published: str | None = None
    url: str | None = None


@dataclass(slots=True)
class RawCorrection:
    text: str
    date: str | None = None


@dataclass(slots=True)
class RawArticle:
    source: str  # file name or "<stdin>", quoted in every error
    format: str  # the reader that produced it: "text", "markdown", "json", "newsplease", ...
    title: str | None = None
    alternative_headline: str | None = None
    description: str | None = None
    body: str | None = None
    url: str | None = None
    date_published: str | None = None
    date_modified: str | None = None
    date_created: str | None = None
    byline: str | None = None  # one byline string, to be split into authors
    authors: list[str] = field(default_factory=list)  # names already separated by the source
    author_organizations: list[str] = field(default_factory=list)
    publisher: RawOrganization | None = None
    site_name: str | None = None
    images: list[RawImage] = field(default_factory=list)
    photo_credit: str | None = None  # a credit line for the lead image, e.g. "TOBIAS SCHWARZ / AFP"
    language: str | None = None
    section: str | None = None
    keywords: list[str] = field(default_factory=list)
    related: list[RawLink] = field(default_factory=list)
    entities: list[RawEntity] = field(default_factory=list)
    dateline: str | None = None  # an explicit dateline; otherwise one is looked for in the body
    copyright_holder: str | None = None
    copyright_notice: str | None = None
    is_based_on: str | None = None
    identifiers: list[str] = field(default_factory=list)  # ids that are no URL: URNs, wire ids
    genres: list[str] = field(default_factory=list)  # "Interview", "Analysis", "Obituary"...
    article_types: list[str] = field(default_factory=list)  # the source's own @type(s)
    notes: list[str] = field(default_factory=list)  # best-effort warnings from the reader
    # news-SEO parts, transcribed (``build`` checks them); each stays empty when the source is silent
    accessible_for_free: str | None = None  # "true"/"false"/"False"/"https://schema.org/False"
    paywall_selectors: list[str] = field(default_factory=list)  # hasPart cssSelector, not free
    live: bool = False  # the source says it is a live blog (LiveBlogPosting, liveBlogUpdate)
    live_updates: list[RawLiveUpdate] = field(default_factory=list)
    coverage_start: str | None = None
    coverage_end: str | None = None
    speakable_css: list[str] = field(default_factory=list)
    speakable_xpath: list[str] = field(default_factory=list)  # xpath or Google's xPath
    corrections: list[RawCorrection] = field(default_factory=list)
    breadcrumbs: list[RawLink] = field(default_factory=list)  # name, URL ("" = none), in order
    author_urls: dict[str, str] = field(default_factory=dict)  # an author's name -> profile URL
