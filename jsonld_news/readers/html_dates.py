"""The date a page shows its reader, for pages whose markup declares none.

Two places a news page prints the day of its story, both in sight of the reader:

- the date line set over, under or beside the headline (``<span>14. Februar 2012</span>``,
  ``<p class="date">15 августа 2016, 13:43</p>``): the first short element whose whole text is
  a date among the three siblings before the ``<h1>`` and the elements after it in the
  document, before the article's text begins (a ``<time>`` element there by its ``datetime``);
- a dateline opening one of the first paragraphs of the article's text (after a headline,
  standfirst or byline it repeats): ``27.1.2022 - Bei der Erinnerung ...``.

Only a whole date counts: year, month and day (``dates.parse_date``), read in the page's
language; a line with words around it (``Updated June 12``), a month alone (``Jan/Feb 2022``)
or a day and month the language cannot order is no date line. A date inside a link is a
related story's, not this one's, and so is one in an ``<aside>`` (HTML's element for a
sidebar of teasers), a ``<nav>``, a ``<footer>`` or a ``<figure>``.

``copyright_new_year`` spots htmldate's last resort, 1 January of the page's ``copyrightYear``:
a day and month no source gave, so no date.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from lxml import etree
from lxml.html import HtmlElement

from jsonld_news.dates import DateParseError, date_label, parse_date
from jsonld_news.readers.html_merge import is_placeholder_date

_SPACES = re.compile(r"\s+")
_MAX_LINE = 60  # characters: "Donnerstag, 16. Februar 2012, 14:03 Uhr" and such
_BODY_WORDS = 25  # a paragraph this long is the article's text: the date line came before it
_SCAN = 60  # elements after the headline (ad slots and share buttons come between)
_HEADLINES = 3
_ABOVE = 3  # siblings before the headline: a date, a picture and its credit, a kicker
_ELSEWHERE = frozenset({"a", "aside", "nav", "footer", "figure"})
_OPENING_PARAGRAPHS = 4
_OPENING_DATE = re.compile(r"^(?P<date>[\w.,/ :]{6,40}?)\s+[-–—]\s+\w")


def date_line(tree: HtmlElement, language: str | None) -> str | None:
    """The text of the first date line after one of the page's first ``<h1>`` elements."""
    for number, heading in enumerate(tree.iter("h1")):
        if number >= _HEADLINES:
            break
        for element in _near(heading):
            text = _SPACES.sub(" ", element.text_content()).strip()
            if element.tag == "p" and len(text.split()) > _BODY_WORDS:
                break
            if any(a.tag in _ELSEWHERE for a in element.iterancestors()):
                continue  # a related story's date: in a link, a sidebar, the site's chrome
            # a <time> element's machine-readable datetime says more than its text ("07:59")
            stamp = element.get("datetime", "").strip() if element.tag == "time" else ""
            if stamp and _is_date(stamp, language):
                return stamp
            if _is_date(text, language):
                return text
    return None


def opening_date(body: str | None, language: str | None) -> str | None:
    """The date the article's text opens with, before a dash (``27.1.2022 - ...``), in one of
    its first paragraphs (after a headline, a standfirst and a byline the text may repeat)."""
    for paragraph in (body or "").split("\n\n", _OPENING_PARAGRAPHS)[:_OPENING_PARAGRAPHS]:
        match = _OPENING_DATE.match(paragraph)
        if match and _is_date(match["date"], language):
            return match["date"]
    return None


# the elements after a headline in document order (not inside it), but for scripts, styles and
# what is elsewhere (a sidebar of teasers has dozens of elements)
_FOLLOWING = etree.XPath(
    "following::*[not(self::script or self::style)]"
    f"[not({' or '.join(f'ancestor-or-self::{tag}' for tag in sorted(_ELSEWHERE))})]"
    f"[position() <= {_SCAN}]"
)


def _near(heading: HtmlElement) -> list[HtmlElement]:
    """The three siblings just before ``heading`` (a date line over the title) with their
    descendants, then the ``_SCAN`` elements that follow it in document order."""
    above = list(heading.itersiblings(preceding=True))[:_ABOVE][::-1]
    elements = [e for sibling in above for e in sibling.iter() if isinstance(e.tag, str)]
    return [*elements, *_FOLLOWING(heading)]  # type: ignore[misc]


def _is_date(text: str, language: str | None) -> bool:
    if not 6 <= len(text) <= _MAX_LINE or not any(c.isdigit() for c in text):
        return False
    if date_label(text)[0] == "modified":
        return False  # "Aktualisiert am ...": the update's date, never the publication's
    try:
        value = parse_date(text, language=language)
    except DateParseError:
        return False
    return not is_placeholder_date(value) and value[:10] <= datetime.now(UTC).date().isoformat()


_COPYRIGHT_YEARS = etree.XPath("//meta[translate(@itemprop, 'CY', 'cy')='copyrightyear']/@content")


def copyright_new_year(value: str | None, tree: HtmlElement) -> bool:
    """Whether ``value`` is the 1 January of the year the page's ``copyrightYear`` names: what
    htmldate falls back to when it finds no date (a day and month it made up)."""
    if not value or value[4:10] != "-01-01":
        return False
    years = _COPYRIGHT_YEARS(tree)
    return isinstance(years, list) and any(str(y).strip() == value[:4] for y in years)
