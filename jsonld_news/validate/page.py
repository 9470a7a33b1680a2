"""The structured data already on an HTML page, validated item by item.

The page is parsed once (``readers.html.parse_page``: the HTML reader's decoding and limits).
From that one tree come:

- every ``<script type="application/ld+json">`` block, read with the HTML reader's lenient JSON
  (``readers.embedded.parse_json_lenient``): each repair it makes is a warning, a block it cannot
  read an error. A block is an object, an array of objects, or an object with ``@graph``;
- microdata items (extruct's extractor, on the same tree);
- RDFa (extruct/pyRdfa, which needs its own DOM: only when the page has a ``typeof``).

Paths point into the page's data as one document: ``$.jsonld[1].@graph[2].author[0].name`` is
the second ``<script>`` block's third ``@graph`` member; ``$.microdata[0]`` and ``$.rdfa[3]``
likewise. Each issue also carries the line of the markup in the file (the ``<script>`` tag's,
or the item's ``itemscope``/``typeof`` element's) where it is known.

Each item gets the checks for its own type: the schema.org vocabulary (and SHACL when asked)
on every item, whatever its type; Google's Article profile, the consistency rules (and the
JSON Schema of our own output, when asked) on each Article-family node (Article and every
subclass: NewsArticle, BlogPosting, LiveBlogPosting, ReportageNewsArticle, ScholarlyArticle...),
found at the top of a block, in ``@graph``, or nested in another item (a WebPage's
``mainEntity``). An article nested in an article (a live blog's ``liveBlogUpdate``) is part of
its parent, not checked again on its own. Before the article checks, a bare ``{"@id": ...}``
reference (Yoast-style graphs) is replaced by the node with that ``@id`` on the page, one
level deep, as Google's Rich Results Test resolves them; issues inside a resolved node keep the
article's path (``author.name``), since that is the property the consumer reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from lxml.html import HtmlElement

from jsonld_news.options import Options
from jsonld_news.readers.embedded import (
    _microdata_extractor,
    parse_json_lenient,
    short_name,
)
from jsonld_news.readers.html import parse_page
from jsonld_news.validate import get_validator
from jsonld_news.validate.issues import issue_at
from jsonld_news.validate.report import Issue, Report, json_path
from jsonld_news.validate.vocabulary import node_types, vocabulary

VALIDATOR = "page"
# json-schema is the shape of our own output (it requires headline, which Google does not):
# pages get it only when asked for.
PAGE_VALIDATORS: tuple[str, ...] = ("schema.org", "google", "consistency")
ARTICLE_SCOPED = frozenset({"google", "consistency", "json-schema", "shacl-news"})
MAX_DEPTH = 48

_SCHEMA_CONTEXT = re.compile(r"^https?://(www\.)?schema\.org/?$", re.I)

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Item:
    """One item of structured data found on the page."""

    syntax: str  # json-ld | microdata | rdfa
    path: str  # $.jsonld[0].@graph[2]
    types: tuple[str, ...]
    line: int | None
    article: bool  # an Article-family node: the article checks ran on it

    def to_dict(self) -> dict[str, Any]:
        return {
            "syntax": self.syntax,
            "path": self.path,
            "types": list(self.types),
            "line": self.line,
            "article": self.article,
        }


@dataclass(slots=True)
class _Found:
    syntax: str
    node: dict[str, Any]
    path: Path
    line: int | None
    context: Any = None


def is_article(node: Mapping[str, Any]) -> bool:
    vocab = vocabulary()
    return any(vocab.is_a(t, "Article") for t in node_types(node))


def _page_issue(
    path: Path, message: str, value: Any = None, severity: str = "error", rule: str = ""
) -> Issue:
    return issue_at(VALIDATOR, path, message, value, severity, rule)


# --- finding items ----------------------------------------------------------------------------


def _jsonld_items(tree: HtmlElement, issues: list[Issue]) -> list[_Found]:
    found: list[_Found] = []
    index = 0
    for script in tree.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if kind not in ("application/ld+json", "application/json+ld"):
            continue
        line = script.sourceline
        where: Path = ("jsonld", index)
        index += 1
        text = script.text or ""
        values, notes = parse_json_lenient(text) if text.strip() else ([], ["empty script"])
        for note in notes:
            skipped = "skipped" in note or "ignored" in note
            issues.append(
                replace(
                    _page_issue(
                        where,
                        note if note != "empty script" else "empty JSON-LD script",
                        severity="error" if skipped else "warning",
                        rule="jsonld-syntax",
                    ),
                    line=line,
                )
            )
        if any(not isinstance(value, (dict, list)) for value in values):
            issues.append(
                replace(
                    _page_issue(
                        where,
                        "JSON-LD block holds a value that is no object or array; ignored",
                        next(v for v in values if not isinstance(v, (dict, list))),
                        "warning",
                        "jsonld-syntax",
                    ),
                    line=line,
                )
            )
        root: Any = values[0] if len(values) == 1 else values
        for node, path, context in _roots(root, where):
            found.append(_Found("json-ld", node, path, line, context))
            if context is None:
                issues.append(
                    replace(
                        _page_issue(
                            path,
                            "no @context: consumers cannot read these terms as schema.org",
                            rule="jsonld-context",
                        ),
                        line=line,
                    )
                )
            elif not _schema_context(context):
                issues.append(
                    replace(
                        _page_issue(
                            (*path, "@context"),
                            "@context is not schema.org's; terms were read as schema.org terms",
                            context if isinstance(context, str) else None,
                            "warning",
                            "jsonld-context",
                        ),
                        line=line,
                    )
                )
    return found


def _roots(
    value: Any, path: Path, context: Any = None
) -> Iterator[tuple[dict[str, Any], Path, Any]]:
    """The items of one block: the object, each array member, each ``@graph`` member."""
    if isinstance(value, list):
        for position, item in enumerate(value):
            yield from _roots(item, (*path, position), context)
        return
    if not isinstance(value, dict):
        return
    context = value.get("@context", context)
    if "@graph" in value:
        if node_types(value):
            yield value, path, context
        graph = value["@graph"]
        members = graph if isinstance(graph, list) else [graph]
        for position, item in enumerate(members):
            where = (*path, "@graph", position) if isinstance(graph, list) else (*path, "@graph")
            if isinstance(item, dict):
                yield item, where, item.get("@context", context)
        return
    yield value, path, context


def _schema_context(context: Any) -> bool:
    """Whether ``@context`` makes the terms schema.org's (by name: never fetched)."""
    if isinstance(context, str):
        return bool(_SCHEMA_CONTEXT.match(context.strip()))
    if isinstance(context, list):
        return any(_schema_context(c) for c in context)
    if isinstance(context, dict):
        vocab = context.get("@vocab")
        return isinstance(vocab, str) and bool(
            re.match(r"^https?://(www\.)?schema\.org/?$", vocab.strip(), re.I)
        )
    return False


