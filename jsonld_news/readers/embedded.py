"""Structured data an HTML page embeds about itself, read leniently, in one place.

Sources: JSON-LD ``<script>`` blocks, microdata, OpenGraph and Dublin Core (via extruct, from the
one parsed tree), plain ``<meta>`` tags, and, when ``Options.html_syntaxes`` asks for them, RDFa
and microformats (20-40 ms a page in extruct, hence opt-in).

JSON-LD is parsed here rather than by extruct's ``JsonLdExtractor``, which stops at the first
script it cannot decode. Every repair this package makes to embedded JSON-LD is in this module,
tried in this order, each only after the plain parse failed:

1. HTML comment (``<!-- ... -->``) and CDATA (``//<![CDATA[ ... //]]>``) wrappers are removed;
2. raw control characters are accepted inside strings (``json`` non-strict mode) and replaced by
   spaces outside them;
3. HTML-entity-encoded scripts (``{&quot;@type&quot;: ...}``) are unescaped;
4. trailing semicolons, ``//`` comment lines and trailing commas before ``}``/``]`` are dropped;
5. several objects in one script (``{...}{...}`` or ``{...},{...}``) are read one after another.

A script that still does not parse, or nests deeper than Python's recursion limit, is skipped
with a note. A remote ``@context`` is never fetched: schema.org is recognised by name
(``http``/``https``, with or without ``www``, trailing slash or ``#``) and property IRIs of the
form ``https://schema.org/headline`` are shortened to ``headline``.

Every typed node is collected, flattened out of ``@graph`` arrays, lists and nested values
(``mainEntity``, ``itemListElement``...), and ``@type`` is always a list of short class names.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from jsonld_news.errors import ConfigError

Node = dict[str, Any]

HTML_SYNTAXES = ("json-ld", "microdata", "opengraph", "dublincore", "rdfa", "microformat")
DEFAULT_SYNTAXES = ("json-ld", "microdata", "opengraph", "dublincore")  # rdfa, microformat: opt-in
MAX_DEPTH = 48  # deeper JSON-LD structure is noise or an attack; nodes below it are ignored
MAX_NODES = 5000

_SCHEMA_PREFIX = re.compile(r"^https?://(?:www\.)?schema\.org/?#?", re.I)
_COMMENT_WRAP = re.compile(r"^\s*<!--|-->\s*$")
_CDATA_WRAP = re.compile(
    r"^\s*(?://|/\*)?\s*<!\[CDATA\[(?:\s*\*/)?|(?://|/\*)?\s*\]\]>(?:\s*\*/)?\s*$"
)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_JS_LINE_COMMENT = re.compile(r"^\s*//[^\n]*$", re.M)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SEPARATORS = " \t\r\n;,"


@dataclass(slots=True)
class Embedded:
    """What the page's own markup says, per syntax; values as found (strings, lists, nodes)."""

    jsonld: list[Node] = field(default_factory=list)
    microdata: list[Node] = field(default_factory=list)
    rdfa: list[Node] = field(default_factory=list)
    opengraph: dict[str, list[str]] = field(default_factory=dict)  # "og:title" -> values
    dublincore: dict[str, list[str]] = field(default_factory=dict)  # "dc.creator" -> values
    meta: dict[str, list[str]] = field(default_factory=dict)  # every <meta name|property>
    microformats: list[dict[str, Any]] = field(default_factory=list)
    canonical: str | None = None
    html_lang: str | None = None
    headings: list[str] = field(default_factory=list)  # the page's visible <h1> texts
    title_element: str | None = None  # <head><title>
    notes: list[str] = field(default_factory=list)


