"""Citations: each link in the body is a cited work, attributed to whoever the sentence says made it.

"TASS ... reported" -> a work by TASS; "a German government spokesperson said in a written
statement" -> a statement by that spokesperson. A placeholder link (``#``, empty, ``javascript:``)
keeps its citation but never gets a URL. ``Related article:`` lines are related content, not
citations; one without a target keeps its title and an article-scoped identifier, no URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jsonld_news.agencies import find_agency
from jsonld_news.enrich.people import is_place, organization_entity, person_entity
from jsonld_news.identity import fragment_iri, normalize_url
from jsonld_news.model import Article, Citation, Entity, Link, Mention, RelatedLink
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle

_REPORTING_VERBS = (
    "said|says|say|told|tells|reported|reports|report|wrote|writes|announced|announces|stated|"
    "states|confirmed|confirms|claimed|claims|added|adds|noted|notes|described|describing|"
    "tweeted|posted|published|warned|warns|argued|argues|explained|insisted|denied|"
    "acknowledged|according|cited|citing|quoted|revealed|disclosed|estimated|found|showed|shows"
)
_VERB = re.compile(rf"\b(?:{_REPORTING_VERBS})\b", re.I)
_ACCORDING_TO = re.compile(r"\baccording to\s+(?P<who>[^,.;:]{2,80})", re.I)
_SENTENCE_END = re.compile(r"(?P<stop>[.!?…][\"”’)]*)\s+(?=[\"“‘(]?[A-Z0-9À-Ý])|\n\n")
_APPOSITIVE = re.compile(r",\s*(?:citing|quoting|according to|who|which|in)\b[^,]*,", re.I)
_AFTER_QUOTE = re.compile(r".*[”\"]\s*,?\s*")
_LEADING = re.compile(r"^(?:and|but|while|as|meanwhile|also|however|later|earlier)\b[\s,]*", re.I)
_TRAILING_TIME = re.compile(
    r"\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
    r"earlier|later|also|then|last\s+\w+|in\s+a\s+[\w\s]+)$",
    re.I,
)
_CAPITALISED = re.compile(r"[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*)*")
_ANONYMOUS_PERSON = re.compile(
    r"\b(?:spokes(?:person|man|woman)|official|minister|source|diplomat|aide|adviser|advisor|"
    r"analyst|expert|lawyer|witness|resident|officer|researcher|scientist|economist)s?$",
    re.I,
)
_ANONYMOUS_ORG = re.compile(
    r"\b(?:ministry|office|government|agency|department|police|army|military|committee|council|"
    r"company|court|embassy|commission|service|newspaper|outlet|media|broadcaster|authority|"
    r"authorities|administration|regulator|union|party|group|institute|university)$",
    re.I,
)


# Every sentence end begins with one of these. The pattern's leading group hides them from re's
# own first-character scan, so it would try every position of the body; these are its only hits.
_END_START = re.compile("[.!?…\n]")


def sentence_ends(body: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
    """The matches of ``_SENTENCE_END.finditer(body, pos, endpos)``, tried only where one can
    begin (its matches are never empty, so the next is searched from where one ends)."""
    find, match = _END_START.search, _SENTENCE_END.match
    while (candidate := find(body, pos, endpos)) is not None:
        found = match(body, candidate.start(), endpos)
        if found is None:
            pos = candidate.start() + 1
        else:
            yield found
            pos = found.end()


def sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence that holds ``body[start:end]``."""
    left = 0
    for match in sentence_ends(body, max(0, start - 600), start):
        left = match.end()
    right_match = next(sentence_ends(body, end, len(body)), None)
    if right_match is None:
        right = len(body)
    else:
        right = right_match.end("stop") if right_match.group("stop") else right_match.start()
    return left, right


class CitationEnricher:
    name = "citations"

    def __call__(self, article: Article, raw: RawArticle, options: Options) -> None:
        by_url: dict[str, Citation] = {}
        sources: dict[str, Entity] = {}
        for number, link in enumerate(article.links, start=1):
            if link.url is not None and link.url in by_url:
                continue
            if (
                link.url is not None
                and article.url
                and link.url.split("#")[0] == article.url.split("#")[0]
            ):
                continue  # a link to the article itself cites nothing
            left, right = sentence_around(article.body, link.start, link.end)
            sentence = article.body[left:right].strip()
            author = attribute(article, link, left, right, options.base_iri, sources)
            citation = Citation(
                iri=link.url or fragment_iri(article.iri, f"citation-{number}"),
                url=link.url,
                anchor_text=link.text,
                context=sentence,
                author=author,
                name=None if _VERB.fullmatch(link.text.strip()) else link.text.strip() or None,
            )
            article.citations.append(citation)
            if link.url is not None:
                by_url[link.url] = citation
        for number, related in enumerate(raw.related, start=1):
            if not related.text.strip():
                continue  # a related link is known by its title; without one it says nothing
            url = normalize_url(related.url)
            article.related.append(
                RelatedLink(
                    iri=url or fragment_iri(article.iri, f"related-{number}"),
                    url=url,
                    title=related.text,
                )
            )


