"""Batch conversion at archive scale: JSON Lines and WARC in, errors.jsonl, the summary, resume
after a real kill, shards, progress, ``load`` from the same stream. Real processes, real files."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jsonld_news import Options, convert_many, load_paths, open_store
from jsonld_news.batch import (
    available_cpus,
    claimed_items,
    process_map,
)
from jsonld_news.cli import app
from jsonld_news.jsonld import plain
from jsonld_news.progress import Progress
from jsonld_news.readers.html import decode_html
from jsonld_news.sources import Counts, Document
from tests import warcs

runner = CliRunner()
FAST = Options(recognize_entities=False, detect_language=False)
MANIFEST = ".jsonld-news-manifest.jsonl"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def article_line(i: int) -> str:
    """An own-JSON article whose text differs from every other line's."""
    return json.dumps(
        {
            "headline": f"Council {i} passes the budget for year {2000 + i % 30}",
            "datePublished": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "url": f"https://news.example/{i}",
            "articleBody": f"The council of district {i} passed its budget of {i * 7} euros "
            f"on Tuesday, after {i % 9 + 2} hours of debate.",
        }
    )


def write_export(path: Path, count: int, bad: tuple[int, ...] = ()) -> Path:
    lines = ["{oops" if i in bad else article_line(i) for i in range(1, count + 1)]
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data, mtime=0) if path.name.endswith(".gz") else data)
    return path


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` but the manifest, by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MANIFEST
    }


CAFE = (
    "<html><head><title>Café reopens after the flood</title></head><body><article>"
    "<h1>Café reopens after the flood</h1>"
    + "<p>The café on the market square reopened on Monday, three weeks after the flood. "
    "Its owner thanked the neighbours who had helped to clear the mud.</p>"
    * 3
    + "</article></body></html>"
).encode("latin-1")


def crawl_records() -> list[warcs.Record]:
    return [
        warcs.warcinfo(),
        warcs.http_request("https://news.example/cafe"),
        # the page declares no charset: the HTTP header's is the one to use
        warcs.http_response("https://news.example/cafe", CAFE, "text/html; charset=iso-8859-1"),
        warcs.metadata("https://news.example/cafe"),
        warcs.http_response("https://news.example/logo.png", b"\x89PNG" + bytes(32), "image/png"),
        warcs.revisit("https://news.example/cafe"),
        warcs.http_response(
            "https://news.example/gone", b"<html>gone</html>", status="404 Not Found"
        ),
        warcs.http_response("https://news.example/empty", b"<html><body></body></html>"),
    ]


# --------------------------------------------------------------------------- JSON Lines, WARC


@pytest.mark.parametrize("name", ["export.jsonl", "export.jsonl.gz"])
def test_jsonl_to_jsonld_and_nq(tmp_path: Path, name: str) -> None:
    export = write_export(tmp_path / name, 6, bad=(3,))
    out = tmp_path / "out"
    args = ("convert", str(export), "-o", f"{out}/", "--to", "jsonld,nq", "--no-mentions", "-q")
    code, _, err = run(*args)
    assert code == 1  # some failed
    names = sorted(tree(out))
    assert names == ["errors.jsonl"] + [
        f"export/{n:09d}{ext}" for n in (1, 2, 4, 5, 6) for ext in (".jsonld", ".nq")
    ]
    doc = json.loads((out / "export/000000004.jsonld").read_text())
    assert doc["headline"].startswith("Council 4 ")
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert errors == [
        {
            "input": str(export),
            "position": 3,
            "reason": "malformed JSON at column 2: Expecting property name enclosed in double quotes",
            "error_class": "MalformedInputError",
        }
    ]
    summary = err.strip().splitlines()[-2]
    assert summary.startswith(f"converted 5 article(s) into {out}/, 1 failed, 0 skipped, in ")
    assert summary.endswith("articles/s)")
    assert f"{export}:3: malformed JSON" in err
    first = tree(out)
    run(*args)  # the same input gives the same bytes every run
    assert tree(out) == first


def test_warc_pages_use_the_target_uri_and_the_http_charset(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    offsets = warcs.write_warc(crawl, crawl_records())
    out = tmp_path / "out"
    code, _, err = run("convert", str(crawl), "-o", str(out), "--no-mentions")
    assert code == 1  # the empty page failed; the other records are skipped, not failed
    cafe = plain(json.loads((out / f"crawl/{offsets[2]:09d}.jsonld").read_text()))
    assert cafe["headline"] == "Café reopens after the flood"  # iso-8859-1 from the HTTP header
    assert cafe["url"] == "https://news.example/cafe"
    assert "1 failed, 6 skipped" in err
    (error,) = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert error["position"] == offsets[7] and error["input"] == str(crawl)
    assert f"{crawl}@{offsets[7]}" in err


def test_an_all_failed_batch_exits_2(tmp_path: Path) -> None:
    export = tmp_path / "bad.jsonl"
    export.write_text("{oops\n[1]\n")
    code, _, err = run("convert", str(export), "-o", str(tmp_path / "out"), "-q")
    assert code == 2 and "converted 0 article(s)" in err and "2 failed" in err


def test_transport_charset_comes_after_the_page_declaration() -> None:
    page = "<html><head><title>Grüße</title></head><body>Grüße</body></html>"
    text, encoding, _ = decode_html(page.encode("latin-1"), "p", None, "iso-8859-1")
    assert "Grüße" in text and encoding == "cp1252"  # WHATWG: the latin-1 labels mean windows-1252
    russian = "<html><head><title>Привет</title></head><body>Привет, мир</body></html>"
    declared = russian.replace("<head>", '<head><meta charset="koi8-r">').encode("koi8-r")
    _, encoding, _ = decode_html(declared, "p", None, "iso-8859-1")
    assert encoding == "koi8-r"  # the page's own declaration wins
    _, encoding, notes = decode_html(page.encode("latin-1"), "p", None, "no-such-charset")
    assert notes and "detected" in notes[0]  # an unknown HTTP charset: detection, as before


def test_key_clashes_across_arguments_are_numbered_in_argument_order(tmp_path: Path) -> None:
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.md").write_text(f"# Story from {folder}\n\nText of {folder}.\n")
    out = tmp_path / "out"
    inputs = [tmp_path / "a", tmp_path / "b", tmp_path / "c"]
    result = convert_many(inputs, out, options=FAST, workers=1)
    assert result.converted == 3
    assert sorted(tree(out)) == ["x.jsonld", "x~2.jsonld", "x~3.jsonld"]
    assert "Story from b" in (out / "x~2.jsonld").read_text()


# ----------------------------------------------------------------------------- streaming


def test_process_map_pulls_tasks_a_window_at_a_time() -> None:
    pulled = 0

    def tasks() -> Iterator[int]:
        nonlocal pulled
        for n in range(10**9):
            pulled = n + 1
            yield n

    for workers in (1, 2):
        pulled = 0
        results = process_map(abs, tasks(), workers, window=200)
        assert [next(results) for _ in range(10)] == list(range(10))
        results.close()
        assert pulled <= 2 * max(200, workers * 64)


def test_the_parent_does_not_hold_the_stream(tmp_path: Path) -> None:
    """The plumbing of a run (stream, keys, tasks, results) in bounded memory."""
    export = write_export(tmp_path / "export.jsonl", 40_000)

    def peak(limit: int) -> int:
        items = (item for n, item in enumerate(claimed_items([str(export)], Counts(), 1 << 20)) if n < limit)  # fmt: skip
        tracemalloc.start()
        for _ in process_map(len, (i.data for i in items if isinstance(i, Document)), 1):
            pass
        size = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return size

    small, large = peak(4_000), peak(40_000)
    assert large < small * 1.5 + 200_000, (small, large)


def test_jobs_default_to_the_cores_available() -> None:
    assert available_cpus() == len(os.sched_getaffinity(0))


# -------------------------------------------------------------------------------- shards


def test_shards_hold_the_articles_in_order(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.jsonl", 7, bad=(2,))
    flat, sharded = tmp_path / "flat", tmp_path / "sharded"
    convert_many([export], flat, ["nq"], options=FAST, workers=1)
    result = convert_many([export], sharded, ["nq", "jsonld"], options=FAST, shard_size=4)
    assert result.converted == 6 and result.failed == 1
    files = tree(sharded)
    assert [n for n in files if n.endswith(".nq")] == ["part-00000.nq", "part-00001.nq"]
    per_article = [v for k, v in tree(flat).items() if k.endswith(".nq")]
    assert files["part-00000.nq"] == b"".join(per_article[:4])
    assert files["part-00001.nq"] == b"".join(per_article[4:])
    assert len([n for n in files if n.endswith(".jsonld")]) == 6
    code, _, err = run("convert", str(export), "-o", str(tmp_path / "x"), "--shard-size", "2")
    assert code == 2 and "add nq" in err and err.count("\n") == 1


# ------------------------------------------------------------------------- resume, kills


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "jsonld_news", "convert", *args]


def _until(condition: Callable[[], bool], seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.01)
    return False


# Enough that a run stopped after 200 outputs is still far from done on a fast or idle machine.
ARTICLES = 1000


@pytest.fixture(scope="module")
def big_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """An export with failures in it, and the tree a clean run makes of it (jsonld + shards)."""
    folder = tmp_path_factory.mktemp("export")
    export = write_export(folder / "export.jsonl.gz", ARTICLES, bad=(7, 150, 333))
    clean = folder / "clean"
    args = [str(export), "-o", str(clean), "--to", "jsonld,nq", "--shard-size", "50"]
    done = subprocess.run(_cli(*args, "--no-mentions", "-j", "2", "-q"), capture_output=True)
    assert done.returncode == 1, done.stderr
    return export, tree(clean)


@pytest.mark.parametrize("outputs_before_kill", [0, 40, 200])
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_resume_after_a_kill_gives_the_clean_run_byte_for_byte(
    tmp_path: Path, big_export: tuple[Path, dict[str, bytes]], outputs_before_kill: int, how: int
) -> None:
    export, clean = big_export
    out = tmp_path / "out"
    args = [str(export), "-o", str(out), "--to", "jsonld,nq", "--shard-size", "50", "--no-mentions"]  # fmt: skip
    log = (tmp_path / "stderr").open("w")
    run_ = subprocess.Popen(
        _cli(*args, "-j", "2"),
        stdout=subprocess.DEVNULL,
        stderr=log,
        # Ctrl-C as on a terminal, even when this test runs where SIGINT is ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:

        def written() -> bool:  # the run has started (its manifest is there) and written so many
            manifest = (out / MANIFEST).exists()
            return manifest and len(list(out.glob("export/*.jsonld"))) >= outputs_before_kill

        assert _until(written, 60)
        assert run_.poll() is None, "the run ended before it could be stopped"
        run_.send_signal(how)
        code = run_.wait(timeout=60)
    finally:
        if run_.poll() is None:
            run_.kill()
            run_.wait()
        log.close()
    if how == signal.SIGINT:
        assert code == 130
        last = (tmp_path / "stderr").read_text().strip().splitlines()[-1]
        assert last == "jsonld-news: interrupted; finish the run with --resume"
        assert not [p for p in out.rglob("*.tmp")]  # stopped cleanly: nothing half-written
    else:
        assert code == -signal.SIGKILL
    assert tree(out) != clean
    resumed = subprocess.run(_cli(*args, "-j", "2", "--resume"), capture_output=True, text=True)
    assert resumed.returncode == 1, resumed.stderr
    assert tree(out) == clean  # no duplicates, no half files, the same bytes
    # a failure is reported once, in input order
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert [e["position"] for e in errors] == [7, 150, 333]


def test_resume_with_other_options_is_refused(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.jsonl", 3)
    out = tmp_path / "out"
    assert run("convert", str(export), "-o", str(out), "--no-mentions", "-q")[0] == 0
    code, _, err = run("convert", str(export), "-o", str(out), "--resume", "-q")
    assert code == 2 and err.count("\n") == 1
    assert "cannot resume" in err and "option recognize_entities was false, now true" in err
    code, _, err = run("convert", str(export), "-o", str(out), "--no-mentions", "--resume")
    assert code == 0 and "converted 3 article(s)" in err and "(3 done by an earlier run)" in err


# ------------------------------------------------------------------------------ progress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_plain_lines_a_bar_on_a_terminal_and_quiet(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.jsonl", 5)
    plain = io.StringIO()
    with Progress(stream=plain) as progress:
        progress._last -= 60  # the first update is due: a line every few seconds
        convert_many([export], tmp_path / "a", options=FAST, on_progress=progress.update)
    assert plain.getvalue().startswith("jsonld-news: converted 1 article(s), ")
    assert " read, " in plain.getvalue() and plain.getvalue().count("\n") == 1
    terminal = _Tty()
    with Progress(stream=terminal) as progress:
        convert_many([export], tmp_path / "b", options=FAST, on_progress=progress.update)
        progress._bar.refresh()
        assert "5 articles" in terminal.getvalue()
    quiet = _Tty()
    with Progress(stream=quiet, quiet=True) as progress:
        convert_many([export], tmp_path / "c", options=FAST, on_progress=progress.update)
    assert quiet.getvalue() == ""


# ---------------------------------------------------------------------------------- load


def test_load_reads_jsonl_and_warc(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.jsonl", 4, bad=(2,))
    crawl = tmp_path / "crawl.warc"
    warcs.write_warc(crawl, crawl_records())
    with open_store("memory:") as store:
        result = load_paths([export, crawl], store, FAST, workers=1)
        assert result.loaded == 4  # 3 lines and the café page
        assert result.failures[0].source == f"{export}:2"
        assert result.failed == 2  # the bad line and the empty page
        assert result.triples > 0


def test_load_shows_progress_and_quiet_silences_it(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.jsonl", 3)
    crawl = tmp_path / "crawl.warc"
    warcs.write_warc(crawl, crawl_records())
    plain = io.StringIO()
    with open_store("memory:") as store, Progress(stream=plain, verb="loading") as progress:
        progress._last -= 60  # the first update is due
        load_paths([export, crawl], store, FAST, workers=1, on_progress=progress.update)
    assert plain.getvalue().startswith("jsonld-news: loading 1 article(s), ")
    terminal = _Tty()
    tallies = []
    with open_store("memory:") as store, Progress(stream=terminal, verb="loading") as progress:

        def update(tally: Any) -> None:
            tallies.append((tally.done, tally.skipped))
            progress.update(tally)

        load_paths([export, crawl], store, FAST, workers=1, on_progress=update)
        progress._bar.refresh()
        assert "5 articles" in terminal.getvalue()
    assert tallies[-1] == (5, 6)  # 3 lines, 2 pages; 6 WARC records skipped, counted at the end
    code, _, err = run("load", str(export), str(crawl), "--store", "memory:", "-j", "1", "--no-mentions", "-q")  # fmt: skip
    assert code == 1  # the empty page failed
    lines = err.splitlines()
    assert [line for line in lines if "warning" in line] == []
    assert lines[-1].startswith("loaded 4 article(s), ") and ", 6 skipped, in " in lines[-1]


# ---------------------------------------------------------------------------------- dask


def test_dask_engine_matches_the_local_engine_byte_for_byte(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    export = write_export(tmp_path / "export.jsonl", 120, bad=(5, 77))
    trees = {}
    for engine in ("local", "dask"):
        out = tmp_path / engine
        args = [str(export), "-o", str(out), "--to", "jsonld,nq", "--shard-size", "25", "-q"]
        done = subprocess.run(
            _cli(*args, "--no-mentions", "-j", "2", "--engine", engine),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1, done.stderr  # 2 lines failed
        assert "converted 118 article(s)" in done.stderr
        trees[engine] = tree(out)
        manifest = (out / MANIFEST).read_text().replace(str(out), "OUT")
        trees[engine][MANIFEST] = manifest.encode()
    assert trees["dask"] == trees["local"]


def test_dask_engine_without_the_extra_is_one_line(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.jsonl", 2)
    block = (
        "import sys; sys.modules['distributed'] = None; from jsonld_news.cli import main; main()"
    )
    args = ["convert", str(export), "-o", str(tmp_path / "out"), "--engine", "dask"]
    done = subprocess.run(
        [sys.executable, "-c", block, *args], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert done.stderr == (
        "jsonld-news: error: --engine dask needs the dask extra: pip install 'jsonld-news[dask]'\n"
    )
    code, _, err = run(
        "convert", str(export), "-o", str(tmp_path / "o"), "--scheduler", "tcp://x:1"
    )
    assert code == 2 and err == "jsonld-news: error: --scheduler needs --engine dask\n"
    assert not (tmp_path / "o").exists()