def parse_syntaxes(text: str) -> tuple[str, ...]:
    """``--syntaxes json-ld,rdfa`` (or ``all``) as a tuple for ``Options.html_syntaxes``."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if names == ["all"]:
        return HTML_SYNTAXES
    aliases = {
        "jsonld": "json-ld",
        "microformats": "microformat",
        "og": "opengraph",
        "dc": "dublincore",
    }
    chosen = tuple(dict.fromkeys(aliases.get(n, n) for n in names))
    unknown = [n for n in chosen if n not in HTML_SYNTAXES]
    if unknown or not chosen:
        raise ConfigError(
            f"unknown HTML syntax {', '.join(unknown) or repr(text)}; choose from "
            f"{', '.join(HTML_SYNTAXES)} or all"
        )
    return chosen


# --- lenient JSON -----------------------------------------------------------------------------


def parse_json_lenient(text: str) -> tuple[list[Any], list[str]]:
    """Every JSON value in ``text``, with notes naming each repair made or why it gave up."""
    notes: list[str] = []
    try:
        return [json.loads(text, strict=False)], notes
    except RecursionError:
        return [], ["embedded JSON-LD nests too deeply; ignored"]
    except ValueError:
        pass
    cleaned = _unwrap(text)
    if cleaned != text:
        notes.append("embedded JSON-LD: removed comment/CDATA wrapper")
    if "&quot;" in cleaned or "&#34;" in cleaned or "&#x22;" in cleaned.lower():
        cleaned = html.unescape(cleaned)
        notes.append("embedded JSON-LD: unescaped HTML entities")
    stripped = _TRAILING_COMMA.sub(r"\1", _JS_LINE_COMMENT.sub("", cleaned)).strip().rstrip(";")
    if stripped != cleaned.strip():
        notes.append("embedded JSON-LD: removed trailing commas, semicolons or // comments")
    values, error = _decode_all(stripped)
    if error and _CONTROL.search(stripped):
        values, error = _decode_all(_CONTROL.sub(" ", stripped))
        notes.append("embedded JSON-LD: replaced raw control characters")
    if len(values) > 1:
        notes.append(f"embedded JSON-LD: read {len(values)} objects from one script")
    if error:
        notes.append(f"embedded JSON-LD script skipped: {error}")
    return values, notes


def _unwrap(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _CDATA_WRAP.sub("", _COMMENT_WRAP.sub("", text))
    return text


def _decode_all(text: str) -> tuple[list[Any], str | None]:
    """Decode consecutive JSON values; return what decoded and the first error, if any."""
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    position = 0
    length = len(text)
    while True:
        while position < length and text[position] in _SEPARATORS:
            position += 1
        if position >= length:
            return values, None if values else "empty script"
        try:
            value, position = decoder.raw_decode(text, position)
        except RecursionError:
            return values, "nests too deeply"
        except json.JSONDecodeError as exc:
            return values, f"{exc.msg} at line {exc.lineno} column {exc.colno}"
        values.append(value)


# --- JSON-LD nodes ----------------------------------------------------------------------------


def short_name(name: str) -> str:
    """``https://schema.org/NewsArticle`` and ``schema:NewsArticle`` -> ``NewsArticle``."""
    name = _SCHEMA_PREFIX.sub("", name.strip())
    return name[7:] if name.startswith("schema:") else name


def types_of(node: Node) -> list[str]:
    raw = node.get("@type", node.get("type"))
    values = raw if isinstance(raw, list) else [raw]
    return [short_name(v) for v in values if isinstance(v, str) and v.strip()]


def normalize_node(value: Any, depth: int = 0) -> Any:
    """Shorten schema.org keys and types, recursively, stopping at ``MAX_DEPTH``."""
    if depth > MAX_DEPTH:
        return None
    if isinstance(value, list):
        return [normalize_node(v, depth + 1) for v in value]
    if not isinstance(value, dict):
        return value
    out: Node = {}
    for key, item in value.items():
        if not isinstance(key, str):
            continue
        if key == "@type":
            kinds = item if isinstance(item, list) else [item]
            out["@type"] = [short_name(k) for k in kinds if isinstance(k, str)]
        elif key == "@context":
            continue
        else:
            out[short_name(key) if not key.startswith("@") else key] = normalize_node(
                item, depth + 1
            )
    return out


def iter_nodes(value: Any, depth: int = 0) -> Iterator[Node]:
    """Every dict with an ``@type`` in ``value``, outermost first, ``@graph`` members included."""
    if depth > MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from iter_nodes(item, depth + 1)
    elif isinstance(value, dict):
        if value.get("@type"):
            yield value
        for key, item in value.items():
            if isinstance(item, (dict, list)) and key != "@context":
                yield from iter_nodes(item, depth + 1)


