"""A hand-written "valid?" for ``schemas/newsarticle.schema.json``: yes surely, or "ask the library".

fastjsonschema's generated code spends most of each check on bookkeeping (a set of every
object's keys, a function and a ``try`` per ``anyOf`` branch); our own output is valid, so the
common answer needs none of it. This checker is one-sided: ``True`` only where every keyword of
the schema holds; on ``False`` ``schema.is_valid`` asks fastjsonschema, so an unusual but valid
document (an integral float for an integer, a tuple for an array) costs time, never the answer.

It is written for one version of the schema file: if the file's bytes change, ``fast_valid``
answers ``False`` for everything (the library decides) until this module is brought up to date
and ``SCHEMA_SHA256`` with it. ``tests/test_validate_compiled.py`` holds it to the library on
our documents and on mutated ones.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from jsonld_news.resources import schema_file

SCHEMA_NAME = "newsarticle.schema.json"
SCHEMA_SHA256 = "442a431a9f7c536c888e2757bcc7fcbdf585bf036e412ce71d7e7f5af1e21e99"

Check = Callable[[Any], bool]
_ABSENT = object()


def _pattern(text: str) -> re.Pattern[str]:
    # As fastjsonschema compiles a pattern: an unescaped "$" becomes "\Z" (no final newline).
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", text))


# The schema's patterns, copied from its $defs (the hash check keeps them in step).
_IRI = _pattern(r'^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>"{}|\\^`]+$').search
_HTTP_URL = _pattern(r'^https?://[^\s<>"{}|\\^`]+$').search
_DATE = _pattern(
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
    r"(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$"
).search
_LANGUAGE_TAG = _pattern(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$").search
_NON_SPACE = _pattern(r"\S").search
_BY = _pattern(r"^(?i:by|von|par|por)\s").search

_CONTEXTS = frozenset(
    [
        "https://schema.org",
        "https://schema.org/",
        "http://schema.org",
        "http://schema.org/",
        "https://schema.org/docs/jsonldcontext.jsonld",
    ]
)
_ARTICLE_TYPES = frozenset(
    [
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicNewsArticle",
        "SatiricalArticle",
        "ScholarlyArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
    ]
)


# --- strings and lists ----------------------------------------------------------------------


def _text(value: Any) -> bool:  # $defs/text: minLength 1 and a non-space character
    return type(value) is str and _NON_SPACE(value) is not None


def _iri(value: Any) -> bool:
    return type(value) is str and _IRI(value) is not None


def _http_url(value: Any) -> bool:
    return type(value) is str and _HTTP_URL(value) is not None


def _date(value: Any) -> bool:
    return type(value) is str and _DATE(value) is not None


def _string(value: Any) -> bool:
    return type(value) is str


def _one_or_list(check: Check, non_empty: bool = False) -> Check:
    # ``{"anyOf": [X, {"type": "array", "items": X}]}``, the schema's usual shape.
    def one_or_list(value: Any) -> bool:
        if type(value) is list:
            return (bool(value) or not non_empty) and all(map(check, value))
        return check(value)

    return one_or_list


def _list_of(check: Check) -> Check:
    def list_of(value: Any) -> bool:
        return type(value) is list and all(map(check, value))

    return list_of


def _either(*checks: Check) -> Check:
    def either(value: Any) -> bool:
        return any(check(value) for check in checks)

    return either


def _minimum(least: int) -> Check:
    def integer(value: Any) -> bool:  # ``type(...) is int`` also turns away booleans
        return type(value) is int and value >= least

    return integer


# --- objects: a table of property checks, then the required keys ------------------------------


def _object(properties: Mapping[str, Check], *required: str, either: tuple[str, ...] = ()) -> Check:
    """An object whose listed properties pass their checks (others are free), with every key of
    ``required`` and, if ``either`` is given, at least one of its keys."""

    def check(value: Any) -> bool:
        if type(value) is not dict:
            return False
        for key, item in value.items():
            test = properties.get(key)
            if test is not None and not test(item):
                return False
        for key in required:
            if key not in value:
                return False
        return not either or any(key in value for key in either)

    return check


def _agent_name(value: Any) -> bool:
    return _text(value) and _BY(value) is None


_NODE = {
    "@id": _iri,
    "@type": _one_or_list(_string),
    "url": _iri,
    "sameAs": _one_or_list(_iri),
}
_node = _object(_NODE)
_NAMED = {**_NODE, "name": _text}
_named_node = _object(_NAMED, either=("name", "@id"))
_named_nodes = _one_or_list(_named_node)
_agent = _object(
    {**_NAMED, "name": _agent_name, "affiliation": _named_nodes},
    "@type",
    "name",
    either=("name", "@id"),
)
_agents = _one_or_list(_agent, non_empty=True)
_related_item = _either(_iri, _named_node)
_web_page = _object({**_NODE, "relatedLink": _one_or_list(_related_item)}, "@id")
_size = _either(_minimum(1), _node)
_image_object = _object(
    {
        **_NODE,
        "contentUrl": _iri,
        "caption": _text,
        "creditText": _text,
        "width": _size,
        "height": _size,
        "creator": _agents,
        "sourceOrganization": _named_nodes,
    }
)
_image = _either(_iri, _image_object)
_citation_item = _either(
    _text, _object({**_NODE, "name": _text, "description": _text, "author": _agents})
)


def _context(value: Any) -> bool:
    return type(value) is str and value in _CONTEXTS


def _article_type(value: Any) -> bool:
    if type(value) is str:
        return value in _ARTICLE_TYPES
    return (
        type(value) is list
        and all(type(item) is str for item in value)
        and any(item in _ARTICLE_TYPES for item in value)  # also "minItems": 1
    )


def _language(value: Any) -> bool:
    if type(value) is str:
        return _LANGUAGE_TAG(value) is not None
    return _node(value)


_ARTICLE = _object(
    {
        "@context": _context,
        "@type": _article_type,
        "@id": _iri,
        "headline": _text,
        "alternativeHeadline": _text,
        "description": _text,
        "url": _http_url,
        "mainEntityOfPage": _either(_iri, _web_page),
        "datePublished": _date,
        "dateModified": _date,
        "dateCreated": _date,
        "inLanguage": _language,
        "author": _agents,
        "publisher": _agents,
        "image": _either(_iri, _image_object, _list_of(_image)),
        "dateline": _text,
        "locationCreated": _named_nodes,
        "sourceOrganization": _named_nodes,
        "articleSection": _one_or_list(_text),
        "keywords": _either(_string, _list_of(_text)),
        "about": _named_nodes,
        "mentions": _named_nodes,
        "citation": _one_or_list(_citation_item),
        "copyrightHolder": _agents,
        "copyrightNotice": _text,
        "isBasedOn": _either(_iri, _node),
        "wordCount": _minimum(0),
        "articleBody": _string,
    },
    "@context",
    "@type",
    "headline",
)


@cache
def _up_to_date() -> bool:
    return hashlib.sha256(schema_file(SCHEMA_NAME).read_bytes()).hexdigest() == SCHEMA_SHA256


def fast_valid(doc: Any) -> bool:
    """True: ``doc`` is valid against the schema. False: not known; ask the library."""
    return _up_to_date() and _ARTICLE(doc)