def _microdata_node(item: Any, depth: int = 0) -> Any:
    """extruct's ``{"type", "properties", "id"}`` item as a JSON-LD-shaped node; an item
    without properties (extruct then gives its text as ``value``) is a node with a type only."""
    if depth > MAX_DEPTH:
        return None
    if isinstance(item, list):
        return [_microdata_node(v, depth + 1) for v in item]
    if not isinstance(item, dict) or "type" not in item:
        return item
    kinds = item.get("type")
    node: dict[str, Any] = {
        "@type": [
            short_name(k)
            for k in (kinds if isinstance(kinds, list) else [kinds])
            if isinstance(k, str)
        ]
    }
    if isinstance(item.get("id"), str):
        node["@id"] = item["id"]
    for key, value in (item.get("properties") or {}).items():
        node[short_name(key)] = _microdata_node(value, depth + 1)
    return node


def _microdata_items(tree: HtmlElement, base_url: str | None) -> list[_Found]:
    tops = tree.xpath("//*[@itemscope][not(ancestor::*[@itemscope])]")
    if not tops:
        return []
    items = _microdata_extractor().extract_items(tree, base_url)
    lines = [el.sourceline for el in tops] if len(tops) == len(items) else [None] * len(items)
    found = []
    for position, (item, line) in enumerate(zip(items, lines, strict=False)):
        node = _microdata_node(item)
        if isinstance(node, dict):
            found.append(_Found("microdata", node, ("microdata", position), line))
    return found


