"""Acronyms an article defines or uses as a body's name.

Two classes of cases, each run once over the lines after the main scan:

- a definition, "the European Broadcasting Union (EBU)" or "EBU (European Broadcasting
  Union)": the long form's initials spell the acronym, so the acronym is the long form's alias
  in this article and every bare "EBU" names the same entity (one IRI); the long form is an
  organisation unless a rule found it as something else (a KB place: "Democratic Republic of
  the Congo (DRC)");
- an unknown acronym in an affiliation slot ("a spokesperson for ABC", "officials at ABC",
  "ABC said in a statement"): an organisation's name, but the letters alone identify nothing
  beyond the article, so its IRI is local to the article.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left

from jsonld_news.enrich.findings import Found
from jsonld_news.enrich.rule_words import (
    AT_ROLES,
    CONNECTORS,
    GERMAN_ORG_ENDINGS,
    ORG_HEADS,
    ROMANCE_HEADS,
    TITLES_BY_LANG,
    word_set,
)
from jsonld_news.enrich.tokens import Line, Token, without_elision
from jsonld_news.identity import kind_of

# Words an acronym skips in English, German, French and Spanish names ("Department of Homeland
# Security", "Organisation de coopération et de développement économiques").
_SKIPPED = CONNECTORS | word_set("et en el los las der die das zur zum von a à al in e")
_ACRONYM = re.compile(r"[A-ZÄÖÜÉ]{2,8}")
_MAX_LONG_FORM = 12  # tokens of a long form, connectors included
_ELIDED = frozenset(("d'", "d’", "l'", "l’"))


def _acronym_letters(tok: Token) -> str | None:
    """The letters of an acronym token ("EBU", "U.N." -> "UN"), or ``None``."""
    if not tok.upper:
        return None
    letters = tok.text.replace(".", "")
    return letters if _ACRONYM.fullmatch(letters) else None


def _initial(word: str) -> str:
    return unicodedata.normalize("NFKD", word[0])[0].upper()


def _chained(tok: Token) -> bool:
    """Only spaces, or a French elision, between ``tok`` and the word before it."""
    gap = tok.gap_before.strip()
    return tok.joined or (gap in _ELIDED and "\n" not in tok.gap_before)


def _spells(toks: list[Token], start: int, end: int, letters: str, english: bool) -> bool:
    """Whether the words ``start:end`` spell ``letters`` by their initials, skipping connectors
    (English long forms are capitalised words; other languages write lower-case words in
    them: "Organisation de coopération et de développement économiques")."""
    if not toks[start].cap or toks[end - 1].lower in _SKIPPED:
        return False
    initials: list[str] = []
    for t in toks[start:end]:
        if t.lower in _SKIPPED and not t.cap:
            continue
        if not t.cap and english:
            return False
        if not t.cap and not t.text.isalpha():
            initials = []  # "l'agriculture": by initials, no; by syllables, perhaps
            break
        initials.append(_initial(t.text))
    if len(initials) >= 2 and "".join(initials) == letters:
        return True
    return not english and _spells_by_syllables(toks[start:end], letters)


def _spells_by_syllables(words: list[Token], letters: str) -> bool:
    """A body's acronym of letters from inside its words, in order, each word giving its
    initial first, connectors giving theirs or none: Swiss and German administrative acronyms
    ("Office fédéral de l'agriculture (OFAG)", "Office fédéral de l'environnement (OFEV)",
    "Bundesamt für Gesundheit (BAG)"). Loose, so only for a long form headed by a body's
    word."""
    head = words[0].lower
    if not (
        head in ROMANCE_HEADS or head in ORG_HEADS or head.endswith(("amt", *GERMAN_ORG_ENDINGS))
    ):
        return False
    texts = [without_elision(w.text) for w in words]  # "l'agriculture": "agriculture"
    if not all(t.isalpha() for t in texts):
        return False
    folded = [unicodedata.normalize("NFKD", t).upper() for t in texts]
    skippable = [w.lower in _SKIPPED and not w.cap for w in words]

    def spell(wi: int, li: int) -> bool:
        if wi == len(folded):
            return li == len(letters)
        if skippable[wi] and spell(wi + 1, li):
            return True
        word = folded[wi]
        if li >= len(letters) or word[0] != letters[li]:
            return False
        # the word's initial, then any of its later letters in order
        li += 1
        if spell(wi + 1, li):
            return True
        for ch in word[1:]:
            if li < len(letters) and ch == letters[li]:
                li += 1
                if spell(wi + 1, li):
                    return True
        return False

    content = sum(not s for s in skippable)
    return content >= 2 and len(letters) >= 3 and spell(0, 0)


def _long_before(toks: list[Token], k: int, letters: str, english: bool) -> int:
    """Start of the long form that ends right before the acronym at ``k`` ("... Union (EBU)"),
    or -1."""
    if "(" not in toks[k].gap_before or toks[k].gap_before.strip() != "(":
        return -1
    if k + 1 < len(toks) and not toks[k + 1].gap_before.startswith(")"):
        return -1
    for start in range(k - 1, max(-1, k - 1 - _MAX_LONG_FORM), -1):
        if start < k - 1 and not _chained(toks[start + 1]):
            return -1
        if _spells(toks, start, k, letters, english):
            return start
    return -1


def _long_after(toks: list[Token], k: int, letters: str, english: bool) -> int:
    """End of the long form in parentheses right after the acronym at ``k`` ("EBU (European
    Broadcasting Union)"), or -1."""
    first = k + 1
    if first >= len(toks) or toks[first].gap_before.strip() != "(":
        return -1
    for end in range(first + 1, min(len(toks), first + _MAX_LONG_FORM) + 1):
        if end - 1 > first and not _chained(toks[end - 1]):
            return -1
        closes = end == len(toks) or toks[end].gap_before.startswith(")")
        if closes:
            return end if _spells(toks, first, end, letters, english) else -1
    return -1


