"""The enricher interface: a stage that adds to an ``Article`` in place.

Enrichers run in the order of ``DEFAULT_ENRICHERS`` (see ``enrich/__init__.py``); later ones may
use what earlier ones found (citations attribute statements to recognised entities).
"""

from __future__ import annotations

from typing import Protocol

from jsonld_news.model import Article, Mention
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle


class Enricher(Protocol):
    name: str

    def __call__(self, article: Article, raw: RawArticle, options: Options) -> None: ...


class EntityRecognizer(Protocol):
    """Finds people, places and organisations in text.

    ``recognize`` returns every occurrence it finds, headline occurrences with
    ``in_headline=True`` and offsets into ``headline``, body occurrences with offsets into
    ``body``. The same real-world entity must come back as ``Entity`` objects with the same IRI
    (``identity.entity_iri`` or a knowledge-base IRI), so that later short forms ("Scholz")
    resolve to the full entity ("Olaf Scholz").
    """

    def recognize(
        self, headline: str, body: str, *, language: str | None, base_iri: str
    ) -> list[Mention]: ...
