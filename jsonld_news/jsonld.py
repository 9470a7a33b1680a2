"""``Article`` -> compact JSON-LD with ``"@context": "https://schema.org"``.

Every entity node is written in full where it appears (search engines read nested nodes, not
references); the RDF emitter merges repeated nodes by IRI.

No URL is made up. Parts of the page without a URL of their own (an image, a cited statement)
get fragment identifiers of the article (``…#image-1``, ``…#citation-2``) and no ``url``; a
related article the source names without a target is a ``CreativeWork`` the page ``mentions``
(``…#related-1``, by its title), never a ``relatedLink``, whose values are URLs.
"""

from __future__ import annotations

from typing import Any

from jsonld_news.context import CONTEXT_IRI
from jsonld_news.identity import fragment_iri
from jsonld_news.model import (
    Article,
    Citation,
    Correction,
    Entity,
    Image,
    LiveUpdate,
    RelatedLink,
)

JsonDict = dict[str, Any]


def to_jsonld(article: Article) -> JsonDict:
    doc: JsonDict = {"@context": CONTEXT_IRI, "@type": "NewsArticle", "@id": article.iri}
    doc["headline"] = article.headline
    _put(doc, "alternativeHeadline", article.alternative_headline)
    _put(doc, "description", article.description)
    if article.url:
        doc["url"] = article.url
    doc["mainEntityOfPage"] = _web_page(article)
    _put(doc, "datePublished", article.date_published)
    _put(doc, "dateModified", article.date_modified)
    _put(doc, "dateCreated", article.date_created)
    _put(doc, "inLanguage", article.language)
    if article.authors:
        doc["author"] = [entity_node(a) for a in article.authors]
    if article.contributors:
        doc["contributor"] = [entity_node(c) for c in article.contributors]
    if article.publisher:
        doc["publisher"] = entity_node(article.publisher)
    if article.images:
        doc["image"] = [_image(i) for i in article.images]
    if article.dateline:
        doc["dateline"] = article.dateline.text
        if article.dateline.place:
            doc["locationCreated"] = entity_node(article.dateline.place)
        if article.dateline.agency:
            doc["sourceOrganization"] = entity_node(article.dateline.agency)
    _put(doc, "articleSection", article.section)
    if article.genres:
        doc["genre"] = list(article.genres)
    if article.identifiers:
        doc["identifier"] = list(article.identifiers)
    if article.keywords:
        doc["keywords"] = list(article.keywords)
    if article.about:
        doc["about"] = [entity_node(e) for e in article.about]
    if article.mentions:
        doc["mentions"] = [entity_node(e) for e in article.mentions]
    if article.citations:
        doc["citation"] = [_citation(c) for c in article.citations]
    if article.copyright_holder:
        doc["copyrightHolder"] = entity_node(article.copyright_holder)
    _put(doc, "copyrightNotice", article.copyright_notice)
    _put(doc, "isBasedOn", article.is_based_on)
    _news_seo(doc, article)
    if article.body:
        doc["wordCount"] = article.word_count
        doc["articleBody"] = article.body
    return doc


def _put(doc: JsonDict, key: str, value: object) -> None:
    if value is not None and value != "":
        doc[key] = value


def entity_node(entity: Entity) -> JsonDict:
    node: JsonDict = {"@type": entity.type, "@id": entity.iri, "name": entity.name}
    if entity.alternate_names:
        node["alternateName"] = list(entity.alternate_names)
    _put(node, "jobTitle", entity.job_title)
    _put(node, "description", entity.description)
    if entity.affiliation is not None:
        node["affiliation"] = entity_node(entity.affiliation)
    _put(node, "url", entity.url)
    if entity.logo:
        node["logo"] = entity.logo
    if entity.same_as:
        node["sameAs"] = list(entity.same_as)
    node.update(entity.policies)  # publishingPrinciples, correctionsPolicy ... (URLs)
    return node


