"""SEO markup: the ``<script type="application/ld+json">`` block a page ships.

Built from ``to_jsonld`` (the full graph ``convert`` writes) and trimmed to what search engines
read, never added to:

- compact, ``"@context": "https://schema.org"``; no empty or null values;
- no internal-only values: the ``articleBody`` and the ``citation`` statements (sentences of the
  body, already on the page) stay in ``convert``'s output; IRIs minted in the project's own
  namespace (``urn:jsonld-news:...``) are left out of a single block, and in ``--graph`` become
  ``<site>/#/schema/<kind>/<name>`` identifiers of the page's site (Yoast's pattern);
- no useless nodes: an image without a URL is dropped (its credit stays in ``convert``), and so is
  a node left with nothing but its type;
- our own validators (json-schema, schema.org, google) never report an error on it: a value they
  reject is dropped, with a warning naming its path;
- ``</script`` and ``<!--`` inside strings are escaped (``<\\/script``, ``\\u003c!--``), so the
  block cannot end early or open a comment in the page.

``graph=True`` gives a linked ``@graph`` as Yoast-style sites publish it: WebSite, WebPage, the
article, the publisher with its logo, people, images and the BreadcrumbList, each node once,
referenced by ``{"@id": ...}`` everywhere else.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from jsonld_news.context import CONTEXT_IRI
from jsonld_news.errors import ArticleError, Problem
from jsonld_news.identity import kind_of, site_root
from jsonld_news.jsonld import to_jsonld
from jsonld_news.model import Article
from jsonld_news.validate import DEFAULT_VALIDATORS, Issue, validate

JsonDict = dict[str, Any]

MARKER = "data-jsonld-news"  # the attribute that marks our block in a page (inject replaces it)
SCRIPT_OPEN = f'<script type="application/ld+json" {MARKER}>'
DROPPED = ("articleBody", "citation")  # on the page already; convert's output keeps them
MAX_REPAIR_ROUNDS = 8

# nodes --graph lifts to the top level (Yoast's set); others stay nested where they are
_GRAPH_TYPES = frozenset({"WebSite", "WebPage", "ImageObject", "BreadcrumbList"})
_MINTED = re.compile(r"^(?!https?:)[A-Za-z][\w+.-]*:.*?\b(person|organization|place|thing)/(.+)$")


@dataclass(slots=True)
class SeoMarkup:
    """The SEO document and the warnings about what was dropped to make it valid."""

    document: JsonDict
    warnings: list[str] = field(default_factory=list)

    def script(self, *, minify: bool = False) -> str:
        """The ``<script>`` element, safe inside any HTML page, with a final newline."""
        return f"{SCRIPT_OPEN}\n{script_json(self.document, minify=minify)}\n</script>\n"


def seo_markup(article: Article, *, graph: bool = False) -> SeoMarkup:
    """The SEO document of ``article``: one node, or with ``graph`` a linked ``@graph``."""
    warnings: list[str] = []
    doc = _trimmed(to_jsonld(article))
    try:
        _repair(doc, warnings)
    except _Unrepairable as exc:  # build never lets the article itself be wrong; if it did:
        issue = exc.issue
        problem = Problem(
            issue.path.removeprefix("$."), f"SEO markup: {issue.message}", issue.value
        )
        raise ArticleError(article.source, [problem]) from None
    if graph:
        doc = to_graph(doc, article)
    else:
        for node in _nodes(doc):  # our own namespace means nothing on the web
            if "@id" in node and not _is_web(node["@id"]):
                del node["@id"]
    return SeoMarkup(doc, warnings)


def seo_block(article: Article, *, graph: bool = False, minify: bool = False) -> str:
    """The ``<script type="application/ld+json">`` block of ``article`` (see ``seo_markup``)."""
    return seo_markup(article, graph=graph).script(minify=minify)


# --- escaping ---------------------------------------------------------------------------------

_CLOSE = re.compile(r"</", re.I)
_OPEN_SCRIPT = re.compile(r"<(script)", re.I)


def script_json(doc: JsonDict, *, minify: bool = False) -> str:
    """JSON that cannot leave a ``<script>`` element: every ``</`` becomes ``<\\/`` (a JSON
    escape of ``/``), ``<!--`` and ``<script`` open with ``\\u003c`` (HTML's "script data
    escaped" states start there). ``<`` only ever occurs inside JSON strings."""
    if minify:
        text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(doc, ensure_ascii=False, indent=2)
    text = _CLOSE.sub(r"<\\/", text)
    text = text.replace("<!--", "\\u003c!--")
    return _OPEN_SCRIPT.sub(r"\\u003c\1", text)


# --- trimming ---------------------------------------------------------------------------------


def _trimmed(doc: JsonDict) -> JsonDict:
    for key in DROPPED:
        doc.pop(key, None)
    images = doc.get("image")
    if isinstance(images, list):
        doc["image"] = [i for i in images if not isinstance(i, dict) or i.get("url")]
    page = doc.get("mainEntityOfPage")
    if isinstance(page, dict) and not _is_web(page.get("@id")):
        doc.pop("mainEntityOfPage")  # a page with no URL of its own says nothing
    pruned = _pruned(doc)
    return pruned if isinstance(pruned, dict) else {}


def _is_web(value: Any) -> bool:
    return isinstance(value, str) and urlsplit(value).scheme in ("http", "https")


def _nodes(value: Any) -> Iterator[JsonDict]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from _nodes(item)


def _pruned(value: Any) -> Any:
    """Without None, empty strings, lists and objects, and objects that say nothing but a type."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            kept = _pruned(item)
            if kept is not None:
                out[key] = kept
        if not out or set(out) == {"@type"}:
            return None
        return out
    if isinstance(value, list):
        items = [kept for kept in map(_pruned, value) if kept is not None]
        return items or None
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value


# --- our own validators: every error dropped, with a warning ------------------------------------

Step = str | int


def _parse_path(path: str) -> list[Step]:
    steps: list[Step] = []
    for name, index in re.findall(r"\.([^.\[\]]+)|\[(\d+)\]", path.removeprefix("$")):
        steps.append(int(index) if index else name)
    return steps


def _order(path: list[Step]) -> list[tuple[int, Any]]:
    return [(0, s) if isinstance(s, int) else (1, s) for s in path]


_INTRO = re.compile(r"^\s*(by|posted by|written by|words by|reporting by|story by)\b[\s:]+", re.I)


def _repair(doc: JsonDict, warnings: list[str]) -> None:
    """Run our validators; drop (or, for a byline's "By", repair) each value with an error."""
    for _ in range(MAX_REPAIR_ROUNDS):
        errors = [i for i in validate(doc, DEFAULT_VALIDATORS).issues if i.severity == "error"]
        if not errors:
            return
        paths: dict[tuple[tuple[int, Any], ...], tuple[list[Step], Issue]] = {}
        for issue in errors:
            steps = _parse_path(issue.path)
            paths.setdefault(tuple(_order(steps)), (steps, issue))
        for key in sorted(paths, reverse=True):  # deeper and later items first
            steps, issue = paths[key]
            if not _fix(doc, steps, issue, warnings):
                raise _Unrepairable(issue)
        pruned = _pruned(doc)
        doc.clear()
        doc.update(pruned if isinstance(pruned, dict) else {})
    raise _Unrepairable(errors[0])  # pragma: no cover - each round drops what it reports


class _Unrepairable(ValueError):
    def __init__(self, issue: Issue) -> None:
        super().__init__(str(issue))
        self.issue = issue


def _fix(doc: JsonDict, steps: list[Step], issue: Issue, warnings: list[str]) -> bool:
    if not steps or steps[0] in ("@context", "@type", "headline"):
        return False  # the article itself is wrong: build never lets that happen
    parent: Any = doc
    for step in steps[:-1]:
        try:
            parent = parent[step]
        except (KeyError, IndexError, TypeError):
            return True  # gone with an ancestor already
    last = steps[-1]
    try:
        value = parent[last]
    except (KeyError, IndexError, TypeError):
        return True
    where = issue.path.removeprefix("$.")
    if last == "name" and isinstance(value, str) and _INTRO.match(value):
        parent[last] = _INTRO.sub("", value).strip()
        warnings.append(f"seo: {where}: {value!r} repaired to {parent[last]!r} ({issue.message})")
        return True
    del parent[last]
    shown = "" if isinstance(value, (dict, list)) else f" {value!r}"
    warnings.append(f"seo: {where}{shown} dropped: {issue.message} [{issue.validator}]")
    return True


# --- the linked @graph --------------------------------------------------------------------------


def to_graph(doc: JsonDict, article: Article) -> JsonDict:
    """A Yoast-style ``@graph`` from one SEO document: each node once, referenced elsewhere."""
    doc = copy.deepcopy(doc)
    doc.pop("@context", None)
    root = site_root(article.url) if article.url else None
    _rename_minted(doc, root)
    page_id = article.url
    if page_id:
        page = doc.get("mainEntityOfPage")
        page = dict(page) if isinstance(page, dict) else {"@type": "WebPage", "@id": page_id}
        page.setdefault("url", page_id)
        page.setdefault("name", article.headline)
        if root:
            page["isPartOf"] = {"@id": f"{root}#website"}
        images = [i for i in doc.get("image", []) if isinstance(i, dict) and i.get("@id")]
        if images:
            page["primaryImageOfPage"] = {"@id": images[0]["@id"]}
        _move(page, doc, "inLanguage", copy_only=True)
        doc["mainEntityOfPage"] = page
        doc["isPartOf"] = {"@id": page_id}
    publisher = doc.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("logo"), str) and root:
        publisher["logo"] = {
            "@type": "ImageObject",
            "@id": f"{root}#/schema/logo/image/",
            "url": publisher["logo"],
            "contentUrl": publisher["logo"],
        }
    nodes: dict[str, JsonDict] = {}
    order: list[str] = []
    counts = _id_counts(doc)
    lifted = _lift(doc, nodes, order, counts, top=True)
    graph = [nodes[i] for i in order]
    if not isinstance(lifted, dict) or "@id" not in lifted:
        graph.insert(0, lifted)  # an article without any identifier stays a node of its own
    if root and page_id:
        site: JsonDict = {"@type": "WebSite", "@id": f"{root}#website", "url": root}
        if isinstance(publisher, dict) and publisher.get("@id"):
            site["publisher"] = {"@id": publisher["@id"]}
        if article.language:
            site["inLanguage"] = article.language
        graph.append(site)
    return {"@context": CONTEXT_IRI, "@graph": graph}


def _move(target: JsonDict, source: JsonDict, key: str, copy_only: bool = False) -> None:
    if key in source and key not in target:
        target[key] = source[key] if copy_only else source.pop(key)


def _rename_minted(doc: JsonDict, root: str | None) -> None:
    """``urn:jsonld-news:person/priya-raman`` -> ``<site>/#/schema/person/priya-raman``."""
    if root is None:
        return
    for node in _nodes(doc):
        match = _MINTED.match(str(node.get("@id", "")))
        if match:
            node["@id"] = f"{root}#/schema/{match.group(1)}/{match.group(2)}"


def _id_counts(doc: JsonDict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for node in _nodes(doc):
        node_id = node.get("@id")
        if isinstance(node_id, str) and len(node) > 1:
            counts[node_id] = counts.get(node_id, 0) + 1
    return counts


def _liftable(node: JsonDict, counts: dict[str, int], top: bool) -> bool:
    node_id = node.get("@id")
    if not isinstance(node_id, str) or len(node) == 1:
        return False
    if top or counts.get(node_id, 0) > 1:
        return True
    types = node.get("@type")
    names = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and (t in _GRAPH_TYPES or kind_of(t) != "thing") for t in names)


def _lift(
    value: Any, nodes: dict[str, JsonDict], order: list[str], counts: dict[str, int], top: bool
) -> Any:
    if isinstance(value, list):
        return [_lift(v, nodes, order, counts, False) for v in value]
    if not isinstance(value, dict):
        return value
    if not _liftable(value, counts, top):
        return {k: _lift(v, nodes, order, counts, False) for k, v in value.items()}
    node_id = value["@id"]
    if node_id not in nodes:  # its place in the graph: where it is first met, parents first
        nodes[node_id] = {}
        order.append(node_id)
    inner = {k: _lift(v, nodes, order, counts, False) for k, v in value.items()}
    for key, item in inner.items():  # the same node met again only fills in what it adds
        nodes[node_id].setdefault(key, item)
    return {"@id": node_id}


def repaired(doc: JsonDict) -> tuple[JsonDict, list[str]]:
    """A copy of a compact document our validators accept, and what was dropped or repaired.
    ``ValueError`` if what is wrong is the article itself (its type, context or headline)."""
    fixed = copy.deepcopy(doc)
    warnings: list[str] = []
    _repair(fixed, warnings)
    return fixed, warnings
