"""``about`` and ``mentions``: entities the input lists, plus those a recognizer finds in the text.

Entities named in the headline go to ``about``, the rest to ``mentions``; no entity is in both.
"""

from __future__ import annotations

from functools import cache

from jsonld_news.enrich.base import EntityRecognizer
from jsonld_news.identity import (
    ORGANIZATION_TYPES,
    PLACE_TYPES,
    entity_iri,
    fragment_iri,
    normalize_url,
)
from jsonld_news.model import Article, Entity
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle, RawEntity

# Classes an input may name for an entity: the kinds that get IRIs, and a few other Things.
_KNOWN_TYPES = (
    PLACE_TYPES
    | ORGANIZATION_TYPES
    | {"Person", "Event", "Thing", "Product", "CreativeWork", "Brand"}
)
_GENERIC_TYPES = frozenset({"Thing", "Place", "Organization"})
_TYPE_ALIASES = {
    "person": "Person",
    "people": "Person",
    "per": "Person",
    "place": "Place",
    "location": "Place",
    "loc": "Place",
    "gpe": "Place",
    "organization": "Organization",
    "organisation": "Organization",
    "org": "Organization",
    "country": "Country",
    "city": "City",
    "event": "Event",
}


def entity_type(value: str | None) -> str:
    if not value:
        return "Thing"
    if value in _KNOWN_TYPES:
        return value
    return _TYPE_ALIASES.get(value.casefold().rsplit("/", 1)[-1], "Thing")


def listed_entity(raw: RawEntity, base: str) -> Entity:
    type_ = entity_type(raw.type)
    return Entity(
        type=type_,
        name=raw.name.strip(),
        iri=entity_iri(base, type_, raw.name.strip()),
        same_as=[u for u in map(normalize_url, raw.same_as) if u],
        url=normalize_url(raw.url),
    )


@cache
def default_recognizer() -> EntityRecognizer | None:
    """The offline rule-based recognizer with the starter knowledge base, if it is installed."""
    try:
        from jsonld_news.enrich.recognize import default_recognizer
    except ImportError:
        return None
    recognizer: EntityRecognizer = default_recognizer()
    return recognizer


class MentionsEnricher:
    name = "mentions"

    def __call__(self, article: Article, raw: RawArticle, options: Options) -> None:
        about: dict[str, Entity] = {}
        mentions: dict[str, Entity] = {}
        for raw_entity in raw.entities:
            entity = listed_entity(raw_entity, options.base_iri)
            target = about if raw_entity.role == "about" else mentions
            _merge_into(target, entity)
        recognizer = options.recognizer
        if recognizer is None and options.recognize_entities:
            recognizer = default_recognizer()
        if recognizer is not None:
            found = recognizer.recognize(
                article.headline, article.body, language=article.language, base_iri=options.base_iri
            )
            article.occurrences = found
            for occurrence in found:
                entity = occurrence.entity
                if entity.iri.startswith("#"):  # a generic body: local to this article
                    entity.iri = fragment_iri(article.iri, entity.iri[1:])
                _merge_into(about if occurrence.in_headline else mentions, occurrence.entity)
        article.about = list(about.values())
        article.mentions = [e for iri, e in mentions.items() if iri not in about]


def _merge_into(table: dict[str, Entity], entity: Entity) -> None:
    existing = table.get(entity.iri)
    if existing is None:
        table[entity.iri] = entity
        return
    for same in entity.same_as:
        if same not in existing.same_as:
            existing.same_as.append(same)
    # One IRI means one kind (see identity.entity_iri); keep the more specific class of the two.
    if existing.type in _GENERIC_TYPES and entity.type not in _GENERIC_TYPES:
        existing.type = entity.type
