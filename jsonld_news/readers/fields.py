"""Flexible field names -> ``RawArticle``: shared by the project's article JSON and YAML front matter.

Sources spell the same field many ways (``date``, ``datePublished``, ``pubDate``...). The table
below is the one place that lists the spellings we accept; the first present spelling wins.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from jsonld_news.errors import Problem
from jsonld_news.raw import RawArticle, RawEntity, RawImage, RawLink, RawOrganization

ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("headline", "title", "name"),
    "alternative_headline": ("alternativeHeadline", "subtitle", "subheadline", "title_page"),
    "description": ("description", "summary", "excerpt", "abstract", "lede"),
    "body": ("articleBody", "body", "text", "content", "maintext"),
    "url": ("url", "canonicalUrl", "canonical_url", "canonical", "permalink", "link", "source"),
    "date_published": (
        "datePublished",
        "date_published",
        "published",
        "publishDate",
        "publish_date",
        "pubDate",
        "published_at",
        "date",
    ),
    "date_modified": (
        "dateModified",
        "date_modified",
        "modified",
        "updated",
        "lastmod",
        "updated_at",
    ),
    "date_created": ("dateCreated", "date_created", "created"),
    "byline": ("byline",),
    "authors": ("authors", "author", "creator"),
    "publisher": ("publisher", "sitename", "site_name", "siteName", "source-hostname"),
    "images": ("image", "images", "image_url", "imageUrl", "featured_image", "cover", "thumbnail"),
    "photo_credit": ("photoCredit", "photo_credit", "imageCredit", "image_credit", "credit"),
    "language": ("inLanguage", "language", "lang", "locale"),
    "section": ("articleSection", "section", "category", "categories"),
    "keywords": ("keywords", "tags"),
    "genres": ("genre", "genres"),
    "identifiers": ("identifier", "identifiers"),
    "related": ("related", "relatedLinks", "relatedArticles"),
    "dateline": ("dateline",),
    "copyright_holder": ("copyrightHolder", "copyright_holder"),
    "copyright_notice": ("copyrightNotice", "copyright_notice", "copyright", "license"),
    "is_based_on": ("isBasedOn", "is_based_on"),
}

# Entity lists: key -> implied schema.org type (None: the item says, or unknown).
ENTITY_KEYS: dict[str, tuple[str, str | None]] = {
    "about": ("about", None),
    "mentions": ("mentions", None),
    "entities": ("mentions", None),
    "people": ("mentions", "Person"),
    "persons": ("mentions", "Person"),
    "places": ("mentions", "Place"),
    "locations": ("mentions", "Place"),
    "organizations": ("mentions", "Organization"),
    "organisations": ("mentions", "Organization"),
}


def first(meta: Mapping[str, Any], field: str) -> Any:
    for key in ALIASES[field]:
        value = meta.get(key)
        if value not in (None, "", [], {}, "None", "NULL", "null"):
            return value
    return None


def text_of(value: Any) -> str | None:
    """A scalar as text; dates from YAML come back as ISO strings; containers yield ``None``."""
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def strings(value: Any, *, split_commas: bool = True) -> list[str]:
    """A list of non-empty strings from a string, a comma-joined string or a list of either."""
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        text = text_of(item.get("name") if isinstance(item, dict) else item)
        if text:
            parts = text.split(",") if split_commas else [text]
            out.extend(part.strip() for part in parts if part.strip())
    return list(dict.fromkeys(out))


# The RawArticle fields that hold one piece of text, whatever key an input spells them with.
TEXT_FIELDS = (
    "title",
    "alternative_headline",
    "description",
    "url",
    "date_published",
    "date_modified",
    "date_created",
    "byline",
    "photo_credit",
    "language",
    "dateline",
    "copyright_notice",
    "is_based_on",
)


def apply_fields(raw: RawArticle, meta: Mapping[str, Any]) -> None:
    """Fill ``raw`` from a mapping; fields the mapping lacks keep what ``raw`` already has."""
    for field in TEXT_FIELDS:
        value = text_of(_scalar(first(meta, field)))
        if value:
            setattr(raw, field, value)
    if meta.get("@type"):  # the input's own type: a NewsArticle's publisher is a news outlet
        raw.article_types = strings(meta.get("@type"), split_commas=False)
    body = first(meta, "body")
    if isinstance(body, str) and body.strip():
        raw.body = body
    _apply_authors(raw, first(meta, "authors"))
    publisher = first(meta, "publisher")
    if publisher is not None:
        raw.publisher = organization(publisher)
    holder = first(meta, "copyright_holder")
    if holder is not None:
        raw.copyright_holder = organization(holder).name
    images = first(meta, "images")
    if images is not None:
        _apply_images(raw, images)
    section = first(meta, "section")
    if section is not None:
        sections = strings(section)
        raw.section = sections[0] if sections else raw.section
    keywords = first(meta, "keywords")
    if keywords is not None:
        raw.keywords = strings(keywords)
    for field in ("genres", "identifiers"):
        value = first(meta, field)
        if value is not None:
            setattr(raw, field, strings(value, split_commas=False))
    related = first(meta, "related")
    if isinstance(related, list):
        raw.related = [link for link in map(_related, related) if link is not None]
    for key, (role, implied_type) in ENTITY_KEYS.items():
        value = meta.get(key)
        if isinstance(value, (list, str, dict)):
            raw.entities.extend(entities(value, role, implied_type))
    from jsonld_news.readers.seo_fields import apply_seo_fields

    apply_seo_fields(raw, meta)  # paywall, live blog, speakable, corrections, breadcrumbs


def _scalar(value: Any) -> Any:
    if isinstance(value, list) and value:
        return value[0]
    if isinstance(value, dict):
        return value.get("name") or value.get("value") or value.get("@value")
    return value


def _apply_authors(raw: RawArticle, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, str):
        raw.byline = raw.byline or value
        return
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            name = text_of(item.get("name"))
            kind = str(item.get("@type") or item.get("type") or "Person")
            if name and kind == "Organization":
                raw.author_organizations.append(name)
            elif name:
                raw.authors.append(name)
            url = text_of(item.get("url"))
            if name and url:
                raw.author_urls.setdefault(name, url)  # a profile page: Google's author.url
        else:
            name = text_of(item)
            if name:
                raw.authors.append(name)


def organization(value: Any) -> RawOrganization:
    if isinstance(value, list) and value:
        value = value[0]  # JSON-LD may wrap one publisher in an array
    if isinstance(value, dict):
        logo = value.get("logo")
        if isinstance(logo, dict):
            logo = logo.get("url") or logo.get("contentUrl")
        same_as = value.get("sameAs")
        return RawOrganization(
            name=text_of(value.get("name")),
            url=text_of(value.get("url")),
            logo=text_of(logo),
            type=text_of(value.get("@type") or value.get("type")),
            same_as=strings(same_as, split_commas=False) if same_as else [],
            policies=_policies(value),
        )
    return RawOrganization(name=text_of(_scalar(value)))


def _policies(value: Mapping[str, Any]) -> dict[str, str]:
    from jsonld_news.readers.seo_fields import policies

    return policies(value)


def _apply_images(raw: RawArticle, value: Any) -> None:
    images: list[RawImage] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            images.append(
                RawImage(
                    url=text_of(item.get("url") or item.get("contentUrl") or item.get("src")),
                    caption=text_of(item.get("caption") or item.get("alt")),
                    credit=text_of(item.get("credit") or item.get("creditText")),
                    width=_int(item.get("width")),
                    height=_int(item.get("height")),
                )
            )
        elif text_of(item):
            images.append(RawImage(url=text_of(item)))
    credits = [image for image in raw.images if image.url is None and image.credit]
    if images and credits and images[0].credit is None:
        images[0].credit = credits[0].credit  # the header's photo credit belongs to the lead image
        raw.images = images + [i for i in raw.images if i.url is not None]
    else:
        raw.images = images + raw.images


def _int(value: Any) -> int | None:
    try:
        number = int(str(value).removesuffix("px"))
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _related(item: Any) -> RawLink | None:
    if isinstance(item, dict):
        title = text_of(item.get("title") or item.get("headline") or item.get("name"))
        url = text_of(item.get("url")) or ""
        return RawLink(title, url) if title else None
    text = text_of(item)
    return RawLink(text, text) if text else None


def entities(value: Any, role: str, implied_type: str | None) -> list[RawEntity]:
    out: list[RawEntity] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            name = text_of(item.get("name") or item.get("label") or item.get("value"))
            if not name:
                continue
            kind = item.get("@type") or item.get("type") or implied_type
            same_as = item.get("sameAs") or item.get("same_as") or item.get("uri") or []
            out.append(
                RawEntity(
                    name=name,
                    type=text_of(kind[0] if isinstance(kind, list) and kind else kind),
                    same_as=strings(same_as, split_commas=False) if same_as else [],
                    role=role,
                    url=text_of(item.get("url")),
                )
            )
        elif text_of(item):
            out.append(RawEntity(name=str(text_of(item)), type=implied_type, role=role))
    return out


# --- type checking of input fields ---------------------------------------------------------------
# A value of the wrong JSON type is reported, never coerced ("title": 42) or dropped ("text":
# ["no"]). Each kind says what it accepts; ``type_problems`` lists every wrong field at once.

TEXT_KEYS = ("@value", "value", "name", "@id")  # a value object or a named thing stands for text


def json_type(value: Any) -> str:
    """The JSON name of a value's type, as a user would say it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (dict, Mapping)):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, (datetime, date)):
        return "date"
    return type(value).__name__