def _head_type(toks: list[Token]) -> str:
    """The organisation type its head word gives ("... Union": Organization), else
    Organization."""
    for t in reversed(toks):
        word = t.lower.rstrip(".")
        kind = ORG_HEADS.get(word) or ROMANCE_HEADS.get(word)
        if kind is not None:
            return kind
        for ending, german in GERMAN_ORG_ENDINGS.items():
            if word.endswith(ending):
                return german
    return "Organization"


class _Spans:
    """The spans found so far in one text, for overlap tests."""

    def __init__(self, found: list[Found]) -> None:
        self.spans = sorted((f.start, f.end) for f in found)

    def free(self, start: int, end: int) -> bool:
        k = bisect_left(self.spans, (end, end))
        return not (k > 0 and self.spans[k - 1][1] > start)

    def add(self, start: int, end: int) -> None:
        k = bisect_left(self.spans, (start, end))
        self.spans.insert(k, (start, end))


def defined_acronyms(
    lines: list[Line], text: str, found: list[Found], *, english: bool
) -> dict[str, Found]:
    """Acronym definitions of the body: the long form (added to ``found`` as an organisation
    when nothing found it; a finding inside it gives way) by the acronym's letters."""
    defined: dict[str, Found] = {}
    if "(" not in text:
        return defined  # a definition is written with parentheses
    for line in lines:
        if line.mode == "title":
            continue
        toks = line.toks
        for tok in line.caps:
            letters = _acronym_letters(tok) if tok.upper else None
            if letters is None or letters in defined:
                continue
            k = toks.index(tok)  # acronyms are rare: the index is looked for only for them
            start = _long_before(toks, k, letters, english)
            if start >= 0:
                span = (toks[start].start, toks[k - 1].end)
                words = toks[start:k]
            else:
                end = _long_after(toks, k, letters, english)
                if end < 0:
                    continue
                span = (toks[k + 1].start, toks[end - 1].end)
                words = toks[k + 1 : end]
            # the KB's body, when the KB knows the acronym itself as an organisation
            known = next(
                (
                    f
                    for f in found
                    if f.start == tok.start
                    and f.end == tok.end
                    and f.entry is not None
                    and kind_of(f.type) == "organization"
                ),
                None,
            )
            long_form = _long_form(span, text, words, found, known)
            if long_form is not None:
                defined[letters] = long_form
    return defined


def _long_form(
    span: tuple[int, int],
    text: str,
    words: list[Token],
    found: list[Found],
    known: Found | None = None,
) -> Found | None:
    """The finding the long form is: one already found as exactly it, else a new organisation
    that replaces what was found inside it ("Broadcasting Union"), the KB's body when the KB
    knows the acronym as an organisation (``known``, the acronym's KB finding: "...
    économiques (OCDE)" is the OECD, whichever name the KB lists). A finding that crosses its
    edges means the words are read otherwise: no definition."""
    start, end = span
    inside = []
    for f in found:
        if f.in_headline or f.end <= start or f.start >= end:
            continue
        if f.start == start and f.end == end:
            return f
        if f.start < start or f.end > end:
            return None
        inside.append(f)
    surface = text[start:end]
    if surface.lower() in text:
        return None  # the text writes it in lower case too ("bus rapid transit"): no name
    for f in inside:
        if kind_of(f.type) != "organization" and f.entry is not None:
            return None  # a KB place inside: "Bank of Canada (BoC)" is the KB's business
        found.remove(f)
    if known is not None and known.entry is not None:
        org = Found(start, end, surface, known.kind, known.entry, known.name, known.type)
        org.iri_name, org.local = known.iri_name, known.local
    else:
        name = " ".join(surface.split())
        org = Found(start, end, surface, "org", None, name, _head_type(words))
    found.append(org)
    return org


