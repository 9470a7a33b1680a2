"""IPTC ninjs ("News in JSON") news items, versions 2.x and 3.x (1.x as a best effort).

ninjs 3 spells properties in camelCase (``versionCreated``), 2.x in lower case
(``versioncreated``) and 1.x uses maps for ``renditions``/``associations`` and single
``headline``/``body_text`` fields; keys are compared case-insensitively so one mapping serves
all three. The mapping to schema.org is documented in ``docs/ninjs-mapping.md``.

Errors: JSON that does not parse or is not an object is a ``MalformedInputError``; an item without
its required ``uri`` is an ``ArticleError``; an item declaring a ninjs major version other than
1, 2 or 3 is an ``UnknownFormatError``. Properties with no schema.org counterpart (``ednote``,
``urgency``, ``pubstatus``...) are not published; a withheld or canceled item is noted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from jsonld_news.decode import check_size, decode_text
from jsonld_news.errors import ArticleError, MalformedInputError, Problem, UnknownFormatError
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle, RawEntity, RawImage, RawLink, RawOrganization

KNOWN_MAJOR_VERSIONS = ("1", "2", "3")
MAX_DEPTH = 64

# Properties only ninjs has (lower-cased); with ``uri`` they identify a ninjs item.
NINJS_KEYS = frozenset(
    {
        "versioncreated",
        "firstcreated",
        "contentcreated",
        "headlines",
        "bodies",
        "body_text",
        "body_html",
        "body_xhtml",
        "renditions",
        "associations",
        "located",
        "pubstatus",
        "urgency",
        "slugline",
        "representationtype",
        "copyrightholder",
        "infosources",
        "altids",
        "trustindicators",
        "descriptions",
        "description_text",
    }
)
_SCHEMA_VERSION = re.compile(r"ninjs-schema[_-](?:dev_[\d.]+_)?v?(\d+)(?:\.(\d+))?", re.I)
# qcode schemes whose URIs are published by IPTC or Wikidata
_QCODE_SCHEMES = {
    "medtop": "http://cv.iptc.org/newscodes/mediatopic/",
    "subj": "http://cv.iptc.org/newscodes/subjectcode/",
    "genre": "http://cv.iptc.org/newscodes/genre/",
    "wd": "http://www.wikidata.org/entity/",
}
_ENTITY_LISTS = (
    ("people", "Person", "mentions"),
    ("organisations", "Organization", "mentions"),
    ("organizations", "Organization", "mentions"),
    ("places", "Place", "mentions"),
    ("subjects", None, "about"),
    ("events", None, "mentions"),
)
_MAIN_ROLES = ("", "main", "body", "text", "full", "headline", "default")
_ALT_HEADLINE_ROLES = ("sub", "subheadline", "subtitle", "alternative", "short", "seo", "web")


def looks_like_ninjs(obj: dict[str, Any]) -> bool:
    """True for a ninjs item: a ninjs ``$schema``/``standard``, or ``uri`` plus ninjs-only keys."""
    if not isinstance(obj, Mapping):
        return False
    schema = obj.get("$schema")
    if isinstance(schema, str) and "ninjs" in schema.lower():
        return True
    standard = obj.get("standard")
    if isinstance(standard, Mapping) and "ninjs" in str(standard.get("name", "")).lower():
        return True
    keys = {k.lower() for k in obj if isinstance(k, str)}
    return "uri" in keys and bool(keys & NINJS_KEYS)


def read_ninjs(data: bytes, source: str, options: Options) -> RawArticle:
    check_size(data, source, options.max_input_bytes)
    text = decode_text(data, source, options.encoding)
    try:
        obj = json.loads(text)
    except RecursionError:
        raise MalformedInputError(source, "JSON nests too deeply") from None
    except json.JSONDecodeError as exc:
        raise MalformedInputError(
            source, f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    if not isinstance(obj, dict):
        raise MalformedInputError(source, "a ninjs item must be a JSON object")
    return from_ninjs(obj, source)


def ninjs_version(item: Mapping[str, Any]) -> str | None:
    """The declared version ("2.1"), from ``standard.version`` or the ``$schema`` URL."""
    standard = item.get("standard")
    if isinstance(standard, Mapping) and standard.get("version") is not None:
        return str(standard["version"]).strip() or None
    for key in ("$schema", "schema"):
        value = item.get(key)
        if not isinstance(value, str):
            continue
        match = _SCHEMA_VERSION.search(value)
        if match:
            return f"{match.group(1)}.{match.group(2) or 0}"
    if isinstance(standard, Mapping) and isinstance(standard.get("schema"), str):
        match = _SCHEMA_VERSION.search(standard["schema"])
        if match:
            return f"{match.group(1)}.{match.group(2) or 0}"
    return None


def _lower_keys(value: Any, depth: int = 0) -> Any:
    """ninjs 3 camelCase and 2.x lower case as one spelling."""
    if depth > MAX_DEPTH:
        return None
    if isinstance(value, dict):
        return {
            (k.lower() if isinstance(k, str) else k): _lower_keys(v, depth + 1)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_lower_keys(v, depth + 1) for v in value]
    return value


def from_ninjs(obj: Mapping[str, Any], source: str) -> RawArticle:
    version = ninjs_version(obj)
    if version is not None and version.split(".")[0] not in KNOWN_MAJOR_VERSIONS:
        raise UnknownFormatError(
            source, f"ninjs version {version} is not supported; this reader knows 2.x and 3.x"
        )
    item: dict[str, Any] = _lower_keys(obj)
    uri = _text(item.get("uri"))
    if not uri:
        raise ArticleError(source, [Problem("uri", "missing; every ninjs item must have one")])
    raw = RawArticle(source=source, format="ninjs")
    if version is None and _looks_like_1x(item):
        raw.notes.append("ninjs 1.x (single headline/body_text) read as a best effort")
    elif version is not None and version.startswith("1"):
        raw.notes.append(f"ninjs {version} read as a best effort (this reader targets 2.x, 3.x)")
    if uri.startswith(("http://", "https://")):
        raw.url = uri
    else:
        raw.identifiers.append(uri)  # a URN or wire id still identifies the item
        raw.url = _web_rendition(item)
        if raw.url is None:
            raw.notes.append(f"ninjs uri {uri!r} is not a web URL; the article has no URL")
    raw.identifiers.extend(_altids(item.get("altids")))
    raw.genres = [g for g in (_genre(v) for v in _list(item.get("genres"))) if g]

    _headlines(item, raw)
    raw.description = _pick(
        item.get("descriptions"), (*_MAIN_ROLES, "summary", "abstract", "caption")
    )
    raw.description = raw.description or _text(item.get("description_text"))
    raw.body = _body(item)
    raw.byline = _text(item.get("by"))
    raw.dateline = _text(item.get("located"))
    raw.language = _text(item.get("language"))
    raw.date_published = _text(item.get("firstcreated")) or _text(item.get("versioncreated"))
    modified = _text(item.get("versioncreated"))
    raw.date_modified = modified if modified and modified != raw.date_published else None
    raw.date_created = _text(item.get("contentcreated"))
    raw.copyright_holder = _text(item.get("copyrightholder"))
    raw.copyright_notice = _text(item.get("copyrightnotice"))
    raw.keywords = [k for k in (_text(v) for v in _list(item.get("keywords"))) if k]
    raw.entities = _entities(item)
    raw.images = _renditions(item)  # a picture item's own renditions; image/* only
    _associations(item, raw)
    _infosources(item, raw)
    status = _text(item.get("pubstatus"))
    if status in ("withheld", "canceled"):
        raw.notes.append(f"ninjs pubstatus is {status!r}: the item is not for publication")
    if item.get("embargoed"):
        raw.notes.append(f"ninjs item embargoed until {_text(item.get('embargoed'))}")
    if not raw.title and not raw.body:
        raise ArticleError(source, [Problem("headlines", "the ninjs item has no headline or body")])
    if not raw.body and raw.description:
        # a picture or a short item: its description is all the text there is
        raw.body = raw.description
        raw.notes.append("ninjs item has no body; its description stands in")
    return raw


# --- helpers ----------------------------------------------------------------------------------


def _altids(value: Any) -> list[str]:
    """2.x: ``{"scheme": "id"}``; 3.x: ``[{"role": ..., "value": "id"}]``."""
    if isinstance(value, dict):
        return [t for t in (_text(v) for v in value.values()) if t]
    if isinstance(value, list):
        found = (_text(v.get("value")) if isinstance(v, dict) else _text(v) for v in value)
        return [t for t in found if t]
    return []


def _genre(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("name")) or _text(value.get("code")) or _text(value.get("uri"))
    return _text(value)


def _looks_like_1x(item: Mapping[str, Any]) -> bool:
    keys = set(item)
    return not keys & {"headlines", "bodies"} and bool(
        keys & {"headline", "body_text", "body_html", "description_text"}
    )


def _web_rendition(item: Mapping[str, Any]) -> str | None:
    """A text item's ``text/html`` rendition: where the item is published on the web."""
    for entry in _list(item.get("renditions")):
        if not isinstance(entry, dict):
            continue
        href = _text(entry.get("href"))
        kind = (_text(entry.get("contenttype")) or _text(entry.get("mimetype")) or "").lower()
        if href and href.startswith(("http://", "https://")) and kind == "text/html":
            return href
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        cleaned = value.strip()
        return cleaned or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _list(value: Any) -> list[Any]:
    """ninjs 2.x/3.x arrays, and 1.x maps keyed by name (kept as ``name``)."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        if all(isinstance(v, dict) for v in value.values()) and value:
            return [{"name": k, **v} for k, v in value.items()]
        return [value]
    return [value]


def _role(entry: Mapping[str, Any]) -> str:
    return (_text(entry.get("role")) or "").lower()


def _pick(entries: Any, roles: tuple[str, ...]) -> str | None:
    """The value of the first entry whose role is in ``roles`` (in that order of preference)."""
    candidates = [e for e in _list(entries) if isinstance(e, dict) and _text(e.get("value"))]
    for role in roles:
        for entry in candidates:
            if _role(entry) == role:
                return _value_as_text(entry)
    return None


def _value_as_text(entry: Mapping[str, Any]) -> str | None:
    value = _text(entry.get("value"))
    if value is None:
        return None
    if "html" in (_text(entry.get("contenttype")) or "").lower():
        return _html_to_markdown(value)
    return value


def _headlines(item: Mapping[str, Any], raw: RawArticle) -> None:
    entries = [e for e in _list(item.get("headlines")) if isinstance(e, dict)]
    raw.title = _pick(entries, _MAIN_ROLES) or _text(item.get("headline"))
    if raw.title is None and entries:
        raw.title = _value_as_text(entries[0])  # a single headline with an unknown role
    raw.alternative_headline = _pick(entries, _ALT_HEADLINE_ROLES)
    if raw.title is None and _text(item.get("title")):
        raw.title = _text(item.get("title"))  # ``title`` is metadata; used only when nothing else
        raw.notes.append("ninjs item has no headline; its metadata title is used")


def _body(item: Mapping[str, Any]) -> str | None:
    entries = [e for e in _list(item.get("bodies")) if isinstance(e, dict)]
    if entries:
        chosen = _pick(entries, _MAIN_ROLES)
        if chosen is None:
            chosen = next((_value_as_text(e) for e in entries if _text(e.get("value"))), None)
        return chosen
    for key, is_html in (("body_html", True), ("body_xhtml", True), ("body_text", False)):
        value = _text(item.get(key))
        if value:
            return _html_to_markdown(value) if is_html else value
    return None


def _html_to_markdown(fragment: str) -> str:
    from jsonld_news.readers.html_text import html_fragment_to_markdown

    return html_fragment_to_markdown(fragment)


def _uri(value: Any) -> str | None:
    """An entity URI: http(s) kept, known qcodes (``medtop:04000000``) expanded, others dropped."""
    text = _text(value)
    if text is None:
        return None
    if text.startswith(("http://", "https://")):
        return text
    scheme, _, code = text.partition(":")
    base = _QCODE_SCHEMES.get(scheme.lower())
    return f"{base}{code}" if base and code else None


def _entities(item: Mapping[str, Any]) -> list[RawEntity]:
    entities: list[RawEntity] = []
    for key, kind, default_role in _ENTITY_LISTS:
        for entry in _list(item.get(key)):
            if not isinstance(entry, dict):
                continue
            name = _text(entry.get("name")) or _text(entry.get("literal"))
            if not name:
                continue
            rel = (_text(entry.get("rel")) or "").lower()
            role = (
                "about"
                if "about" in rel or "subject" in rel
                else "mentions"
                if "mention" in rel
                else default_role
            )
            uri = _uri(entry.get("uri"))
            entities.append(
                RawEntity(name=name, type=kind, same_as=[uri] if uri else [], role=role)
            )
    return entities


def _renditions(item: Mapping[str, Any]) -> list[RawImage]:
    """Image renditions, largest first; the ``href`` is the image URL."""
    found: list[RawImage] = []
    for entry in _list(item.get("renditions")):
        if not isinstance(entry, dict):
            continue
        href = _text(entry.get("href"))
        kind = (_text(entry.get("contenttype")) or _text(entry.get("mimetype")) or "").lower()
        if not href or (kind and not kind.startswith("image/")):
            continue
        found.append(
            RawImage(
                url=href,
                caption=_text(entry.get("title")),
                width=_int(entry.get("width")),
                height=_int(entry.get("height")),
            )
        )
    found.sort(key=lambda i: (i.width or 0) * (i.height or 0), reverse=True)
    return found


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    return None


def _associations(item: Mapping[str, Any], raw: RawArticle) -> None:
    """Associated pictures become images (caption, credit); associated texts related links."""
    for entry in _list(item.get("associations")):
        if not isinstance(entry, dict):
            continue
        kind = _text(entry.get("type")) or ""
        headline = _pick(entry.get("headlines"), _MAIN_ROLES) or _text(entry.get("headline"))
        caption = (
            _pick(entry.get("descriptions"), ("caption", *_MAIN_ROLES, "summary"))
            or _text(entry.get("description_text"))
            or _text(entry.get("body_text"))
            or headline
        )
        credit = _text(entry.get("by")) or _text(entry.get("copyrightholder"))
        images = _renditions(entry)
        if kind in ("picture", "graphic") or (images and kind not in ("text", "composite")):
            if images:
                best = images[0]
                raw.images.append(
                    RawImage(best.url, caption or best.caption, credit, best.width, best.height)
                )
                if credit and raw.photo_credit is None:
                    raw.photo_credit = credit
            continue
        uri = _text(entry.get("uri"))
        if kind == "text" and uri and uri.startswith(("http://", "https://")):
            raw.related.append(RawLink(text=headline or uri, url=uri))


def _infosources(item: Mapping[str, Any], raw: RawArticle) -> None:
    for entry in _list(item.get("infosources")):
        if not isinstance(entry, dict):
            continue
        name = _text(entry.get("name")) or _text(entry.get("literal"))
        role = (_text(entry.get("role")) or "").lower()
        if name and "publisher" in role and raw.publisher is None:
            uri = _text(entry.get("uri"))
            raw.publisher = RawOrganization(
                name=name, url=uri if uri and uri.startswith("http") else None
            )
