"""HTML article pages: one parse, embedded structured data first, main-text extraction last.

``read_html`` decodes the bytes (BOM, then a page that is valid UTF-8, then the declared
``<meta charset>``/``http-equiv``/XML charset by its WHATWG label, then detection), parses
once with lxml, hands that tree to ``embedded`` (JSON-LD, microdata, OpenGraph, Dublin Core; RDFa and microformats
when ``Options.html_syntaxes`` names them) and to ``html_text`` (trafilatura), then merges by
the precedence documented in ``html_merge``. ``inspect_html`` reports every source's value per
field and which one won.

Bad input: empty, binary or oversized (``Options.max_input_bytes``) bytes raise
``UnreadableInputError``; a page that does not parse as HTML raises ``MalformedInputError``; a page
with no headline, or no article text (fewer than ``MIN_BODY_WORDS`` words and no Article markup
whose description could stand in), raises ``ArticleError``. Best efforts, each with a note in
``RawArticle.notes``: truncated pages are read as far as they go (lxml recovers); elements nested
deeper than libxml2's 256 levels are cut there; embedded JSON-LD that cannot be repaired is
skipped; pages over ``LARGE_PAGE_BYTES`` skip the text extractor's metadata scan (seconds on a
20 MB page) and rely on their markup for the date and byline.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    document_fromstring,
)

from jsonld_news.dates import DateParseError, parse_date
from jsonld_news.decode import (
    check_size,
    decode_utf16,
    looks_binary,
    utf16_without_bom,
    whatwg_codec,
)
from jsonld_news.errors import ArticleError, MalformedInputError, Problem, UnreadableInputError
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle
from jsonld_news.readers.embedded import Embedded, extract_embedded
from jsonld_news.readers.html_dates import copyright_new_year, date_line, opening_date
from jsonld_news.readers.html_merge import FieldReport, MergeResult, is_placeholder_date, merge
from jsonld_news.readers.html_text import (
    TextResult,
    author_link,
    extract_text,
    full_name,
    lead_paragraph,
    visible_byline,
    visible_title,
)

_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""",
    re.I,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


LARGE_PAGE_BYTES = 3_000_000  # larger pages skip the text extractor's metadata search
# fewer words (and under 100 characters, for scripts without spaces) and no Article markup:
# a section front or an error page
MIN_BODY_WORDS = 15


_ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
)


@dataclass(slots=True)
class ParsedPage:
    tree: HtmlElement
    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


def decode_html(
    data: bytes, source: str, forced: str | None = None, transport: str | None = None
) -> tuple[str, str, list[str]]:
    """(text, encoding used, notes). Raises ``UnreadableInputError`` for binary data.

    ``transport``: the charset of the HTTP Content-Type (a WARC record's), used when the page
    declares none that works, before detection."""
    sniffed = None if forced else utf16_without_bom(data)
    if sniffed:
        note = f"read as {sniffed}: UTF-16 without a byte-order mark"
        return decode_utf16(data, source, sniffed), sniffed, [note]
    if looks_binary(data) and not forced:
        raise UnreadableInputError(source, "binary data, not an HTML page")
    if forced:
        try:
            return data.decode(forced), forced, []
        except LookupError:
            raise UnreadableInputError(source, f"unknown encoding {forced!r}") from None
        except UnicodeDecodeError as exc:
            raise UnreadableInputError(source, f"not valid {forced}: {exc.reason}") from None
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8", []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16", []
    # valid UTF-8 with any non-ASCII byte is UTF-8 whatever the page declares
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    match = _CHARSET.search(data[:8192])
    if match:
        declared = whatwg_codec((match.group(1) or match.group(2)).decode("ascii"))
        # a page that says UTF-8 but is not: detect instead; a UTF-16 label in a page's own
        # markup means UTF-8 to a browser (HTML's prescan), which these bytes are not
        if declared and declared not in ("utf-8", "utf-16-le", "utf-16-be"):
            return data.decode(declared, errors="replace"), declared, []
    encoding = whatwg_codec(transport) if transport else None
    if encoding:
        try:
            return data.decode(encoding), encoding, []
        except UnicodeDecodeError:
            pass  # a wrong HTTP charset: detect instead
    detected = _detect(data)
    if detected is not None:
        return (
            data.decode(detected, errors="replace"),
            detected,
            [f"charset detected as {detected}: none declared, or the declared one does not fit"],
        )
    return (
        data.decode("cp1252", errors="replace"),
        "cp1252",
        ["no usable charset declared or detected; read as windows-1252"],
    )


