"""Select and cut the articles of the html-more mention gold set (run once, 2026-12-01).

Articles come from ``../shared/corpus/html-more/inputs/trafilatura-json/``, in the order of
``tests/gold/html-more/split.json`` (a hash of the file name, fixed before anyone read a page):
the dev set from its ``dev`` half, the blind set from its ``blind`` half, 13 English, 4 German,
2 Spanish and 1 French article each. The body is trafilatura's ``text``, cut at the first
paragraph end past 2,500 characters so that every article can be annotated in full. Writes
skeletons (``entities: []``) for the annotators; it never overwrites an existing file.

Run: ``python tools/select_mentions_gold.py``
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "html-more"
OUT = ROOT / "tests" / "gold" / "mentions-more"
QUOTA = {"en": 13, "de": 4, "es": 2, "fr": 1}
CUT = 2500


def order_key(name: str) -> str:
    """The fixed hash order every mention gold set is selected in (fixed 2026-12-01)."""
    return hashlib.sha256(("jsonld-news split 2026-12-01 " + name).encode()).hexdigest()


def cut_body(text: str) -> str:
    """The text up to the first paragraph end past ``CUT`` characters."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    kept: list[str] = []
    for paragraph in paragraphs:
        kept.append(paragraph)
        if sum(len(p) + 1 for p in kept) > CUT:
            break
    return "\n".join(kept)


def main() -> None:
    split = json.loads((ROOT / "tests" / "gold" / "html-more" / "split.json").read_text())
    expected = json.loads((CORPUS / "expected.json").read_text())
    for part in ("dev", "blind"):
        left = dict(QUOTA)
        folder = OUT / part
        folder.mkdir(parents=True, exist_ok=True)
        for name in sorted(split[part], key=order_key):
            language = expected[name].get("language", "")
            if left.get(language, 0) <= 0:
                continue
            stem = name.removesuffix(".html")
            record = json.loads(
                (CORPUS / "inputs" / "trafilatura-json" / f"{stem}.json").read_text()
            )
            if not record.get("text") or len(record["text"]) < 600:
                continue
            left[language] -= 1
            target = folder / f"{language}-{stem}.json"
            if target.exists():
                continue
            skeleton = {
                "id": f"{language}-{stem}",
                "language": language,
                "source": f"shared/corpus/html-more/inputs/trafilatura-json/{stem}.json ({part} half)",
                "headline": record.get("title") or expected[name]["title"],
                "body": cut_body(record["text"]),
                "entities": [],
            }
            target.write_text(json.dumps(skeleton, ensure_ascii=False, indent=1) + "\n")
        print(part, "short of", {k: v for k, v in left.items() if v})


if __name__ == "__main__":
    main()
