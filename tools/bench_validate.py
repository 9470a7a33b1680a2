"""validate: the checks per article, a page with extraction, and a generated site with -j 2.

1. Checks per article: schema.org vocabulary + Google's Article profile + consistency, on every
   Article-family node the corpus pages carry (references resolved, as validate does). Baseline:
   the standard offline check, pyshacl with schema.org's published shapes (our ``shacl``
   validator: the shapes parsed once, pruned per set of types), on the same nodes; our own
   ``shacl-news`` shapes beside it. Target: at most 2 ms per article.
2. A page, extraction included: ``validate_page`` on the bytes of each corpus page. Baseline:
   ``extruct.extract`` on the bytes (JSON-LD, microdata, RDFa: it parses the page itself, and
   again for RDFa) followed by the same three validators on what it found. Target: 15 ms.
3. A site: ``--site-pages`` pages generated from the corpus pages into a temporary folder (each
   copy gets its own canonical URL, so it is a page of its own), validated with ``jobs=1`` and
   ``jobs=2`` (wall time: this is the one figure with processes). Target: 1,000 pages in under
   a minute with -j 2.

Cold is the first article/page of the process (the vocabulary parsed, modules imported); warm
is the median over the others, each measured once (no input is repeated to warm a cache). CPU
time for 1 and 2 (single-threaded work; wall time on a shared box measures the neighbours).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "html"

from jsonld_news.site import validate_site  # noqa: E402
from jsonld_news.validate import get_validator  # noqa: E402
from jsonld_news.validate.page import _articles, _ids, _jsonld_items, _resolved  # noqa: E402

CHECKS = ("schema.org", "google", "consistency")


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def timed(function: Callable[[Any], Any], inputs: Iterable[Any]) -> list[float]:
    times = []
    for item in inputs:
        start = time.process_time()
        function(item)
        times.append(time.process_time() - start)
    return times


def report(label: str, times: list[float], target: float | None = None) -> None:
    if not times:
        print(f"  {label:<44} (no input)")
        return
    warm = statistics.median(times[1:]) if len(times) > 1 else times[0]
    goal = f"   target <= {target * 1000:.0f} ms" if target else ""
    print(f"  {label:<44} cold {_ms(times[0])}   warm median {_ms(warm)}   n={len(times)}{goal}")


def corpus_articles(pages: list[Path]) -> list[dict[str, Any]]:
    """Every Article-family node of the pages' JSON-LD, references resolved (as validate)."""
    from jsonld_news.options import Options
    from jsonld_news.readers.html import parse_page

    articles = []
    for path in pages:
        page = parse_page(path.read_bytes(), str(path), Options())
        found = _jsonld_items(page.tree, [])
        index = _ids(found)
        for item in found:
            for node, _ in _articles(item.node, ()):
                articles.append(_resolved(node, index))
    return articles


def checks(doc: dict[str, Any], names: tuple[str, ...] = CHECKS) -> int:
    return sum(len(list(get_validator(name)(doc))) for name in names)


def baseline_page(data: bytes) -> int:
    import extruct

    found = extruct.extract(data, syntaxes=["json-ld", "microdata", "rdfa"], errors="ignore")
    count = 0
    for item in found.get("json-ld", []):
        if isinstance(item, dict):
            count += checks(item)
    for item in found.get("microdata", []):
        if isinstance(item, dict):
            count += checks({"@type": item.get("type"), **(item.get("properties") or {})})
    return count


def generate_site(pages: list[Path], count: int, folder: Path) -> None:
    texts = [path.read_bytes() for path in pages]
    for index in range(count):
        data = texts[index % len(texts)]
        url = f'<link rel="canonical" href="https://site.example/p/{index}">'.encode()
        data = re.sub(rb"<link[^>]+rel=[\"']?canonical[^>]*>", b"", data, flags=re.I)
        head = re.search(rb"<head[^>]*>", data, flags=re.I)
        at = head.end() if head else 0
        data = data[:at] + url + data[at:]
        section = folder / f"s{index % 10}"
        section.mkdir(exist_ok=True)
        (section / f"page-{index:05}.html").write_bytes(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, default=0, help="corpus pages to use (0: all)")
    parser.add_argument("--site-pages", type=int, default=1000)
    parser.add_argument("--baseline-articles", type=int, default=10)
    args = parser.parse_args()
    pages = sorted(args.corpus.glob("*.html"))
    if args.pages:
        pages = pages[: args.pages]
    if not pages:
        sys.exit(f"no pages in {args.corpus}")

    print(f"validate: {len(pages)} corpus pages from {args.corpus}")
    articles = corpus_articles(pages)
    print(f"\n1. checks per article ({', '.join(CHECKS)}), {len(articles)} articles")
    report("ours: schema.org + google + consistency", timed(checks, articles), 0.002)
    some = articles[: args.baseline_articles]
    if some:  # --baseline-articles 0: the smoke test skips pyshacl's seconds of start-up
        shacl = timed(lambda d: checks(d, ("shacl",)), some)
        report("baseline: pyshacl, schema.org's shapes", shacl)
        news = timed(lambda d: checks(d, ("shacl-news",)), some)
        report("ours, SHACL: shacl-news shapes", news)

    from jsonld_news import validate_page

    print(f"\n2. a page, extraction included, {len(pages)} pages")
    datas = [path.read_bytes() for path in pages]
    report("ours: validate_page", timed(lambda d: validate_page(d, name="page"), datas), 0.015)
    report("baseline: extruct.extract + the same checks", timed(baseline_page, datas))

    print(f"\n3. a site of {args.site_pages:,} pages generated from the corpus (wall time)")
    folder = Path(tempfile.mkdtemp(prefix="bench-validate-"))
    try:
        generate_site(pages, args.site_pages, folder)
        for jobs in (1, 2):
            before = _cpu()
            start = time.perf_counter()
            site = validate_site(folder, jobs=jobs)
            elapsed = time.perf_counter() - start
            cpu = _cpu() - before
            goal = "   target < 60 s for 1,000 pages" if jobs == 2 else ""
            print(
                f"  -j {jobs}: {elapsed:6.1f} s wall, {cpu:6.1f} s CPU (this process and its "
                f"workers)  {len(site.pages) / elapsed:6.1f} pages/s, "
                f"{site.count('error'):,} errors, {len(site.failures)} unusable{goal}"
            )
        load = os.getloadavg()[0]
        print(f"  load average {load:.1f} on {os.cpu_count()} cores (wall time counts it)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
