"""Photo credit lines: "TOBIAS SCHWARZ / AFP", "Photo: Anna Berg / dpa", "(Foto: X/Pool via REUTERS)".

The one place that knows what a credit line looks like, for the readers that must keep credits
out of bylines and bodies and for the enricher that turns a credit into the image's creator and
agency. A credit line is never an author.
"""

from __future__ import annotations

import re

# Words that label a credit, in the corpus languages; plural and accent variants included.
CREDIT_LABELS = (
    r"(?:photo(?:graph)?s?|fotos?|фото|bild|image(?: illustrative)?|imagen|imagem|picture|"
    r"illustration|crédits?|credits?|crédito|copyright|source|quelle|fuente|fonte|©|\(c\))"
)
_LABEL_AT_START = re.compile(rf"^\W*{CREDIT_LABELS}", re.I)
# A label with its separator ("Photo:", "Picture by", "©"): a bare "Image" may open a sentence.
_LABEL_PREFIX = re.compile(
    rf"^\W*(?:{CREDIT_LABELS}|photo credit)\s*(?:by\b|:|©)\s*|^(?:©|\(c\))\s*", re.I
)
# NAME / AGENCY, with up to three more parts: "Mikhail Klimentyev / Sputnik / AFP".
_SLASHED = re.compile(r"^[^\s/][^/.!?]{1,60}(?:\s*/\s*[^\s/][^/.!?]{0,60}){1,3}$")
_PARTS = re.compile(r"\s*[/|;]\s*|\s+via\s+|\s*,\s*", re.I)
# Words that make a credit part an organisation unknown to agencies.py: "Example Images".
AGENCY_WORDS = re.compile(r"\b(?:images?|photos?|press|news|agency|pictures)\b", re.I)
# Credit words that name an arrangement, not a person: "staff", "handout", "pool photo".
NOT_A_PHOTOGRAPHER = re.compile(
    r"\b(?:staff|handout|file|courtesy|pool|archive|screenshot|illustration|reader|"
    r"submitted|supplied|various|unknown)\b",
    re.I,
)


# A newsroom's collective credit names no one: "Staff", "Agencies", "Redacción Nacional",
# "Staff and news service reports", "wire services". A curated list of the collective nouns
# newsrooms sign with, in the languages dates are read in (en, de, fr, es, pt, it, nl): the
# newsroom, its desk or team, its editors, the agencies or news services it relays.
_COLLECTIVE = re.compile(
    r"\b(?:staff|newsroom|news\s?desk|desk|team|editors|editorial|(?:news|wire)\s+services?|"
    r"(?:news\s+)?service\s+reports|wire\s+reports|agencies|agencias|agências|agenturen|agences|"
    r"agenzie|redaktion|redaktionen|redacción|redaccion|redação|redacao|rédaction|redazione|"
    r"redactie|nachrichtenagenturen)\b",
    re.I,
)


# Duden's abbreviation of "Redaktion", signed alone by German-language newsrooms ("red",
# "(red.)"): a collective credit only when it is the whole credit, never a word in a name.
_ABBREVIATED = re.compile(r"\(?\s*red\.?\s*\)?", re.I)


def is_collective_credit(name: str) -> bool:
    """A byline that names a newsroom or its sources collectively, not a person or outlet."""
    return bool(_COLLECTIVE.search(name) or _ABBREVIATED.fullmatch(name.strip()))


def starts_with_credit_label(text: str) -> bool:
    """ "Photo: ...", "Foto: dpa", "© Reuters", "Crédito: ..."."""
    return bool(_LABEL_AT_START.match(text))


def strip_credit_label(text: str) -> str:
    return _LABEL_PREFIX.sub("", text.strip()).strip()


def looks_like_credit_line(line: str) -> bool:
    """A short header line that is a credit: labelled, or NAME / AGENCY with no sentence end."""
    if _LABEL_PREFIX.match(line):
        return True
    if line.endswith((".", "?", "!", ":", ",")) or len(line.split()) > 12:
        return False
    return bool(_SLASHED.match(line))


def credit_parts(credit: str) -> list[str]:
    """The names in a credit, label removed: "Photo: Anna Berg / dpa" -> ["Anna Berg", "dpa"]."""
    return [p.strip(" .") for p in _PARTS.split(strip_credit_label(credit)) if p.strip(" .")]


# Wire-story credit trailers: "(Reporting by A and B in Kyiv; Additional reporting by C; Editing
# by D)", the form Reuters (and AFP/AP English copy) ends stories with. The role words are those
# wire style uses; each names people who worked on the story, none of them its author.
_ROLE = (
    r"(?:additional\s+)?(?:reporting|writing|editing|compiled|compiling|translation|translated|"
    r"graphics|research|fact[- ]checking|production|produced|sub-?editing)"
)
_CREDIT_PART = rf"{_ROLE}\s+by\s+[^;()\n]+"
_CREDITS = rf"{_CREDIT_PART}(?:\s*;\s*{_CREDIT_PART})*"
# in parentheses at the end of the last paragraph, or that paragraph on its own
_TRAILER = re.compile(
    rf"(?:(?:^|(?<=[.!?”\"’)])\s*)\(\s*(?P<inner>{_CREDITS})\s*[.;]?\s*\)"
    rf"|^(?P<whole>{_CREDITS})\s*[.;]?)\s*$",
    re.I,
)
_ROLE_BY = re.compile(rf"^\s*(?P<role>{_ROLE})\s+by\s+(?P<names>.+?)\s*\.?\s*$", re.I)
_NAME_SPLIT = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*", re.I)
_PLACE_TAIL = re.compile(r"\s+in\s+[A-Z][\w.'’ -]*$")  # "Andrea Shalal in Washington"


def split_wire_trailer(body: str) -> tuple[str, list[tuple[str, str]]]:
    """(body without the trailer, [(role, name), ...]); the body is unchanged if there is none.

    Only the end of the last paragraph is looked at: a trailer closes a story.
    """
    head, sep, last = body.rstrip().rpartition("\n\n")
    # without "(" only the pattern's second branch can match, and only at the start (``^``,
    # no MULTILINE): ``match`` finds what ``search`` would, without trying every position
    match = _TRAILER.search(last) if "(" in last else _TRAILER.match(last)
    if match is None:
        return body, []
    credits: list[tuple[str, str]] = []
    for part in (match.group("inner") or match.group("whole")).split(";"):
        found = _ROLE_BY.match(part)
        if found is None:
            return body, []
        role = " ".join(found.group("role").lower().split())
        names = _PLACE_TAIL.sub("", found.group("names").strip())
        for name in _NAME_SPLIT.split(names):
            name = _PLACE_TAIL.sub("", name).strip(" .")
            words = name.split()
            if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
                credits.append((role, name))  # "the Kyiv bureau" is credited, but no person
            elif match.group("whole"):
                return body, []  # unbracketed, every piece must be a name: else it is a sentence
    if not credits:
        return body, []  # no name in it: not a credit trailer, leave the text alone
    rest = last[: match.start()].rstrip()
    kept = f"{head}{sep}{rest}" if rest else head
    return kept, credits
