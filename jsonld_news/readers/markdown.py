"""Markdown with optional YAML front matter (static-site generators, trafilatura's markdown)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import yaml

from jsonld_news.decode import check_size, decode_text
from jsonld_news.errors import MalformedInputError
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle
from jsonld_news.readers.fields import apply_fields
from jsonld_news.readers.text import parse_text

_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S
)


def read_markdown(data: bytes, source: str, options: Options) -> RawArticle:
    check_size(data, source, options.max_input_bytes)
    text = decode_text(data, source, options.encoding)
    match = _FRONT_MATTER.match(text)
    if not match:
        return parse_text(text, source, "markdown", options)
    meta = _load_yaml(match.group("yaml"), source)
    body = text[match.end() :]
    title_known = bool(meta.get("title") or meta.get("headline"))
    if title_known:
        body = _drop_repeated_title(body, meta)
    raw = parse_text(body, source, "markdown", options, title_known=title_known)
    apply_fields(raw, meta)
    return raw


def _load_yaml(text: str, source: str) -> Mapping[str, Any]:
    try:
        meta = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise MalformedInputError(source, f"YAML front matter does not parse{where}") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise MalformedInputError(source, "YAML front matter is not a mapping of fields")
    return meta


def _drop_repeated_title(body: str, meta: Mapping[str, Any]) -> str:
    """Bodies often repeat the title as a first ``# heading``; it is not body text."""
    title = str(meta.get("title") or meta.get("headline") or "").strip()
    first, _, rest = body.strip().partition("\n")
    if title and first.lstrip("# ").strip() == title:
        return rest.strip()
    return body
