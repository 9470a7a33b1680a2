"""Validators, each a function ``doc -> Iterable[Issue]`` registered by name.

``json-schema`` checks shape; ``schema.org`` checks the vocabulary (release 30.0); ``google``
checks Google's Article rich-result profile (errors vs warnings); ``consistency`` compares an
article's properties with each other; ``shacl`` runs schema.org's published shapes on the graph
(patched, slow: opt-in); ``shacl-news`` runs our schemas/newsarticle.shacl.ttl (opt-in).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from jsonld_news.validate.report import Issue, Report

IssueSource = Callable[[Mapping[str, Any]], Iterable[Issue]]

# name -> "module:function", imported on first use.
VALIDATORS: dict[str, str] = {
    "json-schema": "jsonld_news.validate.schema:schema_issues",
    "schema.org": "jsonld_news.validate.vocabulary:vocabulary_issues",
    "google": "jsonld_news.validate.google:google_issues",
    "consistency": "jsonld_news.validate.consistency:consistency_issues",
    "shacl": "jsonld_news.validate.shacl:shacl_issues",
    "shacl-news": "jsonld_news.validate.shacl:news_shacl_issues",
}
DEFAULT_VALIDATORS: tuple[str, ...] = ("json-schema", "schema.org", "google", "consistency")


def get_validator(name: str) -> IssueSource:
    try:
        target = VALIDATORS[name]
    except KeyError:
        raise ValueError(
            f"unknown validator {name!r}; choose from {', '.join(VALIDATORS)}"
        ) from None
    module_name, function_name = target.split(":")
    function: IssueSource = getattr(importlib.import_module(module_name), function_name)
    return function


def validate(doc: Mapping[str, Any], validators: Sequence[str] = DEFAULT_VALIDATORS) -> Report:
    """Run the named validators on one compact JSON-LD document; collect every issue. The
    explicit form the ``jsonld`` output writes (typed dates, ``{"@id": ...}`` URLs) is read as
    the plain one (``jsonld.plain``): the two state the same values."""
    if isinstance(doc, dict):
        from jsonld_news.jsonld import plain

        doc = plain(doc)
    report = Report()
    for name in validators:
        try:
            function = get_validator(name)
        except ModuleNotFoundError:
            continue  # a validator module not shipped in this build
        report.extend(function(doc), name)
    return report


__all__ = ["DEFAULT_VALIDATORS", "VALIDATORS", "Issue", "Report", "validate"]
