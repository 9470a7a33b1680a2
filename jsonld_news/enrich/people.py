"""Authors, publisher and the lead image's credit: who made the article and its pictures."""

from __future__ import annotations

from jsonld_news.agencies import find_agency, outlet_for_url
from jsonld_news.credits import AGENCY_WORDS, NOT_A_PHOTOGRAPHER, credit_parts
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
        chosen = options.publisher or raw.publisher
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
