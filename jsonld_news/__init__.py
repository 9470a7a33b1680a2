"""jsonld-news: news articles to validated schema.org NewsArticle JSON-LD and RDF.

import jsonld_news
article = jsonld_news.read("article.txt")          # a path, always; read_text(text) for text
doc = jsonld_news.to_jsonld(article)
turtle = jsonld_news.serialize(article, "turtle")
report = jsonld_news.validate(doc)
"""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

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
from jsonld_news.jsonld import to_jsonld
from jsonld_news.load import LoadFailure, LoadResult, load_paths
from jsonld_news.model import Article, Citation, Dateline, Entity, Image, Mention, RelatedLink
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle
from jsonld_news.readers import INPUT_FORMATS
from jsonld_news.serialize import OUTPUT_FORMATS, output_format
from jsonld_news.sinks import write_atomic
from jsonld_news.stores import Store, StoreError, open_store
from jsonld_news.validate import DEFAULT_VALIDATORS, VALIDATORS, Issue, Report

try:  # the installed distribution's version, one source of truth (pyproject.toml)
    __version__ = _version("jsonld-news")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0+unknown"

__all__ = [
    "DEFAULT_BASE_IRI",
    "DEFAULT_VALIDATORS",
    "INPUT_FORMATS",
    "OUTPUT_FORMATS",
    "VALIDATORS",
    "Article",
    "ArticleError",
    "BatchResult",
    "Citation",
    "ConfigError",
    "Dateline",
    "Entity",
    "Image",
    "InputError",
    "Issue",
    "JsonldNewsError",
    "LoadFailure",
    "LoadResult",
    "MalformedInputError",
    "Mention",
    "Options",
    "Outcome",
    "OutputError",
    "Problem",
    "RawArticle",
    "RelatedLink",
    "RemoteContextError",
    "Report",
    "Store",
    "StoreError",
    "UnknownFormatError",
    "UnreadableInputError",
    "UnsupportedOutputError",
    "__version__",
    "convert",
    "convert_many",
    "entities",
    "import_kb",
    "inspect_page",
    "load_paths",
    "open_store",
    "output_format",
    "prepare",
    "read",
    "read_document",
    "read_text",
    "serialize",
    "to_jsonld",
    "validate",
    "write_atomic",
]
