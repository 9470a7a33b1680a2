"""Plain-text / markdown article dumps, like the project's seed article.

Shape: a title line; then short header lines in any order (a date, a photo credit, a byline);
then body paragraphs with ``[text](url)`` links and ``Related article: [title](url)`` lines;
then an optional ``Original url:`` trailer naming the canonical URL.
"""

from __future__ import annotations

import re

from jsonld_news.credits import looks_like_credit_line, strip_credit_label
from jsonld_news.dates import (
    AmbiguousDateError,
    DateParseError,
    InvalidOffsetError,
    date_label,
    looks_like_date_line,
    parse_date,
)
from jsonld_news.decode import check_size, decode_text
from jsonld_news.errors import ArticleError, Problem
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle, RawImage, RawLink

_MAX_HEADER_LINE = 160
_TRAILER = re.compile(r"^(?:original|canonical|source)\s+(?:url|link)\s*:\s*(?P<url>\S*)\s*$", re.I)
_RELATED = re.compile(
    r"^(?:related(?:\s+articles?)?|read\s+(?:also|more)|see\s+also)\s*:\s*"
    r"\[(?P<title>[^\]]+)\]\((?P<url>[^)]*)\)\s*$",
    re.I,
)
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door)\s+\S", re.I)
_HEADING = re.compile(r"^#{1,6}\s+")
_ANGLE_URL = re.compile(r"^<(\S+)>$")


def read_text(data: bytes, source: str, options: Options) -> RawArticle:
    check_size(data, source, options.max_input_bytes)
    return parse_text(decode_text(data, source, options.encoding), source, "text", options)


def parse_text(
    text: str, source: str, format_name: str, options: Options, *, title_known: bool = False
) -> RawArticle:
    """Parse a dump; with ``title_known`` (front matter gave one) the first block is body or header."""
    blocks = _blocks(text)
    raw = RawArticle(source=source, format=format_name)
    if not blocks and not title_known:
        raise ArticleError(source, [Problem("headline", "no text")])
    if not title_known:
        title = _HEADING.sub("", blocks[0]).strip()
        if len(title) > 1000 or "\n" in title:
            raise ArticleError(
                source,
                [Problem("headline", "the first line is not a headline (too long)", title[:40])],
            )
        raw.title = title
    body_start = _read_header(blocks, raw, options, 0 if title_known else 1)
    body: list[str] = []
    rest = blocks[body_start:]
    index = 0
    while index < len(rest):
        block = rest[index]
        trailer = _TRAILER.match(block)
        if trailer:
            url = trailer.group("url")
            if not url and index + 1 < len(rest):
                index += 1
                url = rest[index]
            angle = _ANGLE_URL.match(url.strip())
            raw.url = angle.group(1) if angle else url.strip()
            index += 1
            continue
        related = _RELATED.match(block)
        if related:
            raw.related.append(RawLink(related.group("title").strip(), related.group("url")))
        else:
            body.append(block)
        index += 1
    raw.body = "\n\n".join(body)
    return raw


def _blocks(text: str) -> list[str]:
    """Paragraphs, each with its inner line breaks kept (they separate header lines)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [b.strip() for b in re.split(r"\n[ \t]*\n", text) if b.strip()]


def _read_header(blocks: list[str], raw: RawArticle, options: Options, index: int) -> int:
    """Consume short header lines after the title; return the index where the body starts."""
    while index < len(blocks):
        lines = blocks[index].split("\n")
        if not all(_classify_header(line.strip(), raw, options) for line in lines):
            break
        index += 1
    return index


def _classify_header(line: str, raw: RawArticle, options: Options) -> bool:
    if not line or len(line) > _MAX_HEADER_LINE or "](" in line:
        return False
    label, rest = date_label(line)
    if label == "modified":  # "Updated: ...", "Mis à jour le ...": the update's date
        if raw.date_modified is None and _is_date(rest, options):
            raw.date_modified = line
            return True
    elif raw.date_published is None and _is_date(line, options):
        raw.date_published = line
        return True
    if raw.byline is None and _BYLINE.match(line) and len(line.split()) <= 20:
        raw.byline = line
        return True
    if raw.photo_credit is None and looks_like_credit_line(line):
        raw.photo_credit = strip_credit_label(line)
        raw.images.append(RawImage(credit=raw.photo_credit))
        return True
    if raw.date_published is None and looks_like_date_line(line):
        # a date line we cannot read is reported, not taken for the first paragraph
        raw.notes.append(f"date line {line!r} could not be read as a date; ignored")
        return True
    return False


def _is_date(line: str, options: Options) -> bool:
    if len(line) > 60 or not any(ch.isdigit() for ch in line):
        return False
    try:
        parse_date(line, options.zone)
    except (AmbiguousDateError, InvalidOffsetError):
        # a date all the same: build reads it in the article's language or warns (ambiguous),
        # or reports it as an error (an offset that cannot exist)
        return True
    except DateParseError:
        return False
    return True
