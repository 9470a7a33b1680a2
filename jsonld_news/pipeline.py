"""The conversion pipeline: bytes -> reader -> ``RawArticle`` -> ``build`` -> enrichers -> ``Article``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jsonld_news.build import build
from jsonld_news.enrich import DEFAULT_ENRICHERS, Enricher
from jsonld_news.errors import UnreadableInputError
from jsonld_news.model import Article
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle
from jsonld_news.readers import detect_format, get_reader

STDIN = "<stdin>"


def read_raw(data: bytes, source: str, format: str | None, options: Options) -> RawArticle:
    name = format or detect_format(data, source)
    return get_reader(name, source)(data, source, options)


def convert_bytes(
    data: bytes,
    source: str = STDIN,
    format: str | None = None,
    options: Options | None = None,
    enrichers: Sequence[Enricher] = DEFAULT_ENRICHERS,
) -> Article:
    options = options or Options()
    raw = read_raw(data, source, format, options)
    article = build(raw, options)
    for enricher in enrichers:
        enricher(article, raw, options)
    return article


def read_file(path: str | Path, options: Options) -> bytes:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > options.max_input_bytes:
            raise UnreadableInputError(
                str(path),
                f"input is {size:,} bytes, more than the limit of {options.max_input_bytes:,} "
                "(see --max-input-size)",
            )
        return path.read_bytes()
    except IsADirectoryError:
        raise UnreadableInputError(str(path), "is a directory, not a file") from None
    except FileNotFoundError:
        raise UnreadableInputError(str(path), "no such file") from None
    except PermissionError:
        raise UnreadableInputError(str(path), "permission denied") from None
    except OSError as exc:
        raise UnreadableInputError(str(path), exc.strerror or "cannot be read") from None
