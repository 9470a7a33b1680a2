"""Bylines to authors: every author a Person of their own, without "By", roles or agencies.

Handles "By A and B", "A, B and C", "A | Reuters", "A; B", "Von A und B", "A (Reuters)",
"A, Staff Writer". An agency standing alone in a byline is an Organization author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from jsonld_news.agencies import find_agency

_BY = re.compile(
    r"^\s*(?:(?:written\s+)?(?:by|von|par|por|di|door|av|af)\s*:?\s+|"
    # a label: "Author:", "Autor:", "Auteur :", "Autora:", "Autore:"
    r"(?:authors?|autor(?:a|in|es|en)?|auteur(?:e|s)?|autore|autori)\s*:\s*|"
    # the same label without its colon, as extractors that drop punctuation leave it
    # ("Auteur Anna Kubišta"), only before two words or more
    r"(?:authors?|autor(?:a|in|es|en)?|auteur(?:e|s)?|autore|autori)\s+(?=\w+\s+\w))",
    re.I,
)
_SEPARATORS = re.compile(
    r"\s*(?:;|\||\s+and\s+|\s+und\s+|\s+et\s+|\s+y\s+|\s+e\s+|\s+&\s+|,\s*and\s+|\n)\s*", re.I
)
_PARENS = re.compile(r"\(([^)]*)\)")
_FOR_OUTLET = re.compile(
    r"\s+for\s+(?P<outlet>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5})\s*$", re.I
)
_ROLE_WORDS = frozenset(
    [
        "staff",
        "writer",
        "reporter",
        "correspondent",
        "editor",
        "senior",
        "chief",
        "contributing",
        "contributor",
        "expert",
        "experte",
        "expertin",
        "gastautor",
        "gastautorin",
        "columnist",
        "writer",
        "journalist",
        "producer",
        "analyst",
        "bureau",
        "political",
        "economics",
        "science",
        "international",
        "foreign",
        "affairs",
        "deputy",
        "managing",
        "associate",
        "special",
        "photographer",
        "redakteur",
        "redakteurin",
        "korrespondent",
        "korrespondentin",
        "autor",
        "autorin",
        "rédacteur",
        "journaliste",
        "envoyé",
        "spécial",
        "periodista",
        "corresponsal",
        "redactor",
    ]
)
_NOT_NAMES = frozenset({"staff", "admin", "editor", "editors", "newsroom", "redaktion", "team"})
_HANDLE = re.compile(r"@\w+|https?://\S+|\S+@\S+\.\w+")
_MAX_NAME_WORDS = 5


@dataclass(frozen=True, slots=True)
class BylineAuthor:
    name: str
    is_organization: bool = False
    affiliation: str | None = None
    job_title: str | None = None


@cache
def _credentials() -> frozenset[str]:
    """Post-nominal letters (PhD, MD, MBA, RD...): nameparser's maintained suffix acronyms."""
    from nameparser.config import CONSTANTS

    return frozenset(CONSTANTS.suffix_acronyms)


def is_credential(piece: str) -> bool:
    """ "PhD", "M.D.", "RD": a degree after a name, not a name (one token, not lower case)."""
    token = piece.strip(" .,")
    if " " in token or not token or token.islower():
        return False
    return token.replace(".", "").casefold() in _credentials()


def split_byline(byline: str) -> list[BylineAuthor]:
    """Split a byline into authors; agencies become the authors' affiliation, roles their job title."""
    text = _HANDLE.sub(" ", _BY.sub("", byline.strip())).strip(" ,.-–—")
    agencies: list[str] = [
        found.name for part in _PARENS.findall(text) if (found := find_agency(part.strip()))
    ]
    text = _PARENS.sub(" ", text)
    parts = [p for p in _SEPARATORS.split(text) if p.strip()]
    outlets: list[str] = []
    names: list[tuple[str, str | None]] = []
    for part in parts:
        for piece in _split_commas(part):
            agency = find_agency(piece)
            if agency is not None:
                agencies.append(agency.name)
                continue
            if is_credential(piece):
                continue  # "Grant Tinsley, PhD": the degree is no second author
            if _is_role(piece):
                continue  # "Jane Roe | Staff Writer": a job title on its own is no person
            writing_for = _FOR_OUTLET.search(piece)
            if writing_for:  # "Brendan Carlin For The Mail On Sunday": the outlet written for
                piece = piece[: writing_for.start()]
                outlets.append(writing_for.group("outlet").strip())
            name, role = _strip_role(piece)
            if name and name.casefold() not in _NOT_NAMES:
                names.append((name, role))
    affiliations = agencies or outlets
    affiliation = affiliations[0] if len(set(affiliations)) == 1 and names else None
    authors = [BylineAuthor(tidy_name(n), affiliation=affiliation, job_title=r) for n, r in names]
    if not authors:
        authors = [BylineAuthor(a, is_organization=True) for a in dict.fromkeys(agencies)]
    return list({a.name: a for a in authors if a.name}.values())


def _split_commas(part: str) -> list[str]:
    """Commas: "A, B" is two people; "Smith, John" and "A, Staff Writer" are one."""
    pieces = [p.strip(" .") for p in part.split(",") if p.strip(" .")]
    one_word_each = len(pieces) == 2 and all(len(p.split()) == 1 for p in pieces)
    if one_word_each and not _is_role(pieces[1]):
        return [f"{pieces[1]} {pieces[0]}"]  # "Smith, John"
    out: list[str] = []
    for piece in pieces:
        if out and _is_role(piece):
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out


def _is_role_word(word: str) -> bool:
    """ "Korrespondentin", or a compound like "FOCUS-Online-Experte" ending in a role word."""
    word = word.casefold()
    return word in _ROLE_WORDS or ("-" in word and word.rsplit("-", 1)[-1] in _ROLE_WORDS)


def _is_role(text: str) -> bool:
    words = re.findall(r"[\w'-]+", text.casefold())
    return bool(words) and all(
        _is_role_word(w) or w in {"of", "the", "for", "de", "du"} for w in words
    )


def _strip_role(piece: str) -> tuple[str, str | None]:
    name, _, role = piece.partition(",")
    role = role.strip()
    words = name.split()
    # "Senior Correspondent Jane Doe": leading role words
    lead = 0
    while lead < len(words) - 1 and _is_role_word(words[lead]):
        lead += 1
    if lead:
        role = " ".join(words[:lead]) + (f", {role}" if role else "")
        words = words[lead:]
    if len(words) > _MAX_NAME_WORDS or not any(w[:1].isalpha() for w in words):
        return "", None
    return " ".join(words), (role or None)


@lru_cache(maxsize=8192)  # credit lines repeat (agencies' photographers); nameparser is slow
def tidy_name(name: str) -> str:
    """ "TOBIAS SCHWARZ" -> "Tobias Schwarz"; mixed-case names are kept as written."""
    name = re.sub(r"\s+", " ", name).strip(" ,.;:")
    if name.isupper() or name.islower():
        from nameparser import HumanName  # 40 ms to import; most names need no recasing

        parsed = HumanName(name)
        parsed.capitalize(force=True)
        return str(parsed).strip() or name
    return name