def _is_text(value: Any, lenient: bool) -> bool:
    if isinstance(value, str):
        return True
    if lenient and isinstance(
        value, Mapping
    ):  # {"@value": "..."}, {"@type": "Language", "name": ...}
        return any(isinstance(value.get(key), str) for key in TEXT_KEYS)
    return False


# kind -> (what it is called in a message, accepts a list?, accepts an object?)
_KINDS: dict[str, tuple[str, bool, bool]] = {
    "text": ("text", False, False),
    "texts": ("text or an array of text", True, False),
    "thing": ("text or an object", False, True),
    "things": ("text, an object, or an array of them", True, True),
    "list": ("an array of text or objects", True, True),
}

# Text-valued keys of the objects a field may hold (authors, images, entities, related links).
_OBJECT_TEXT_KEYS = ("name", "url", "caption", "credit", "creditText", "title", "headline", "alt")

# The project's own JSON (and the fields JSON-LD shares with it): each alias gets its field's kind.
OWN_KINDS: dict[str, str] = {
    **{key: "text" for field in (*TEXT_FIELDS, "body") for key in ALIASES[field]},
    **{
        key: "texts"
        for field in ("section", "keywords", "genres", "identifiers")
        for key in ALIASES[field]
    },
    **{key: "things" for field in ("authors", "images") for key in ALIASES[field]},
    **{key: "thing" for field in ("publisher", "copyright_holder") for key in ALIASES[field]},
    **{key: "list" for key in ALIASES["related"]},
    **{key: "things" for key in ENTITY_KEYS},
}


