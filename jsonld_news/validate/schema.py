"""JSON Schema validation against ``schemas/newsarticle.schema.json`` (draft 2020-12).

``validate.compiled`` answers "valid?" for our own documents; whatever it cannot vouch for goes
to a compiled fastjsonschema validator; only an invalid document pays for jsonschema, which
reports every problem with its path. Tests hold the three to agreement.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import Any

from jsonld_news.resources import schema_file
from jsonld_news.validate.compiled import fast_valid
from jsonld_news.validate.report import Issue, json_path

SCHEMA_NAME = "newsarticle.schema.json"


@cache
def article_schema() -> dict[str, Any]:
    with schema_file(SCHEMA_NAME).open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@cache
def _full_validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(article_schema())


@cache
def _fast_validator() -> Callable[[Any], Any]:
    import fastjsonschema

    # The schema uses only keywords draft 7 shares with 2020-12; fastjsonschema compiles draft 7.
    schema = dict(article_schema(), **{"$schema": "http://json-schema.org/draft-07/schema#"})
    schema.pop("$id", None)
    validate: Callable[[Any], Any] = fastjsonschema.compile(schema)
    return validate


def is_valid(doc: Mapping[str, Any]) -> bool:
    if fast_valid(doc):
        return True
    import fastjsonschema

    try:
        _fast_validator()(doc)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def schema_issues(doc: Mapping[str, Any]) -> Iterator[Issue]:
    """Every JSON Schema problem; for ``oneOf`` failures, the most specific cause beneath."""
    if is_valid(doc):
        return
    errors = sorted(_full_validator().iter_errors(doc), key=lambda e: list(e.path))
    if not errors:
        # The two libraries read a pattern's "$" differently: jsonschema (Python's re) lets it
        # match before a final newline, fastjsonschema (ECMA-262, as the schema means) does not.
        # fastjsonschema decided "invalid", so its own complaint is the report.
        yield _fast_issue(doc)
        return
    for error in errors:
        cause = _deepest_cause(error)
        yield Issue(
            path=json_path(list(cause.absolute_path)),
            message=cause.message if len(cause.message) < 200 else cause.message[:197] + "...",
            value=cause.instance if not isinstance(cause.instance, (dict, list)) else None,
            validator="json-schema",
            rule=str(cause.validator),
        )


def _fast_issue(doc: Mapping[str, Any]) -> Issue:
    import fastjsonschema

    try:
        _fast_validator()(doc)
    except fastjsonschema.JsonSchemaException as error:
        steps = list(getattr(error, "path", None) or [])[1:]  # [0] is "data"
        value = getattr(error, "value", None)
        return Issue(
            path=json_path(steps),
            message=str(getattr(error, "message", error))[:200],
            value=value if not isinstance(value, (dict, list)) else None,
            validator="json-schema",
            rule=str(getattr(error, "rule", None) or "schema"),
        )
    raise AssertionError("fastjsonschema accepted what is_valid rejected")  # pragma: no cover


def _deepest_cause(error: Any) -> Any:
    """Of the alternatives a ``oneOf`` tried, the failure that got furthest into the document.

    "author is not an object" is true but useless when the array branch failed on
    ``author[0].name``; a shape mismatch (``type``) loses ties to a specific complaint.
    """
    leaves = []
    stack = [error]
    while stack:
        current = stack.pop()
        if current.context:
            stack.extend(current.context)
        else:
            leaves.append(current)
    return max(leaves, key=lambda e: (len(e.absolute_path), e.validator not in ("type", "oneOf")))
