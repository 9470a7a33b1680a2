"""Shared test documents: the seed-shaped NewsArticle our converter emits, built fresh per call."""

from __future__ import annotations

from typing import Any

PAGE = "https://www.themoscowtimes.com/2024/11/15/germanys-scholz-speaks-with-putin-a87029"


def _citations() -> list[dict[str, Any]]:
    return [
        {
            "@type": "CreativeWork",
            "@id": PAGE + "#citation-1",
            "description": "Scholz said Sunday he was interested in talking.",
            "author": {
                "@type": "Person",
                "@id": "urn:jsonld-news:person/olaf-scholz",
                "name": "Olaf Scholz",
            },
        },
        {
            "@type": "CreativeWork",
            "@id": PAGE + "#citation-3",
            "description": "TASS reported that Scholz and Putin agreed to maintain contact.",
            "author": {
                "@type": "NewsMediaOrganization",
                "@id": "urn:jsonld-news:organization/tass",
                "name": "TASS",
                "url": "https://tass.com/",
            },
        },
    ]


def news_article(
    *, related_link: bool = False, image_credits: bool = True, citations: int = 1
) -> dict[str, Any]:
    """The shape of what we emit (cf. /tmp/seed.jsonld), with a short body; a new dict each call.

    ``related_link``: the page carries one related CreativeWork. ``image_credits``: the image
    names its creator and source agency. ``citations``: how many quotes (0 to 2; 0 leaves out
    ``citation``).
    """
    image: dict[str, Any] = {
        "@type": "ImageObject",
        "@id": PAGE + "#image-1",
        "creditText": "TOBIAS SCHWARZ / AFP",
    }
    if image_credits:
        image["creator"] = [
            {
                "@type": "Person",
                "@id": "urn:jsonld-news:person/tobias-schwarz",
                "name": "Tobias Schwarz",
            }
        ]
        image["sourceOrganization"] = {
            "@type": "NewsMediaOrganization",
            "@id": "urn:jsonld-news:organization/agence-france-presse",
            "name": "Agence France-Presse",
            "url": "https://www.afp.com/",
        }
    page: dict[str, Any] = {"@type": "WebPage", "@id": PAGE}
    if related_link:
        page["relatedLink"] = [
            {"@type": "CreativeWork", "@id": PAGE + "#related-1", "name": "Related story"}
        ]
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": PAGE + "#article",
        "headline": "Germany's Scholz Speaks With Putin for First Time in Nearly 2 Years",
        "url": PAGE,
        "mainEntityOfPage": page,
        "datePublished": "2024-11-15",
        "inLanguage": "en",
        "publisher": {
            "@type": "Organization",
            "@id": "urn:jsonld-news:organization/the-moscow-times",
            "name": "The Moscow Times",
            "url": "https://www.themoscowtimes.com/",
        },
        "image": [image],
    }
    if citations:
        doc["citation"] = _citations()[:citations]
    doc["wordCount"] = 456
    doc["articleBody"] = "President Vladimir Putin and German Chancellor Olaf Scholz spoke."
    return doc
