"""Authors, publisher and the lead image's credit: who made the article and its pictures."""

from __future__ import annotations

from functools import cache

from jsonld_news.agencies import find_agency
from jsonld_news.credits import AGENCY_WORDS, NOT_A_PHOTOGRAPHER, credit_parts
from jsonld_news.enrich.byline import split_byline, tidy_name
from jsonld_news.identity import entity_iri, fragment_iri, normalize_url, site_root
from jsonld_news.model import Article, Entity, Image
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle, RawOrganization

_ENGLISH_SUFFIXES = frozenset(
    {
        "com",
        "net",
        "org",
        "uk",
        "us",
        "au",
        "ca",
        "ie",
        "nz",
        "za",
        "in",
        "sg",
        "news",
        "io",
        "info",
    }
)
_SMALL_WORDS = frozenset(
    {"of", "the", "and", "de", "la", "le", "der", "die", "das", "el", "y", "und"}
)


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


class AuthorEnricher:
    name = "authors"

    def __call__(self, article: Article, raw: RawArticle, options: Options) -> None:
        base = options.base_iri
        authors: dict[str, Entity] = {}
        found = [a for name in raw.authors for a in split_byline(name)]
        if not found and raw.byline:
            found = split_byline(raw.byline)
        for author in found:
            if author.is_organization:
                entity = organization_entity(author.name, base)
            else:
                entity = person_entity(author.name, base)
                entity.job_title = author.job_title
                if author.affiliation:
                    entity.affiliation = organization_entity(author.affiliation, base)
            authors.setdefault(entity.iri, entity)
        for org in raw.author_organizations:
            entity = organization_entity(org, base)
            authors.setdefault(entity.iri, entity)
        credit = (raw.photo_credit or "").casefold()
        article.authors = [
            a
            for a in authors.values()
            if not (credit and a.name.casefold() in credit and a.kind == "person")
        ]


class PublisherEnricher:
    """The user's publisher file, else the input's publisher, else a readable name from the domain."""

    name = "publisher"

    def __call__(self, article: Article, raw: RawArticle, options: Options) -> None:
        chosen = options.publisher_organization or raw.publisher
        if chosen is None and raw.site_name:
            chosen = RawOrganization(name=raw.site_name)
        url = normalize_url(chosen.url) if chosen and chosen.url else None
        if url is None and article.url:
            url = site_root(article.url)
        name = chosen.name if chosen and chosen.name else None
        if name is None and url is not None:
            name = name_from_domain(url)
        if name is None:
            return
        type_ = chosen.type if chosen and chosen.type else "Organization"
        entity = Entity(type_, name, entity_iri(options.base_iri, "Organization", name), url=url)
        if chosen:
            entity.logo = normalize_url(chosen.logo)
            entity.same_as = [u for u in map(normalize_url, chosen.same_as) if u]
        article.publisher = entity


@cache
def _extractor() -> object:
    import tldextract

    # The bundled public-suffix snapshot only: never fetch the list over the network.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def name_from_domain(url: str) -> str:
    """``https://www.themoscowtimes.com/`` -> "The Moscow Times"; ``taz.de`` -> "Taz"."""
    import wordninja

    parts = _extractor()(url)  # type: ignore[operator]
    domain, suffix = parts.domain, parts.suffix
    if not domain:
        return url
    if "-" in domain:
        words = domain.split("-")
    elif suffix.rsplit(".", 1)[-1] not in _ENGLISH_SUFFIXES:
        words = [domain]  # wordninja knows English words only: "sueddeutsche" stays whole
    else:
        words = wordninja.split(domain) if len(domain) > 6 else [domain]
        if any(len(w) == 1 for w in words) and len(words) > 2:
            words = [domain]  # wordninja made confetti of a brand name: keep it whole
    titled = [
        w if (i and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    ]
    return " ".join(titled)


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
