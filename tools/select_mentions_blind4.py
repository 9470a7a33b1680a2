"""Select and cut a fresh blind mention gold set, ``blind4`` (run once, 2026-12-02).

``blind3`` has been read in aggregate; this script picks the next held-out set, in the order of
the fixed hash ``order_key`` of the file name (the order of ``tools/select_mentions_gold.py``,
``tools/select_mentions_blind2.py`` and ``tools/select_mentions_blind3.py``):

a. every article of the ``blind`` half of ``tests/gold/html-more/split.json`` not already in a
   mentions gold set (``tests/gold/mentions/*.json`` by their ``source``,
   ``tests/gold/mentions-more/{dev,dev2,dev3,blind3}`` by file name: the stem after the
   ``{language}-`` prefix names the article; only file names are read there);
b. then every article of the ``dev`` half not in any mentions gold set, until the set holds
   ``TOTAL`` (34) articles. These pages were read by developers tuning the HTML title, author
   and date extraction, never for mention rules.

Cut and filter are those of the earlier sets: trafilatura's ``text`` cut at the first paragraph
end past 2,500 characters (``cut_body``), texts shorter than 600 characters skipped.

Languages (``LANGUAGES``): those the annotator reads reliably enough for gold. Compared with
``blind3`` this adds Papiamento (``pap``: Latin script, names capitalised as in Spanish and
Dutch, so the set's conventions apply unchanged) and Chinese (``zh``: the annotator reads it
fluently; convention fixed here: a name as the text writes it in characters, with other
written forms the text gives as aliases). Bengali (``bn``) is skipped: the annotator does not
read it reliably enough to delimit names that carry no capitals. A dry count before the run
(metadata and text lengths only, no text read) found 29 unused dev-half articles and, in the
blind half, only the three pages of those languages left, so without ``pap`` and ``zh`` the set
would have held 29 articles.

Writes skeletons (``entities: []``) into ``tests/gold/mentions-more/blind4/{language}-{stem}.json``
for the annotator; it never overwrites an existing file, and prints only counts and file names.

Run once on 2026-12-02 at 07:55 UTC, before anyone read the selected pages:
``python3 tools/select_mentions_blind4.py``
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from select_mentions_gold import cut_body, order_key  # noqa: E402  the same order and cut

CORPUS = ROOT.parent / "shared" / "corpus" / "html-more"
GOLD = ROOT / "tests" / "gold" / "mentions-more"
OLD_GOLD = ROOT / "tests" / "gold" / "mentions"
OUT = GOLD / "blind4"
USED_SETS = ("dev", "dev2", "dev3", "blind3")
LANGUAGES = ("en", "de", "es", "fr", "it", "pt", "pap", "zh")
TOTAL = 34
MIN_TEXT = 600


def _used_stems() -> set[str]:
    """Stems of every html-more article already in a mentions gold set (file names only)."""
    used = {
        path.stem.split("-", 1)[1] for name in USED_SETS for path in (GOLD / name).glob("*.json")
    }
    for path in OLD_GOLD.glob("*.json"):
        source = json.loads(path.read_text()).get("source", "")
        if "html-more/" in source:
            used.add(Path(source.split()[0]).stem)
    return used


def main() -> None:
    split = json.loads((ROOT / "tests" / "gold" / "html-more" / "split.json").read_text())
    expected = json.loads((CORPUS / "expected.json").read_text())
    used = _used_stems()
    OUT.mkdir(parents=True, exist_ok=True)
    taken: Counter[tuple[str, str]] = Counter()
    skipped: Counter[str] = Counter()
    for half in ("blind", "dev"):
        for name in sorted(split[half], key=order_key):
            if sum(taken.values()) >= TOTAL:
                break
            language = expected[name].get("language", "")
            stem = name.removesuffix(".html")
            if stem in used:
                continue
            if language not in LANGUAGES:
                skipped[f"{half}:{language}"] += 1
                continue
            path = CORPUS / "inputs" / "trafilatura-json" / f"{stem}.json"
            record = json.loads(path.read_text())
            if not record.get("text") or len(record["text"]) < MIN_TEXT:
                skipped[f"{half}:short"] += 1
                continue
            taken[(half, language)] += 1
            target = OUT / f"{language}-{stem}.json"
            print(half, target.name)
            if target.exists():
                continue
            skeleton = {
                "id": f"{language}-{stem}",
                "language": language,
                "source": (
                    f"shared/corpus/html-more/inputs/trafilatura-json/{stem}.json"
                    f" ({half} half, fresh set blind4)"
                ),
                "headline": record.get("title") or expected[name]["title"],
                "body": cut_body(record["text"]),
                "entities": [],
            }
            target.write_text(json.dumps(skeleton, ensure_ascii=False, indent=1) + "\n")
    print("taken", dict(sorted(taken.items())), "total", sum(taken.values()))
    print("skipped", dict(sorted(skipped.items())))


if __name__ == "__main__":
    main()
