"""Put an SEO block into an HTML page, changing no other byte.

The page is scanned once with the standard library's lenient tokenizer (``html.parser``), which
knows comments, ``<script>`` contents and broken markup, for the offsets of ``<html>``,
``<head>``, ``</head>`` and every ``<script type="application/ld+json">``. Then the original
bytes are spliced: the DOM is never re-serialised, so whitespace, attribute quoting, entities and
the encoding stay exactly as they were.

Where the block goes, first that applies:

1. in place of our earlier block (the ``data-jsonld-news`` attribute), so injecting twice gives
   the page injecting once gives;
2. in place of the page's first Article-family JSON-LD block (``NewsArticle``, ``BlogPosting``,
   an ``@graph`` holding one...), so the page never describes its article twice;
3. at the end of ``<head>`` (on a line of its own), or right after a ``<head>`` that is never
   closed, or in a new ``<head>`` right after ``<html>``.

A page with neither ``<head>`` nor ``<html>``, binary data, or text that its encoding cannot
carry is refused with ``MalformedInputError`` / ``UnreadableInputError`` (one line, exit 2).
The page keeps its encoding: ASCII-compatible encodings are spliced as bytes; characters of the
block the page's encoding lacks are written as JSON ``\\uXXXX`` escapes (they only occur inside
JSON strings). The paywall's ``cssSelector`` values are checked against the page: one that
matches no element is a warning.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from jsonld_news.decode import looks_binary
from jsonld_news.errors import MalformedInputError, UnreadableInputError
from jsonld_news.readers.embedded import normalize_node, parse_json_lenient, types_of
from jsonld_news.readers.html_merge import is_article_node
from jsonld_news.seo import MARKER

JSONLD_TYPE = "application/ld+json"
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(slots=True)
class Injection:
    """The page with the block in it, and what the caller should be told."""

    page: bytes
    action: str  # "replaced our block", "replaced an Article block", "inserted"
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Script:
    start: int  # offset of "<script"
    end: int  # offset just past "</script>"
    content: tuple[int, int]
    attrs: dict[str, str | None]


class _Scanner(HTMLParser):
    """Offsets of the tags that matter, from one lenient pass over the text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0]
        for match in re.finditer("\n", text):
            self.line_starts.append(match.end())
        self.html: tuple[int, int] | None = None
        self.head: tuple[int, int] | None = None  # the <head ...> start tag
        self.head_close: int | None = None  # offset of "</head"
        self.body: int | None = None
        self.scripts: list[_Script] = []
        self._open_script: tuple[int, int, dict[str, str | None]] | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        if tag == "html" and self.html is None:
            self.html = (start, end)
        elif tag == "head" and self.head is None:
            self.head = (start, end)
        elif tag == "body" and self.body is None:
            self.body = start
        elif tag == "script":
            self._open_script = (start, end, {k.lower(): v for k, v in attrs})

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            return  # "<script/>" has no content: no block of anyone's
        self.handle_starttag(tag, attrs)  # "<head/>" opens a head that is never closed

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        if tag == "head" and self.head_close is None:
            self.head_close = start
        elif tag == "script" and self._open_script is not None:
            open_start, open_end, attrs = self._open_script
            self._open_script = None
            close = self.text.find(">", start)
            end = len(self.text) if close < 0 else close + 1
            self.scripts.append(_Script(open_start, end, (open_end, start), attrs))


def _codec(data: bytes, name: str) -> tuple[bytes, str, str, bool]:
    """(BOM, codec, text, spliced as bytes?) of the page; raises if it is no text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :]
            latin = codec == "utf-8"
            return bom, codec, text.decode("latin-1" if latin else codec), latin
    if looks_binary(data):
        from jsonld_news.decode import utf16_without_bom

        sniffed = utf16_without_bom(data)
        if not sniffed:
            raise UnreadableInputError(name, "binary data, not an HTML page")
        return b"", sniffed, data.decode(sniffed), False
    from jsonld_news.readers.html import decode_html

    declared = _declared(data)
    if data.isascii():  # any ASCII-compatible charset reads the page: the declared one counts
        encoding = declared if declared and _ascii_compatible(declared) else "ascii"
    else:
        encoding = decode_html(data, name)[1]
        if declared and codecs.lookup(declared).name != codecs.lookup(encoding).name:
            # declared one way, bytes of another (browsers follow the HTTP header, which we do
            # not see): the block in ASCII, read alike either way
            encoding = "ascii"
    if _ascii_compatible(encoding):
        return b"", encoding, data.decode("latin-1"), True  # a char per byte: offsets are bytes
    return b"", encoding, data.decode(encoding), False


def _declared(data: bytes) -> str | None:
    """The charset the page's ``<meta>`` (or XML declaration) names, if a known one."""
    from jsonld_news.decode import whatwg_codec
    from jsonld_news.readers.html import _CHARSET

    match = _CHARSET.search(data[:8192])
    if not match:
        return None
    return whatwg_codec((match.group(1) or match.group(2)).decode("ascii"))


def _ascii_compatible(encoding: str) -> bool:
    try:
        return "<head></head>".encode(encoding) == b"<head></head>"
    except (LookupError, UnicodeError):
        return False