def attribute(
    article: Article, link: Link, left: int, right: int, base: str, sources: dict[str, Entity]
) -> Entity | None:
    """Who the sentence says made the linked work, or ``None`` if it does not say."""
    body = article.body
    according = _ACCORDING_TO.search(body, left, right)
    if according:
        return _resolve(article, according.start("who"), according.end("who"), base, sources)
    verb_start = _verb_position(body, link, left, right)
    if verb_start is None:
        return None
    subject_text = body[left:verb_start]
    subject_text = _APPOSITIVE.sub(",", subject_text)
    offset_text = _AFTER_QUOTE.match(subject_text)
    if offset_text:
        subject_text = subject_text[offset_text.end() :]
    subject_text = subject_text.strip(" ,").rsplit(",", 1)[-1]  # the clause next to the verb
    subject_text = _TRAILING_TIME.sub("", _LEADING.sub("", subject_text.strip(" ,")))
    if not subject_text or len(subject_text.split()) > 12:
        return None
    span_end = body.rfind(subject_text, left, verb_start + 1)
    span_start = span_end if span_end >= 0 else left
    return _resolve_phrase(article, subject_text, span_start, base, sources)


def _verb_position(body: str, link: Link, left: int, right: int) -> int | None:
    anchor = link.text.strip()
    if _VERB.match(anchor) and not _VERB.fullmatch(anchor):
        return link.start  # "[said in a statement](...)"
    if _VERB.fullmatch(anchor):
        if anchor.endswith(
            "ing"
        ):  # "..., describing it as": the finite verb before names the subject
            finite = [
                m for m in _VERB.finditer(body, left, link.start) if not m.group(0).endswith("ing")
            ]
            if finite:
                return finite[-1].start()
        return link.start
    before = list(_VERB.finditer(body, left, link.start))
    if before:
        return before[-1].start()
    after = _VERB.search(body, link.end, right)
    return after.start() if after else None


def _resolve(
    article: Article, start: int, end: int, base: str, sources: dict[str, Entity]
) -> Entity | None:
    return _resolve_phrase(article, article.body[start:end].strip(), start, base, sources)


def _resolve_phrase(
    article: Article, phrase: str, start: int, base: str, sources: dict[str, Entity]
) -> Entity | None:
    end = start + len(phrase)
    inside: list[Mention] = [
        m for m in article.occurrences if not m.in_headline and m.start >= start and m.end <= end
    ]
    tail = phrase.rstrip(" ,.;:'’s")
    heads = [m for m in inside if m.end >= start + len(tail)]
    if heads:
        head = heads[-1].entity  # the head of "Russia's state-run news agency TASS" is TASS
        return None if head.kind == "place" else head  # a city writes no report
    words = phrase.split()
    agency = find_agency(phrase) or (find_agency(words[-1]) if words else None)
    if agency is not None:
        return organization_entity(agency.name, base)
    bare = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I).strip()
    if _ANONYMOUS_PERSON.search(bare) or _ANONYMOUS_ORG.search(bare):
        # An unnamed source is not a global entity: its IRI is scoped to this article.
        existing = sources.get(bare.casefold())
        if existing is None:
            type_ = "Person" if _ANONYMOUS_PERSON.search(bare) else "Organization"
            existing = Entity(type_, bare, fragment_iri(article.iri, f"source-{len(sources) + 1}"))
            sources[bare.casefold()] = existing
        return existing
    capitalised = _CAPITALISED.fullmatch(bare)
    if capitalised is None:
        return None
    if phrase[:4].casefold() == "the ":
        return organization_entity(bare, base)  # "the Kremlin", "the Pentagon"
    full = _full_name(article.body, bare)
    if is_place(full):
        return None  # "San Francisco said": a place is no author (the KB knows it as one)
    if " " not in full:
        return None  # one capitalised word ("Supporters", "Scholz" never named in full): unknown
    if len(full.split()) <= 4:
        return person_entity(full, base)
    return None


def _full_name(body: str, surname: str) -> str:
    """ "Scholz" -> "Olaf Scholz" when the body names him in full somewhere."""
    if " " in surname:
        return surname
    first = _first_name_before(body, surname)
    return f"{first} {surname}" if first else surname


_FIRST_NAME = r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?"
_FIRST_NAME_AT_END = re.compile(rf"\b({_FIRST_NAME})\s+\Z")  # \Z: at the search's endpos
_BOUNDARY = re.compile(r"\b")


def first_name_before_regex(body: str, surname: str) -> str | None:
    """The first name before the body's first ``surname``, as one regex built for it reads it."""
    match = re.search(rf"\b({_FIRST_NAME})\s+{re.escape(surname)}\b", body)
    return match.group(1) if match else None


def _first_name_before(body: str, surname: str) -> str | None:
    """``first_name_before_regex`` without compiling a regex per surname (0.1 ms each, and
    most surnames are new) or trying it at every position of the body.

    Each occurrence of the surname, in order, is checked with fixed patterns: a word boundary
    after it, whitespace before it, and a first name ending at that whitespace, found from the
    start of the token before it (a first name holds no space). The first occurrence that passes
    has the leftmost match: a later one's first name starts after this one's whitespace.
    """
    if not surname or surname[0].isspace():
        return first_name_before_regex(body, surname)  # the argument above needs a word
    size = len(surname)
    at = body.find(surname)
    while at >= 0:
        gap = at
        while gap and body[gap - 1].isspace():
            gap -= 1
        if gap < at and _BOUNDARY.match(body, at + size):
            token = gap
            while token and not body[token - 1].isspace():
                token -= 1
            found = _FIRST_NAME_AT_END.search(body, token, at)
            if found is not None:
                return found.group(1)
        at = body.find(surname, at + 1)
    return None