def type_problems(
    obj: Mapping[str, Any], kinds: Mapping[str, str], *, lenient: bool = False
) -> list[Problem]:
    """Every field of ``obj`` named in ``kinds`` whose value has the wrong type, in input order.

    ``lenient`` (JSON-LD) also takes schema.org's forms of text: a value object
    (``{"@value": ...}``), a named thing (``{"name": ...}``) or an array of them. ``null`` is
    "not given", never a problem.
    """
    problems: list[Problem] = []
    for key, value in obj.items():
        kind = kinds.get(key)
        if kind is None or value is None:
            continue
        problems.extend(_check(key, value, kind, lenient))
    return problems


def _check(path: str, value: Any, kind: str, lenient: bool) -> list[Problem]:
    expected, allows_list, allows_object = _KINDS[kind]
    item_kind = "thing" if allows_object else "text"
    if isinstance(value, list):
        if not (allows_list or lenient):
            return [_wrong(path, value, expected)]
        return [
            problem
            for i, item in enumerate(value)
            for problem in _check_item(f"{path}[{i}]", item, item_kind, lenient)
        ]
    fits = _is_text(value, lenient) or (allows_object and isinstance(value, Mapping))
    if kind == "list" or not fits:
        return [_wrong(path, value, expected)]  # related links are an array, always
    return _check_item(path, value, item_kind, lenient)


def _check_item(path: str, value: Any, kind: str, lenient: bool) -> list[Problem]:
    if _is_text(value, lenient):
        return []
    if kind == "thing" and isinstance(value, Mapping):
        return [
            _wrong(f"{path}.{key}", value[key], "text")
            for key in _OBJECT_TEXT_KEYS
            if value.get(key) is not None and not _is_text(value[key], lenient)
        ]
    return [_wrong(path, value, "text or an object" if kind == "thing" else "text")]


def _wrong(path: str, value: Any, expected: str) -> Problem:
    return Problem(path, f"expected {expected}, found {json_type(value)}", value)
