"""Markdown-lite body text to plain text plus the links it contained, with their offsets.

Readers hand over bodies with ``[text](url)`` links; ``articleBody`` must be plain text, and the
citation enricher needs to know which words carried which link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jsonld_news.identity import normalize_url
from jsonld_news.model import Link

# [text](url "title") with one level of nested brackets in the text; <https://autolink>.
_LINK = re.compile(
    r"(?=[!\[<])"  # a cheap first-character test before the alternation
    r"!?\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
    r'(?:\s+"[^"]*")?\s*\)'
    r"|<(?P<auto>https?://[^>\s]+)>"
)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)")
# Heading and block-quote markers at the start of a line.
_LINE_MARKUP = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?)", re.M)
# Runs of blanks, but not the single spaces that are nearly every match: those need no work.
_SPACES = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Where a link can start. ``_LINK.finditer`` would try its pattern at every character of the
# paragraph; trying it only here finds the same leftmost, non-overlapping matches, in order.
_LINK_START = re.compile(r"[!\[<]")


def to_plain(markdown: str) -> tuple[str, list[Link]]:
    """Return the plain body (paragraphs joined by a blank line) and its links with offsets."""
    text = markdown.replace("\r\n", "\n").replace("\r", "\n")
    if "#" in text or ">" in text:
        text = _LINE_MARKUP.sub("", text)
    has_emphasis = "*" in text or "__" in text
    paragraphs: list[str] = []
    links: list[Link] = []
    offset = 0
    for block in _PARAGRAPH_BREAK.split(text):
        block = block.replace("\n", " ")
        if "  " in block or "\t" in block or "\u00a0" in block:
            block = _SPACES.sub(" ", block)
        block = block.strip()
        if not block:
            continue
        if has_emphasis:
            block = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), block)
        start = offset + 2 if paragraphs else 0  # paragraphs are joined by "\n\n"
        plain, block_links = _strip_links(block, start)
        stripped = plain.strip()
        if not stripped:
            continue
        shift = len(plain) - len(plain.lstrip())
        for link in block_links:
            link.start = max(start, link.start - shift)
            link.end = max(link.start, link.end - shift)
        paragraphs.append(stripped)
        links.extend(block_links)
        offset = start + len(stripped)
    return "\n\n".join(paragraphs), links


def _strip_links(text: str, offset: int) -> tuple[str, list[Link]]:
    if "[" not in text and "<" not in text:
        return text, []
    out: list[str] = []
    links: list[Link] = []
    position = 0
    length = 0
    for match in _link_matches(text):
        before = text[position : match.start()]
        out.append(before)
        length += len(before)
        position = match.end()
        if match.group(0).startswith("!"):
            continue  # an inline image is not body text
        raw_url = match.group("auto") or match.group("url") or ""
        anchor = match.group("auto") or _SPACES.sub(" ", match.group("text") or "").strip()
        start = offset + length
        out.append(anchor)
        length += len(anchor)
        links.append(Link(anchor, normalize_url(raw_url), start, start + len(anchor), raw_url))
    out.append(text[position:])
    plain = "".join(out)
    return plain, links


def _link_matches(text: str) -> Iterator[re.Match[str]]:
    """``_LINK.finditer(text)``, trying the pattern only where a link can start."""
    search, match = _LINK_START.search, _LINK.match
    position = 0
    while (start := search(text, position)) is not None:
        found = match(text, start.start())
        if found is None:
            position = start.start() + 1
            continue
        yield found
        # an empty match cannot happen (every alternative consumes a bracket or "<")
        position = found.end()
