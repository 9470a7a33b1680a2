"""The validated ``Article`` and the things it refers to.

Every node that stands for something in the world (person, place, organisation, image, cited
work) carries an IRI from ``identity``: none of them becomes a blank node.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jsonld_news.identity import kind_of


@dataclass(slots=True)
class Entity:
    """A person, place or organisation. ``type`` is the most specific schema.org class known."""

    type: str
    name: str
    iri: str
    same_as: list[str] = field(default_factory=list)
    url: str | None = None
    description: str | None = None
    job_title: str | None = None
    affiliation: Entity | None = None
    logo: str | None = None
    alternate_names: list[str] = field(default_factory=list)
    # a news outlet's policy pages: schema.org property (publishingPrinciples...) -> URL
    policies: dict[str, str] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return kind_of(self.type)


@dataclass(slots=True)
class Link:
    """An inline link of the body: anchor text, target (``None`` for placeholders), offsets in ``body``."""

    text: str
    url: str | None
    start: int
    end: int
    raw_url: str = ""


@dataclass(slots=True)
class Image:
    iri: str
    url: str | None = None
    caption: str | None = None
    credit_text: str | None = None
    creators: list[Entity] = field(default_factory=list)
    source_organization: Entity | None = None
    width: int | None = None
    height: int | None = None


@dataclass(slots=True)
class Citation:
    """A work the article cites: a linked report, a statement someone made."""

    iri: str
    url: str | None
    anchor_text: str
    context: str  # the sentence that cites it, as plain text
    author: Entity | None = None
    name: str | None = None


@dataclass(slots=True)
class RelatedLink:
    iri: str
    url: str | None
    title: str


@dataclass(slots=True)
class Dateline:
    text: str
    place: Entity | None = None
    agency: Entity | None = None


@dataclass(slots=True)
class Mention:
    """One occurrence of an entity in the headline (``in_headline``) or the body, with offsets."""

    entity: Entity
    start: int
    end: int
    surface: str
    in_headline: bool = False


@dataclass(slots=True)
class LiveUpdate:
    """One entry of a live blog (``liveBlogUpdate``): a ``BlogPosting`` of its own."""

    iri: str
    headline: str | None = None
    body: str | None = None
    date_published: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Correction:
    """A correction the article carries (``CorrectionComment``), with the date it was made."""

    iri: str
    text: str
    date: str | None = None


@dataclass(slots=True)
class Crumb:
    """One step of the page's breadcrumb trail (``BreadcrumbList``), in order."""

    name: str
    url: str | None = None


@dataclass(slots=True)
class Article:
    source: str
    source_format: str
    iri: str
    headline: str
    body: str  # plain text: paragraphs separated by blank lines, no link syntax
    url: str | None = None
    alternative_headline: str | None = None
    description: str | None = None
    links: list[Link] = field(default_factory=list)
    date_published: str | None = None
    date_modified: str | None = None
    date_created: str | None = None
    language: str | None = None
    authors: list[Entity] = field(default_factory=list)
    contributors: list[Entity] = field(default_factory=list)  # a wire trailer's people
    # the (role, name) pairs of the wire trailer build took out of the body, for the enrichers
    wire_credits: list[tuple[str, str]] = field(default_factory=list)
    publisher: Entity | None = None
    images: list[Image] = field(default_factory=list)
    dateline: Dateline | None = None
    citations: list[Citation] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)
    about: list[Entity] = field(default_factory=list)
    mentions: list[Entity] = field(default_factory=list)
    occurrences: list[Mention] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    section: str | None = None
    copyright_holder: Entity | None = None
    copyright_notice: str | None = None
    is_based_on: str | None = None
    identifiers: list[str] = field(default_factory=list)
    genres: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # news SEO (issue 7), each only from the input: None/empty where the source is silent
    is_accessible_for_free: bool | None = None
    paywall_selectors: list[str] = field(default_factory=list)  # parts that are not free
    live: bool = False  # a live blog: LiveBlogPosting
    live_updates: list[LiveUpdate] = field(default_factory=list)
    coverage_start: str | None = None
    coverage_end: str | None = None
    speakable_css: list[str] = field(default_factory=list)
    speakable_xpath: list[str] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    breadcrumbs: list[Crumb] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return count_words(self.body)


def count_words(text: str, stop: int | None = None, chunk: int = 1 << 16) -> int:
    """``len(text.split())`` without building the list of words (ten times the text for a long
    body): counted a chunk at a time; with ``stop``, counting ends once that many are seen."""
    count = 0
    for start in range(0, len(text), chunk):
        part = text[start : start + chunk]
        count += _words(part)
        if start and not part[0].isspace() and not text[start - 1].isspace():
            count -= 1  # a word cut by the chunk boundary was counted in both chunks
        if stop is not None and count >= stop:
            break
    return count


# Bytes of ASCII text: the whitespace str.split() splits on -> b" ", any other byte -> b"x".
_WORD_BYTES = bytes(32 if chr(i).isspace() else 120 for i in range(128)) + b"x" * 128


def _words(part: str) -> int:
    """``len(part.split())``; for ASCII text (known without a scan) no string per word is made:
    each word is one "x" run, counted where it starts."""
    if not part.isascii():
        return len(part.split())
    marks = part.encode("ascii").translate(_WORD_BYTES)
    return marks.count(b" x") + marks.startswith(b"x")
