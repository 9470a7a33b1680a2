"""Names of legislative documents: "Senate Bill 10", "House Resolution 5", "Assembly Bill
2043". The chamber's word names the bill, not the chamber: no mention of the body."""

from __future__ import annotations

import re

from jsonld_news.enrich.findings import Found

# A bill or resolution and its number right after the body's name (the forms of US state and
# federal bill numbers: "Bill 10", "Joint Resolution 4", "Concurrent Resolution No. 3").
_DOCUMENT_AFTER = re.compile(
    r"\s+(?:Joint\s+|Concurrent\s+)?(?:Bill|Resolution|Memorial)\s+(?:No\.\s*)?\d"
)


def without_document_names(found: list[Found], body: str, headline: str) -> list[Found]:
    """``found`` less the bodies that only name a document ("Senate" of "Senate Bill 10")."""
    return [f for f in found if not _names_document(f, headline if f.in_headline else body)]


def _names_document(f: Found, text: str) -> bool:
    return f.type == "GovernmentOrganization" and _DOCUMENT_AFTER.match(text, f.end) is not None
