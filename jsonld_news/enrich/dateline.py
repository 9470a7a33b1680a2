"""Datelines: "BERLIN —", "KYIV, Ukraine (AP) —", "MOSCOW, Nov 15 (Reuters) -", "Berlin (dpa) -".

The dateline becomes ``dateline`` text, a ``locationCreated`` Place and, where it names a wire
agency, ``sourceOrganization``. The body keeps its first words: the dateline is removed from
nothing.
"""

from __future__ import annotations

import re

from jsonld_news.agencies import find_agency
from jsonld_news.enrich.byline import tidy_name
from jsonld_news.enrich.mentions import recognizer_for
from jsonld_news.enrich.people import organization_entity
from jsonld_news.identity import entity_iri
from jsonld_news.model import Article, Dateline, Entity
from jsonld_news.options import Options
from jsonld_news.raw import RawArticle

# Capitalised kickers that open a body like a dateline but name no place.
_NOT_PLACES = frozenset(
    [
        "THE",
        "A",
        "AN",
        "BREAKING",
        "UPDATE",
        "UPDATED",
        "EXCLUSIVE",
        "WATCH",
        "LIVE",
        "ANALYSIS",
        "OPINION",
        "EDITOR",
        "NOTE",
    ]
)
_UPPER = r"[A-ZÀ-ÖØ-Þ]"
_CAPS_PLACE = rf"{_UPPER}[A-ZÀ-ÖØ-Þ.'\-]*(?:\s+{_UPPER}[A-ZÀ-ÖØ-Þ.'\-]*){{0,3}}"
_TITLE_PLACE = rf"{_UPPER}[a-zà-öø-ÿ'\-]+(?:[\s\-]{_UPPER}[a-zà-öø-ÿ'\-]+){{0,2}}"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_DASH = r"\s*(?:—|–|--|-|:)\s+"
_DATELINE = re.compile(
    rf"^(?:(?P<caps>{_CAPS_PLACE})|(?P<title>{_TITLE_PLACE})(?=\s*(?:,[^()]{{1,40}})?\s*\())"
    rf"(?:,\s*(?P<region>(?!{_MONTH}){_UPPER}[\w.' ]{{1,30}}?))?"
    rf"(?:,\s*(?P<date>{_MONTH}))?"
    rf"\s*(?:\((?P<agency>[^()]{{1,40}})\))?"
    rf"(?P<dash>{_DASH})"
)


def find_dateline(body: str) -> tuple[str, str, str | None] | None:
    """Return (dateline text, place name, agency name or None) if the body opens with one."""
    match = _DATELINE.match(body[:200])
    if match is None:
        return None
    place = match.group("caps") or match.group("title")
    if match.group("caps") and (
        len(place) < 3 or not place.replace(".", "").replace(" ", "").isupper()
    ):
        return None
    if place.split()[0].strip(".") in _NOT_PLACES:
        return None
    agency_text = match.group("agency")
    if match.group("title") and agency_text is None:
        return None
    agency = find_agency(agency_text) if agency_text else None
    if agency_text and agency is None and match.group("dash").strip() == ":":
        return None
    text = body[: match.start("dash")].strip()
    return text, place.strip(), agency.name if agency else agency_text


class DatelineEnricher:
    name = "dateline"

    def __call__(self, article: Article, raw: RawArticle, options: Options) -> None:
        base = options.base_iri
        if raw.dateline:
            place_name = re.split(r"[,(]", raw.dateline, maxsplit=1)[0].strip()
            found: tuple[str, str, str | None] | None = (raw.dateline.strip(), place_name, None)
        else:
            found = find_dateline(article.body)
        if found is None:
            return
        text, place_name, agency_name = found
        place: Entity | None = None
        if place_name:
            name = tidy_name(place_name) if place_name.isupper() else place_name
            iri = entity_iri(base, "Place", name)
            known = {e.iri: e for e in (*article.about, *article.mentions)}
            region = _region_of(text, place_name)
            recognized = _recognized_place(name, article, options, region)
            if recognized is not None:  # the article's own entity where it is the same place
                place = known.get(recognized.iri, recognized)
            else:
                place = (None if region else known.get(iri)) or Entity("Place", name, iri)
        agency = organization_entity(agency_name, base) if agency_name else None
        article.dateline = Dateline(text=text, place=place, agency=agency)


def _region_of(text: str, place_name: str) -> str | None:
    """The region a dateline gives after its place ("PARIS, Texas (AP)": "Texas")."""
    rest = text[text.find(place_name) + len(place_name) :] if place_name in text else ""
    match = re.match(r"\s*,\s*([A-Z][\w.' ]{1,30}?)\s*(?:[,(]|$)", rest)
    return match.group(1).strip() if match else None


def _recognized_place(
    name: str, article: Article, options: Options, region: str | None = None
) -> Entity | None:
    """Type and link the dateline's place with the same recognizer the mentions used, with
    the region the dateline gives, so that "PARIS, Texas" is not the French capital."""
    recognizer = recognizer_for(options)
    if recognizer is None:
        return None
    # "in" makes it a place's name, as the dateline does, not a sentence's first word
    text = f"in {name}, {region}" if region else f"in {name}"
    found = recognizer.recognize("", text, language=article.language, base_iri=options.base_iri)
    whole = [m.entity for m in found if m.start == 3 and m.end == 3 + len(name)]
    return whole[0] if whole and whole[0].kind == "place" else None
