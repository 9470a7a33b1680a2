"""Article JSON: the project's own input schema, news-please, trafilatura, JSON-LD; ninjs is routed on.

The project's own format is documented by ``schemas/article.schema.json``; its field names are
schema.org's (``headline``, ``datePublished``...) with the aliases listed in ``readers.fields``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from jsonld_news.context import remote_references
from jsonld_news.decode import check_size, decode_text
from jsonld_news.errors import ArticleError, MalformedInputError, RemoteContextError
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle, RawImage, RawOrganization
from jsonld_news.readers.fields import OWN_KINDS, apply_fields, strings, text_of, type_problems

MAX_DEPTH = 64


def load_json(data: bytes, source: str, options: Options) -> Any:
    check_size(data, source, options.max_input_bytes)
    text = decode_text(data, source, options.encoding)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(
            source, f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise MalformedInputError(source, "JSON nested too deeply") from None
    # every level of nesting opens with a bracket: with few brackets (nearly every article),
    # the walk cannot find one too deep
    brackets = text.count("{") + text.count("[")
    if brackets > MAX_DEPTH and _depth_exceeds(value, MAX_DEPTH):
        raise MalformedInputError(source, f"JSON nested more than {MAX_DEPTH} levels deep")
    return value


def _depth_exceeds(value: Any, limit: int) -> bool:
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return False


def _object(value: Any, source: str, options: Options) -> Mapping[str, Any]:
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if not isinstance(value, dict):
        kind = type(value).__name__.replace("dict", "object").replace("list", "array")
        raise MalformedInputError(
            source, f"expected a JSON object describing one article, got {kind}"
        )
    _refuse_remote_contexts(value, source, options)
    return value


def _refuse_remote_contexts(obj: Mapping[str, Any], source: str, options: Options) -> None:
    """Any ``@context`` anywhere that would load a document, in whatever JSON we were given."""
    remote = [] if options.allow_remote_context else remote_references(obj)
    if remote:
        others = f" (and {len(remote) - 1} more)" if len(remote) > 1 else ""
        raise RemoteContextError(
            source,
            f"refusing @context {_short(remote[0])}{others}: only schema.org's pinned context "
            "is used; pass --allow-remote-context to read the document without fetching it",
        )


def read_json(data: bytes, source: str, options: Options) -> RawArticle:
    """Any article JSON: detect which producer wrote it, then read it with that producer's map."""
    obj = _object(load_json(data, source, options), source, options)
    variant = detect_variant(obj)
    if variant == "ninjs":
        from jsonld_news.readers.ninjs import read_ninjs

        return read_ninjs(data, source, options)
    return _READ_VARIANT[variant](obj, source, options)


def detect_variant(obj: Mapping[str, Any]) -> str:
    if "@context" in obj or "@type" in obj or "@graph" in obj:
        return "jsonld"
    if "maintext" in obj or "date_publish" in obj or "source_domain" in obj:
        return "newsplease"
    if "raw_text" in obj or "source-hostname" in obj or "fingerprint" in obj:
        return "trafilatura"
    if "uri" in obj and _looks_like_ninjs(obj):
        return "ninjs"
    return "own"


def _looks_like_ninjs(obj: Mapping[str, Any]) -> bool:
    try:
        from jsonld_news.readers.ninjs import looks_like_ninjs
    except ImportError:  # pragma: no cover - the ninjs reader ships with the package
        return False
    return looks_like_ninjs(dict(obj))


def read_newsplease(data: bytes, source: str, options: Options) -> RawArticle:
    return _from_newsplease(
        _object(load_json(data, source, options), source, options), source, options
    )


def read_trafilatura(data: bytes, source: str, options: Options) -> RawArticle:
    return _from_trafilatura(
        _object(load_json(data, source, options), source, options), source, options
    )


# Fields each producer writes, by kind (``readers.fields``): a wrong type is an ``ArticleError``.
NEWSPLEASE_KINDS = {
    **dict.fromkeys(
        (
            "title",
            "title_page",
            "title_rss",
            "description",
            "maintext",
            "text",
            "url",
            "date_publish",
            "date_modify",
            "date_download",
            "language",
            "image_url",
            "source_domain",
        ),
        "text",
    ),
    "authors": "texts",
}
TRAFILATURA_KINDS = {
    **dict.fromkeys(
        (
            "title",
            "excerpt",
            "description",
            "text",
            "raw_text",
            "source",
            "url",
            "date",
            "author",
            "source-hostname",
            "sitename",
            "hostname",
            "language",
            "image",
            "license",
        ),
        "text",
    ),
    "categories": "texts",
    "tags": "texts",
}


