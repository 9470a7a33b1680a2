"""Authors, publisher and the lead image's credit: who made the article and its pictures."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from urllib.parse import urlsplit

from jsonld_news.agencies import find_agency, host_labels, outlet_for_url
from jsonld_news.credits import (
    AGENCY_WORDS,
    NOT_A_PHOTOGRAPHER,
    credit_parts,
    is_collective_credit,
    starts_with_credit_label,
)
from jsonld_news.enrich.byline import split_byline, tidy_name
from jsonld_news.identity import entity_iri, fragment_iri, normalize_url, site_root
from jsonld_news.model import Article, Entity, Image
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle, RawOrganization


def organization_entity(name: str, base: str, type_: str = "Organization") -> Entity:
    agency = find_agency(name)
    if agency is not None:
        return Entity(
            "NewsMediaOrganization",
            agency.name,
            entity_iri(base, "Organization", agency.name),
            url=agency.url,
        )
    return Entity(type_, name, entity_iri(base, type_, name))


def person_entity(name: str, base: str) -> Entity:
    return Entity("Person", name, entity_iri(base, "Person", name))


# "Anonymous" across the Latin-script languages (anonymous, anónimo/a, anonyme, anonym, anonimo,
# anônimo, anoniem, anonim) and Cyrillic (аноним, анонимный): the Greek root, not a word list.
_ANONYMOUS = re.compile(r"^(?:an[oóô]n[iyí]e?m\w*|аноним\w*)$", re.I)
# Social networks whose names turn up as bylines ("Facebook Com", "Twitter"): the platforms
# schema.org's own sameAs examples and Google's profile-page guidance name, plus their domains.
_SOCIAL = re.compile(
    r"\b(?:facebook|twitter|instagram|linkedin|youtube|tiktok|pinterest|whatsapp|telegram|"
    r"snapchat|threads|mastodon|reddit)\b|\b(?:com|net|org|www)\b",
    re.I,
)
_DIGIT = re.compile(r"\d")
_ACRONYM = re.compile(r"^[A-Z0-9&.-]{2,}$")  # "CNN", "BBC", "WSVN": an outlet's initials


class AuthorEnricher:
    """Authors from the input's byline or author list: people, and organisations' bylines.

    Dropped, each with a warning: a date or number ("CBS News February"), a social network or a
    host ("Facebook Com"), a placeholder ("Anónimo"), a place (a whole name that is a country,
    state or city of the starter KB: "Medellín"), and the outlet's own name beside a named
    person (the reporter is the author, the outlet is the publisher). The publisher's name
    inside a person's name is cut off ("unocero - Alberto Ávila" -> "Alberto Ávila"), as our
    validator requires.
    """

    name = "authors"

    def __call__(self, article: Article, raw: RawArticle, options: Options) -> None:
        base = options.base_iri
        authors: dict[str, Entity] = {}
        names = [n for n in raw.authors if not _is_credit(n, article)]
        found = []
        for given in names:
            split = split_byline(given)
            if not split and given.strip():
                article.warnings.append(
                    f"author {given!r} dropped: a newsroom's collective credit or placeholder, "
                    "no name in it"
                )
            found.extend(split)
        if not found and raw.byline and not _is_credit(raw.byline, article):
            found = split_byline(raw.byline)
        outlets = _outlet_names(article, raw)
        for author in found:
            name = _without_outlet(author.name, outlets) if not author.is_organization else None
            if name is not None and name != author.name:
                article.warnings.append(
                    f"author {author.name!r}: the outlet's name removed, {name!r} kept"
                )
            name = name or author.name
            why = _not_an_author(name, article.language)
            if why:
                article.warnings.append(f"author {author.name!r} dropped: {why}")
                continue
            publisher = article.publisher
            if publisher is not None and (
                _fold(name) in outlets or _fold(name) == _fold(publisher.name)
            ):
                # the outlet's byline, by any of its names ("Stol It", a text extractor's
                # split of the host stol.it): the publisher itself, one IRI and its own name
                entity = publisher
                if _bare_host(publisher.name) and not _bare_host(name):
                    _name_publisher(article, publisher, _outlet_case(author.name, name), base)
            elif (
                author.is_organization
                or _fold(name) in outlets
                or _holds_publisher(name, publisher)
            ):
                # the outlet's byline ("wien.ORF.at/Agenturen red"): an organisation, not a person
                entity = organization_entity(_outlet_case(author.name, name), base)
            else:
                entity = person_entity(name, base)
                entity.url = _profile_url(raw, author.name, name)
                entity.job_title = author.job_title
                if author.affiliation:
                    entity.affiliation = organization_entity(author.affiliation, base)
            authors.setdefault(entity.iri, entity)
        for org in raw.author_organizations:
            why = _not_an_author(org, article.language)
            if why:
                article.warnings.append(f"author {org!r} dropped: {why}")
                continue
            publisher = article.publisher
            if publisher is not None and _fold(org) == _fold(publisher.name):
                entity = publisher  # the outlet's own byline: the publisher, one IRI
            else:
                entity = organization_entity(org, base)
            authors.setdefault(entity.iri, entity)
        credit = (raw.photo_credit or "").casefold()
        kept = [
            a
            for a in authors.values()
            if not (credit and a.name.casefold() in credit and a.kind == "person")
        ]
        if any(a.kind == "person" for a in kept):
            for a in kept:
                if a.kind != "person" and _fold(a.name) in outlets:
                    article.warnings.append(
                        f"author {a.name!r} dropped: the outlet's own name beside a named person"
                    )
            kept = [a for a in kept if a.kind == "person" or _fold(a.name) not in outlets]
        article.authors = kept
        # a wire trailer's people (reporting, editing...) worked on the story: contributors.
        # schema.org's Role could carry "editing", but our vocabulary check does not accept a
        # Role in place of a Person, so the role words are not kept.
        seen = {a.iri for a in kept}
        for _role, name in article.wire_credits:
            entity = person_entity(name, base)
            if entity.iri not in seen:
                seen.add(entity.iri)
                article.contributors.append(entity)


# a host name written as a name ("ultimahora.com", "www.elcolombiano.com"): no space, a dot,
# a top-level label of letters
_HOST_NAME = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.I)


def _bare_host(name: str) -> bool:
    return bool(_HOST_NAME.match(name.strip()))


def _name_publisher(article: Article, publisher: Entity, name: str, base: str) -> None:
    """The input names its outlet only by its host ("ultimahora.com", a text extractor's site
    name) and its byline by the outlet's own spelling ("Ultima Hora"): that spelling is the
    publisher's name, and its IRI the one the outlet's pages with a proper name get, so one
    outlet has one IRI whichever form its articles come in. The host stays an alternate name."""
    host = publisher.name
    publisher.name = name
    publisher.iri = entity_iri(base, "Organization", name)
    if host not in publisher.alternate_names:
        publisher.alternate_names.append(host)
    article.warnings.append(
        f"publisher {host!r}: named {name!r}, as the byline spells the outlet the host names"
    )


def _is_credit(text: str, article: Article) -> bool:
    """A photo credit given as an author ("Фото: Иван Петров / ТАСС"): the image's, never the
    article's; dropped with a warning."""
    if not starts_with_credit_label(text):
        return False
    article.warnings.append(f"author {text!r} dropped: a photo credit, not an author")
    return True


