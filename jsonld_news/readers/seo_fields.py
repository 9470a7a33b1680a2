"""The news-SEO parts of an article, read from a JSON-LD node or the project's own JSON.

Shared by the article-JSON reader, front matter and the HTML reader (the page's own Article node
and its BreadcrumbList): paywall (``isAccessibleForFree``, ``hasPart`` WebPageElements with a
``cssSelector``), live blogs (``LiveBlogPosting``, ``liveBlogUpdate``), ``speakable`` (``xpath``
and Google's ``xPath``), ``correction``, breadcrumbs, and a news outlet's policy links. Values are
transcribed as found; ``build`` checks them. A source that says nothing leaves them empty.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from jsonld_news.raw import RawArticle, RawCorrection, RawLink, RawLiveUpdate

# schema.org 30.0: NewsMediaOrganization's policy properties, and publishingPrinciples
# (Organization). Each is a URL (or a CreativeWork with one).
POLICY_PROPERTIES = (
    "publishingPrinciples",
    "correctionsPolicy",
    "ethicsPolicy",
    "masthead",
    "diversityPolicy",
    "diversityStaffingReport",
    "actionableFeedbackPolicy",
    "missionCoveragePrioritiesPolicy",
    "noBylinesPolicy",
    "ownershipFundingInfo",
    "unnamedSourcesPolicy",
    "verificationFactCheckingPolicy",
)
LIVE_TYPES = frozenset({"LiveBlogPosting"})

Resolver = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _items(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        return next((t for t in map(_text, value) if t), None)
    if isinstance(value, Mapping):
        return _text(value.get("@value", value.get("text", value.get("name"))))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (int, float, str)):
        text = str(value).strip()
        return text or None
    return None


def _url(value: Any, resolve: Resolver) -> str | None:
    value = resolve(value)
    if isinstance(value, list):
        return next((u for u in (_url(v, resolve) for v in value) if u), None)
    if isinstance(value, Mapping):
        return _text(value.get("url") or value.get("@id") or value.get("contentUrl"))
    return _text(value)


def _types(node: Mapping[str, Any]) -> list[str]:
    return [
        str(t).rsplit("/", 1)[-1]
        for t in _items(node.get("@type", node.get("type")))
        if isinstance(t, str)
    ]


def policies(node: Mapping[str, Any], resolve: Resolver = _same) -> dict[str, str]:
    """An organisation's policy links, property -> URL."""
    found: dict[str, str] = {}
    for name in POLICY_PROPERTIES:
        url = _url(node.get(name), resolve)
        if url:
            found[name] = url
    return found


def apply_seo_fields(raw: RawArticle, node: Mapping[str, Any], resolve: Resolver = _same) -> None:
    """Fill ``raw``'s news-SEO fields from one Article node (or own-JSON object)."""
    _paywall(raw, node, resolve)
    _live(raw, node, resolve)
    _speakable(raw, node.get("speakable"), resolve)
    for key in ("correction", "corrections"):
        for item in _items(resolve(node.get(key))):
            item = resolve(item)
            if isinstance(item, Mapping):
                text = _text(item.get("text") or item.get("description") or item.get("name"))
                when = _text(
                    item.get("datePublished") or item.get("dateCreated") or item.get("date")
                )
            else:
                text, when = _text(item), None
            if text:
                raw.corrections.append(RawCorrection(text, when))
    for key in ("breadcrumb", "breadcrumbs"):
        if node.get(key) is not None and not raw.breadcrumbs:
            raw.breadcrumbs = breadcrumbs(node.get(key), resolve)


def _paywall(raw: RawArticle, node: Mapping[str, Any], resolve: Resolver) -> None:
    free = node.get("isAccessibleForFree")
    if free is not None and _text(free):
        raw.accessible_for_free = _text(free)
    for part in _items(node.get("hasPart")):
        part = resolve(part)
        if not isinstance(part, Mapping) or _text(part.get("isAccessibleForFree")) is None:
            continue
        if _is_false(part.get("isAccessibleForFree")):
            for selector in _items(part.get("cssSelector")):
                text = _text(selector)
                if text and text not in raw.paywall_selectors:
                    raw.paywall_selectors.append(text)
    paywall = node.get("paywall")  # own JSON: "paywall": ".paywall" or {"cssSelector": ...}
    if paywall is not None:
        selectors = paywall.get("cssSelector") if isinstance(paywall, Mapping) else paywall
        for selector in _items(selectors):
            text = _text(selector)
            if text and text not in raw.paywall_selectors:
                raw.paywall_selectors.append(text)
        if raw.paywall_selectors and raw.accessible_for_free is None:
            raw.accessible_for_free = "false"  # a paywalled part: the article is not all free


def _is_false(value: Any) -> bool:
    text = (_text(value) or "").rsplit("/", 1)[-1].casefold()
    return text in ("false", "0", "no")


def _live(raw: RawArticle, node: Mapping[str, Any], resolve: Resolver) -> None:
    updates = node.get("liveBlogUpdate", node.get("updates"))
    if LIVE_TYPES.intersection(_types(node)) or updates is not None:
        raw.live = True
    for item in _items(updates):
        item = resolve(item)
        if not isinstance(item, Mapping):
            continue
        update = RawLiveUpdate(
            headline=_text(item.get("headline") or item.get("name") or item.get("title")),
            body=_text(item.get("articleBody") or item.get("body") or item.get("text")),
            date_published=_text(
                item.get("datePublished") or item.get("date") or item.get("dateCreated")
            ),
            url=_url(item.get("url"), resolve),
        )
        if update.headline or update.body:
            raw.live_updates.append(update)
    for key, field in (
        ("coverageStartTime", "coverage_start"),
        ("coverageEndTime", "coverage_end"),
    ):
        value = _text(node.get(key))
        if value:
            setattr(raw, field, value)


def _speakable(raw: RawArticle, value: Any, resolve: Resolver) -> None:
    for item in _items(value):
        item = resolve(item)
        if isinstance(item, Mapping):
            css = item.get("cssSelector")
            xpath = item.get("xpath", item.get("xPath"))  # schema.org's term, and Google's
        elif isinstance(item, str):  # a bare selector: an XPath starts at the root
            css, xpath = (None, item) if item.strip().startswith("/") else (item, None)
        else:
            continue
        for target, values in ((raw.speakable_css, css), (raw.speakable_xpath, xpath)):
            for selector in _items(values):
                text = _text(selector)
                if text and text not in target:
                    target.append(text)


def breadcrumbs(value: Any, resolve: Resolver = _same) -> list[RawLink]:
    """A BreadcrumbList (``itemListElement`` of ListItems, by ``position``) or a plain list."""
    value = resolve(value)
    if isinstance(value, Mapping):
        value = value.get("itemListElement")
    ranked: list[tuple[float, int, RawLink]] = []
    for order, item in enumerate(_items(value)):
        item = resolve(item)
        if isinstance(item, Mapping):
            target = resolve(item.get("item"))
            name = _text(item.get("name")) or (
                _text(target.get("name")) if isinstance(target, Mapping) else None
            )
            url = _url(target, resolve) if target is not None else _url(item.get("url"), resolve)
            try:
                position = float(str(item.get("position")))
            except ValueError:
                position = float(order + 1)
        else:
            name, url, position = _text(item), None, float(order + 1)
        if name:
            ranked.append((position, order, RawLink(name, url or "")))
    return [link for _, _, link in sorted(ranked, key=lambda r: (r[0], r[1]))]
