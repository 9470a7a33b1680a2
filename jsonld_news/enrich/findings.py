"""What the recognizer's passes find and remember, and how that becomes ``Mention`` objects.

``Found`` is one span a pass found; ``ArticleState`` is what the article has introduced so far
(people by full name, their surnames, companies named in another sense); ``to_mentions`` gives
each finding its ``Entity``.

Identity (the IRI) depends on kind and name only, and never on a user's KB:

- an entry of the shipped starter KB gives its label (qualified where a namesake needs it:
  "Birmingham, Alabama"), because that KB is always there;
- anything else gets the name the text gives ("Volodymyr Zelensky" with or without a KB whose
  label is "Volodymyr Zelenskyy"); a user's KB entry adds its ``sameAs`` and type only. The one
  exception: a name only a user KB finds, by a single word with no full name in the article
  ("Zelensky" alone), takes the KB label, since without the KB there is no entity to agree with;
- a generic body the text does not qualify ("the City Council", "the Supreme Court") gets an
  IRI local to the article, ``#organization-city-council``, which ``MentionsEnricher`` makes a
  fragment of the article's IRI: two articles' city councils never share an IRI.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from jsonld_news.enrich.rule_words import calendar_words_for
from jsonld_news.identity import entity_iri, kind_of, slug
from jsonld_news.kb import KBEntry
from jsonld_news.model import Entity, Mention


@dataclass(slots=True)
class Found:
    start: int
    end: int
    surface: str
    kind: str  # "kb", "person", "org", "short"
    entry: KBEntry | None = None
    name: str = ""
    type: str = "Person"
    in_headline: bool = False
    iri_name: str | None = None  # the name the IRI is made from, when it is not ``name``
    local: bool = False  # a generic body: an IRI local to the article
    resolved: bool = False  # its sense was decided by its context ("Atlanta, Georgia")


def local_region(start: int, end: int, surface: str, name: str | None = None) -> Found:
    """A region that no KB here links ("La Araucanía", "the Donetsk region"): an
    AdministrativeArea whose IRI is local to the article."""
    region = Found(start, end, surface, "place", None, name or surface, "AdministrativeArea")
    region.local = True
    return region


@dataclass(slots=True)
class ArticleState:
    lang: str = "en"
    # the recognizer's lookup cache for this language (see ``KBLinker._lookup``)
    cache: dict[str, tuple[KBEntry, ...]] = field(default_factory=dict)
    body: str = ""  # the body's text, for ``writes_lower``
    _lower: dict[str, bool] = field(default_factory=dict)
    # the body's maximal alphanumeric runs -> where they start, built once ``writes_lower`` has
    # been asked about many words: a search of the whole body per word is quadratic on a long
    # body of distinct names; (run, length) -> the words of that length starting there
    _runs: dict[str, list[int]] | None = None
    _run_set: set[str] | None = None  # the runs alone: all a word without punctuation needs
    _spans: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)  # name key -> canonical full name
    # surname key -> canonical name, or "" when two people of the article share it
    surnames: dict[str, str] = field(default_factory=dict)
    person_entries: dict[str, KBEntry] = field(default_factory=dict)
    # companies this article names with an article ("the Amazon"): another sense here
    # (label -> how often), decided by the majority against the bare name's uses
    not_companies: dict[str, int] = field(default_factory=dict)
    calendar: frozenset[str] = field(init=False)  # the calendar words of ``lang``

    def __post_init__(self) -> None:
        self.calendar = calendar_words_for(self.lang)

    def writes_lower(self, word: str) -> bool:
        """Whether the body writes ``word`` (lower case) as a word of its own: capitalised, it
        opens a sentence (German "Im", "Wie"; "Will"), it is not a name."""
        hit = self._lower.get(word)
        if hit is None:
            head = _ALNUM_RUN.match(word)
            if len(self._lower) < _SEARCHES or head is None:
                hit = _written_alone(self.body, word)
            else:
                hit = self._indexed(word, head.group())
            self._lower[word] = hit
        return hit

    def _indexed(self, word: str, head: str) -> bool:
        """``_written_alone`` from the index: an occurrence preceded by no letter or digit
        starts with a maximal run of them, the word's first."""
        if head == word:
            run_set = self._run_set
            if run_set is None:
                run_set = self._run_set = set(_ALNUM_RUN.findall(self.body))
            return word in run_set
        runs = self._runs
        if runs is None:
            runs = self._runs = {}
            for m in _ALNUM_RUN.finditer(self.body):
                runs.setdefault(m.group(), []).append(m.start())
        n = len(word)
        spans = self._spans.get((head, n))
        if spans is None:
            text = self.body
            spans = self._spans[(head, n)] = {
                text[pos : pos + n]
                for pos in runs.get(head, ())
                if pos + n >= len(text) or not text[pos + n].isalnum()
            }
        return word in spans