def _web_page(article: Article) -> JsonDict:
    page: JsonDict = {
        "@type": "WebPage",
        "@id": article.url or article.iri.split("#")[0] + "#webpage",
    }
    linked = [r for r in article.related if r.url]
    if linked:
        page["relatedLink"] = [_related(r) for r in linked]
    if article.breadcrumbs:
        page["breadcrumb"] = breadcrumb_list(article)
    unlinked = [r for r in article.related if not r.url]
    if unlinked:
        # the page names a related work but gives no target: a work it refers to, by title,
        # never a link (relatedLink's range is URL, and no URL is made up for it)
        page["mentions"] = [
            {"@type": "CreativeWork", "@id": r.iri, "name": r.title} for r in unlinked
        ]
    return page


def _image(image: Image) -> JsonDict:
    node: JsonDict = {"@type": "ImageObject", "@id": image.iri}
    if image.url:
        node["url"] = image.url
        node["contentUrl"] = image.url
    _put(node, "caption", image.caption)
    _put(node, "width", image.width)
    _put(node, "height", image.height)
    _put(node, "creditText", image.credit_text)
    if image.creators:
        node["creator"] = [entity_node(c) for c in image.creators]
    if image.source_organization is not None:
        node["sourceOrganization"] = entity_node(image.source_organization)
    return node


def _citation(citation: Citation) -> JsonDict:
    node: JsonDict = {"@type": "CreativeWork", "@id": citation.iri}
    _put(node, "name", citation.name)
    _put(node, "url", citation.url)
    _put(node, "description", citation.context)
    if citation.author is not None:
        node["author"] = entity_node(citation.author)
    return node


def _related(related: RelatedLink) -> JsonDict:
    # relatedLink's range is URL: the node is the link itself, named by the title it carries.
    return {"@id": related.url, "name": related.title, "url": related.url}


# --- news SEO (issue 7): each part only where the input gave it ----------------------------------


def _news_seo(doc: JsonDict, article: Article) -> None:
    if article.live:
        # a live blog: schema.org's LiveBlogPosting (an Article, not a NewsArticle subtype)
        doc["@type"] = "LiveBlogPosting"
        _put(doc, "coverageStartTime", article.coverage_start)
        _put(doc, "coverageEndTime", article.coverage_end)
        if article.live_updates:
            doc["liveBlogUpdate"] = [_live_update(u) for u in article.live_updates]
    if article.is_accessible_for_free is not None:
        doc["isAccessibleForFree"] = article.is_accessible_for_free
    if article.paywall_selectors:
        doc["hasPart"] = [
            {
                "@type": "WebPageElement",
                "@id": fragment_iri(article.iri, f"paywall-{index}"),
                "isAccessibleForFree": False,
                "cssSelector": selector,
            }
            for index, selector in enumerate(article.paywall_selectors, start=1)
        ]
    if article.speakable_css or article.speakable_xpath:
        speakable: JsonDict = {
            "@type": "SpeakableSpecification",
            "@id": fragment_iri(article.iri, "speakable"),
        }
        if article.speakable_css:
            speakable["cssSelector"] = list(article.speakable_css)
        if article.speakable_xpath:
            speakable["xpath"] = list(article.speakable_xpath)  # schema.org's term, not xPath
        doc["speakable"] = speakable
    if article.corrections:
        doc["correction"] = [_correction(c) for c in article.corrections]


def _live_update(update: LiveUpdate) -> JsonDict:
    node: JsonDict = {"@type": "BlogPosting", "@id": update.iri}
    _put(node, "headline", update.headline)
    _put(node, "url", update.url)
    _put(node, "datePublished", update.date_published)
    _put(node, "articleBody", update.body)
    return node


def _correction(correction: Correction) -> JsonDict:
    node: JsonDict = {"@type": "CorrectionComment", "@id": correction.iri, "text": correction.text}
    _put(node, "datePublished", correction.date)
    return node


def breadcrumb_list(article: Article) -> JsonDict:
    """The page's trail as a BreadcrumbList; a step without a URL names no ``item`` (Google
    accepts that for the last step only, which is where sites leave it out)."""
    items = []
    for position, crumb in enumerate(article.breadcrumbs, start=1):
        item: JsonDict = {"@type": "ListItem", "position": position, "name": crumb.name}
        _put(item, "item", crumb.url)
        items.append(item)
    page = article.url or article.iri.split("#")[0]
    return {
        "@type": "BreadcrumbList",
        "@id": fragment_iri(page, "breadcrumb"),
        "itemListElement": items,
    }
