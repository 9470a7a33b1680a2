"""The hand-written schema check (validate/compiled.py) agrees with the library validators.

It may say "not known" (False) where the library says valid, for values our output never holds
(an integral float, a tuple); it must never say valid where the library does not.
"""

from __future__ import annotations

import copy
import json
import sys
from functools import cache
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

import jsonld_news
from jsonld_news.options import Options
from jsonld_news.resources import schema_file
from jsonld_news.validate import compiled
from jsonld_news.validate.compiled import fast_valid
from jsonld_news.validate.schema import _fast_validator, _full_validator, is_valid, schema_issues
from tests.conftest import EXAMPLES, ROOT
from tests.strategies import own_json_article

sys.path.insert(0, str(ROOT / "tools"))
from generate import corpus

OPTIONS = Options(recognize_entities=False, detect_language=False)


def _library(doc: Any) -> bool:
    import fastjsonschema

    full = bool(_full_validator().is_valid(doc))
    try:
        _fast_validator()(doc)
        fast = True
    except fastjsonschema.JsonSchemaException:
        fast = False
    if fast != full:
        # jsonschema lets a pattern's "$" match before a final newline; fastjsonschema (the one
        # that decides) reads it as ECMA-262 does. The report must still name the problem.
        event("libraries disagree")
        assert not fast and full
        assert list(schema_issues(doc))
    return fast


@cache
def _documents() -> tuple[dict[str, Any], ...]:
    docs = [
        jsonld_news.to_jsonld(jsonld_news.read(path))
        for path in sorted((EXAMPLES / "inputs").iterdir())
    ]
    docs += [jsonld_news.to_jsonld(jsonld_news.read(d, f)) for d, f in corpus(12)]
    return tuple(docs)


def test_the_check_is_written_for_this_schema_file() -> None:
    # Fails when the schema changes: bring compiled.py up to date, then SCHEMA_SHA256.
    assert compiled._up_to_date()
    assert json.loads(schema_file(compiled.SCHEMA_NAME).read_text())["$defs"]


def test_our_documents_are_valid_for_both() -> None:
    for doc in _documents():
        assert fast_valid(doc) and _library(doc) and is_valid(doc)


@settings(deadline=None)
@given(own_json_article())
def test_generated_articles_agree(article: dict[str, Any]) -> None:
    try:
        doc = jsonld_news.to_jsonld(
            jsonld_news.read(json.dumps(article).encode(), "json", options=OPTIONS)
        )
    except jsonld_news.ArticleError:
        return
    assert fast_valid(doc) == _library(doc)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a document a value sits (object members and list items)."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


_STRINGS = st.sampled_from(
    [
        "",
        " ",
        "\n",
        "x",
        "By Jane Roe",
        "von Weizsäcker",
        "Jane Roe",
        "https://example.org/a",
        "https://example.org/a b",
        "https://example.org/a\n",
        "mailto:x@example.org",
        "no scheme",
        "urn:x",
        "2024-11-15",
        "2024-11-15T10:00:00+02:00",
        "2024-13-01",
        "15/11/2024",
        "en",
        "pt-BR",
        "english",
        "NewsArticle",
        "Person",
        "https://schema.org",
        "https://example.org/other",
    ]
)
_SCALARS = st.one_of(
    _STRINGS,
    st.none(),
    st.booleans(),
    st.integers(-2, 3),
    st.floats(allow_nan=False, allow_infinity=False),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["@id", "@type", "name", "url", "sameAs", "contentUrl", "width"]),
            inner,
            max_size=3,
        ),
    ),
    max_leaves=6,
)


def _has_float(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_float(item) for item in value)
    return False


@settings(deadline=None, max_examples=300)
@given(st.data())
def test_mutated_documents_agree(data: st.DataObject) -> None:
    doc = copy.deepcopy(data.draw(st.sampled_from(_documents())))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from([("@context",), ("@type",), *_paths(doc)]))
        parent: Any = doc
        for step in path[:-1]:
            parent = parent[step]
        if isinstance(parent, dict) and data.draw(st.booleans()):
            parent.pop(path[-1], None)  # a required key may go
        else:
            parent[path[-1]] = data.draw(_VALUES)
    library = _library(doc)
    event("valid" if library else "invalid")  # both kinds occur: --hypothesis-show-statistics
    if fast_valid(doc):
        assert library  # never a wrong "valid"
    elif not _has_float(doc):
        assert not library  # and "not known" only where a float could be an integer
    assert is_valid(doc) == library
    assert bool(list(schema_issues(doc))) == (not library)


def test_a_value_ending_in_a_newline_is_invalid_and_reported() -> None:
    # ECMA-262 "$" (the schema's meaning) does not match before a final newline; Python's does.
    doc = copy.deepcopy(_documents()[0])
    doc["url"] = doc["url"] + "\n"
    assert not is_valid(doc)
    issues = list(schema_issues(doc))
    assert issues and issues[0].path == "$.url"