_SEARCHES = 32  # words looked for by a search of the body before it is indexed
_ALNUM_RUN = re.compile(r"[^\W_]+")  # str.isalnum characters (checked over all of Unicode)


def _written_alone(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` with no letter or digit right before or after it."""
    n = len(word)
    pos = text.find(word)
    while pos >= 0:
        before = text[pos - 1] if pos else " "
        after = text[pos + n] if pos + n < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        pos = text.find(word, pos + 1)
    return False


def fold_name(name: str) -> str:
    """A cheap comparison key for names within one article."""
    return name.lower().replace("’", "'")


@lru_cache(maxsize=4096)
def generic_name(name: str) -> bool:
    """A name made of generic words only ("Senate", "City Council"): every place has one."""
    from jsonld_news.enrich.name_rules import generic_split

    return generic_split(name.split()) == 0


def same_given_name(a: str, b: str) -> bool:
    """Whether two full names can be one person: their first words agree, or one is the
    other's initial ("Michael R. Bloomberg", "Michael Bloomberg", "M. Bloomberg"); "Michelle
    Obama" and "Barack Obama" cannot."""
    first_a, first_b = a.split()[0].rstrip(".").lower(), b.split()[0].rstrip(".").lower()
    if first_a == first_b:
        return True
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    return " " not in a or " " not in b


def add_surname(art: ArticleState, surname: str, canonical: str) -> None:
    """Remember the surname of a person introduced by full name. Two people of one surname
    ("Michelle Obama", "Barack Obama") make it ambiguous (``""``): a surname alone then names
    neither."""
    key = fold_name(surname)
    known = art.surnames.get(key)
    if known is None:
        art.surnames[key] = canonical
    elif known and known != canonical and not same_given_name(known, canonical):
        art.surnames[key] = ""


# the same names recur article after article: slugging them once is enough
_entity_iri = lru_cache(maxsize=65_536)(entity_iri)


def to_mentions(found: list[Found], art: ArticleState, base_iri: str) -> list[Mention]:
    entities: dict[str, Entity] = {}
    memo: dict[tuple[int, str, str, str | None], Entity] = {}  # repeats skip the key work
    mentions: list[Mention] = []
    for f in found:
        memo_key = (id(f.entry), f.type, f.name, f.iri_name)
        seen = memo.get(memo_key)
        if seen is not None:
            mentions.append(Mention(seen, f.start, f.end, f.surface, f.in_headline))
            continue
        entry = f.entry
        if entry is None and f.kind in ("person", "short"):
            entry = art.person_entries.get(fold_name(f.name))
        local = f.local
        if entry is not None and entry.shipped:
            name, ident, schema_type = entry.label, entry.identity_name(), entry.type
            local = local or (kind_of(schema_type) == "organization" and generic_name(name))
        else:
            name, ident = f.name, f.iri_name or f.name
            schema_type = entry.type if entry is not None else f.type
        if local:
            iri = f"#{kind_of(schema_type)}-{slug(ident)}"
        else:
            iri = _entity_iri(base_iri, schema_type, ident)
        entity = entities.get(iri)
        if entity is None:
            description = entry.description if entry is not None else None
            entity = Entity(
                type=schema_type,
                name=name,
                iri=iri,
                same_as=list(entry.same_as) if entry is not None else [],
                description=description if description != "capital" else None,
            )
            entities[iri] = entity
        memo[memo_key] = entity
        mentions.append(Mention(entity, f.start, f.end, f.surface, f.in_headline))
    return mentions


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``[start, end)`` overlap one of ``spans`` (sorted, not overlapping each other)?"""
    k = bisect_left(spans, (end, end))
    return k > 0 and spans[k - 1][1] > start