def inject(page: bytes, block: str, *, name: str = "<page>") -> Injection:
    """``page`` with ``block`` (a ``<script type="application/ld+json">`` element) in its head."""
    try:
        bom, codec, text, latin = _codec(page, name)
    except UnicodeDecodeError as exc:
        raise UnreadableInputError(name, f"not valid text in its encoding: {exc.reason}") from None
    scanner = _Scanner(text)
    try:
        scanner.feed(text)
        scanner.close()
    except (AssertionError, ValueError) as exc:  # html.parser gives up on very broken markup
        raise MalformedInputError(name, f"not parseable as HTML: {exc}") from None
    if scanner.head is None and scanner.html is None:
        raise MalformedInputError(
            name, "not an HTML page (no <html> or <head>): nothing to inject into"
        )

    newline = "\r\n" if "\r\n" in text[: scanner.body or len(text)] else "\n"
    element = block.strip("\r\n").replace("\r\n", "\n").replace("\n", newline)
    warnings: list[str] = []

    def encoded(value: str) -> str:
        """``value`` as it goes into ``text``: encoded for the page, then as the text holds it."""
        raw = _encode(value, codec)
        return raw.decode("latin-1") if latin else raw.decode(codec)

    ours = [s for s in scanner.scripts if _is_jsonld(s) and MARKER in s.attrs]
    articles = [
        s
        for s in scanner.scripts
        if _is_jsonld(s) and MARKER not in s.attrs and _describes_article(s, text, codec, latin)
    ]
    if ours:
        target, action = ours[0], "replaced our earlier block"
        if len(ours) > 1:
            warnings.append(f"{name}: {len(ours) - 1} more block(s) of ours left as they were")
    elif articles:
        target, action = articles[0], "replaced the page's Article JSON-LD block"
    else:
        target = None
        action = "inserted into <head>"
    if target is not None:
        spliced = text[: target.start] + encoded(element) + text[target.end :]
        others = [s for s in articles if s is not target]
        if others:
            warnings.append(f"{name}: the page keeps {len(others)} other Article JSON-LD block(s)")
    else:
        spliced = _insert(text, scanner, encoded(element), encoded(newline))
    out = bom + (spliced.encode("latin-1") if latin else spliced.encode(codec))
    for selector, why in unmatched_selectors(out, block_selectors(block)):
        warnings.append(f"{name}: paywall cssSelector {selector!r} {why} (hasPart)")
    return Injection(out, action, warnings)


def _encode(value: str, codec: str) -> bytes:
    """``value`` in ``codec``; a character it lacks becomes a JSON escape (``\\u00e9``)."""
    try:
        return value.encode(codec)
    except UnicodeEncodeError:
        pass
    out = []
    for char in value:
        try:
            out.append(char.encode(codec))
        except UnicodeEncodeError:
            escaped = json.dumps(char)[1:-1]  # \\uXXXX, a surrogate pair beyond the BMP
            out.append(escaped.encode(codec))
    return b"".join(out)


def _insert(text: str, scanner: _Scanner, element: str, newline: str) -> str:
    if scanner.head is not None and scanner.head_close is not None:
        at = scanner.head_close
        line_start = text.rfind("\n", 0, at) + 1
        if line_start > scanner.head[1] and not text[line_start:at].strip():
            at = line_start  # "  </head>" keeps its line: the block goes on one of its own
        return text[:at] + element + newline + text[at:]
    if scanner.head is not None:
        at = scanner.head[1]
        return text[:at] + newline + element + text[at:]
    assert scanner.html is not None
    at = scanner.html[1]
    return text[:at] + "<head>" + element + "</head>" + text[at:]


def _is_jsonld(script: _Script) -> bool:
    kind = (script.attrs.get("type") or "").split(";")[0].strip().lower()
    return kind == JSONLD_TYPE


def _describes_article(script: _Script, text: str, codec: str, latin: bool) -> bool:
    content = text[script.content[0] : script.content[1]]
    if latin:
        content = content.encode("latin-1").decode(codec, errors="replace")
    values, _ = parse_json_lenient(content)
    return any(_has_article(normalize_node(v)) for v in values)


def _has_article(value: Any) -> bool:
    if isinstance(value, list):
        return any(_has_article(v) for v in value)
    if not isinstance(value, dict):
        return False
    if types_of(value) and is_article_node(value):
        return True
    return _has_article(value.get("@graph"))


# --- the paywall's selectors, checked against the page ------------------------------------------


def block_selectors(block: str) -> list[str]:
    """The ``hasPart`` ``cssSelector`` values of an SEO block (its article's paywall)."""
    start, end = block.find(">"), block.rfind("</script")
    try:
        doc = json.loads(block[start + 1 : end if end > 0 else None])
    except ValueError:
        return []
    nodes = doc.get("@graph", [doc]) if isinstance(doc, dict) else []
    found: list[str] = []
    for node in nodes:
        for part in node.get("hasPart", []) if isinstance(node, dict) else []:
            selectors = part.get("cssSelector") if isinstance(part, dict) else None
            for selector in selectors if isinstance(selectors, list) else [selectors]:
                if isinstance(selector, str) and selector not in found:
                    found.append(selector)
    return found


def unmatched_selectors(page: bytes, selectors: list[str]) -> list[tuple[str, str]]:
    """(selector, why) for each selector that matches no element of ``page``."""
    if not selectors:
        return []
    from cssselect import SelectorError
    from lxml import etree
    from lxml.html import document_fromstring

    try:
        tree = document_fromstring(page)
    except (ValueError, etree.ParserError):
        return [(s, "cannot be checked: the page does not parse") for s in selectors]
    missing = []
    for selector in selectors:
        try:
            matched = tree.cssselect(selector)
        except SelectorError:
            missing.append((selector, "is not a CSS selector"))
            continue
        if not matched:
            missing.append((selector, "matches no element of the page"))
    return missing