def resolve(value: Any, index: dict[str, Node]) -> Any:
    """A bare ``{"@id": ...}`` reference replaced by the node with that id, when the page has it."""
    if isinstance(value, dict) and set(value) <= {"@id"} and isinstance(value.get("@id"), str):
        return index.get(value["@id"], value)
    return value


def jsonld_nodes(scripts: list[str], notes: list[str]) -> list[Node]:
    nodes: list[Node] = []
    for text in scripts:
        values, script_notes = parse_json_lenient(text)
        notes.extend(script_notes)
        for value in values:
            normalized = normalize_node(value)
            for node in iter_nodes(normalized):
                nodes.append(node)
                if len(nodes) >= MAX_NODES:
                    notes.append(f"embedded JSON-LD: stopped after {MAX_NODES} nodes")
                    return nodes
    return nodes


def id_index(nodes: list[Node]) -> dict[str, Node]:
    index: dict[str, Node] = {}
    for node in nodes:
        node_id = node.get("@id")
        # the fullest node wins: pages often repeat an id as a bare reference
        if isinstance(node_id, str) and len(node) > len(index.get(node_id, {})):
            index[node_id] = node
    return index


# --- microdata and friends (extruct) ----------------------------------------------------------


def _microdata_to_node(item: Any, depth: int = 0) -> Any:
    """extruct's ``{"type", "properties", "id"}`` item as a JSON-LD-shaped node."""
    if depth > MAX_DEPTH:
        return None
    if isinstance(item, list):
        return [_microdata_to_node(v, depth + 1) for v in item]
    if not isinstance(item, dict) or "properties" not in item:
        return item
    kinds = item.get("type")
    node: Node = {
        "@type": [
            short_name(k)
            for k in (kinds if isinstance(kinds, list) else [kinds])
            if isinstance(k, str)
        ]
    }
    if isinstance(item.get("id"), str):
        node["@id"] = item["id"]
    for key, value in item["properties"].items():
        node[short_name(key)] = _microdata_to_node(value, depth + 1)
    return node


_HAS_ITEMS = etree.XPath("boolean(//*[@itemscope])")
_VISIBLE_TEXT = etree.XPath(".//text()[not(ancestor::script) and not(ancestor::style)]")


def _microdata_extractor() -> Any:
    from extruct.w3cmicrodata import MicrodataExtractor

    class _Extractor(MicrodataExtractor):  # type: ignore[misc]
        """extruct's microdata, with a plain text value for text properties.

        extruct cleans a copy of the element and lays its text out (html_text) for every
        text-valued property; a page whose ``WebPage`` item spans the whole body paid ~10 ms
        for that. The visible text, whitespace-collapsed, is what the merge uses anyway.
        """

        def _extract_textContent(self, node: Any) -> str:  # extruct's method name
            found = _VISIBLE_TEXT(node)
            texts = found if isinstance(found, list) else []
            return " ".join("".join(str(t) for t in texts).split())

    return _Extractor()


def _extruct_microdata(tree: HtmlElement, base_url: str | None) -> list[Node]:
    if not _HAS_ITEMS(tree):
        return []  # extruct would walk every element of the page to number its items first
    items = _microdata_extractor().extract_items(tree, base_url)
    nodes: list[Node] = []
    for item in items:
        nodes.extend(iter_nodes(_microdata_to_node(item)))
    return nodes


def _extruct_opengraph(tree: HtmlElement) -> dict[str, list[str]]:
    from extruct.opengraph import OpenGraphExtractor

    found: dict[str, list[str]] = {}
    for item in OpenGraphExtractor().extract_items(tree):
        for key, value in item.get("properties", []):
            if isinstance(key, str) and isinstance(value, str) and value.strip():
                found.setdefault(key.lower(), []).append(value.strip())
    return found


