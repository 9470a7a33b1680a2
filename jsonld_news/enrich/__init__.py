"""Enrichers, in the order they run: each may use what the ones before it found."""

from __future__ import annotations

from jsonld_news.enrich.base import Enricher, EntityRecognizer
from jsonld_news.enrich.citations import CitationEnricher
from jsonld_news.enrich.dateline import DatelineEnricher
from jsonld_news.enrich.mentions import MentionsEnricher
from jsonld_news.enrich.people import AuthorEnricher, ImageCreditEnricher, PublisherEnricher

DEFAULT_ENRICHERS: tuple[Enricher, ...] = (
    PublisherEnricher(),
    AuthorEnricher(),
    ImageCreditEnricher(),
    MentionsEnricher(),
    DatelineEnricher(),
    CitationEnricher(),
)

__all__ = ["DEFAULT_ENRICHERS", "Enricher", "EntityRecognizer"]
