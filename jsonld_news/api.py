"""The Python API: read an article, turn it into JSON-LD or RDF, validate the result."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from jsonld_news.jsonld import to_jsonld
from jsonld_news.model import Article
from jsonld_news.options import Options
from jsonld_news.pipeline import STDIN, convert_bytes, read_file
from jsonld_news.serialize import render
from jsonld_news.validate import DEFAULT_VALIDATORS, Report
from jsonld_news.validate import validate as _validate

Source = str | Path | bytes


def read(source: Source, format: str | None = None, *, options: Options | None = None) -> Article:
    """Read one article from a path, from bytes, or from text.

    A ``str`` names a file when such a file exists; otherwise it is the article's text
    (``read(text, format="text")``). ``format`` is detected when omitted.
    """
    options = options or Options()
    if isinstance(source, bytes):
        return convert_bytes(source, STDIN, format, options)
    if isinstance(source, Path) or _is_existing_path(source):
        path = Path(source)
        return convert_bytes(read_file(path, options), str(path), format, options)
    return convert_bytes(source.encode("utf-8"), "<text>", format or "text", options)


def _is_existing_path(text: str) -> bool:
    if "\n" in text or len(text) > 4096:
        return False
    try:
        return Path(text).is_file()
    except OSError:
        return False


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