def _check_types(
    obj: Mapping[str, Any], kinds: Mapping[str, str], source: str, *, lenient: bool = False
) -> None:
    problems = type_problems(obj, kinds, lenient=lenient)
    if problems:
        raise ArticleError(source, problems)


def _from_own(obj: Mapping[str, Any], source: str, options: Options) -> RawArticle:
    _check_types(obj, OWN_KINDS, source)
    raw = RawArticle(source=source, format="json")
    apply_fields(raw, obj)
    return raw


def _from_jsonld(obj: Mapping[str, Any], source: str, options: Options) -> RawArticle:
    node = _main_node(obj)
    _check_types(node, OWN_KINDS, source, lenient=True)
    raw = RawArticle(source=source, format="jsonld")
    apply_fields(raw, node)
    page = node.get("mainEntityOfPage")
    if not raw.url and isinstance(page, (str, dict)):
        raw.url = text_of(page.get("@id") if isinstance(page, dict) else page)
    return raw


def _main_node(obj: Mapping[str, Any]) -> Mapping[str, Any]:
    graph = obj.get("@graph")
    if isinstance(graph, list):
        for node in graph:
            if isinstance(node, dict) and "Article" in str(node.get("@type", "")):
                return node
    return obj


def _short(value: Any) -> str:
    text = json.dumps(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _from_newsplease(obj: Mapping[str, Any], source: str, options: Options) -> RawArticle:
    """news-please: ``authors`` list, naive ``date_publish``, ``maintext``, ``image_url``."""
    _check_types(obj, NEWSPLEASE_KINDS, source)
    raw = RawArticle(source=source, format="newsplease")
    raw.title = text_of(obj.get("title")) or text_of(obj.get("title_page"))
    raw.description = text_of(obj.get("description"))
    raw.body = text_of(obj.get("maintext")) or text_of(obj.get("text"))
    raw.url = text_of(obj.get("url"))
    raw.date_published = _newsplease_date(obj.get("date_publish"))
    raw.date_modified = _newsplease_date(obj.get("date_modify"))
    raw.authors = strings(obj.get("authors") or [], split_commas=False)
    raw.language = text_of(obj.get("language"))
    image = text_of(obj.get("image_url"))
    if image:
        raw.images.append(RawImage(url=image))
    return raw


def _newsplease_date(value: Any) -> str | None:
    """news-please writes ``00:00:00`` when it only knew the day: that is a date, not midnight."""
    text = text_of(value)
    if text is None or text in ("None", "NULL"):
        return None
    return text[:10] if text.endswith(" 00:00:00") else text


def _from_trafilatura(obj: Mapping[str, Any], source: str, options: Options) -> RawArticle:
    """trafilatura: ``author`` joined with "; ", ``source`` URL, ``source-hostname`` site name."""
    _check_types(obj, TRAFILATURA_KINDS, source)
    raw = RawArticle(source=source, format="trafilatura")
    raw.title = text_of(obj.get("title"))
    raw.description = text_of(obj.get("excerpt")) or text_of(obj.get("description"))
    raw.body = text_of(obj.get("text")) or text_of(obj.get("raw_text"))
    raw.url = text_of(obj.get("source")) or text_of(obj.get("url"))
    raw.date_published = text_of(obj.get("date"))
    author = text_of(obj.get("author"))
    if author:
        raw.authors = [name.strip() for name in author.split(";") if name.strip()]
    site = text_of(obj.get("source-hostname")) or text_of(obj.get("sitename"))
    if site:
        raw.publisher = RawOrganization(name=site)
    raw.language = text_of(obj.get("language"))
    image = text_of(obj.get("image"))
    if image:
        raw.images.append(RawImage(url=image))
    categories = strings(obj.get("categories") or [])
    raw.section = categories[0] if categories else None
    raw.keywords = strings(obj.get("tags") or [])
    raw.copyright_notice = text_of(obj.get("license"))
    return raw


_READ_VARIANT = {
    "own": _from_own,
    "jsonld": _from_jsonld,
    "newsplease": _from_newsplease,
    "trafilatura": _from_trafilatura,
}
