"""The news-SEO parts of a ``RawArticle`` -> the ``Article``: checked, normalised, never invented.

A value that cannot be read (a date that is no date, ``isAccessibleForFree: "maybe"``) is
dropped with a warning naming it; a source that says nothing leaves the field empty.
"""

from __future__ import annotations

from jsonld_news.dates import AmbiguousDateError, DateParseError, read_date
from jsonld_news.identity import fragment_iri, normalize_url
from jsonld_news.model import Article, Correction, Crumb, LiveUpdate
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle

_TRUE = frozenset({"true", "yes", "1"})
_FALSE = frozenset({"false", "no", "0"})


def read_boolean(text: str | None) -> bool | None:
    """``true``, ``"False"``, ``https://schema.org/True`` (schema.org's Boolean members)."""
    if text is None:
        return None
    word = text.strip().rsplit("/", 1)[-1].casefold()
    return True if word in _TRUE else False if word in _FALSE else None


def _date(value: str | None, name: str, article: Article, options: Options) -> str | None:
    if not value:
        return None
    try:
        return read_date(value, options.zone, article.language).value
    except (AmbiguousDateError, DateParseError) as exc:
        article.warnings.append(f"{name} {value!r} dropped: {exc}")
        return None


def _distinct(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def build_seo(raw: RawArticle, article: Article, options: Options) -> None:
    free = read_boolean(raw.accessible_for_free)
    if raw.accessible_for_free is not None and free is None:
        article.warnings.append(
            f"isAccessibleForFree {raw.accessible_for_free!r} dropped: not true or false"
        )
    selectors = _distinct(raw.paywall_selectors)
    if selectors and free is True:
        article.warnings.append(
            "hasPart marks parts not free, but isAccessibleForFree is true; hasPart dropped"
        )
        selectors = []
    article.is_accessible_for_free = free
    article.paywall_selectors = selectors

    article.live = raw.live
    for index, update in enumerate(raw.live_updates, start=1):
        headline = " ".join((update.headline or "").split()) or None
        body = (update.body or "").strip() or None
        url = normalize_url(update.url) if update.url else None
        article.live_updates.append(
            LiveUpdate(
                iri=url or fragment_iri(article.iri, f"update-{index}"),
                headline=headline,
                body=body,
                date_published=_date(
                    update.date_published,
                    f"liveBlogUpdate[{index - 1}].datePublished",
                    article,
                    options,
                ),
                url=url,
            )
        )
    article.coverage_start = _date(raw.coverage_start, "coverageStartTime", article, options)
    article.coverage_end = _date(raw.coverage_end, "coverageEndTime", article, options)

    article.speakable_css = _distinct(raw.speakable_css)
    article.speakable_xpath = _distinct(raw.speakable_xpath)

    for index, correction in enumerate(raw.corrections, start=1):
        text = " ".join(correction.text.split())
        if not text:
            continue
        article.corrections.append(
            Correction(
                iri=fragment_iri(article.iri, f"correction-{index}"),
                text=text,
                date=_date(
                    correction.date, f"correction[{index - 1}].datePublished", article, options
                ),
            )
        )

    for crumb in raw.breadcrumbs:
        name = " ".join(crumb.text.split())
        if name:
            article.breadcrumbs.append(Crumb(name, normalize_url(crumb.url) if crumb.url else None))
