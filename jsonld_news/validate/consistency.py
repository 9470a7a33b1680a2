"""Consistency between an article's own properties: checks no public validator runs.

Google's Rich Results Test and the schema.org validator judge each property on its own; these
rules compare properties with each other. Each is a small function in ``RULES`` (the
python-jsonschema style of the other validators), run on every Article-family node.

``word-count`` (warning)
    ``wordCount`` against the words of ``articleBody`` (whitespace-separated, as
    ``len(text.split())``, which is how we count ours). They disagree when they differ by more
    than 10 % and more than 10 words; scripts written without spaces (Chinese, Japanese, Thai)
    are not judged, since their words cannot be counted by splitting.
``about-mentions`` (warning)
    schema.org: ``about`` is "the subject matter of the content", ``mentions`` "indicates that
    the CreativeWork contains a reference to, but is not necessarily about a concept". An
    entity in both (same ``@id``, same ``sameAs``, or same type and name) says two different
    things; list it once, in ``about``.
``self-citation`` (warning)
    ``citation`` is "a citation or reference to another creative work"; one whose URL is the
    article's own (``url``, ``@id`` or ``mainEntityOfPage``, compared without scheme, ``www.``,
    fragment or trailing slash) cites nothing.

``dateModified`` before ``datePublished`` is checked by the google validator's ``dates`` rule
(an error there), so it is not repeated here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from jsonld_news.validate.issues import issue_at
from jsonld_news.validate.report import Issue
from jsonld_news.validate.vocabulary import node_types, vocabulary

VALIDATOR = "consistency"
WORD_COUNT_TOLERANCE = 0.10
WORD_COUNT_SLACK = 10

Path = tuple[str | int, ...]
Rule = Callable[[Mapping[str, Any], Path], Iterator[Issue]]

# Han, Hiragana, Katakana, Hangul is spaced, so left out; Thai, Lao, Khmer, Myanmar
_UNSPACED = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f]"
)


def _issue(path: Path, message: str, value: Any = None, severity: str = "warning") -> Issue:
    return issue_at(VALIDATOR, path, message, value, severity)


def _items(value: Any, path: Path) -> Iterator[tuple[Any, Path]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield item, (*path, index)
    elif value is not None:
        yield value, path


def _integer(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def word_count(article: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    stated = _integer(article.get("wordCount"))
    body = article.get("articleBody")
    if isinstance(body, list) and len(body) == 1:
        body = body[0]
    if stated is None or not isinstance(body, str) or not body.strip():
        return
    if _UNSPACED.search(body[:2000]):
        return
    counted = len(body.split())
    difference = abs(stated - counted)
    if difference > WORD_COUNT_SLACK and difference > WORD_COUNT_TOLERANCE * max(stated, counted):
        yield _issue(
            (*path, "wordCount"),
            f"wordCount is {stated:,} but articleBody has {counted:,} words",
            article.get("wordCount"),
        )


def _url_key(url: str) -> str:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" + (f"?{parts.query}" if parts.query else "")


def _entity_keys(node: Any) -> set[str]:
    """What identifies an entity: its @id, its sameAs IRIs, its type and name."""
    if isinstance(node, str):
        return {f"name:{node.strip().casefold()}"} if node.strip() else set()
    if not isinstance(node, Mapping):
        return set()
    keys: set[str] = set()
    node_id = node.get("@id")
    if isinstance(node_id, str) and node_id.strip():
        keys.add(f"id:{node_id.strip()}")
    for same, _ in _items(node.get("sameAs"), ()):
        if isinstance(same, str) and same.strip():
            keys.add(f"same:{_url_key(same)}")
    name = node.get("name")
    if isinstance(name, str) and name.strip():
        kinds = ",".join(sorted(node_types(node)))
        keys.add(f"name:{kinds}:{name.strip().casefold()}")
    return keys


def about_mentions(article: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    about: set[str] = set()
    for item, _ in _items(article.get("about"), ()):
        about |= _entity_keys(item)
    if not about:
        return
    for item, where in _items(article.get("mentions"), (*path, "mentions")):
        if _entity_keys(item) & about:
            shown = item.get("name", item.get("@id")) if isinstance(item, Mapping) else item
            yield _issue(where, "the same entity is in both about and mentions", shown)


def _own_urls(article: Mapping[str, Any]) -> set[str]:
    urls: set[str] = set()
    for key in ("url", "@id", "mainEntityOfPage"):
        for value, _ in _items(article.get(key), ()):
            if isinstance(value, Mapping):
                value = value.get("@id", value.get("url"))
            if isinstance(value, str) and value.startswith(("http://", "https://")):
                urls.add(_url_key(value))
    return urls


def self_citation(article: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    own = _own_urls(article)
    if not own:
        return
    for item, where in _items(article.get("citation"), (*path, "citation")):
        candidates = [item.get("url"), item.get("@id")] if isinstance(item, Mapping) else [item]
        for index, url in enumerate(candidates):
            if (
                isinstance(url, str)
                and url.startswith(("http://", "https://"))
                # an @id with a fragment names a node on the page (our "#citation-1"), no link
                and not (index == 1 and urlsplit(url).fragment)
                and _url_key(url) in own
            ):
                yield _issue(where, "citation is the article itself", url)
                break


RULES: dict[str, Rule] = {
    "word-count": word_count,
    "about-mentions": about_mentions,
    "self-citation": self_citation,
}


def article_issues(article: Mapping[str, Any], path: Path = ()) -> Iterator[Issue]:
    """Every consistency rule on one Article-family node at ``path``."""
    for name, rule in RULES.items():
        for found in rule(article, path):
            yield replace(found, rule=name)


def _is_article(node: Mapping[str, Any]) -> bool:
    vocab = vocabulary()
    return any(vocab.is_a(t, "Article") for t in node_types(node))


def consistency_issues(doc: Mapping[str, Any]) -> Iterator[Issue]:
    """Every consistency problem of the Article-family nodes of one compact JSON-LD document
    (the document itself and its ``@graph`` members)."""
    if _is_article(doc):
        yield from article_issues(doc, ())
    for node, where in _items(doc.get("@graph"), ("@graph",)):
        if isinstance(node, Mapping) and _is_article(node):
            yield from article_issues(node, where)
