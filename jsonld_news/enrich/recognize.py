"""The default offline recognizer: rules plus a knowledge-base gazetteer, deterministic, no model.

How a name is found, in order of trust:

1. names introduced by a title or role ("German Chancellor Olaf Scholz", "spokesperson Jane Doe");
2. knowledge-base names (the starter KB of countries, cities, organisations, plus a user KB);
3. capitalised runs headed by an organisation word ("Foreign Ministry", "Bank of England") or
   introduced by one ("the journal Nature", "Mila, an AI research institute");
4. capitalised runs with context that marks a person: a speech verb, a possessive, "by" or
   "according to", an apposition with a role ("Jane Doe, a senior scientist");
5. short forms ("Putin", "Scholz's", "Trump-Putin") that repeat the surname of a person found.

Title-case lines (headlines, "Related article: ...") capitalise every word, so there only KB
names, titles and short forms count. All-caps lines and photo credits are skipped. German, French
and Spanish get KB names, their own titles, head-first organisation names ("Banco de México", in
French and Spanish only) and short forms: no mention beats a wrong one. Other languages get KB
names only.

Identity: an entity linked to a KB entry gets ``entity_iri(base, entry.type, entry.label)`` and
the entry's ``sameAs``; any other gets ``entity_iri(base, type, full name)``. Both depend only on
kind and name, so an article read with or without a KB names "Olaf Scholz" with the same IRI.

Each pass is one scan over the tokens with bounded look-around, so time is linear in the text.

This module runs the passes and holds the entry points; the parts are, in the order they run:
``tokens`` (text to lines of tokens), ``scanner`` (the main pass, built on ``linking``, the KB
lookups, and ``name_rules`` with its word lists in ``rule_words``), ``short_forms`` (surnames
alone) and ``findings`` (what the passes found, made into ``Mention`` objects).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from jsonld_news.cache import cache_path
from jsonld_news.enrich.findings import ArticleState, fold_name, to_mentions
from jsonld_news.enrich.scanner import RuleScanner
from jsonld_news.enrich.short_forms import short_forms
from jsonld_news.enrich.tokens import Mode, tokenize
from jsonld_news.identity import DEFAULT_BASE_IRI
from jsonld_news.kb import KnowledgeBase
from jsonld_news.model import Mention


class RuleRecognizer(RuleScanner):
    """``EntityRecognizer`` from rules and a layered KB (user KB first, then the starter KB)."""

    def recognize(
        self, headline: str, body: str, *, language: str | None, base_iri: str
    ) -> list[Mention]:
        lang = (language or "en").split("-")[0].casefold()
        art = ArticleState()
        body_mode: Mode = "full" if lang == "en" else "strict"
        body_lines = tokenize(body, body_mode)
        head_lines = tokenize(headline, "title" if lang != "en" else "full")
        found = self._scan(body_lines, body, lang, art, in_headline=False)
        found += self._scan(head_lines, headline, lang, art, in_headline=True)
        found += short_forms(body_lines, found, art, in_headline=False)
        found += short_forms(head_lines, found, art, in_headline=True)
        if art.not_companies:  # one sense per article
            found = [f for f in found if f.entry is None or f.entry.label not in art.not_companies]
        for f in found:  # single-word names after a title take the full name once known
            if f.kind == "person" and " " not in f.name:
                f.name = art.surnames.get(fold_name(f.name), f.name)
        found.sort(key=lambda f: (f.in_headline, f.start))
        return to_mentions(found, art, base_iri)


# --- entry points -------------------------------------------------------------------------------


@cache
def starter_kb() -> KnowledgeBase:
    """The KB shipped in ``jsonld_news/data`` (countries, cities, organisations).

    Its index is built by the first process and kept in the cache folder; later processes map
    it instead of parsing the KB's thousands of lines again.
    """
    shipped = resources.files("jsonld_news").joinpath("data/starter_kb.jsonl")
    if isinstance(shipped, Path) and shipped.is_file():
        index = cache_path("starter_kb", shipped, ".idx")
        if index is not None:
            return KnowledgeBase.load(shipped, index_path=index)
    return KnowledgeBase.from_bytes(shipped.read_bytes(), "starter_kb.jsonl")


@cache
def default_recognizer() -> RuleRecognizer:
    """The offline recognizer with the starter KB only; built once per process."""
    return RuleRecognizer([starter_kb()])


def load_recognizer(kb_path: str | None) -> RuleRecognizer:
    """The offline recognizer with the user's KB (if any) consulted before the starter KB.

    Raises ``kb.KBError`` (an ``InputError``) naming ``file:line`` for a malformed KB line.
    """
    if kb_path is None:
        return default_recognizer()
    return RuleRecognizer([KnowledgeBase.load(kb_path), starter_kb()])


def entities_table(mentions: list[Mention]) -> list[dict[str, str]]:
    """One row per occurrence, for ``jsonld-news entities``: what, type, where, linked IRI."""
    return [
        {
            "surface": m.surface,
            "name": m.entity.name,
            "type": m.entity.type,
            "where": f"{'headline' if m.in_headline else 'body'}:{m.start}-{m.end}",
            "iri": m.entity.iri,
            "sameAs": " ".join(m.entity.same_as),
        }
        for m in mentions
    ]


def recognize_text(
    headline: str, body: str, language: str | None = None, base_iri: str = DEFAULT_BASE_IRI
) -> list[Mention]:
    """Convenience for tools and tests: the default recognizer on one article."""
    return default_recognizer().recognize(headline, body, language=language, base_iri=base_iri)