def _rdfa_items(tree: HtmlElement, text: str, base_url: str | None) -> list[_Found]:
    typed = tree.xpath("//*[@typeof]")
    tokens = {token for el in typed for token in (el.get("typeof") or "").split()}
    if not any(":" not in t or t.startswith("schema:") or "schema.org" in t for t in tokens):
        # only other vocabularies' types (v:Breadcrumb, foaf:Image): pyRdfa's second parse
        # (30-100 ms) would find nothing to check
        return []
    from extruct.rdfa import RDFaExtractor
    from extruct.utils import parse_xmldom_html

    times = tree.xpath("//time[@property][@datetime][not(@content)]")
    if times:
        # HTML+RDFa 1.1 (3.1): a <time>'s @datetime is its value; pyRdfa, reading extruct's
        # DOM, takes the element's text. Said as @content, which both read the same way (the
        # microdata reader has already run on this tree).
        from lxml.html import tostring

        for element in times:
            element.set("content", element.get("datetime") or "")
        text = tostring(tree, encoding="unicode")
    document = parse_xmldom_html(text.encode("utf-8"), encoding="utf-8")
    found: list[_Found] = []
    seen: dict[str, int] = {}
    extracted = list(RDFaExtractor().extract_items(document, base_url=base_url))
    # an object that is no subject of the page (an <img src>) is a plain IRI, as a URL value
    subjects = {item.get("@id") for item in extracted if len(item) > 1}
    for item in extracted:
        types = [short_name(t) for t in item.get("@type", []) if isinstance(t, str)]
        if not types:
            continue
        node: dict[str, Any] = {"@type": types}
        if isinstance(item.get("@id"), str):
            node["@id"] = item["@id"]
        for key, values in item.items():
            if key.startswith("@") or not isinstance(values, list):
                continue
            converted = [
                v["@value"]
                if "@value" in v
                else ({"@id": v["@id"]} if v["@id"] in subjects else v["@id"])
                for v in values
                if isinstance(v, dict) and ("@value" in v or "@id" in v)
            ]
            node[short_name(key)] = converted[0] if len(converted) == 1 else converted
        # the k-th node of a type is taken to be the k-th element declaring it
        count = seen.get(types[0], 0)
        seen[types[0]] = count + 1
        matches = [el for el in typed if types[0] in (el.get("typeof") or "").split()]
        line = matches[count].sourceline if count < len(matches) else None
        found.append(_Found("rdfa", node, ("rdfa", len(found)), line))
    return found