def _fold(text: str) -> str:
    """Letters and digits only: "El Colombiano", "elcolombiano" and "EL-COLOMBIANO" compare equal."""
    return re.sub(r"[\W_]+", "", text.casefold())


def _outlet_names(article: Article, raw: RawArticle) -> frozenset[str]:
    """The outlet's names, folded: publisher, site name, and the host's first label."""
    netloc = None
    if article.url:
        match = _NETLOC.match(article.url)
        netloc = match.group(1) if match else urlsplit(article.url).netloc
    return _outlet_names_of(
        raw.site_name,
        article.publisher.name if article.publisher else None,
        raw.publisher.name if raw.publisher is not None else None,
        netloc,
    )


# What urlsplit reads as the netloc of a URL with a scheme and "//" (all our URLs): the names
# depend on the host alone, so a batch from one site computes them once.
_NETLOC = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://([^/?#]*)")


@lru_cache(maxsize=1024)
def _outlet_names_of(
    site_name: str | None, publisher: str | None, raw_publisher: str | None, netloc: str | None
) -> frozenset[str]:
    names = {site_name, publisher}
    if raw_publisher is not None:
        names.add(raw_publisher)
    if netloc is not None:
        url = f"http://{netloc}/"
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        names.add(host)
        names.add(host.split(".")[0])
        names.update(host_labels(url))
    for name in list(names):  # "LN - Lübecker Nachrichten", "stol.it / Suedtirol Online"
        if name:
            names.update(re.split(r"\s+[-–—|/:]\s+|\s*[|]\s*", name))
    return frozenset(_fold(n) for n in names if n and len(_fold(n)) > 1)


