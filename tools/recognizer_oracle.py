"""Oracle for changes to the recogniser's mechanics: what it finds, written out, then compared.

    .venv/bin/python tools/recognizer_oracle.py dump OUT.jsonl
    .venv/bin/python tools/recognizer_oracle.py diff BEFORE.jsonl AFTER.jsonl

``dump`` runs the default recogniser (shipped KBs) and the evaluation one (``eval-kb.jsonl``
as the user's KB, as ``tools/eval_mentions.py`` does) over every text within reach, and writes
one JSON line per text and recogniser with every mention: span, surface, headline or body,
and its entity's type, name, IRI, ``sameAs`` and description. The texts: the mention gold sets
(``tests/gold/mentions``, ``mentions-more/{dev,dev2,dev3}``; never a blind set), the texts of
``../shared/corpus/inputs`` (trafilatura, news-please and Markdown), those of
``../shared/corpus/html-more`` outside the blind half of ``tests/gold/html-more/split.json``
and outside every blind mention set (``held_out.py``: blind3 and blind4 hold dev-half
articles too), the seed, ``examples/inputs`` and 500
generated articles (``tools/generate.py``). Each real text is read in its own language and
also as unlabelled English, which takes the does-it-read-as-English path.

``diff`` prints each text whose mentions differ (first differences only) and exits 1 if any
does. Write the dumps outside the repository (``/tmp``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from held_out import held_out_stems  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "gold" / "mentions"
MORE = ROOT / "tests" / "gold" / "mentions-more"
SPLIT = ROOT / "tests" / "gold" / "html-more" / "split.json"
Text = tuple[str, str, str, str | None]  # id, headline, body, language


def _gold() -> Iterator[Text]:
    folders = [GOLD, *(MORE / name for name in ("dev", "dev2", "dev3"))]  # never blind3
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            yield f"gold/{folder.name}/{path.name}", doc["headline"], doc["body"], doc["language"]


def _json_texts(folder: Path, tag: str, skip: frozenset[str] = frozenset()) -> Iterator[Text]:
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        if path.stem in skip:
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        body = doc.get("text") or doc.get("maintext") or ""
        title = doc.get("title") or ""
        if body:
            yield f"{tag}/{path.name}", title, body, doc.get("language")


def _plain(folder: Path, tag: str, pattern: str) -> Iterator[Text]:
    for path in sorted(folder.glob(pattern)) if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8", errors="replace")
        head, _, body = text.partition("\n")
        yield f"{tag}/{path.name}", head.lstrip("# "), body, None


def _generated(count: int) -> Iterator[Text]:
    from generate import corpus

    from jsonld_news.pipeline import convert_bytes

    for i, (data, fmt) in enumerate(corpus(count)):
        article = convert_bytes(data, f"gen-{i}", fmt, enrichers=())
        yield f"generated/{i}", article.headline, article.body, article.language


def texts() -> Iterator[Text]:
    yield from _gold()
    inputs = SHARED / "corpus" / "inputs"
    yield from _json_texts(inputs / "trafilatura-json", "inputs/trafilatura")
    yield from _json_texts(inputs / "newsplease-json", "inputs/newsplease")
    yield from _plain(inputs / "markdown", "inputs/markdown", "*.md")
    blind: frozenset[str] = frozenset()
    if SPLIT.is_file():
        split = json.loads(SPLIT.read_text(encoding="utf-8"))
        blind = frozenset(name.removesuffix(".html") for name in split["blind"])
    blind |= held_out_stems()  # the blind mention sets also hold dev-half articles
    more = SHARED / "corpus" / "html-more" / "inputs" / "trafilatura-json"
    if more.is_dir() and SPLIT.is_file():  # without the split, nothing of it is read
        yield from _json_texts(more, "html-more", blind)
    yield from _plain(SHARED / "seeds", "seeds", "*.txt")
    yield from _plain(ROOT / "examples" / "inputs", "examples", "*.txt")
    yield from _plain(ROOT / "examples" / "inputs", "examples", "*.md")
    yield from _generated(500)


def dump(out: Path) -> int:
    from jsonld_news.enrich.recognize import default_recognizer, load_recognizer

    recognizers = {
        "default": default_recognizer(),
        "eval-kb": load_recognizer(str(GOLD / "eval-kb.jsonl")),
    }
    count = 0
    with open(out, "w", encoding="utf-8") as fh:
        for ident, headline, body, language in texts():
            runs = [(language, f"{ident}")]
            if not ident.startswith("generated/"):
                runs.append((None, f"{ident}#unlabelled"))
            for lang, key in runs:
                for rec_name, rec in recognizers.items():
                    mentions = rec.recognize(headline, body, language=lang, base_iri="urn:x:")
                    rows = [
                        [
                            m.start,
                            m.end,
                            m.surface,
                            m.in_headline,
                            m.entity.type,
                            m.entity.name,
                            m.entity.iri,
                            m.entity.same_as,
                            m.entity.description,
                        ]
                        for m in mentions
                    ]
                    line = {"id": key, "recognizer": rec_name, "mentions": rows}
                    fh.write(json.dumps(line, ensure_ascii=False) + "\n")
                    count += 1
    print(f"recognizer_oracle: {count} runs written to {out}")
    return 0


def _load(path: Path) -> dict[tuple[str, str], list[object]]:
    out: dict[tuple[str, str], list[object]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out[(row["id"], row["recognizer"])] = row["mentions"]
    return out


def diff(before: Path, after: Path) -> int:
    old, new = _load(before), _load(after)
    differ = 0
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        differ += 1
        print(f"{key[0]} [{key[1]}]:")
        a_set = {json.dumps(r, ensure_ascii=False) for r in a or []}
        b_set = {json.dumps(r, ensure_ascii=False) for r in b or []}
        for r in sorted(a_set - b_set)[:5]:
            print(f"  - {r}")
        for r in sorted(b_set - a_set)[:5]:
            print(f"  + {r}")
        if a_set == b_set:
            print("  (same mentions, another order)")
    print(f"recognizer_oracle: {len(old)} runs before, {len(new)} after, {differ} differ")
    return 1 if differ else 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "dump":
        return dump(Path(argv[1]))
    if len(argv) == 3 and argv[0] == "diff":
        return diff(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
