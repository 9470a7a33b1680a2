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
