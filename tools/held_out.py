"""The html-more articles held out for blind mention scoring, by file name only.

The blind mention sets (``tests/gold/mentions-more/blind*/{language}-{stem}.json``) take some
articles of the html-more *dev* half, so skipping the blind half of the split is not enough: a
tool that shows recogniser output on html-more text (``tools/recognizer_oracle.py``) must also
skip these stems. Only the folder listing is read, never a gold file.
"""

from __future__ import annotations

from pathlib import Path

MORE = Path(__file__).resolve().parents[1] / "tests" / "gold" / "mentions-more"


def held_out_stems() -> frozenset[str]:
    """Stems (after the ``{language}-`` prefix) of every article in a blind mention set."""
    return frozenset(
        path.stem.split("-", 1)[1] for path in MORE.glob("blind*/*.json") if "-" in path.stem
    )
