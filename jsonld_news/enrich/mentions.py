"""``about`` and ``mentions``: entities the input lists, plus those a recognizer finds in the text.

Entities named in the headline go to ``about``, the rest to ``mentions``; no entity is in both.
"""

from __future__ import annotations

from functools import cache

from jsonld_news.enrich.base import EntityRecognizer
from jsonld_news.errors import ConfigError
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


def recognizer_for(options: Options) -> EntityRecognizer | None:
    """The recognizer ``options`` name, or ``None`` when recognition is off."""
    if not options.recognize_entities:
        return None
    kb = str(options.kb) if options.kb is not None else None
    if options.recognizer == "rules" and kb is None:
        return default_recognizer()
    return _opened_recognizer(options.recognizer, kb)


@cache
def _opened_recognizer(backend: str, kb: str | None) -> EntityRecognizer:
    """Opened once per process: options carry the KB's path, each batch worker opens it itself
    (a memory-mapped index is shared between processes by the OS, not pickled)."""
    if backend.startswith("spacy:"):
        from jsonld_news.enrich.spacy_backend import load_spacy_recognizer

        try:
            spacy_recognizer: EntityRecognizer = load_spacy_recognizer(backend[6:], kb)
        except ImportError:
            raise ConfigError("recognizer spacy:...: install jsonld-news[spacy]") from None
        except OSError as exc:  # the model is not installed; it is never downloaded
            raise ConfigError(f"recognizer {backend}: {exc}".splitlines()[0]) from None
        return spacy_recognizer
    from jsonld_news.enrich.recognize import load_recognizer

    recognizer: EntityRecognizer = load_recognizer(kb)
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
        recognizer = recognizer_for(options)
        if recognizer is not None:
            found = recognizer.recognize(
                article.headline,
                _recognized_text(article, options),
                language=article.language,
                base_iri=options.base_iri,
            )
            article.occurrences = found
            for occurrence in found:
                entity = occurrence.entity
                if entity.iri.startswith("#"):  # a generic body: local to this article
                    entity.iri = fragment_iri(article.iri, entity.iri[1:])
                _merge_into(about if occurrence.in_headline else mentions, occurrence.entity)
        article.about = list(about.values())
        article.mentions = [e for iri, e in mentions.items() if iri not in about]


def _recognized_text(article: Article, options: Options) -> str:
    """The body, or of a very long body only its first ``max_recognized_chars`` (ending on a
    paragraph, else a word), so recognition time and memory stay bounded; the body itself is
    kept whole, and a warning says so."""
    body, limit = article.body, options.max_recognized_chars
    if len(body) <= limit:
        return body
    cut = body.rfind("\n\n", 0, limit + 1)
    if cut < limit // 2:
        cut = max(body.rfind(" ", 0, limit + 1), 0) or limit
    article.warnings.append(
        f"mentions: entities recognised in the first {cut:,} of {len(body):,} characters "
        f"of the body only (the limit is max_recognized_chars, {limit:,})"
    )
    return body[:cut]


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