def _extruct_dublincore(tree: HtmlElement) -> dict[str, list[str]]:
    """extruct's Dublin Core reading of ``<meta name=... content=...>`` (a name whose last dotted
    part is a DCMES element or DCMI term, by extruct's own tables), in one walk, and without the
    ``URI`` attribute extruct writes into every matching element of the tree."""
    from extruct.dublincore import _DC_ELEMENTS, _DC_TERMS

    found: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        name = element.get("name")
        content = element.get("content")
        if not name or not content or not content.strip():
            continue
        term = name.rsplit(".", 1)[-1].lower()
        if term in _DC_ELEMENTS or term in _DC_TERMS:
            found.setdefault(name.lower(), []).append(content.strip())
    return found


def _extruct_rdfa(text: str, base_url: str | None) -> list[Node]:
    """RDFa needs extruct's own DOM (pyRdfa walks it), so the page is parsed a second time."""
    from extruct.rdfa import RDFaExtractor
    from extruct.utils import parse_xmldom_html

    document = parse_xmldom_html(text.encode("utf-8"), encoding="utf-8")
    nodes: list[Node] = []
    for item in RDFaExtractor().extract_items(document, base_url=base_url):
        node: Node = {
            "@id": item.get("@id"),
            "@type": [short_name(t) for t in item.get("@type", [])],
        }
        for key, values in item.items():
            if key.startswith("@") or not isinstance(values, list):
                continue
            texts = [v.get("@value", v.get("@id")) for v in values if isinstance(v, dict)]
            node[short_name(key)] = texts[0] if len(texts) == 1 else texts
        if node["@type"]:
            nodes.append(node)
    return nodes


def _extruct_microformats(text: str) -> list[dict[str, Any]]:
    from extruct.microformat import MicroformatExtractor

    return list(MicroformatExtractor().extract_items(text))


# --- the page walk ------------------------------------------------------------------------------


def _meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), []).append(content.strip())
    return found


def extract_embedded(
    tree: HtmlElement,
    syntaxes: tuple[str, ...],
    base_url: str | None = None,
    text: str | None = None,
) -> Embedded:
    """Read every requested syntax from the one parsed ``tree``; never raises on bad markup."""
    found = Embedded()
    scripts: list[str] = []
    for script in tree.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if kind in ("application/ld+json", "application/json+ld") and script.text:
            scripts.append(script.text)
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href") and found.canonical is None:
            found.canonical = link.get("href", "").strip()
    root_lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    found.html_lang = root_lang.strip() if root_lang else None
    found.meta = {
        key: values
        for key, values in _meta_tags(tree).items()
        # a syntax left out of ``syntaxes`` is left out entirely, plain <meta> copies included
        if ("opengraph" in syntaxes or not key.startswith(("og:", "article:")))
        and ("dublincore" in syntaxes or not key.startswith(("dc.", "dcterms.")))
    }
    title = tree.find("head/title")
    if title is not None:
        found.title_element = " ".join(title.text_content().split()) or None
    for heading in tree.iter("h1"):
        shown = " ".join(heading.text_content().split())
        if shown:
            found.headings.append(shown)
        if len(found.headings) >= 5:
            break
    if "json-ld" in syntaxes:
        found.jsonld = jsonld_nodes(scripts, found.notes)
    extractors: list[tuple[str, Any]] = [
        ("microdata", lambda: setattr(found, "microdata", _extruct_microdata(tree, base_url))),
        ("opengraph", lambda: setattr(found, "opengraph", _extruct_opengraph(tree))),
        ("dublincore", lambda: setattr(found, "dublincore", _extruct_dublincore(tree))),
        ("rdfa", lambda: setattr(found, "rdfa", _extruct_rdfa(text or "", base_url))),
        (
            "microformat",
            lambda: setattr(found, "microformats", _extruct_microformats(text or "")),
        ),
    ]
    for name, run in extractors:
        if name not in syntaxes and f"{name}s" not in syntaxes:
            continue
        try:
            run()
        except (RecursionError, ValueError, TypeError, KeyError, AttributeError, RuntimeError,
                OSError) as exc:  # fmt: skip
            # extruct raises whatever its parsers raise; a broken syntax must not lose the rest
            found.notes.append(f"{name}: could not be read ({type(exc).__name__})")
    return found
