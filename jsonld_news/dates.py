"""Dates as ISO 8601 without inventing precision: a date stays a date, a naive time stays naive.

ISO 8601's basic format reads as the extended one: ``20240612`` is the day 2024-06-12 (not its
midnight), ``20240612T1845Z`` is 2024-06-12T18:45:00Z; RFC 9557's zone name after the offset
(``...Z[UTC]``) is dropped, the offset kept. Chinese, Japanese and Korean dates (``2020年4月3日``,
``2020년 4월 3일``, with a time ``10:35`` or ``10時35分``) are year-month-day by their marks.

Day and month order (``12.06.2024``, ``10/05/2022``):

- a dotted ``D.M.Y`` date is day-first in every language (no locale writes ``M.D.Y``);
- a slashed or dashed date whose first or second number is over 12 can be read one way only;
- otherwise the order is the article's language's, from its CLDR short date pattern (babel):
  ``en`` (CLDR's US English) ``M/d/yy``, ``en-GB`` ``dd/MM/y``, ``es`` ``d/M/yy``...; with no
  language such a date is ambiguous (``AmbiguousDateError``): it is dropped with a warning,
  never guessed.

Zone abbreviations (``18:45 EDT``) are read through ``zone_abbreviations()``, never by dateutil's
guesses: the abbreviations the IANA time zone database (the ``tzdata`` package) uses in 2024 for
exactly one UTC offset (``CET`` +01:00, ``BST`` +01:00, ``JST`` +09:00...), plus the North
American names of RFC 5322 section 4.3 (``EST EDT CST CDT MST MDT PST PDT``, the standard names of
mail and news headers), which decide ``CST``/``CDT``/``PST`` that tzdata also uses in Cuba, China
or the Philippines. An abbreviation tzdata gives several offsets and RFC 5322 does not define
(``IST``: India, Ireland, Israel) is refused: the date keeps its day, the time is dropped, and a
note says why. The AP Stylebook's generic US zones (``2:30 p.m. ET``, ``CT``, ``MT``, ``PT``) take the offset the
tz database gives their reference city on that day (``-04:00`` in May, ``-05:00`` in January).
``GMT+0100``/``UTC+1`` mean +01:00 (not POSIX's inverted sign). An offset of 24
hours or more (``+25:00``) is an error.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from datetime import timezone as dt_timezone
from functools import cache, lru_cache

from dateutil import parser as dateutil_parser

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ZONE_SUFFIX = re.compile(r"(?<=[\dZz])\[[A-Za-z_/+-]+\]$")
# Chinese and Japanese 2020年4月3日, Korean 2020년 4월 3일, with an optional 10:35 (or 10時35分)
_CJK_DATE = re.compile(
    r"(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]?"
    r"(?:\s*(?:\([^)]*\)|（[^）]*）)?\s*(?P<H>\d{1,2})\s*[:時时시]\s*(?P<M>\d{2})\s*[分분]?)?"
)
# ISO 8601's basic format (``20240612``): a day, not midnight (``fromisoformat`` gives a time)
_ISO_BASIC_DATE = re.compile(r"^\d{8}$")
_HAS_YEAR_AND_DAY = re.compile(r"(?=.*\b(?:1[89]|2[01])\d\d\b)(?=.*\b\d{1,2}\b)")
_NULLS = frozenset({"", "none", "null", "nan", "n/a", "unknown"})
# The label a page or a dump writes before its date ("Published: ...", "Publié le ...",
# "Actualizado el ...", "Aktualisiert am ..."): the publication and update participles of the
# corpora's languages (en, de, fr, es, pt, it, nl), then a preposition or a colon. Cut before
# the date is read: the parsers read the date, not the sentence around it.
_UPDATE_WORDS = (
    r"updated|last\s+updated|modified|mis\s+à\s+jour|modifié|aktualisiert|geändert|"
    r"actualizado|actualizada|atualizado|atualizada|aggiornato|bijgewerkt"
)
_PUBLISH_WORDS = (
    r"published|first\s+published|posted|publié|publiée|veröffentlicht|erstellt|stand|"
    r"publicado|publicada|pubblicato|gepubliceerd"
)
_DATE_LABEL = re.compile(
    rf"^(?:(?P<update>{_UPDATE_WORDS})|(?:{_PUBLISH_WORDS}))\b\s*"
    r"(?:(?:on|at|le|am|um|el|em|il|op)\b\s*)?:?\s*",
    re.I,
)


# The language of a label's first word, where that language writes the day first in every
# country (an English label says nothing: en-US is month-first, en-GB day-first).
_LABEL_LANGUAGES = {
    **dict.fromkeys(("mis", "modifié", "publié", "publiée"), "fr"),
    **dict.fromkeys(("aktualisiert", "geändert", "veröffentlicht", "erstellt", "stand"), "de"),
    **dict.fromkeys(("actualizado", "actualizada", "publicado", "publicada"), "es"),
    **dict.fromkeys(("atualizado", "atualizada"), "pt"),
    **dict.fromkeys(("aggiornato", "pubblicato"), "it"),
    **dict.fromkeys(("bijgewerkt", "gepubliceerd"), "nl"),
}


def date_label(text: str) -> tuple[str | None, str]:
    """("modified" for an update's label, "published" for a publication's, or None; the text
    after the label): "Mis à jour le 3 mai 2024" -> ("modified", "3 mai 2024")."""
    match = _DATE_LABEL.match(text) if text[:1].isalpha() else None
    if match is None or match.end() == len(text):
        return None, text
    return ("modified" if match["update"] else "published"), text[match.end() :]


# Two defaults that differ in every field: a field that comes out different was not in the text.
_DEFAULT_A = datetime(2001, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2002, 2, 2, 13, 37, 29)
# A numeric day-month-year or month-day-year date: "12.06.2024", "10/05/2022", "6-12-24".
_NUMERIC = re.compile(r"(?<![\d.:/-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-])")
# A zone after a time: "18:45 EDT", "6:45 p.m. (PST)", "01:00:00 GMT+0100".
_TIME = r"\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?(?:\s*[ap]\.?\s?m\.?)?"
_ZONE_NAME = re.compile(rf"(?P<time>{_TIME})\s*\(?(?P<zone>[A-Z]{{2,5}})\)?(?![\w+-])", re.I)
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*(?P<sign>[+-])(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?\b")
_OFFSET = re.compile(r"\d:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?P<sign>[+-])(?P<h>\d{2}):?(?P<m>\d{2})\b")
_PARENTHESISED_TAIL = re.compile(r"\s*\([^()]*[a-z][^()]*\)\s*$")  # "(Central European Time)"
# RFC 5322, section 4.3 (obs-zone): the only abbreviations the Internet message standard names.
RFC5322_ZONES: dict[str, str] = {
    "UT": "+00:00",
    "GMT": "+00:00",
    "EST": "-05:00",
    "EDT": "-04:00",
    "CST": "-06:00",
    "CDT": "-05:00",
    "MST": "-07:00",
    "MDT": "-06:00",
    "PST": "-08:00",
    "PDT": "-07:00",
}
_TZDATA_YEAR = 2024  # abbreviations in use now, not historical ones (BST was once Bering time)


class DateParseError(ValueError):
    pass


class InvalidOffsetError(DateParseError):
    """A date-time whose UTC offset cannot exist (``+25:00``): an error, not a date to drop."""


class AmbiguousDateError(DateParseError):
    """A numeric date whose day and month could be either, and no language decides."""


@dataclass(frozen=True, slots=True)
class ParsedDate:
    value: str  # ``YYYY-MM-DD`` or an ISO date-time
    notes: tuple[str, ...] = ()  # what was dropped and why ("zone IST is ambiguous...")


def is_null(text: str | None) -> bool:
    return text is None or text.strip().lower() in _NULLS


def parse_date(text: str, timezone: tzinfo | None = None, language: str | None = None) -> str:
    """Return ``YYYY-MM-DD`` or an ISO date-time; raise ``DateParseError`` if ``text`` is no date."""
    return read_date(text, timezone, language).value


@lru_cache(maxsize=4096)  # a batch repeats the same few days; dateutil is the slow part
def read_date(text: str, timezone: tzinfo | None = None, language: str | None = None) -> ParsedDate:
    """``parse_date`` with the notes of what could not be kept (a zone that is ambiguous).

    ``timezone`` is attached to a date-time that names none (a user's ``--timezone``); it is
    never attached to a plain date, which has no time to be in a zone. ``language`` (a BCP 47
    tag) decides the order of day and month where the date itself does not.
    """
    text = text.strip()
    if len(text) > 100:
        raise DateParseError("too long to be a date")
    kind, rest = date_label(text)
    if kind is not None:
        if language is None:  # "Publié le 03/05/2024": the label's language orders the date
            language = _LABEL_LANGUAGES.get(text[: len(text) - len(rest)].split()[0].lower())
        text = rest
    # RFC 9557's time zone name after an offset ("...Z[UTC]", "+02:00[Europe/Berlin]"): the
    # offset says the instant
    text = _ZONE_SUFFIX.sub("", text)
    cjk = _CJK_DATE.fullmatch(text)
    if cjk:
        text = _from_cjk(cjk)
    if _ISO_DATE.match(text):
        try:
            date.fromisoformat(text)
        except ValueError as exc:
            raise DateParseError(str(exc)) from None  # 2024-13-45
        return ParsedDate(text)
    if _ISO_BASIC_DATE.match(text):
        try:
            return ParsedDate(date.fromisoformat(text).isoformat())
        except ValueError as exc:
            raise DateParseError(str(exc)) from None  # 20241345
    _check_offset(text)
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        has_time = True
        notes: list[str] = []
    except ValueError:
        value, has_time, notes = _parse_free_text(text, language)
    if not has_time:
        return ParsedDate(value.date().isoformat(), tuple(notes))
    if value.tzinfo is None and timezone is not None:
        value = value.replace(tzinfo=timezone)
    return ParsedDate(_iso_datetime(value), tuple(notes))


def _from_cjk(match: re.Match[str]) -> str:
    """A CJK date as ISO 8601 (a naive time: the format names no zone)."""
    day = f"{match['y']}-{int(match['m']):02d}-{int(match['d']):02d}"
    return f"{day}T{int(match['H']):02d}:{match['M']}:00" if match["H"] else day


def _check_offset(text: str) -> None:
    for match in (*_GMT_OFFSET.finditer(text), *_OFFSET.finditer(text)):
        hours, minutes = int(match["h"]), int(match["m"] or 0)
        if hours >= 24 or minutes >= 60:
            raise InvalidOffsetError(
                f"impossible UTC offset {match['sign']}{hours:02d}:{minutes:02d}"
            )


def is_after(first: str, second: str) -> bool:
    """Whether ISO date/date-time ``first`` is later than ``second``: by day when either is a
    date; a naive time against an aware one is taken as UTC (as our Google validator reads it)."""
    a, b = (
        datetime.fromisoformat(first.replace("Z", "+00:00")),
        datetime.fromisoformat(second.replace("Z", "+00:00")),
    )
    if _ISO_DATE.match(first) or _ISO_DATE.match(second):
        return a.date() > b.date()
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = (
            a.replace(tzinfo=a.tzinfo or UTC),
            b.replace(tzinfo=b.tzinfo or UTC),
        )
    return a > b


def _iso_datetime(value: datetime) -> str:
    spec = "seconds" if value.microsecond == 0 else "milliseconds"
    text = value.isoformat(timespec=spec)
    return text[:-6] + "Z" if text.endswith("+00:00") else text


@cache
def zone_abbreviations() -> tuple[dict[str, str], frozenset[str]]:
    """(abbreviation -> ``±HH:MM``, abbreviations refused as ambiguous); see the module doc."""
    import zoneinfo

    offsets: dict[str, set[timedelta]] = {}
    for name in zoneinfo.available_timezones():
        try:
            zone = zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            continue
        for month in (1, 7):
            moment = datetime(_TZDATA_YEAR, month, 15, 12, tzinfo=zone)
            abbreviation, offset = moment.tzname(), moment.utcoffset()
            if abbreviation and offset is not None and re.fullmatch(r"[A-Z]{2,5}", abbreviation):
                offsets.setdefault(abbreviation, set()).add(offset)
    table = {a: _format_offset(next(iter(o))) for a, o in offsets.items() if len(o) == 1}
    table.update(RFC5322_ZONES)
    table["UTC"] = table["Z"] = "+00:00"
    ambiguous = frozenset(a for a, o in offsets.items() if len(o) > 1 and a not in table)
    return table, ambiguous


def _format_offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


# The AP Stylebook's names of the US time zones, standard or daylight by the date ("2:30 p.m.
# ET"): read with the tz database's rules for the zone's reference city, on the day given.
US_GENERIC_ZONES = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}


def _zones(text: str) -> tuple[str, list[str], bool, str | None]:
    """Text with zone names replaced by offsets; notes; whether the time must be dropped; a
    US zone named generically ("ET"), whose offset the day decides."""
    notes: list[str] = []
    drop_time = False
    generic: str | None = None
    text = _PARENTHESISED_TAIL.sub("", text)

    def gmt(match: re.Match[str]) -> str:
        return f"{match['sign']}{int(match['h']):02d}:{match['m'] or '00'}"

    text = _GMT_OFFSET.sub(gmt, text)
    if not _ZONE_NAME.search(text):
        return text, notes, drop_time, None  # no zone name: the table need not be built
    table, ambiguous = zone_abbreviations()

    def name(match: re.Match[str]) -> str:
        nonlocal drop_time, generic
        zone = match["zone"].upper()
        if zone in US_GENERIC_ZONES and match["zone"].isupper():
            generic = US_GENERIC_ZONES[zone]
            return match["time"]
        if zone in table and match["zone"].isupper():
            return f"{match['time']} {table[zone]}"
        if zone in ambiguous and match["zone"].isupper():
            drop_time = True
            notes.append(
                f"time zone {zone} is ambiguous (the tz database uses it for several UTC "
                "offsets); the time was dropped, the day kept"
            )
            return ""
        return match.group(0)

    return _ZONE_NAME.sub(name, text), notes, drop_time, generic


def day_first(language: str | None) -> bool | None:
    """Whether the language writes the day before the month (CLDR short date), or ``None``."""
    if not language:
        return None
    return _day_first(re.split(r"[.@]", language, maxsplit=1)[0].replace("-", "_"))


@cache
def _day_first(locale: str) -> bool | None:
    from babel import Locale, UnknownLocaleError

    try:
        pattern: str = Locale.parse(locale).date_formats["short"].pattern
    except (UnknownLocaleError, ValueError, KeyError, TypeError):
        return None
    day, month = pattern.find("d"), pattern.find("M")
    if day < 0 or month < 0:
        return None
    return day < month


def _order(text: str, language: str | None) -> bool | None:
    """dateutil's ``dayfirst`` for ``text`` (``None``: no numeric date); raise
    ``AmbiguousDateError`` when nothing decides."""
    match = _NUMERIC.search(text)
    if match is None:
        return None
    first_number, separator, second_number = int(match[1]), match[2], int(match[3])
    if separator == ".":
        return True
    if first_number > 12:
        return True
    if second_number > 12 or first_number == second_number:
        return False
    order = day_first(language)
    if order is None:
        raise AmbiguousDateError(
            f"day and month order of {match.group(0)!r} is ambiguous and no language decides it"
        )
    return order


def _parse_free_text(text: str, language: str | None) -> tuple[datetime, bool, list[str]]:
    text, notes, drop_time, generic = _zones(text)
    dayfirst = _order(text, language)
    try:
        with warnings.catch_warnings():
            # an unknown zone name is handled below, never printed by dateutil
            warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
            a = dateutil_parser.parse(text, default=_DEFAULT_A, dayfirst=bool(dayfirst))
            b = dateutil_parser.parse(text, default=_DEFAULT_B, dayfirst=bool(dayfirst))
    except (ValueError, OverflowError) as exc:
        parsed = _parse_other_languages(text, dayfirst)
        if parsed is None:
            raise DateParseError("not a recognisable date") from exc
        value, has_time = parsed
    else:
        if a.year != b.year or a.month != b.month or a.day != b.day:
            raise DateParseError("not a full date (year, month and day)")
        value, has_time = a, a.hour == b.hour and a.minute == b.minute
    if generic is not None and has_time and value.tzinfo is None:
        import zoneinfo

        value = value.replace(tzinfo=zoneinfo.ZoneInfo(generic))
    unknown = _unknown_zone(text)
    if has_time and not drop_time and value.tzinfo is None and unknown:
        notes.append(f"time zone {unknown} is not a known abbreviation; the time was dropped")
        drop_time = True
    return value, has_time and not drop_time, notes


def _unknown_zone(text: str) -> str | None:
    match = _ZONE_NAME.search(text)
    if match and match["zone"].isupper() and match["zone"].upper() not in ("AM", "PM"):
        return match["zone"]
    return None


def _parse_other_languages(text: str, dayfirst: bool | None) -> tuple[datetime, bool] | None:
    """Month names in other languages ("15. November 2024", "3 de mayo de 2020"): dateparser, lazily."""
    import dateparser  # slow to import; only needed for non-English dates

    # REQUIRE_PARTS: "mayo de 2020" has no day, and a day is never invented.
    # PARSERS: absolute dates only; "the day after tomorrow" names no date of its own.
    if not _HAS_YEAR_AND_DAY.search(text):
        return None
    settings: dict[str, object] = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["absolute-time", "custom-formats"],
    }
    if dayfirst is not None:
        settings["DATE_ORDER"] = "DMY" if dayfirst else "MDY"
    # dateparser drops an explicit offset from a naive result: take it off and put it back
    offset = _OFFSET.search(text)
    zone = None
    if offset is not None:
        minutes = int(offset["h"]) * 60 + int(offset["m"])
        zone = dt_timezone(timedelta(minutes=-minutes if offset["sign"] == "-" else minutes))
        text = text[: offset.start("sign")] + text[offset.end() :]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = dateparser.parse(text, settings=settings)
    if result is None:
        return None
    has_time = bool(re.search(r"\d{1,2}[:h]\d{2}", text))
    if has_time and zone is not None:
        result = result.replace(tzinfo=zone)
    return result, has_time


# Languages whose month and weekday names mark a header line as a date line: the languages of
# the project's corpora. Names come from CLDR (babel), wide and abbreviated, any case.
DATE_WORD_LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "nl")
_DATE_TOKEN = re.compile(r"[^\W\d_]+|\d+", re.U)


@cache
def _date_words() -> frozenset[str]:
    from babel import Locale

    words: set[str] = set()
    for code in DATE_WORD_LANGUAGES:
        locale = Locale.parse(code)
        for table in (locale.months, locale.days):
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    for name in table.get(context, {}).get(width, {}).values():
                        words.add(name.casefold().strip("."))
    return frozenset(words)


def looks_like_date_line(line: str) -> bool:
    """A short line made of date words (CLDR month/day names), numbers and little else:
    "Friday, 31 February 2024", "13/13/2024 18:45". Used to report a date line that cannot be
    read instead of taking it for text."""
    if len(line) > 60 or not any(ch.isdigit() for ch in line):
        return False
    tokens = _DATE_TOKEN.findall(line)
    if not tokens or len(tokens) > 10:
        return False
    words = _date_words()
    numeric = bool(re.search(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}", line))
    named = any(t.casefold() in words for t in tokens if not t.isdigit())
    other = [t for t in tokens if not t.isdigit() and t.casefold() not in words and len(t) > 4]
    return (numeric or named) and len(other) <= 1
