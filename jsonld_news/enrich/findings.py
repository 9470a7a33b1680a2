"""What the recognizer's passes find and remember, and how that becomes ``Mention`` objects.

``Found`` is one span a pass found; ``ArticleState`` is what the article has introduced so far
(people by full name, their surnames, companies named in another sense); ``to_mentions`` gives
each finding its ``Entity``: the KB entry's identity when linked, else one from type and name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from jsonld_news.identity import entity_iri, kind_of
from jsonld_news.kb import KBEntry
from jsonld_news.model import Entity, Mention


@dataclass(slots=True)
class Found:
    start: int
    end: int
    surface: str
    kind: str  # "kb", "person", "org", "short"
    entry: KBEntry | None = None
    name: str = ""
    type: str = "Person"
    in_headline: bool = False


@dataclass(slots=True)
class ArticleState:
    people: dict[str, str] = field(default_factory=dict)  # name key -> canonical full name
    surnames: dict[str, str] = field(default_factory=dict)  # surname key -> canonical name
    person_entries: dict[str, KBEntry] = field(default_factory=dict)
    # companies this article names with an article ("the Amazon"): another sense here
    not_companies: set[str] = field(default_factory=set)


def fold_name(name: str) -> str:
    """A cheap comparison key for names within one article."""
    return name.lower().replace("’", "'")


# the same names recur article after article: slugging them once is enough
_entity_iri = lru_cache(maxsize=65_536)(entity_iri)


def to_mentions(found: list[Found], art: ArticleState, base_iri: str) -> list[Mention]:
    entities: dict[tuple[str, str], Entity] = {}
    memo: dict[tuple[int, str, str], Entity] = {}  # repeats skip the key computations
    mentions: list[Mention] = []
    for f in found:
        seen = memo.get((id(f.entry), f.type, f.name))
        if seen is not None:
            mentions.append(Mention(seen, f.start, f.end, f.surface, f.in_headline))
            continue
        entry = f.entry
        if entry is None and f.kind in ("person", "short"):
            entry = art.person_entries.get(fold_name(f.name))
        if entry is not None:
            key = (kind_of(entry.type), fold_name(entry.label))
            entity = entities.get(key)
            if entity is None:
                entity = Entity(
                    type=entry.type,
                    name=entry.label,
                    iri=_entity_iri(base_iri, entry.type, entry.label),
                    same_as=list(entry.same_as),
                    description=entry.description if entry.description != "capital" else None,
                )
                entities[key] = entity
        else:
            key = (kind_of(f.type), fold_name(f.name))
            entity = entities.get(key)
            if entity is None:
                entity = Entity(type=f.type, name=f.name, iri=_entity_iri(base_iri, f.type, f.name))
                entities[key] = entity
        memo[(id(f.entry), f.type, f.name)] = entity
        mentions.append(Mention(entity, f.start, f.end, f.surface, f.in_headline))
    return mentions
