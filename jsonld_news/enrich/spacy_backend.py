"""Optional spaCy backend (``pip install jsonld-news[spacy]`` plus a model the user installs).

It plugs into the same ``EntityRecognizer`` interface as the rule recognizer: spaCy finds the
spans, the same knowledge bases type and link them, the same identity rules give IRIs, and
surnames alone resolve to the full name found in the article. Nothing is downloaded: the
pipeline is the user's (``spacy.load`` of an installed model) or one built in code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jsonld_news.identity import entity_iri, kind_of
from jsonld_news.kb import KBEntry, KnowledgeBase
from jsonld_news.model import Entity, Mention

# spaCy labels (OntoNotes and WikiNER schemes) -> the type used when no KB entry says better.
LABEL_TYPES: dict[str, str] = {
    "PERSON": "Person",
    "PER": "Person",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "ORG": "Organization",
}


class SpacyRecognizer:
    """``EntityRecognizer`` over a spaCy ``Language`` object."""

    def __init__(self, nlp: Any, kbs: Sequence[KnowledgeBase] = ()) -> None:
        self.nlp = nlp
        self.kbs = list(kbs)

    def _link(self, surface: str, schema_type: str) -> KBEntry | None:
        kind = kind_of(schema_type)
        for kb in self.kbs:
            for entry in kb.lookup(surface):
                if kind_of(entry.type) == kind:
                    return entry
        return None

    def recognize(
        self, headline: str, body: str, *, language: str | None, base_iri: str
    ) -> list[Mention]:
        spans: list[tuple[str, int, int, str, bool]] = []
        for text, in_headline in ((body, False), (headline, True)):
            if not text:
                continue
            for ent in self.nlp(text).ents:
                schema_type = LABEL_TYPES.get(ent.label_)
                if schema_type is None:
                    continue
                surface, start, end = _strip_possessive(ent.text, ent.start_char, ent.end_char)
                if surface:
                    spans.append((surface, start, end, schema_type, in_headline))
        # full names first, so "Scholz" can resolve to "Olaf Scholz"
        surnames: dict[str, str] = {}
        for surface, _, _, schema_type, _ in spans:
            if schema_type == "Person" and " " in surface:
                surnames.setdefault(surface.split()[-1].lower(), surface)
        entities: dict[tuple[str, str], Entity] = {}
        mentions = []
        for surface, start, end, schema_type, in_headline in spans:
            name = surface
            if schema_type == "Person" and " " not in surface:
                name = surnames.get(surface.lower(), surface)
            entry = self._link(name, schema_type)
            entity = _entity(entities, entry, name, schema_type, base_iri)
            mentions.append(Mention(entity, start, end, surface, in_headline))
        mentions.sort(key=lambda m: (m.in_headline, m.start))
        return mentions


def _entity(
    entities: dict[tuple[str, str], Entity],
    entry: KBEntry | None,
    name: str,
    schema_type: str,
    base_iri: str,
) -> Entity:
    if entry is not None:
        name, schema_type = entry.label, entry.type
    key = (kind_of(schema_type), name.lower())
    entity = entities.get(key)
    if entity is None:
        entity = Entity(
            type=schema_type,
            name=name,
            iri=entity_iri(base_iri, schema_type, name),
            same_as=list(entry.same_as) if entry is not None else [],
        )
        entities[key] = entity
    return entity


def _strip_possessive(text: str, start: int, end: int) -> tuple[str, int, int]:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            return text[: -len(suffix)], start, end - len(suffix)
    return text, start, end


def load_spacy_recognizer(model: str, kb_path: str | None = None) -> SpacyRecognizer:
    """A recognizer over an installed spaCy model (``en_core_web_sm``...), linking to the
    user's KB (if any) and the starter KB. Raises ``ImportError`` without spaCy and ``OSError``
    when the model is not installed; it is never downloaded."""
    import spacy

    from jsonld_news.enrich.recognize import shipped_kbs

    kbs = [KnowledgeBase.load(kb_path)] if kb_path else []
    return SpacyRecognizer(spacy.load(model), [*kbs, *shipped_kbs()])