def _without_outlet(name: str, outlets: frozenset[str]) -> str | None:
    """ "unocero - Alberto Ávila" -> "Alberto Ávila"; ``None`` when no outlet name is in it,
    or what is left is no person's name (then the whole is the outlet's byline)."""
    for part in re.split(r"\s+[-–—]\s+|\s*[|/,]\s*", name):
        if _fold(part) in outlets and _fold(part) != _fold(name):
            rest = " ".join(name.replace(part, " ", 1).strip(" -–—|/,").split())
            words = rest.split()
            if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
                return rest
            return None
    return None


def _profile_url(raw: RawArticle, *names: str) -> str | None:
    """The profile page the input gives the author (Google's recommended author.url)."""
    for name in names:
        url = normalize_url(raw.author_urls.get(name))
        if url is not None:
            return url
    return None


def _holds_publisher(name: str, publisher: Entity | None) -> bool:
    """The publisher's name inside a person's name (our validator's rule, the same way)."""
    if publisher is None or len(publisher.name.strip()) < 3:
        return False
    return publisher.name.strip().casefold() in name.casefold()


def _outlet_case(original: str, name: str) -> str:
    """An outlet's initials as written ("CNN", not the name tidier's "Cnn")."""
    words = original.split()
    return original if all(_ACRONYM.match(w) for w in words) else name


def _not_an_author(name: str, language: str | None) -> str | None:
    """Why ``name`` is no person or organisation's byline, or ``None``."""
    if _DIGIT.search(name):
        return "it holds a date or number, not a name"
    words = name.split()
    if (
        len(words) >= 2
        and words[-1].casefold().strip(".") in _month_names()
        and AGENCY_WORDS.search(" ".join(words[:-1]))
    ):
        # "CBS News February": an outlet's credit run into a date, not a surname ("Mayo")
        return "an outlet's name run into a month name (a date)"
    if _SOCIAL.search(name):
        return "a social network or web address, not a name"
    if all(_ANONYMOUS.match(w) for w in words) and words:
        return "a placeholder for an unnamed author"
    if is_collective_credit(name):
        return "a newsroom's collective credit (staff, desk, agencies), not a named author"
    if is_place(name):
        return "a place, not a person or organisation"
    return None


@cache
def _month_names() -> frozenset[str]:
    """Month names, wide and abbreviated, from CLDR (babel) for the languages dates are read in."""
    from babel import Locale

    from jsonld_news.dates import DATE_WORD_LANGUAGES

    names: set[str] = set()
    for code in DATE_WORD_LANGUAGES:
        months = Locale.parse(code).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                names.update(m.casefold().strip(".") for m in months[context][width].values())
    return frozenset(names)


def is_place(name: str) -> bool:
    """The whole name is a country, state or city of the starter KB (GeoNames, ISO 3166)."""
    from jsonld_news.enrich.recognize import starter_kb
    from jsonld_news.identity import kind_of

    entries = starter_kb().lookup(name)
    return bool(entries) and all(kind_of(e.type) == "place" for e in entries)


# schema.org's NewsArticle and its subtypes: content that "reports news", whose publisher is by
# that a news outlet (schema.org NewsMediaOrganization, "a newspaper or TV station").
NEWS_ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
    }
)


# schema.org 30.0 gives these to NewsMediaOrganization alone: a publisher with one of them
# says it is a news outlet
_NEWS_ONLY_POLICIES = frozenset(
    {
        "masthead",
        "noBylinesPolicy",
        "verificationFactCheckingPolicy",
        "missionCoveragePrioritiesPolicy",
    }
)