def acronym_uses(
    lines: list[Line], found: list[Found], defined: dict[str, Found], *, in_headline: bool
) -> list[Found]:
    """Every bare use of a defined acronym that nothing else claimed: the long form's entity."""
    if not defined:
        return []
    for f in found:  # "the EBU said": a rule found it as a body of its own; it is the long form
        long_form = defined.get(f.surface) if f.entry is None and f.kind == "org" else None
        if long_form is not None and f is not long_form:
            f.kind, f.entry, f.name, f.type = (
                long_form.kind,
                long_form.entry,
                long_form.name,
                long_form.type,
            )
            f.iri_name, f.local = long_form.iri_name, long_form.local
    spans = _Spans([f for f in found if f.in_headline == in_headline])
    out = []
    for line in lines:
        for tok in line.caps:
            letters = _acronym_letters(tok) if tok.upper else None
            long_form = defined.get(letters) if letters else None
            if long_form is None or not spans.free(tok.start, tok.end):
                continue
            f = Found(tok.start, tok.end, tok.text, long_form.kind, long_form.entry, long_form.name)
            f.type, f.iri_name, f.local = long_form.type, long_form.iri_name, long_form.local
            f.in_headline = in_headline
            spans.add(tok.start, tok.end)
            out.append(f)
    return out


def long_form_repeats(text: str, found: list[Found], defined: dict[str, Found]) -> list[Found]:
    """The long form of a definition written again in full ("Customs and Border Protection
    announced ..."): the same body, in place of what rules read into its words there ("Border
    Protection" as a person before a speech verb)."""
    out: list[Found] = []
    for long_form in {id(f): f for f in defined.values()}.values():
        if long_form.kind != "org" or long_form.entry is not None or " " not in long_form.surface:
            continue
        surface = long_form.surface
        pos = text.find(surface)
        while pos >= 0:
            end = pos + len(surface)
            if pos != long_form.start and _word_bounded(text, pos, end):
                inside = [
                    f for f in found + out if f.start < end and pos < f.end and not f.in_headline
                ]
                if all(pos <= f.start and f.end <= end and f.entry is None for f in inside):
                    for f in inside:
                        (out if f in out else found).remove(f)
                    same = Found(pos, end, surface, "org", None, long_form.name, long_form.type)
                    same.iri_name, same.local = long_form.iri_name, long_form.local
                    out.append(same)
            pos = text.find(surface, end)
    return out


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


# "X said in a statement", "X spokesperson": what follows the acronym
_STATEMENT_VERBS = word_set("said says announced confirmed stated")
_STATEMENT_NOUNS = word_set("statement release")
_FOLLOWING_ROLES = word_set(
    "spokesperson spokesman spokeswoman official officials representative representatives "
    "officers employees staff"
)
_SLOT_PREPOSITIONS = word_set("for at with from of")
_ROLES_BEFORE = AT_ROLES | _FOLLOWING_ROLES


def affiliation_acronyms(lines: list[Line], found: list[Found]) -> list[Found]:
    """Unknown acronyms (English text) in an affiliation slot: organisations local to the
    article; every bare use of one is that organisation too."""
    spans = _Spans([f for f in found if not f.in_headline])
    orgs: dict[str, Found] = {}
    for line in lines:
        if line.mode != "full":
            continue
        toks = line.toks
        for tok in line.caps:
            if not tok.upper:
                continue
            letters = _acronym_letters(tok)
            if letters is None or letters in orgs or not tok.text.isalpha():
                continue
            if tok.lower in TITLES_BY_LANG["en"]:
                continue  # "the CEO said in a statement": a role, not a body
            if not spans.free(tok.start, tok.end) or not _affiliation_slot(toks, toks.index(tok)):
                continue
            org = Found(tok.start, tok.end, tok.text, "org", None, tok.text, "Organization")
            org.local = True
            orgs[tok.text] = org
    if not orgs:
        return []
    out = []
    for line in lines:
        for tok in line.caps:
            known = orgs.get(tok.text) if tok.upper else None
            if known is None or not spans.free(tok.start, tok.end):
                continue
            f = Found(tok.start, tok.end, tok.text, "org", None, known.name, known.type)
            f.local = True
            spans.add(tok.start, tok.end)
            out.append(f)
    return out


def _affiliation_slot(toks: list[Token], k: int) -> bool:
    """ "a spokesperson for X", "officials at the X", "X said in a statement", "X officials"."""
    j = k - 1
    if j >= 0 and toks[j].lower == "the" and toks[k].joined:
        j -= 1
    if j >= 1 and toks[j].lower in _SLOT_PREPOSITIONS and toks[j + 1].joined:
        role = toks[j - 1]
        if toks[j].joined and not role.cap and role.lower in _ROLES_BEFORE:
            return True
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or not nxt.joined or nxt.cap:
        return False
    if nxt.lower in _FOLLOWING_ROLES:
        return True
    if nxt.lower in _STATEMENT_VERBS and k + 4 < len(toks):
        words = [t.lower for t in toks[k + 2 : k + 5]]
        return words[0] == "in" and words[1] in ("a", "its", "an") and words[2] in _STATEMENT_NOUNS
    return False