def _ids(nodes: Sequence[_Found]) -> dict[str, dict[str, Any]]:
    """Every node with an ``@id`` on the page, the fullest description of each id winning."""
    index: dict[str, dict[str, Any]] = {}

    def visit(value: Any, depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        if isinstance(value, list):
            for item in value:
                visit(item, depth + 1)
        elif isinstance(value, dict):
            node_id = value.get("@id")
            if isinstance(node_id, str) and len(value) > len(index.get(node_id, {})):
                index[node_id] = value
            for key, item in value.items():
                if key != "@context":
                    visit(item, depth + 1)

    for found in nodes:
        visit(found.node, 0)
    return index


def _resolved(node: dict[str, Any], index: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    def one(value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"@id"} and isinstance(value["@id"], str):
            return index.get(value["@id"], value)
        return value

    out: dict[str, Any] = {}
    for key, value in node.items():
        out[key] = [one(v) for v in value] if isinstance(value, list) else one(value)
    return out


def _articles(node: Any, path: Path, depth: int = 0) -> Iterator[tuple[dict[str, Any], Path]]:
    """Article-family nodes in ``node``: itself, or nested in non-article values."""
    if depth > MAX_DEPTH:
        return
    if isinstance(node, list):
        for position, item in enumerate(node):
            yield from _articles(item, (*path, position), depth + 1)
    elif isinstance(node, dict):
        if "@value" in node:
            return
        if is_article(node):
            yield node, path
            return
        for key, value in node.items():
            if key not in ("@context", "@type", "@id"):
                yield from _articles(value, (*path, key), depth + 1)


# --- validation -------------------------------------------------------------------------------


def _rebased(issue: Issue, prefix: Path, file: str, line: int | None) -> Issue:
    tail = issue.path[1:] if issue.path.startswith("$") else "." + issue.path
    return replace(issue, path=json_path(prefix) + tail, file=file, line=line)


def check_page(
    data: bytes,
    source: str,
    validators: Sequence[str] = PAGE_VALIDATORS,
    options: Options | None = None,
) -> Report:
    """Validate the structured data of one HTML page (its bytes); ``source`` names it.

    Raises the HTML reader's one-line errors for bytes that are no HTML page."""
    options = options or Options()
    page = parse_page(data, source, options)
    issues: list[Issue] = []
    found = _jsonld_items(page.tree, issues)
    # microdata and RDFa URLs come from href/src attributes, which a browser (and Google)
    # resolves against the page's URL: <base href>, else the canonical or og:url
    base_url = options.base_url or _page_url(page.tree)
    extractors: list[Callable[[], list[_Found]]] = [
        lambda: _microdata_items(page.tree, base_url),
        lambda: _rdfa_items(page.tree, page.text, base_url),
    ]
    for extract in extractors:
        try:
            found.extend(extract())
        except (
            RecursionError,
            ValueError,
            TypeError,
            KeyError,
            AttributeError,
            RuntimeError,
            OSError,
        ) as exc:
            # extruct raises what its parsers raise; one broken syntax must not lose the rest
            issues.append(
                _page_issue(
                    (),
                    f"markup could not be read ({type(exc).__name__})",
                    None,
                    "warning",
                    "extraction",
                )
            )
    functions = [(name, get_validator(name)) for name in validators]
    indexes = {
        syntax: _ids([f for f in found if f.syntax == syntax])
        for syntax in {f.syntax for f in found}
    }
    items: list[Item] = []
    vocab = vocabulary()
    for item in found:
        types = node_types(item.node)
        if types and all(_ABSOLUTE.match(t) and not vocab.is_class(t) for t in types):
            # only other vocabularies' types (foaf:Image, rNews, data-vocabulary.org): not ours
            # to judge, as Google ignores them
            items.append(
                Item(
                    item.syntax,
                    json_path(item.path),
                    tuple(node_types(item.node)),
                    item.line,
                    False,
                )
            )
            continue
        articles = list(_articles(item.node, ()))
        items.append(
            Item(
                item.syntax,
                json_path(item.path),
                tuple(node_types(item.node)),
                item.line,
                bool(articles) and articles[0][1] == (),
            )
        )
        try:
            for name, function in functions:
                if name in ARTICLE_SCOPED:
                    for article, where in articles:
                        doc = _resolved(article, indexes[item.syntax])
                        if name == "json-schema" and "@context" not in doc and item.context:
                            doc = {"@context": item.context, **doc}
                        for issue in function(doc):
                            issues.append(_rebased(issue, (*item.path, *where), source, item.line))
                else:
                    doc = item.node
                    if "@context" not in doc and item.context is not None:
                        doc = {"@context": item.context, **doc}
                    for issue in function(doc):
                        issues.append(_rebased(issue, item.path, source, item.line))
        except RecursionError:
            issues.append(
                replace(
                    _page_issue(item.path, "item nests too deeply; not checked", rule="depth"),
                    line=item.line,
                )
            )
    if not found and not any(i.rule == "jsonld-syntax" for i in issues):
        issues.append(_page_issue((), "no structured data on the page", None, "info", "no-data"))
    elif not any(i.article for i in items) and not any(
        True for f in found for _ in _articles(f.node, ())
    ):
        issues.append(
            _page_issue(
                (),
                "no Article-family item (Article, NewsArticle, BlogPosting...) on the page",
                sorted({t for i in items for t in i.types}) or None,
                "info",
                "no-article",
            )
        )
    issues = [i if i.file else replace(i, file=source) for i in issues]
    report = Report(issues=issues, validators=list(validators))
    report.source = source
    report.items = [i.to_dict() for i in items]
    report.ids = _typed_ids(found)
    canonical = _canonical(page.tree)
    report.articles = [
        _identity(article, json_path((*item.path, *where)), canonical, item.line)
        for item in found
        for article, where in _articles(item.node, ())
    ]
    return report


def _text(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@id", value.get("url", value.get("@value")))
    return value.strip() if isinstance(value, str) and value.strip() else None


def _identity(
    article: Mapping[str, Any], path: str, canonical: str | None, line: int | None
) -> dict[str, Any]:
    """What says which article this is, and where it says it is published."""
    return {
        "path": path,
        "line": line,
        "canonical": canonical,
        "id": _text(article.get("@id")),
        "url": _text(article.get("url")) or _text(article.get("mainEntityOfPage")) or canonical,
        "headline": _text(article.get("headline")),
        "datePublished": _text(article.get("datePublished")),
    }


def _page_url(tree: HtmlElement) -> str | None:
    base = tree.find(".//base[@href]")
    href = str(base.get("href") or "") if base is not None else ""
    if href.startswith(("http://", "https://")):
        return href
    canonical = _canonical(tree)
    if canonical and canonical.startswith(("http://", "https://")):
        return canonical
    for meta in tree.iter("meta"):
        content = str(meta.get("content") or "")
        if meta.get("property") == "og:url" and content.startswith(("http://", "https://")):
            return content
    return None


def _canonical(tree: HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return (link.get("href") or "").strip() or None
    return None


_ABSOLUTE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def _typed_ids(found: Sequence[_Found]) -> dict[str, dict[str, Any]]:
    """Absolute ``@id`` -> {types, name, path, line} of the first typed node with it."""
    ids: dict[str, dict[str, Any]] = {}

    def visit(value: Any, path: Path, line: int | None, depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        if isinstance(value, list):
            for position, item in enumerate(value):
                visit(item, (*path, position), line, depth + 1)
        elif isinstance(value, dict):
            node_id, types = value.get("@id"), node_types(value)
            if (
                isinstance(node_id, str)
                and types
                and _ABSOLUTE.match(node_id)
                and not node_id.startswith("_:")
                and node_id not in ids
            ):
                name = value.get("name")
                ids[node_id] = {
                    "types": sorted(types),
                    "name": " ".join(name.split()) if isinstance(name, str) else None,
                    "path": json_path(path),
                    "line": line,
                }
            for key, item in value.items():
                if key != "@context":
                    visit(item, (*path, key), line, depth + 1)

    for item in found:
        visit(item.node, item.path, item.line, 0)
    return ids