class PublisherEnricher:
    """The publisher from evidence only, first found wins:

    1. ``--publisher`` (``Options.publisher``);
    2. the input's own publisher (article JSON, front matter, a page's JSON-LD/microdata);
    3. the site's name the input gives (``og:site_name``, ``application-name``, a page title's
       site part);
    4. the outlet registry in ``agencies.py``: an article on a news agency's own site.

    Otherwise there is no publisher, and a warning says so: a host name is never made into a
    name ("nytimes.com" is not "Ny Times"). A publisher that is a news outlet (typed so, an
    agency, or the publisher of a NewsArticle-family page) is a ``NewsMediaOrganization``.
    """

    name = "publisher"

    def __call__(self, article: Article, raw: RawArticle, options: Options) -> None:
        chosen = options.publisher_organization or raw.publisher
        if (chosen is None or not chosen.name) and raw.site_name:
            chosen = RawOrganization(
                name=raw.site_name,
                url=chosen.url if chosen else None,
                logo=chosen.logo if chosen else None,
                type=chosen.type if chosen else None,
                same_as=chosen.same_as if chosen else [],
            )
        name = chosen.name.strip() if chosen and chosen.name and chosen.name.strip() else None
        url = normalize_url(chosen.url) if chosen and chosen.url else None
        agency = find_agency(name) if name else outlet_for_url(url or article.url)
        if agency is not None:
            name, url = agency.name, url or normalize_url(agency.url)
        if name is None:
            where = f" ({site_root(article.url)})" if article.url else ""
            article.warnings.append(
                f"publisher: the input names none{where}; no publisher is given "
                "(a host name is not made into a name; --publisher sets one)"
            )
            return
        if url is None and article.url:
            url = site_root(article.url)
        type_ = chosen.type if chosen and chosen.type else "Organization"
        news = (
            agency is not None
            or type_ == "NewsMediaOrganization"
            or bool(NEWS_ARTICLE_TYPES.intersection(raw.article_types))
        )
        if news and type_ == "Organization":
            type_ = "NewsMediaOrganization"
        entity = Entity(type_, name, entity_iri(options.base_iri, "Organization", name), url=url)
        if chosen:
            entity.logo = normalize_url(chosen.logo)
            entity.same_as = [u for u in map(normalize_url, chosen.same_as) if u]
            # --publisher without a logo or policies: the page's own markup of the same outlet
            same = raw.publisher if raw.publisher and raw.publisher is not chosen else None
            if same is not None and _fold(same.name or "") != _fold(name):
                same = None
            if entity.logo is None and same is not None:
                entity.logo = normalize_url(same.logo)
            links = {**(same.policies if same else {}), **chosen.policies}
            entity.policies = {
                k: u for k, u in ((k, normalize_url(v)) for k, v in links.items()) if u
            }
            if entity.type == "Organization" and _NEWS_ONLY_POLICIES.intersection(entity.policies):
                entity.type = "NewsMediaOrganization"  # a masthead...: a news outlet by its word
        article.publisher = entity


class ImageCreditEnricher:
    """``TOBIAS SCHWARZ / AFP`` is the image's credit: its creator and agency, never the author."""

    name = "image-credit"

    def __call__(self, article: Article, raw: RawArticle, options: Options) -> None:
        seen_urls: set[str] = set()
        for index, raw_image in enumerate(raw.images, start=1):
            url = normalize_url(raw_image.url)
            if url is not None and url in seen_urls:
                continue
            if url is None and not raw_image.credit and not raw_image.caption:
                continue
            image = Image(
                iri=url or fragment_iri(article.iri, f"image-{index}"),
                url=url,
                caption=raw_image.caption,
                width=raw_image.width,
                height=raw_image.height,
            )
            if raw_image.credit:
                _apply_credit(image, raw_image.credit, options.base_iri)
            if url:
                seen_urls.add(url)
            article.images.append(image)


def _apply_credit(image: Image, credit: str, base: str) -> None:
    image.credit_text = credit.strip()
    for part in credit_parts(credit):
        if find_agency(part) is not None or AGENCY_WORDS.search(part):
            if image.source_organization is None:
                image.source_organization = organization_entity(part, base)
            continue
        words = part.split()
        if NOT_A_PHOTOGRAPHER.search(part):
            continue
        if 2 <= len(words) <= 4 and all(w[:1].isalpha() for w in words):
            image.creators.append(person_entity(tidy_name(part), base))