def _detect(data: bytes) -> str | None:
    """charset-normalizer's guess; on a tie, windows-1252 (the web's legacy default) wins."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:65536]))
    if not matches:
        return None
    best = matches[0]
    tied = [m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    name = "cp1252" if "cp1252" in tied else best.encoding
    return codecs.lookup(name).name


def parse_page(data: bytes, source: str, options: Options) -> ParsedPage:
    check_size(data, source, options.max_input_bytes)
    text, encoding, notes = decode_html(data, source, options.encoding, options.transport_charset)
    # huge_tree: a 20 MB inline script or comment must not end the parse (libxml2's 10 MB cap);
    # UTF-8 bytes go to lxml as they are (faster than a str), other encodings as decoded text
    parser = HTMLParser(huge_tree=True, encoding="utf-8" if encoding == "utf-8" else None)
    # every element an HtmlElement, chosen in C: lxml.html's default lookup is a Python call per
    # element proxy (tens of thousands a page in the text extractor); the form/input/label
    # classes it picks instead are used neither here nor by trafilatura or extruct
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    markup: str | bytes = data.removeprefix(codecs.BOM_UTF8) if encoding == "utf-8" else text
    if isinstance(markup, str):
        markup = _XML_DECLARATION.sub("", markup, count=1)  # lxml rejects str that declares one
    try:
        tree = document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise MalformedInputError(source, f"not parseable as HTML: {exc}") from None
    if any("depth" in str(error.message).lower() for error in parser.error_log):
        notes.append("page nests elements more than 256 deep; the parser stopped there")
    if tree.find("body") is None and tree.find("head") is None:
        raise MalformedInputError(source, "not an HTML page (no head or body)")
    if not re.search(r"</html\s*>", text[-4096:], re.I):
        notes.append("page looks truncated (no closing </html>); read what is there")
    return ParsedPage(tree=tree, text=text, encoding=encoding, notes=notes)


def _syntaxes(options: Options) -> tuple[str, ...]:
    return tuple(s.strip().lower() for s in options.html_syntaxes)


def _analyse(
    data: bytes, source: str, options: Options, full: bool = False
) -> tuple[ParsedPage, Embedded, TextResult]:
    """Parse once; read the markup; run the text extractor, with its metadata search only when
    the markup leaves the headline, date or authors open (or ``full``, for ``inspect``)."""
    page = parse_page(data, source, options)
    syntaxes = _syntaxes(options)
    embedded = extract_embedded(
        page.tree,
        syntaxes,
        base_url=options.base_url,
        text=page.text if any(s.startswith(("microformat", "rdfa")) for s in syntaxes) else None,
    )
    markup = merge(source, embedded, None, options.base_url).raw
    byline = None
    if full or not (markup.authors or markup.byline):
        byline = visible_byline(page.tree) or author_link(page.tree)
    need_metadata = full or not (
        markup.title
        and _readable_date(markup.date_published, markup.language)
        and (markup.authors or markup.byline or byline)
    )
    if need_metadata and len(data) > LARGE_PAGE_BYTES:
        # htmldate's regex scan of a 20 MB page takes seconds; the markup has to do
        need_metadata = False
        page.notes.append(
            f"page over {LARGE_PAGE_BYTES // 1_000_000} MB: the text extractor's date and "
            "byline search was skipped"
        )
    try:
        text = extract_text(page.tree, markup.url or options.base_url, with_metadata=need_metadata)
    except RecursionError:
        # a pathologically nested page; keep the embedded data, report the body as missing
        text = TextResult()
        page.notes.append("page nests too deeply for main-text extraction")
    text.byline_element = byline
    if copyright_new_year(text.date, page.tree):
        text.date = None  # not a date the page gives: htmldate's copyright-year fallback
    if full or not _readable_date(markup.date_published, markup.language):
        text.date_line = date_line(page.tree, markup.language) or opening_date(
            text.body, markup.language
        )
    return page, embedded, text


def _readable_date(value: str | None, language: str | None) -> bool:
    """A date the markup gives that reads as one day: an ambiguous "05/06/2020" is not, and the
    text extractor's date may settle it."""
    if not value:
        return False
    try:
        return not is_placeholder_date(parse_date(value, language=language))
    except DateParseError:
        return False


