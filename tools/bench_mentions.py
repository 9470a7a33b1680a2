"""Speed and memory of mention recognition and KB linking.

    .venv/bin/python tools/bench_mentions.py [--entries 1000000]

1. Median time to recognise the mentions of a 600-word English article (each gold-set article
   padded to 600 words with its own paragraphs), with a generated 50,000-entry user KB loaded on
   top of the starter KB, against the time to only split the text into words (the floor any
   reader pays).
2. Peak memory (max RSS) of a process that builds the index of a generated KB of 1,000,000
   entries, and of one that opens that indexed KB (memory-mapped) and looks names up.

Everything is generated in a temporary folder; nothing is downloaded.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jsonld_news.enrich.recognize import RuleRecognizer, starter_kb  # noqa: E402
from jsonld_news.kb import KnowledgeBase  # noqa: E402

# enough syllables that generated names collide about as often as real ones do
SYLLABLES = [a + b for a in "bcdfghjklmnprstvz" for b in ("a", "e", "i", "o", "u", "an", "er")]
TYPES = ["Person"] * 5 + ["City", "Organization", "Corporation", "GovernmentOrganization"]


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


def articles() -> list[tuple[str, str]]:
    docs = []
    for path in sorted((ROOT / "tests" / "gold" / "mentions").glob("en-*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [p for p in doc["body"].split("\n\n") if p.strip()]
        words: list[str] = []
        text: list[str] = []
        while len(words) < 600 and paragraphs:
            for p in paragraphs:
                text.append(p)
                words += p.split()
                if len(words) >= 600:
                    break
        docs.append((doc["headline"], "\n\n".join(text)))
    return docs


def _median_ms(fn: Callable[[str, str], object], docs: list[tuple[str, str]], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        for headline, body in docs:
            start = time.perf_counter()
            fn(headline, body)
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bench_speed(tmp: Path) -> None:
    kb_path = tmp / "kb50k.jsonl"
    generate_kb(kb_path, 50_000)
    start = time.perf_counter()
    KnowledgeBase.load(kb_path)  # builds and saves the index
    load_s = time.perf_counter() - start
    user_kb = KnowledgeBase.load(kb_path)  # as every later run: the index memory-mapped
    rec = RuleRecognizer([user_kb, starter_kb()])
    docs = articles()
    for headline, body in docs:  # warm-up: imports, caches
        rec.recognize(headline, body, language="en", base_iri="urn:x:")
    split_ms = _median_ms(lambda h, b: (h.split(), b.split()), docs, 20)
    rec_ms = _median_ms(
        lambda h, b: rec.recognize(h, b, language="en", base_iri="urn:x:"), docs, 20
    )

    def cold(headline: str, body: str) -> None:
        rec.clear_cache()  # as if no article before had named the same things
        rec.recognize(headline, body, language="en", base_iri="urn:x:")

    cold_ms = _median_ms(cold, docs, 5)
    # the realistic case: an article not seen before, after other articles warmed the cache
    unseen = []
    for _ in range(5):
        for k, (headline, body) in enumerate(docs):
            rec.clear_cache()
            for other_headline, other_body in docs[:k] + docs[k + 1 :]:
                rec.recognize(other_headline, other_body, language="en", base_iri="urn:x:")
            start = time.perf_counter()
            rec.recognize(headline, body, language="en", base_iri="urn:x:")
            unseen.append(time.perf_counter() - start)
    unseen_ms = statistics.median(unseen) * 1000
    print(f"mentions: {len(docs)} English articles padded to 600 words, 50,000-entry KB")
    print(f"  KB index built in {load_s:.2f} s")
    print(f"  split only          {split_ms:7.3f} ms median")
    print(f"  recognise + link    {rec_ms:7.3f} ms median (the same articles again: cache warm)")
    print(f"  recognise + link    {unseen_ms:7.3f} ms median (an unseen article after the others)")
    print(f"  recognise + link    {cold_ms:7.3f} ms median (lookup cache emptied per article)")


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
