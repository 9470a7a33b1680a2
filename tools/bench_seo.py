"""``make bench``: the SEO block per article, beside ``convert --to jsonld`` on the same articles.

Articles: ``--count`` generated ones (``tools/generate.py``, text and JSON inputs) and every page
of ``../shared/corpus/html`` (when present), each read once, untimed, into an ``Article``. Then
per article, in CPU time (single-threaded work; wall time on a shared machine measures the
neighbours):

  jsonld           ``serialize(article, "jsonld")``: what ``convert --to jsonld`` writes;
  jsonld+validate  the same, then ``validate`` with the default validators: the best a user can
                   do with the tool today to get markup they can trust (the baseline);
  seo              ``seo_block(article)``: trimmed, validated, repaired, escaped;
  seo --graph      ``seo_block(article, graph=True)``;
  inject           ``inject(page, block)`` into the article's own page (corpus pages only).

Cold: a step's first call in a fresh process (its schemas and vocabulary load then); warm: the
median (and 90th percentile) over the other articles, each timed once per step. Also printed: how many blocks our own validators reject
(must be 0) over every article, the corpus included.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from generate import corpus  # noqa: E402

from jsonld_news import (  # noqa: E402
    Article,
    JsonldNewsError,
    Options,
    inject,
    read,
    seo_block,
    seo_markup,
    serialize,
    validate,
)
from jsonld_news.pipeline import convert_bytes  # noqa: E402

HTML = ROOT.parent / "shared" / "corpus" / "html"


def cpu_ms(function: Callable[[], object]) -> float:
    start = time.process_time()
    function()
    return (time.process_time() - start) * 1000


def _jsonld_validate(article: Article) -> None:
    serialize(article, "jsonld")
    validate(article)


STEPS: dict[str, Callable[[Article], object]] = {
    "jsonld": lambda a: serialize(a, "jsonld"),
    "jsonld+validate": _jsonld_validate,
    "seo": seo_block,
    "seo --graph": lambda a: seo_block(a, graph=True),
}


def _cold(step: str) -> float:
    """The step's first call in a fresh process: its schemas and vocabulary load then."""
    done = subprocess.run(
        [sys.executable, __file__, "--cold", step], capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=150, help="generated articles")
    parser.add_argument("--corpus", type=Path, default=HTML, help="folder of HTML pages")
    parser.add_argument("--cold", help=argparse.SUPPRESS)  # one step's first call, in a new process
    args = parser.parse_args()
    options = Options(recognize_entities=False)
    if args.cold:
        data, kind = corpus(1)[0]
        article = convert_bytes(data, "gen-0", kind, options)
        print(f"{cpu_ms(lambda: STEPS[args.cold](article)):.3f}")
        return
    articles: list[Article] = [convert_bytes(d, f"gen-{i}", f, options) for i, (d, f) in
                               enumerate(corpus(args.count))]  # fmt: skip
    pages: list[tuple[Article, bytes]] = []
    for path in sorted(args.corpus.glob("*.html")) if args.corpus.is_dir() else []:
        try:
            pages.append((read(path, options=options), path.read_bytes()))
        except JsonldNewsError:
            continue
    everything = articles + [a for a, _ in pages]
    steps = STEPS
    print(f"SEO block per article: {len(articles)} generated + {len(pages)} corpus pages, CPU ms")
    print(f"{'step':<17}{'cold':>9}{'warm median':>13}{'warm p90':>10}")
    for name, step in steps.items():
        cold = _cold(name)
        step(everything[0])  # this process's first call too: what loads on first use, untimed
        times = [cpu_ms(lambda a=a, s=step: s(a)) for a in everything[1:]]  # type: ignore[misc]
        warm = sorted(times)
        p90 = warm[int(len(warm) * 0.9)]
        print(f"{name:<17}{cold:>9.2f}{statistics.median(warm):>13.2f}{p90:>10.2f}")
    if pages:
        blocks = [seo_block(a) for a, _ in pages]
        times = [
            cpu_ms(lambda p=p, b=b: inject(p, b))  # type: ignore[misc]
            for (_, p), b in zip(pages, blocks, strict=True)
        ]
        size = statistics.median(len(p) for _, p in pages) / 1000
        print(f"{'inject':<17}{times[0]:>9.2f}{statistics.median(times[1:]):>13.2f}"
              f"{'':>10}  (pages: median {size:.0f} kB)")  # fmt: skip
    rejected = sum(1 for a in everything if validate(seo_markup(a).document).errors)
    print(f"blocks our own validators reject: {rejected} of {len(everything)}")


if __name__ == "__main__":
    main()
