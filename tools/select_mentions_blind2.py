"""Select and cut a fresh blind mention gold set, ``blind2`` (run once, 2026-12-02).

The first blind set (``tests/gold/mentions-more/blind/``) was measured and reported in
aggregate, so it is no longer unseen. This script picks a fresh set from the *same* ``blind``
half of ``tests/gold/html-more/split.json``, skipping every article already in
``tests/gold/mentions-more/blind/`` (the file stem after the ``{language}-`` prefix names the
article). Order, cut and filter are those of ``tools/select_mentions_gold.py``: the articles in
the order of the fixed hash ``order_key`` of the file name, trafilatura's ``text`` cut at the first
paragraph end past 2,500 characters, texts shorter than 600 characters skipped. Quota:
15 English, 10 German, 6 Spanish and 4 French articles (35). Writes skeletons
(``entities: []``) into ``tests/gold/mentions-more/blind2/{language}-{stem}.json`` for the
annotator; it never overwrites an existing file.

Run on 2026-12-02 (about 02:46 UTC), before anyone read the selected pages:
``python3 tools/select_mentions_blind2.py``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from select_mentions_gold import cut_body, order_key  # noqa: E402  the same order and cut

CORPUS = ROOT.parent / "shared" / "corpus" / "html-more"
GOLD = ROOT / "tests" / "gold" / "mentions-more"
USED = GOLD / "blind"
OUT = GOLD / "blind2"
QUOTA = {"en": 15, "de": 10, "es": 6, "fr": 4}
MIN_TEXT = 600


def _used_stems() -> set[str]:
    return {path.stem.split("-", 1)[1] for path in USED.glob("*.json")}


def main() -> None:
    split = json.loads((ROOT / "tests" / "gold" / "html-more" / "split.json").read_text())
    expected = json.loads((CORPUS / "expected.json").read_text())
    used = _used_stems()
    left = dict(QUOTA)
    OUT.mkdir(parents=True, exist_ok=True)
    for name in sorted(split["blind"], key=order_key):
        language = expected[name].get("language", "")
        if left.get(language, 0) <= 0:
            continue
        stem = name.removesuffix(".html")
        if stem in used:
            continue
        record = json.loads((CORPUS / "inputs" / "trafilatura-json" / f"{stem}.json").read_text())
        if not record.get("text") or len(record["text"]) < MIN_TEXT:
            continue
        left[language] -= 1
        target = OUT / f"{language}-{stem}.json"
        if target.exists():
            continue
        skeleton = {
            "id": f"{language}-{stem}",
            "language": language,
            "source": (
                f"shared/corpus/html-more/inputs/trafilatura-json/{stem}.json"
                " (blind half, fresh set)"
            ),
            "headline": record.get("title") or expected[name]["title"],
            "body": cut_body(record["text"]),
            "entities": [],
        }
        target.write_text(json.dumps(skeleton, ensure_ascii=False, indent=1) + "\n")
    print("blind2 short of", {k: v for k, v in left.items() if v})


if __name__ == "__main__":
    main()
