"""The Python API: read an article, turn it into JSON-LD or RDF, validate the result.

``read`` takes a file (``str`` or ``Path``, always a path) or the bytes of one; ``read_text``
takes the article's text. A name that is not a file is an error, never an article about it.
The command line is a client of these functions (``jsonld_news.__all__``) and of nothing else.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jsonld_news.errors import MalformedInputError, UnknownFormatError, UnreadableInputError
from jsonld_news.jsonld import to_jsonld
from jsonld_news.model import Article
from jsonld_news.options import Options
from jsonld_news.pipeline import STDIN, convert_bytes, read_file
from jsonld_news.serialize import render
from jsonld_news.validate import DEFAULT_VALIDATORS, Report
from jsonld_news.validate import validate as _validate

if TYPE_CHECKING:
    from jsonld_news.kb import ImportReport
    from jsonld_news.readers.html import InspectReport

Source = str | os.PathLike[str] | bytes
TEXT = "<text>"


def read(
    source: Source,
    format: str | None = None,
    *,
    options: Options | None = None,
    name: str | None = None,
) -> Article:
    """Read one article from a file (``str`` or ``Path``: always a path) or from its bytes.

    A path that is not a readable file raises ``UnreadableInputError`` ("no such file"); text
    goes through ``read_text``. ``format`` is detected when omitted; ``name`` is what errors call
    bytes (default ``<stdin>``).
    """
    options = options or Options()
    if isinstance(source, bytes):
        return convert_bytes(source, name or STDIN, format, options)
    if isinstance(source, str) and ("\n" in source or len(source) > 4096):
        raise UnreadableInputError(
            _short(source),
            "not a file name (it spans lines); pass article text to jsonld_news.read_text()",
        )
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(f"read() takes a path or bytes, not {type(source).__name__}")
    path = Path(source)
    return convert_bytes(read_file(path, options), name or str(path), format, options)


def read_text(
    text: str,
    format: str | None = "text",
    *,
    options: Options | None = None,
    name: str = TEXT,
) -> Article:
    """Read one article from its text (a dump, Markdown, JSON or HTML as a ``str``).

    ``format`` defaults to the plain-text dump; ``None`` detects it from the content.
    """
    return convert_bytes(text.encode("utf-8"), name, format, options or Options())


def _short(text: str) -> str:
    head = text[:30].replace("\n", " ")
    return f"<text {head!r}...>" if len(text) > 30 else f"<text {head!r}>"


def serialize(article: Article | Mapping[str, Any], format: str = "jsonld") -> str:
    """Any output format (``OUTPUT_FORMATS``) as text, from an ``Article`` or a compact document."""
    doc = to_jsonld(article) if isinstance(article, Article) else article
    return render(doc, format)


def validate(
    document: Article | Mapping[str, Any], validators: Sequence[str] = DEFAULT_VALIDATORS
) -> Report:
    doc = to_jsonld(document) if isinstance(document, Article) else document
    return _validate(doc, validators)


def convert(
    source: Source,
    to: str = "jsonld",
    format: str | None = None,
    *,
    options: Options | None = None,
) -> str:
    """``read`` then ``serialize`` in one call."""
    return serialize(read(source, format, options=options), to)


def _load(source: Source, options: Options, name: str | None) -> tuple[bytes, str]:
    """The bytes of a file or of ``source`` itself, and the name messages give them."""
    if isinstance(source, bytes):
        return source, name or STDIN
    return read_file(Path(source), options), name or str(source)


def read_document(
    source: Source, *, options: Options | None = None, name: str | None = None
) -> dict[str, Any]:
    """A JSON-LD document to validate, from a file or bytes, with the limits and one-line
    errors of ``read``."""
    from jsonld_news.readers.article_json import load_json

    options = options or Options()
    data, label = _load(source, options, name)
    doc = load_json(data, label, options)
    if not isinstance(doc, dict):
        raise MalformedInputError(label, "expected a JSON-LD object")
    return doc


def inspect_page(
    source: Source, *, options: Options | None = None, name: str | None = None
) -> InspectReport:
    """What each embedded source of an HTML page said, and which value won for each property."""
    from jsonld_news.readers.html import inspect_html

    options = options or Options(recognize_entities=False)
    data, label = _load(source, options, name)
    _require_html(data, label)
    return inspect_html(data, label, options)


_FORMAT_NAMES = {"json": "JSON", "markdown": "Markdown", "text": "a plain-text article"}


def _require_html(data: bytes, source: str) -> None:
    """A page to inspect is HTML; anything else is said to be what it looks like."""
    from jsonld_news.decode import looks_binary
    from jsonld_news.readers import detect_format

    if looks_binary(data) or not data.strip():
        return  # the HTML reader says what is wrong with bytes that are no text at all
    found = detect_format(data, source)
    if found != "html":
        raise UnknownFormatError(
            source,
            f"not HTML: it looks like {_FORMAT_NAMES.get(found, found)}; inspect reads HTML "
            "pages (convert and entities read every format)",
        )


def entities(article: Article) -> list[dict[str, str]]:
    """One row per occurrence the recognizer found: surface, name, type, where, IRI, sameAs."""
    from jsonld_news.enrich.recognize import entities_table

    return entities_table(article.occurrences)


def import_kb(dump: str | os.PathLike[str], output: str | os.PathLike[str]) -> ImportReport:
    """Build a knowledge base (JSON Lines) from a Wikidata JSON dump, plain or gzipped, streaming."""
    from jsonld_news.kb import import_wikidata

    return import_wikidata(dump, output)


def prepare(options: Options) -> None:
    """Open what ``options`` name (the KB and its index) now, in this process.

    A bad KB then fails once, before any input is read; batch workers open it themselves.
    """
    from jsonld_news.enrich.mentions import recognizer_for

    recognizer_for(options)
