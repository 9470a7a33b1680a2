"""Readers: bytes of one input format to a ``RawArticle``.

Each reader is ``read(data: bytes, source: str, options: Options) -> RawArticle`` and lives in a
module of its own; ``detect_format`` picks one from the file name and the first bytes.
"""

from __future__ import annotations

import importlib
from codecs import BOM_UTF16_BE, BOM_UTF16_LE
from collections.abc import Callable
from pathlib import PurePath

from jsonld_news.decode import utf16_without_bom
from jsonld_news.errors import UnknownFormatError
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle

Reader = Callable[[bytes, str, Options], RawArticle]

# format name -> "module:function"; imported on first use so a text conversion never pays for lxml.
_READERS: dict[str, str] = {
    "text": "jsonld_news.readers.text:read_text",
    "markdown": "jsonld_news.readers.markdown:read_markdown",
    "json": "jsonld_news.readers.article_json:read_json",
    "newsplease": "jsonld_news.readers.article_json:read_newsplease",
    "trafilatura": "jsonld_news.readers.article_json:read_trafilatura",
    "ninjs": "jsonld_news.readers.ninjs:read_ninjs",
    "html": "jsonld_news.readers.html:read_html",
}
INPUT_FORMATS: tuple[str, ...] = tuple(_READERS)

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".ninjs": "ninjs",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def get_reader(format_name: str, source: str = "<input>") -> Reader:
    try:
        target = _READERS[format_name]
    except KeyError:
        known = ", ".join(INPUT_FORMATS)
        raise UnknownFormatError(
            source, f"unknown input format {format_name!r}; choose from {known}"
        ) from None
    module_name, function_name = target.split(":")
    reader: Reader = getattr(importlib.import_module(module_name), function_name)
    return reader


def detect_format(data: bytes, source: str) -> str:
    """Guess the format from the content first (extensions lie), then from the file name."""
    head = data[:4096]
    utf16 = "utf-16" if head.startswith((BOM_UTF16_LE, BOM_UTF16_BE)) else utf16_without_bom(head)
    if utf16:  # look at UTF-16 as the text it is
        head = head.decode(utf16, errors="ignore").encode("utf-8")
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"{", b"[")):
        return "json"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or (
        head.startswith(b"<") and (b"<head" in head or b"<body" in head or b"<meta" in head)
    ):
        return "html"
    if head.startswith(b"---\n") or head.startswith(b"---\r\n"):
        return "markdown"
    suffix = PurePath(source).suffix.lower()
    return _EXTENSIONS.get(suffix, "text")
