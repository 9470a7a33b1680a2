"""jsonld-news: news articles to validated schema.org NewsArticle JSON-LD and RDF.

import jsonld_news
article = jsonld_news.read("article.txt")
doc = jsonld_news.to_jsonld(article)
turtle = jsonld_news.serialize(article, "turtle")
report = jsonld_news.validate(doc)
"""

from jsonld_news.api import convert, read, serialize, validate
from jsonld_news.batch import BatchResult, convert_many
from jsonld_news.errors import (
    ArticleError,
    ConfigError,
    InputError,
    JsonldNewsError,
    MalformedInputError,
    Problem,
    RemoteContextError,
    UnknownFormatError,
    UnreadableInputError,
    UnsupportedOutputError,
)
from jsonld_news.jsonld import to_jsonld
from jsonld_news.load import LoadResult, load_paths
from jsonld_news.model import Article, Citation, Dateline, Entity, Image, Mention, RelatedLink
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle
from jsonld_news.readers import INPUT_FORMATS
from jsonld_news.serialize import OUTPUT_FORMATS
from jsonld_news.sinks import write_atomic
from jsonld_news.stores import Store, StoreError, open_store
from jsonld_news.validate import Issue, Report

__version__ = "0.1.0"

__all__ = [
    "INPUT_FORMATS",
    "OUTPUT_FORMATS",
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
    "LoadResult",
    "MalformedInputError",
    "Mention",
    "Options",
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
    "load_paths",
    "open_store",
    "read",
    "serialize",
    "to_jsonld",
    "validate",
    "write_atomic",
]
