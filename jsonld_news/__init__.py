"""jsonld-news: news articles to validated schema.org NewsArticle JSON-LD and RDF.

import jsonld_news
article = jsonld_news.read("article.txt")          # a path, always; read_text(text) for text
doc = jsonld_news.to_jsonld(article)
turtle = jsonld_news.serialize(article, "turtle")
report = jsonld_news.validate(doc)

Names are imported on first use (PEP 562), so ``import jsonld_news`` and ``jsonld-news --help``
cost milliseconds, not the whole pipeline's imports.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonld_news.api import (
        convert,
        entities,
        import_kb,
        inspect_page,
        prepare,
        read,
        read_document,
        read_text,
        serialize,
        validate,
    )
    from jsonld_news.batch import BatchResult, Outcome, convert_many
    from jsonld_news.errors import (
        ArticleError,
        ConfigError,
        InputError,
        JsonldNewsError,
        MalformedInputError,
        OutputError,
        Problem,
        RemoteContextError,
        UnknownFormatError,
        UnreadableInputError,
        UnsupportedOutputError,
    )
    from jsonld_news.identity import DEFAULT_BASE_IRI
    from jsonld_news.inject import Injection, inject
    from jsonld_news.jsonld import to_jsonld
    from jsonld_news.load import LoadFailure, LoadResult, failures_path, load_paths, read_failures
    from jsonld_news.manifest import ManifestError, ManifestMismatchError
    from jsonld_news.model import Article, Citation, Dateline, Entity, Image, Mention, RelatedLink
    from jsonld_news.options import Options
    from jsonld_news.progress import Progress
    from jsonld_news.raw import RawArticle
    from jsonld_news.readers import INPUT_FORMATS
    from jsonld_news.seo import SeoMarkup, seo_block, seo_markup
    from jsonld_news.serialize import OUTPUT_FORMATS, output_format
    from jsonld_news.server import ServeConfig, create_app, serve
    from jsonld_news.sinks import write_atomic
    from jsonld_news.site import validate_page, validate_site
    from jsonld_news.sources import DocumentStream, archive_kind
    from jsonld_news.sparql import ANSWER_FORMATS, format_answer, query
    from jsonld_news.stores import DEFAULT_STORE, Store, StoreError, open_store
    from jsonld_news.validate import DEFAULT_VALIDATORS, VALIDATORS, Issue, Report
    from jsonld_news.validate.formats import REPORT_FORMATS, format_report
    from jsonld_news.validate.report import SiteReport

    __version__: str

# public name -> the module that defines it
_WHERE = {
    "convert": "api",
    "entities": "api",
    "import_kb": "api",
    "inspect_page": "api",
    "prepare": "api",
    "read": "api",
    "read_document": "api",
    "read_text": "api",
    "serialize": "api",
    "validate": "api",
    "BatchResult": "batch",
    "Outcome": "batch",
    "convert_many": "batch",
    "ArticleError": "errors",
    "ConfigError": "errors",
    "InputError": "errors",
    "JsonldNewsError": "errors",
    "MalformedInputError": "errors",
    "OutputError": "errors",
    "Problem": "errors",
    "RemoteContextError": "errors",
    "UnknownFormatError": "errors",
    "UnreadableInputError": "errors",
    "UnsupportedOutputError": "errors",
    "DEFAULT_BASE_IRI": "identity",
    "to_jsonld": "jsonld",
    "LoadFailure": "load",
    "LoadResult": "load",
    "load_paths": "load",
    "failures_path": "load",
    "read_failures": "load",
    "ManifestError": "manifest",
    "ManifestMismatchError": "manifest",
    "Article": "model",
    "Citation": "model",
    "Dateline": "model",
    "Entity": "model",
    "Image": "model",
    "Mention": "model",
    "RelatedLink": "model",
    "Options": "options",
    "Progress": "progress",
    "RawArticle": "raw",
    "INPUT_FORMATS": "readers",
    "OUTPUT_FORMATS": "serialize",
    "output_format": "serialize",
    "ServeConfig": "server",
    "create_app": "server",
    "serve": "server",
    "write_atomic": "sinks",
    "SeoMarkup": "seo",
    "seo_block": "seo",
    "seo_markup": "seo",
    "Injection": "inject",
    "inject": "inject",
    "DocumentStream": "sources",
    "archive_kind": "sources",
    "Store": "stores",
    "StoreError": "stores",
    "open_store": "stores",
    "DEFAULT_STORE": "stores",
    "ANSWER_FORMATS": "sparql",
    "format_answer": "sparql",
    "query": "sparql",
    "DEFAULT_VALIDATORS": "validate",
    "VALIDATORS": "validate",
    "Issue": "validate",
    "Report": "validate",
    "validate_page": "site",
    "validate_site": "site",
    "REPORT_FORMATS": "validate.formats",
    "format_report": "validate.formats",
    "SiteReport": "validate.report",
}


def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:  # the installed distribution's version, one source of truth (pyproject.toml)
        return version("jsonld-news")
    except PackageNotFoundError:  # pragma: no cover - a source tree without install
        return "0.0.0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _installed_version()
    elif name in _WHERE:
        value = getattr(importlib.import_module(f"jsonld_news.{_WHERE[name]}"), name)
    else:
        raise AttributeError(f"module 'jsonld_news' has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


class _Package(types.ModuleType):
    """``validate`` and ``serialize`` name both API functions and submodules. Importing a
    submodule binds its name on the package; here the API function keeps the name, as it did
    when this file imported everything eagerly (the submodules stay in ``sys.modules``)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _WHERE.get(name) == "api":
            self.__dict__.pop(name, None)  # resolved again, to the function, by __getattr__
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "ANSWER_FORMATS",
    "DEFAULT_BASE_IRI",
    "DEFAULT_STORE",
    "DEFAULT_VALIDATORS",
    "INPUT_FORMATS",
    "OUTPUT_FORMATS",
    "REPORT_FORMATS",
    "VALIDATORS",
    "Article",
    "ArticleError",
    "BatchResult",
    "Citation",
    "ConfigError",
    "Dateline",
    "DocumentStream",
    "Entity",
    "Image",
    "Injection",
    "InputError",
    "Issue",
    "JsonldNewsError",
    "LoadFailure",
    "LoadResult",
    "MalformedInputError",
    "ManifestError",
    "ManifestMismatchError",
    "Mention",
    "Options",
    "Outcome",
    "OutputError",
    "Problem",
    "Progress",
    "RawArticle",
    "RelatedLink",
    "RemoteContextError",
    "Report",
    "SeoMarkup",
    "ServeConfig",
    "SiteReport",
    "Store",
    "StoreError",
    "UnknownFormatError",
    "UnreadableInputError",
    "UnsupportedOutputError",
    "__version__",
    "archive_kind",
    "convert",
    "convert_many",
    "create_app",
    "entities",
    "failures_path",
    "format_answer",
    "format_report",
    "import_kb",
    "inject",
    "inspect_page",
    "load_paths",
    "open_store",
    "output_format",
    "prepare",
    "query",
    "read",
    "read_document",
    "read_failures",
    "read_text",
    "seo_block",
    "seo_markup",
    "serialize",
    "serve",
    "to_jsonld",
    "validate",
    "validate_page",
    "validate_site",
    "write_atomic",
]
