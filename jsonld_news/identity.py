"""Stable IRIs: the same person, place or organisation gets the same IRI in every article.

An entity's IRI depends only on its kind and its normalised name (or on the knowledge-base entry
it is linked to), never on the article, so graphs from many articles merge in a store.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote, urlsplit, urlunsplit

from jsonld_news.errors import ConfigError

DEFAULT_BASE_IRI = "urn:jsonld-news:"

# schema.org classes grouped into the three kinds that share an IRI namespace.
PLACE_TYPES = frozenset(
    {"Place", "Country", "City", "State", "AdministrativeArea", "Continent", "Landform"}
)
ORGANIZATION_TYPES = frozenset(
    {
        "Organization",
        "NewsMediaOrganization",
        "GovernmentOrganization",
        "Corporation",
        "NGO",
        "PoliticalParty",
        "EducationalOrganization",
        "SportsOrganization",
        "SportsTeam",
        "MedicalOrganization",
        "ResearchOrganization",
        "Project",
        "OnlineBusiness",
        "LocalBusiness",
    }
)


def kind_of(schema_type: str) -> str:
    """The IRI namespace of a schema.org class: ``person``, ``place``, ``organization`` or ``thing``."""
    if schema_type == "Person":
        return "person"
    if schema_type in PLACE_TYPES:
        return "place"
    if schema_type in ORGANIZATION_TYPES:
        return "organization"
    return "thing"


def check_base_iri(base: str) -> str:
    parts = urlsplit(base)
    if not parts.scheme or any(c.isspace() for c in base):
        raise ConfigError(f"base IRI must be an absolute IRI, got {base!r}")
    return base


_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)  # the same names recur in every article of a batch
def slug(name: str) -> str:
    """Lower-case, accent-free where the script allows, words joined by ``-``; keeps non-Latin letters."""
    if name.isascii():  # no accents: NFKD and NFC change nothing, case folding is lower-casing
        return _NON_WORD.sub("-", name.lower().replace("'", "")).strip("-_") or "unnamed"
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = unicodedata.normalize("NFC", stripped).replace("'", "").replace("\u2019", "")
    return _NON_WORD.sub("-", text).strip("-_") or "unnamed"


def entity_iri(base: str, schema_type: str, name: str) -> str:
    kind = kind_of(schema_type)
    local = slug(name)
    if kind == "organization" and local.startswith("the-") and len(local) > 4:
        # "The Economic Times" and "Economic Times" are one outlet: English writes the article
        # or leaves it out, so the IRI leaves it out (as KB names are compared without it)
        local = local[4:]
    return f"{base}{kind}/{local}"


def content_hash(*parts: str | None, length: int = 16) -> str:
    digest = hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def article_iri(
    base: str, url: str | None, *fingerprint: str | None, key: str | None = None
) -> str:
    """``<canonical url>#article`` where the article has a URL; otherwise a hash under the base
    of the source's stable ``key`` when there is one (an edited article keeps its IRI), else of
    its content."""
    if url:
        return url.split("#", 1)[0] + "#article"
    if key:
        return f"{base}article/{content_hash('source', key)}"
    return f"{base}article/{content_hash(*fingerprint)}"


def fragment_iri(article: str, name: str) -> str:
    """An IRI for a part of one article (an image with no URL, an unlinked citation)."""
    if "#" in article:
        return article.split("#", 1)[0] + "#" + name
    return f"{article}#{name}"


# Characters that may not appear raw in an IRI (RFC 3987 / N-Triples IRIREF).
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')
_SPACE = re.compile(r"\s")
_PLACEHOLDER_SCHEMES = ("javascript:", "data:", "about:", "mailto:", "tel:")


def normalize_url(url: str | None) -> str | None:
    """An absolute http(s) URL fit to be an IRI, or ``None`` for placeholders and junk.

    ``#``, empty strings, ``javascript:`` and relative references are placeholders: they never
    become a URL, so a citation can never resolve to the article itself.
    """
    if url is None:
        return None
    return _normalize_url(url)


@lru_cache(maxsize=8192)  # a page's URL, its site's and its publisher's recur in many fields
def _normalize_url(url: str) -> str | None:
    url = url.strip().strip("<>").strip()
    if not url or url.startswith("#") or url.lower().startswith(_PLACEHOLDER_SCHEMES):
        return None
    if url.startswith("//"):
        url = "https:" + url
    simple = _SIMPLE_URL.fullmatch(url)
    if simple is not None and url.isascii() and not _IRI_UNSAFE.search(url):
        scheme, netloc, path, query, fragment = simple.groups()
        rebuilt = f"{scheme}://{netloc}{path or '/'}"
        return rebuilt + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")
    return _split_and_rebuild(url)


# The common case, read without urlsplit: a lower-case http(s) scheme and host (no user info,
# no brackets), printable ASCII with nothing to quote. For these urlsplit + urlunsplit give
# exactly scheme://host + (path or "/") + ?query if any + #fragment if any; tests hold the two
# paths equal.
_SIMPLE_URL = re.compile(r"(https?)://([a-z0-9.\-]+(?::[0-9]*)?)(/[^?#]*)?(?:\?([^#]*))?(?:#(.*))?")


def _split_and_rebuild(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    netloc = parts.netloc.lower()
    if any(c.isspace() for c in netloc) or ("@" in netloc and ":" in netloc.split("@")[0]):
        return None
    path = parts.path or "/"
    rebuilt = urlunsplit((parts.scheme.lower(), netloc, path, parts.query, parts.fragment))
    if _IRI_UNSAFE.search(rebuilt):
        rebuilt = _IRI_UNSAFE.sub(lambda m: quote(m.group(0)), rebuilt)
    return rebuilt


def site_root(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"
