"""Remote contexts are refused wherever they hide in a document, and never fetched."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import jsonld_news
from jsonld_news.context import remote_references
from jsonld_news.options import Options

EVIL = "https://evil.example.net/ctx.jsonld"
NO_NLP = Options(recognize_entities=False, detect_language=False)
ARTICLE = {"@type": "NewsArticle", "headline": "H", "datePublished": "2024-01-02"}

# Every place a JSON-LD 1.1 processor would dereference a context IRI.
REMOTE_PLACEMENTS: dict[str, Any] = {
    "top-level string": {"@context": EVIL},
    "relative IRI": {"@context": "ctx.jsonld"},
    "array of contexts": {"@context": ["https://schema.org", EVIL]},
    "@import in an inline context": {"@context": {"@import": EVIL, "@vocab": "http://schema.org/"}},
    "@import inside an array": {"@context": ["https://schema.org", {"@import": EVIL}]},
    "nested array": {"@context": [["https://schema.org", [EVIL]]]},
    "scoped context of a term": {
        "@context": {"author": {"@id": "schema:author", "@context": EVIL}}
    },
    "scoped context with @import": {
        "@context": [
            "https://schema.org",
            {"author": {"@id": "http://schema.org/author", "@context": {"@import": EVIL}}},
        ]
    },
    "type-scoped, two levels deep": {
        "@context": {
            "Person": {"@id": "http://schema.org/Person", "@context": {"x": {"@context": [EVIL]}}}
        }
    },
    "a nested node's own context": {
        "@context": "https://schema.org",
        "author": {"@context": EVIL, "@type": "Person", "name": "Ann Lee"},
    },
    "a node in a list": {"@context": "https://schema.org", "image": [{"@context": [EVIL]}]},
}

# Contexts that load nothing: schema.org's IRIs, and inline definitions whose IRIs are
# vocabulary (``@vocab``, ``@base``, term ``@id``s), which a processor never dereferences.
LOCAL_PLACEMENTS: dict[str, Any] = {
    "schema.org": {"@context": "https://schema.org"},
    "schema.org variants": {"@context": ["http://schema.org/", "https://schema.org/"]},
    "@vocab and @base": {"@context": {"@vocab": EVIL, "@base": EVIL, "@language": "en"}},
    "term definitions": {
        "@context": ["https://schema.org", {"byline": {"@id": EVIL, "@type": "@id"}}]
    },
    "empty scoped context": {"@context": {"author": {"@id": "schema:author", "@context": None}}},
}


@pytest.mark.parametrize("placement", list(REMOTE_PLACEMENTS))
def test_remote_context_is_refused_wherever_it_is(placement: str) -> None:
    doc = {**ARTICLE, **REMOTE_PLACEMENTS[placement]}
    assert remote_references(doc)
    with pytest.raises(jsonld_news.RemoteContextError, match="refusing @context"):
        jsonld_news.read(json.dumps(doc).encode(), options=NO_NLP)
    # Allowed, it is read as it stands; nothing is fetched (the network is blocked in tests).
    allowed = Options(recognize_entities=False, detect_language=False, allow_remote_context=True)
    assert jsonld_news.read(json.dumps(doc).encode(), options=allowed).headline == "H"


@pytest.mark.parametrize("placement", list(LOCAL_PLACEMENTS))
def test_contexts_that_load_nothing_are_read(placement: str) -> None:
    doc = {**ARTICLE, **LOCAL_PLACEMENTS[placement]}
    assert remote_references(doc) == []
    assert jsonld_news.read(json.dumps(doc).encode(), options=NO_NLP).headline == "H"


def test_remote_context_in_news_please_json_is_refused_too() -> None:
    doc = {"title": "H", "maintext": "Body.", "authors": [{"@context": EVIL, "name": "A"}]}
    with pytest.raises(jsonld_news.RemoteContextError):
        jsonld_news.read(json.dumps(doc).encode(), options=NO_NLP)


def test_cli_refuses_an_imported_context_in_one_line(tmp_path: Any) -> None:
    from typer.testing import CliRunner

    from jsonld_news.cli import app

    path = tmp_path / "a.json"
    path.write_text(json.dumps({**ARTICLE, **REMOTE_PLACEMENTS["@import in an inline context"]}))
    result = CliRunner().invoke(app, ["convert", str(path), "--no-mentions"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and EVIL in result.stderr and str(path) in result.stderr


# Hypothesis: a remote IRI wrapped in any mix of the constructs a context may nest.
def _wrap(inner: Any, how: str) -> Any:
    if how == "array":
        return ["https://schema.org", inner]
    if how == "import":
        return {"@import": inner} if isinstance(inner, str) else {"y": {"@context": inner}}
    if how == "scoped":
        return {"author": {"@id": "http://schema.org/author", "@context": inner}}
    return {"@vocab": "http://schema.org/", "t": {"@id": "http://schema.org/t", "@context": inner}}


@given(st.lists(st.sampled_from(["array", "import", "scoped", "typed"]), max_size=8))
def test_a_remote_iri_is_found_at_any_depth(wrappers: list[str]) -> None:
    context: Any = EVIL
    for how in wrappers:
        context = _wrap(context, how)
    doc = {**ARTICLE, "@context": context}
    assert remote_references(doc) == [EVIL]
    local = json.loads(json.dumps(doc).replace(EVIL, "https://schema.org"))
    assert remote_references(local) == []
