"""Dates as ISO 8601 without inventing precision: a date stays a date, a naive time stays naive."""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo
from functools import lru_cache

from dateutil import parser as dateutil_parser

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HAS_YEAR_AND_DAY = re.compile(r"(?=.*\b(?:1[89]|2[01])\d\d\b)(?=.*\b\d{1,2}\b)")
_NULLS = frozenset({"", "none", "null", "nan", "n/a", "unknown"})
# Two defaults that differ in every field: a field that comes out different was not in the text.
_DEFAULT_A = datetime(2001, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2002, 2, 2, 13, 37, 29)


class DateParseError(ValueError):
    pass


def is_null(text: str | None) -> bool:
    return text is None or text.strip().lower() in _NULLS


@lru_cache(maxsize=4096)  # a batch repeats the same few days; dateutil is the slow part
def parse_date(text: str, timezone: tzinfo | None = None) -> str:
    """Return ``YYYY-MM-DD`` or an ISO date-time; raise ``DateParseError`` if ``text`` is no date.

    ``timezone`` is attached to a date-time that names none (a user's ``--timezone``); it is
    never attached to a plain date, which has no time to be in a zone.
    """
    text = text.strip()
    if len(text) > 100:
        raise DateParseError("too long to be a date")
    if _ISO_DATE.match(text):
        try:
            date.fromisoformat(text)
        except ValueError as exc:
            raise DateParseError(str(exc)) from None  # 2024-13-45
        return text
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        has_time = True
    except ValueError:
        value, has_time = _parse_free_text(text)
    if not has_time:
        return value.date().isoformat()
    if value.tzinfo is None and timezone is not None:
        value = value.replace(tzinfo=timezone)
    return _iso_datetime(value)


def _iso_datetime(value: datetime) -> str:
    spec = "seconds" if value.microsecond == 0 else "milliseconds"
    text = value.isoformat(timespec=spec)
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _parse_free_text(text: str) -> tuple[datetime, bool]:
    try:
        a = dateutil_parser.parse(text, default=_DEFAULT_A)
        b = dateutil_parser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError) as exc:
        parsed = _parse_other_languages(text)
        if parsed is None:
            raise DateParseError("not a recognisable date") from exc
        return parsed
    if a.year != b.year or a.month != b.month or a.day != b.day:
        raise DateParseError("not a full date (year, month and day)")
    has_time = a.hour == b.hour and a.minute == b.minute
    return a, has_time


def _parse_other_languages(text: str) -> tuple[datetime, bool] | None:
    """Month names in other languages ("15. November 2024", "3 de mayo de 2020"): dateparser, lazily."""
    import dateparser  # slow to import; only needed for non-English dates

    # REQUIRE_PARTS: "mayo de 2020" has no day, and a day is never invented.
    # PARSERS: absolute dates only; "the day after tomorrow" names no date of its own.
    if not _HAS_YEAR_AND_DAY.search(text):
        return None
    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["absolute-time", "custom-formats"],
    }
    result = dateparser.parse(text, settings=settings)
    if result is None:
        return None
    has_time = bool(re.search(r"\d{1,2}[:h]\d{2}", text))
    return result, has_time
