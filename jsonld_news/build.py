"""``RawArticle`` -> validated ``Article``: normalise every field and report all problems at once."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass

from jsonld_news.body import to_plain
from jsonld_news.credits import split_wire_trailer
from jsonld_news.dates import AmbiguousDateError, DateParseError, is_after, is_null, read_date
from jsonld_news.errors import ArticleError, Problem
from jsonld_news.identity import article_iri, normalize_url
from jsonld_news.language_tags import normalize_language
from jsonld_news.model import Article, count_words
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle

MAX_HEADLINE = 1000
_SPACES = re.compile(r"\s+")
_MIN_WORDS_TO_DETECT = 25
_LANGUAGE_SAMPLE = 400  # characters: plenty for a confident guess, and py3langid is per-byte
_MIN_LANGUAGE_CONFIDENCE = 0.95


def clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = _SPACES.sub(" ", text).strip()
    return text or None


# Characters no article text contains on purpose and that XML and many stores cannot hold:
# C0/C1 controls but tab and newline, lone surrogates (from JSON escapes), non-characters.
_UNUSABLE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_NEEDS_CLEANING = re.compile("[\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_ASCII_KEPT = bytes(range(0x20, 0x7F)) + b"\t\n"  # the ASCII that _NEEDS_CLEANING lacks


def sanitize_text(value: str) -> str:
    # Every character above is a control (Cc), surrogate (Cs) or unassigned (Cn), none of them
    # printable: a printable string (a headline, a name) needs no regex scan at all, nor does
    # a body whose only unprintable characters are its line breaks (and tabs). Of ASCII text,
    # deleting the bytes that may stay leaves the unusable ones (a table lookup a byte); other
    # text is tested unprintable without its line breaks; the pattern scans what remains.
    if value.isprintable():
        return value
    if value.isascii():
        if not value.encode("ascii").translate(None, _ASCII_KEPT):
            return value
    elif value.replace("\n", "").replace("\t", "").isprintable():
        return value
    if _NEEDS_CLEANING.search(value) is None:
        return value
    # one line ending, as XML parsers would make it anyway
    return _UNUSABLE_CHARS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def _sanitize(value: object) -> object:
    if isinstance(value, str):
        return sanitize_text(value)
    if isinstance(value, list):
        return [_sanitize(item) for item in value] if value else value
    kind = type(value)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = (
            tuple(f.name for f in fields(kind)) if is_dataclass(kind) else ()
        )
    if names:
        for name in names:
            item = getattr(value, name)
            if item is not None:
                setattr(value, name, _sanitize(item))
    return value


# type -> its dataclass field names; () for any other type (a class object's type is none)
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def build(raw: RawArticle, options: Options) -> Article:
    _sanitize(raw)
    problems: list[Problem] = []
    headline = clean(raw.title)
    if headline is None:
        problems.append(Problem("headline", "missing: the input has no title"))
    elif len(headline) > MAX_HEADLINE:
        problems.append(Problem("headline", f"longer than {MAX_HEADLINE} characters", headline))
    url = None
    if raw.url and not is_null(raw.url):
        url = normalize_url(raw.url)
        if url is None and options.base_url:
            url = normalize_url(options.base_url)
        if url is None:
            problems.append(Problem("url", "not an absolute http(s) URL", raw.url))
    elif options.base_url:
        url = normalize_url(options.base_url)
    language = None
    warnings = list(raw.notes)
    if raw.language and not is_null(raw.language):
        language = normalize_language(raw.language)
        if language is None:  # no guess: the body's language may still be detected
            warnings.append(f"inLanguage {raw.language!r} dropped: not a language tag or name")
    # a wire trailer ("(Reporting by ...; Editing by ...)") credits people; it is not body text
    trimmed, wire_credits = split_wire_trailer(raw.body or "")
    body, links = to_plain(trimmed)
    if language is None and options.detect_language:
        language = detect_language(body)
    dates: dict[str, str | None] = {}
    for field in ("date_published", "date_modified", "date_created"):
        value = getattr(raw, field)
        dates[field] = None
        if is_null(value):
            continue
        try:
            parsed = read_date(value, options.zone, language)
        except AmbiguousDateError as exc:
            # neither the date nor the article's language says which is the day: no guess
            warnings.append(f"{_SCHEMA_NAMES[field]} {value!r} dropped: {exc}")
            continue
        except DateParseError as exc:
            problems.append(Problem(_SCHEMA_NAMES[field], f"unparseable date: {exc}", value))
            continue
        dates[field] = parsed.value
        warnings.extend(f"{_SCHEMA_NAMES[field]} {value!r}: {note}" for note in parsed.notes)
    if problems:
        raise ArticleError(raw.source, problems)
    assert headline is not None
    published, modified = dates["date_published"], dates["date_modified"]
    if published and modified and is_after(published, modified):
        # a modification cannot come before the first publication: one of them is wrong, and
        # the publication date is the one readers and search engines need
        warnings.append(
            f"dateModified {modified} is earlier than datePublished {published}; dropped"
        )
        dates["date_modified"] = None
    article = Article(
        wire_credits=wire_credits,
        source=raw.source,
        source_format=raw.format,
        iri=article_iri(
            options.base_iri,
            url,
            headline,
            dates["date_published"],
            body[:500],
            key=options.source_key,
        ),
        headline=headline,
        body=body,
        url=url,
        alternative_headline=clean(raw.alternative_headline),
        description=clean(raw.description),
        links=links,
        date_published=dates["date_published"],
        date_modified=dates["date_modified"],
        date_created=dates["date_created"],
        language=language,
        keywords=_distinct(raw.keywords),
        section=clean(raw.section),
        copyright_notice=clean(raw.copyright_notice),
        is_based_on=normalize_url(raw.is_based_on),
        identifiers=_distinct(raw.identifiers),
        genres=_distinct(raw.genres),
        warnings=warnings,
    )
    from jsonld_news.build_seo import build_seo

    build_seo(raw, article, options)  # paywall, live blog, speakable, corrections, breadcrumbs
    return article


def _distinct(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in (clean(v) for v in values) if v))


_SCHEMA_NAMES = {
    "date_published": "datePublished",
    "date_modified": "dateModified",
    "date_created": "dateCreated",
}


def detect_language(body: str) -> str | None:
    """The body's language, only when the text is long enough and the model is nearly certain."""
    # small chunks: the first 25 words are read, not the whole body split
    if count_words(body, stop=_MIN_WORDS_TO_DETECT, chunk=1024) < _MIN_WORDS_TO_DETECT:
        return None
    from jsonld_news.language import identifier  # its model is mapped on first use

    code, confidence = identifier().classify(body[:_LANGUAGE_SAMPLE])
    return str(code) if confidence >= _MIN_LANGUAGE_CONFIDENCE else None