def _merged(
    data: bytes, source: str, options: Options, full: bool = False
) -> tuple[ParsedPage, Embedded, MergeResult]:
    page, embedded, text = _analyse(data, source, options, full)
    result = merge(source, embedded, text, options.base_url)
    raw = result.raw
    raw.authors = list(dict.fromkeys(full_name(page.tree, a) for a in raw.authors))
    if raw.title and not result.article_types:
        raw.title = visible_title(page.tree, raw.title)
    lead = lead_paragraph(page.tree, raw.description, raw.body, raw.url or options.base_url)
    if lead:
        raw.body = f"{lead}\n\n{raw.body}" if raw.body else lead
    if text.credits and raw.photo_credit is None:
        raw.photo_credit = text.credits[0]
    raw.notes[:0] = page.notes
    return page, embedded, result


def read_html(data: bytes, source: str, options: Options) -> RawArticle:
    result = _merged(data, source, options)[2]
    raw = result.raw
    problems = []
    if not raw.title:
        problems.append(Problem("headline", "the page names no headline or title"))
    if not raw.body or (len(raw.body.split()) < MIN_BODY_WORDS and len(raw.body) < 100):
        if result.article_types and raw.description:
            # the page declares an article but shows no text of it (paywall, script-rendered)
            raw.body = raw.description
            raw.notes.append("no article text on the page; its description stands in")
        else:
            why = next((n for n in raw.notes if "deep" in n or "truncated" in n), None)
            message = "no article text found on the page"
            problems.append(Problem("articleBody", f"{message} ({why})" if why else message))
    if problems:
        raise ArticleError(source, problems)
    return raw


# --- inspect ----------------------------------------------------------------------------------


@dataclass(slots=True)
class InspectReport:
    """What each embedded source said, and which value won, for ``jsonld-news inspect``."""

    source: str
    encoding: str
    syntaxes: dict[str, int]  # syntax -> number of items/tags found
    article_types: dict[str, list[str]]
    fields: list[FieldReport]
    notes: list[str]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["fields"] = [
            {
                "field": f.name,
                "chosen": f.chosen_source,
                "conflict": f.conflict,
                "values": f.values,
            }
            for f in self.fields
        ]
        return data

    def to_text(self) -> str:
        lines = [f"{self.source}: read as {self.encoding}"]
        found = ", ".join(f"{name} {count}" for name, count in self.syntaxes.items())
        lines.append(f"embedded data: {found}")
        for syntax, kinds in self.article_types.items():
            lines.append(f"article node: {syntax} {'/'.join(kinds)}")
        for report in self.fields:
            if not report.values:
                continue
            flag = "  CONFLICT" if report.conflict else ""
            lines.append(f"{report.name}:{flag}")
            for name, value in report.values.items():
                mark = "*" if name == report.chosen_source else " "
                flat = " ".join(value.split())
                shown = flat if len(flat) <= 100 else flat[:97] + "..."
                lines.append(f"  {mark} {name:<10} {shown}")
        lines.extend(f"note: {note}" for note in self.notes)
        return "\n".join(lines)


def inspect_html(data: bytes, source: str, options: Options) -> InspectReport:
    page, embedded, result = _merged(data, source, options, full=True)
    counts = {
        "json-ld": len(embedded.jsonld),
        "microdata": len(embedded.microdata),
        "rdfa": len(embedded.rdfa),
        "opengraph": sum(len(v) for v in embedded.opengraph.values()),
        "dublincore": sum(len(v) for v in embedded.dublincore.values()),
        "meta": sum(len(v) for v in embedded.meta.values()),
        "microformats": len(embedded.microformats),
    }
    return InspectReport(
        source=source,
        encoding=page.encoding,
        syntaxes={k: v for k, v in counts.items() if v},
        article_types=result.article_types,
        fields=result.fields,
        notes=result.raw.notes,
    )
