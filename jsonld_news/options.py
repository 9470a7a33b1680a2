"""Typed options for a conversion (no string-keyed option dicts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from typing import TYPE_CHECKING

from jsonld_news.identity import DEFAULT_BASE_IRI
from jsonld_news.raw import RawOrganization

if TYPE_CHECKING:
    from jsonld_news.enrich.base import EntityRecognizer

MAX_INPUT_BYTES = 64 * 1024 * 1024
# Far longer than any news article (about 35,000 words); beyond it, recognition time and memory
# would grow with the body while the people and places named are nearly always named earlier.
MAX_RECOGNIZED_CHARS = 200_000


@dataclass(slots=True)
class Options:
    base_iri: str = DEFAULT_BASE_IRI
    timezone: tzinfo | None = None  # attached to date-times that name no zone
    publisher: RawOrganization | None = None  # overrides whatever the input says
    base_url: str | None = None  # for pages with no canonical link (HTML)
    encoding: str | None = None  # forces the input encoding
    allow_remote_context: bool = False  # JSON-LD input naming a non-schema.org context
    detect_language: bool = True  # py3langid, only when the source names no language
    recognizer: EntityRecognizer | None = None  # None: the default offline recognizer, if any
    recognize_entities: bool = True
    html_syntaxes: tuple[str, ...] = ("json-ld", "microdata", "opengraph", "dublincore")
    max_input_bytes: int = MAX_INPUT_BYTES  # a larger input is refused (--max-input-size)
    max_recognized_chars: int = MAX_RECOGNIZED_CHARS  # entities are recognised in this much body
