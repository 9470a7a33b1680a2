"""Batch conversion at archive scale (issue 9): workers, memory, WARC pages/s.

(a) ``jsonld-news convert export.jsonl -j 2`` against ``-j 1`` on ``--articles`` generated JSON
    articles (``tools/generate.py``; every line a different article), wall time of the whole CLI
    run, mentions on. Target: >= 1.8x, on the 20,000 articles the issue asks (``--articles``).
    Beside it, the machine's ceiling for the same work: the file split in two halves and two
    independent ``-j 1`` runs started at once (what ``split`` + ``parallel`` give a user).
(b) Peak RSS (VmHWM from /proc, sampled every 50 ms) of the CLI parent and of its largest
    worker, for a ``-j 2`` JSONL run at two sizes: flat means streaming. Also
    ``getrusage(RUSAGE_CHILDREN)``'s max, the largest process of the whole tree. The sizes
    are 1,000 and 100,000 (``--rss-sizes``); each row prints the time its run took.
(c) WARC: the pages of ``../shared/corpus/html`` as HTML responses in a WARC (``tests/warcs.py``),
    with request records between them. Ours: ``jsonld_news.sources`` reads the WARC, each page
    through ``convert_bytes`` -> JSON-LD -> rendered as the batch does. Naive: FastWARC over the
    same file, ``extruct.extract`` (our default syntaxes) + trafilatura ``bare_extraction`` per
    response, ``json.dumps`` of both. Entity recognition off on both sides (the naive side has
    none); ours with it on is printed beside. CPU time (the work is single-threaded); imports
    are warmed on a generated page that is not in the WARC, then a cold pass (the first over
    these records, each side in a fresh process of its own: they share dateparser's lazily
    compiled locale patterns) and a warm pass (the same records again) are printed per side.
(d) The Dask engine's cost: ``convert_many`` of the same generated JSON Lines (``--dask-articles``,
    mentions off, so the engine's share shows) with ``engine="local"`` and ``engine="dask"``
    (a LocalCluster of 2 processes started inside the call), wall time; the cluster's start and
    stop measured apart and taken off, so the per-article difference is the engine's own.

Generated inputs live in a temporary folder, never committed. Bounded: about 10 minutes on 2
shared cores (the 100,000-article row is most of it).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
CORPUS = ROOT.parent / "shared" / "corpus" / "html"
CLI = Path(sys.executable).with_name("jsonld-news")

from bench_html import DEFAULT_SYNTAXES, EXTRUCT_NAMES  # noqa: E402
from bench_warc import generated_page  # noqa: E402
from generate import json_article  # noqa: E402

from jsonld_news.batch import document_options  # noqa: E402
from jsonld_news.errors import JsonldNewsError  # noqa: E402
from jsonld_news.jsonld import to_jsonld  # noqa: E402
from jsonld_news.options import Options  # noqa: E402
from jsonld_news.pipeline import convert_bytes  # noqa: E402
from jsonld_news.serialize import render_all  # noqa: E402
from jsonld_news.sources import Document, iter_documents  # noqa: E402
from tests import warcs  # noqa: E402


def write_jsonl(path: Path, count: int, start: int = 0) -> None:
    with path.open("wb") as stream:
        for index in range(start, start + count):
            stream.write(json_article(index) + b"\n")


def _hwm_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    return found


TICKS = os.sysconf("SC_CLK_TCK")
CPU: dict[str, float] = {}  # of the last run_cli: parent and workers, CPU seconds


def _cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def run_cli(jsonl: Path, out: Path, workers: int) -> tuple[float, int, int]:
    """Wall seconds, parent's and largest worker's peak RSS (KiB) of one ``convert`` run; the
    CPU seconds of the parent and of all workers (last sampled, every 50 ms) go to ``CPU``."""
    argv = [str(CLI), "convert", str(jsonl), "-o", str(out), "-j", str(workers), "--quiet"]
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks: dict[int, int] = {}
    cpu_seen: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            for pid in [process.pid, *_children(process.pid)]:
                hwm = _hwm_kb(pid)
                if hwm is not None:
                    peaks[pid] = max(peaks.get(pid, 0), hwm)
                used = _cpu_seconds(pid)
                if used is not None:
                    cpu_seen[pid] = used
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"bench_batch: convert failed ({process.returncode}): {stderr[-500:]!r}")
    CPU["parent"] = cpu_seen.get(process.pid, 0.0)
    CPU["workers"] = sum(v for k, v in cpu_seen.items() if k != process.pid)
    parent = peaks.get(process.pid, 0)
    workers_peak = max((v for k, v in peaks.items() if k != process.pid), default=0)
    return seconds, parent, workers_peak


def speedup(folder: Path, count: int) -> None:
    jsonl = folder / "speed.jsonl"
    write_jsonl(jsonl, count)
    one, _, _ = run_cli(jsonl, folder / "out-j1", 1)
    cpu_one = CPU["parent"] + CPU["workers"]  # -j 1 converts in the parent
    two, _, _ = run_cli(jsonl, folder / "out-j2", 2)
    parent_two, workers_two = CPU["parent"], CPU["workers"]
    print(
        f"(a) -j 2 against -j 1, {count:,} generated JSON Lines articles, mentions on, wall time:"
    )
    print(
        f"    -j 1 {one:6.1f} s ({count / one:5.0f} articles/s)   -j 2 {two:6.1f} s"
        f" ({count / two:5.0f} articles/s)   ratio {one / two:4.2f}x (target >= 1.8x)"
    )
    # CPU time does not depend on what else runs on the box: what -j 2 would give on 2 free
    # cores, the parent and both workers sharing them
    bound = cpu_one / max((parent_two + workers_two) / 2, workers_two / 2, parent_two, 1e-9)
    print(
        f"    CPU: -j 1 {cpu_one:6.1f} s;  -j 2 parent {parent_two:5.1f} s"
        f" ({parent_two / count * 1000:.2f} ms an article: reading, sending, the manifest),"
        f" workers {workers_two:6.1f} s;  ratio on 2 free cores, from CPU time: {bound:4.2f}x"
    )
    # The ceiling of this machine for this work: what a user gets without our workers, by
    # splitting the file in two and running two independent -j 1 processes at once (`split`
    # + `parallel`): no parent, no pipes, no shared manifest. Its ratio is the most any -j 2
    # can reach here; on these 2 vCPUs two busy processes each run slower than one alone.
    halves = [folder / "half-0.jsonl", folder / "half-1.jsonl"]
    write_jsonl(halves[0], count // 2)
    write_jsonl(halves[1], count - count // 2, start=count // 2)
    start = time.perf_counter()
    runs = [
        subprocess.Popen(
            [str(CLI), "convert", str(half), "-o", str(folder / f"out-half-{i}"), "-j", "1",
             "--quiet"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        for i, half in enumerate(halves)
    ]  # fmt: skip
    if any(run.wait() != 0 for run in runs):
        raise SystemExit("bench_batch: a half run failed")
    split = time.perf_counter() - start
    print(
        f"    baseline, the file split in two and two independent -j 1 runs at once:"
        f" {split:6.1f} s ({count / split:5.0f} articles/s), ratio {one / split:4.2f}x:"
        f" this machine's ceiling; -j 2 reaches {split / two:.0%} of it"
    )


def memory(folder: Path, sizes: list[int]) -> None:
    print("(b) peak RSS of `convert export.jsonl -j 2` (VmHWM), parent and largest worker:")
    start = 10_000_000  # articles no other row of this run has seen
    for size in sizes:
        jsonl = folder / f"rss-{size}.jsonl"
        write_jsonl(jsonl, size, start)
        start += size
        seconds, parent, worker = run_cli(jsonl, folder / f"out-rss-{size}", 2)
        jsonl.unlink()
        print(
            f"    {size:7,} articles: parent {parent / 1024:6.1f} MiB   worker "
            + (f"{worker / 1024:6.1f} MiB" if worker else "none sampled (run too short)")
            + f"   ({seconds:.1f} s; target: worker <= 150 MiB, both flat)"
        )
    tree = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"    largest process of every run (getrusage RUSAGE_CHILDREN): {tree / 1024:.1f} MiB")


def dask_overhead(folder: Path, count: int) -> None:
    try:
        import distributed
    except ImportError:
        print("(d) Dask engine: distributed is not installed; row skipped")
        return
    from jsonld_news import convert_many

    jsonl = folder / "dask.jsonl"
    write_jsonl(jsonl, count, 20_000_000)
    fast = Options(recognize_entities=False)
    seconds: dict[str, float] = {}
    for engine in ("local", "dask"):
        start = time.perf_counter()
        result = convert_many([jsonl], folder / f"out-{engine}", options=fast, workers=2, engine=engine)  # fmt: skip
        seconds[engine] = time.perf_counter() - start
        assert result.converted == count, (engine, result.converted)
    start = time.perf_counter()
    cluster_class: Any = distributed.LocalCluster
    client_class: Any = distributed.Client
    cluster = cluster_class(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1")  # fmt: skip
    client_class(cluster).close()
    cluster.close()
    startup = time.perf_counter() - start
    extra = (seconds["dask"] - startup - seconds["local"]) / count * 1000
    print(f"(d) --engine dask against local, {count:,} generated JSON Lines articles, mentions off, 2 workers, wall:")  # fmt: skip
    print(
        f"    local {seconds['local']:5.1f} s ({count / seconds['local']:5.0f} articles/s)   dask"
        f" {seconds['dask']:5.1f} s ({count / seconds['dask']:5.0f} articles/s), of which"
        f" LocalCluster start + stop {startup:.1f} s   per article beyond start-up: {extra:+.3f} ms"
    )


def ours_pass(path: Path, options: Options) -> int:
    pages = 0
    for item in iter_documents([path]):
        if isinstance(item, Document):
            pages += 1
            try:
                article = convert_bytes(item.data, item.label, item.format, document_options(options, item))  # fmt: skip
            except JsonldNewsError:
                continue  # the batch records it as a failure; the work was done all the same
            render_all(to_jsonld(article), ["jsonld"])
    return pages


def naive_page(data: bytes) -> None:
    import extruct
    from trafilatura import bare_extraction

    found = extruct.extract(data, syntaxes=[EXTRUCT_NAMES[s] for s in DEFAULT_SYNTAXES], errors="ignore")  # fmt: skip
    text: Any = bare_extraction(data, with_metadata=True, include_links=True)
    json.dumps([found, text.as_dict() if hasattr(text, "as_dict") else text], default=str)


def naive_pass(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    pages = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream, auto_decode="all", strict_mode=False):
            if record.record_type != WarcRecordType.response or not record.is_http:
                continue
            if record.http_headers.status_code != 200:
                continue
            if (record.http_content_type or "").lower() != "text/html":
                continue
            naive_page(record.reader.read())
            pages += 1
    return pages


def cpu(function: object, *args: object) -> tuple[float, int]:
    start = time.process_time()
    pages = function(*args)  # type: ignore[operator]
    return time.process_time() - start, pages


def warc(folder: Path, corpus: Path) -> None:
    pages = sorted(corpus.glob("*.html")) if corpus.is_dir() else []
    if not pages:
        print(f"(c) WARC: no pages in {corpus}; row skipped")
        return
    path = folder / "corpus.warc.gz"
    warcs.write_warc(path, [warcs.warcinfo(), *warcs.corpus_records(pages)])
    warm = folder / "warm.warc.gz"
    uri = "https://news.example/warm-up"
    warcs.write_warc(warm, [warcs.http_response(uri, generated_page(0), "text/html; charset=utf-8")])  # fmt: skip
    fast, full = Options(recognize_entities=False), Options()
    # Cold: each side's first pass over these records, in a fresh process of its own (imports
    # warmed there on the page above): both sides go through trafilatura -> htmldate ->
    # dateparser, which compiles each locale's patterns the first time a date string is tried
    # against it, so a side measured after the other in one process would find that done.
    cold, count = _cold_pass("ours", path, warm)
    theirs_cold, naive_count = _cold_pass("naive", path, warm)
    ours_pass(warm, fast)
    ours_pass(warm, full)
    naive_pass(warm)
    ours_pass(path, fast)  # warm: the same records again, labelled so
    mine, _ = cpu(ours_pass, path, fast)
    naive_pass(path)
    theirs, _ = cpu(naive_pass, path)
    mine_ner, _ = cpu(ours_pass, path, full)
    assert count == naive_count == len(pages), (count, naive_count, len(pages))
    print(
        f"(c) WARC of the {count} pages of {corpus} ({path.stat().st_size:,} bytes, gzip per record), CPU time:"
    )
    for label, ours_s, naive_s in (("cold", cold, theirs_cold), ("warm", mine, theirs)):
        print(
            f"    {label}: ours {count / ours_s:6.1f} pages/s   naive extruct + trafilatura"
            f" {count / naive_s:6.1f} pages/s   ratio {naive_s / ours_s:4.1f}x"
        )
    print(f"    warm, ours with mentions: {count / mine_ner:6.1f} pages/s")


def _cold_pass(side: str, path: Path, warm: Path) -> tuple[float, int]:
    argv = [sys.executable, __file__, "--cold-pass", side, str(path), str(warm)]
    done = subprocess.run(argv, capture_output=True, text=True, check=True, timeout=600)
    seconds, pages = done.stdout.split()
    return float(seconds), int(pages)


def cold_pass_here(side: str, path: Path, warm: Path) -> None:
    fast = Options(recognize_entities=False)
    if side == "ours":
        ours_pass(warm, fast)
        seconds, pages = cpu(ours_pass, path, fast)
    else:
        naive_pass(warm)
        seconds, pages = cpu(naive_pass, path)
    print(seconds, pages)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--cold-pass"]:
        cold_pass_here(argv[1], Path(argv[2]), Path(argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=20_000, help="for -j 2 against -j 1")
    parser.add_argument("--rss-sizes", default="1000,100000", help="comma-separated article counts")
    parser.add_argument("--dask-articles", type=int, default=10_000, help="for (d); 0: skip")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.rss_sizes.split(",")]
    print(f"bench_batch: {os.cpu_count()} cores on this machine (shared)")
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        folder = Path(tmp)
        speedup(folder, args.articles)
        memory(folder, sizes)
        warc(folder, args.corpus)
        if args.dask_articles:
            dask_overhead(folder, args.dask_articles)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
