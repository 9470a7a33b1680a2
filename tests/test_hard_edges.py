"""Hard edges a new user hits: huge bodies, unwritable outputs, file modes, ambiguous -o and
--store values. Real read-only and full file systems where the machine lets us mount them,
and a simulated variant of each that always runs."""

from __future__ import annotations

import errno
import os
import pickle
import shutil
import stat
import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from jsonld_news import sinks
from jsonld_news.cli import app
from jsonld_news.errors import ConfigError, OutputError
from jsonld_news.jsonld import to_jsonld
from jsonld_news.model import Mention, count_words
from jsonld_news.options import Options
from jsonld_news.pipeline import convert_bytes
from jsonld_news.serialize import render
from jsonld_news.sinks import write_atomic
from jsonld_news.stores import open_store

from .conftest import EXAMPLES

INPUTS = EXAMPLES / "inputs"
SEED = INPUTS / "moscowtimes-scholz-putin.txt"
runner = CliRunner()


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _article(body_bytes: int) -> bytes:
    paragraph = (
        "The council said on Monday that officials in Berlin and Paris would meet next week "
        "to discuss energy prices, housing and the budget. " * 4
    )
    body = (paragraph + "\n\n") * (body_bytes // (len(paragraph) + 2) + 1)
    return (
        "Council Approves Budget After Long Debate\n\nNovember 15, 2024\n\n"
        f"{body[:body_bytes]}\n\nOriginal url: https://example.com/news/big\n"
    ).encode()


# --- huge bodies: bounded memory, bounded recognition, a size limit ---------------------------


@given(st.text(alphabet=st.sampled_from("ab \n\t\u00a0\u2003."), max_size=200))
def test_count_words_is_split_without_the_list(text: str) -> None:
    for chunk in (1, 3, 7, 1 << 16):
        assert count_words(text, chunk=chunk) == len(text.split())
    assert count_words(text, stop=2, chunk=3) >= min(2, len(text.split()))


def _peak(data: bytes, options: Options) -> int:
    """Peak Python allocation while converting and rendering compact JSON-LD."""
    tracemalloc.start()
    try:
        render(to_jsonld(convert_bytes(data, "big.txt", None, options)), "jsonld")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("mentions", [False, True])
def test_memory_grows_at_most_ten_times_the_input(mentions: bool) -> None:
    options = Options(recognize_entities=mentions)
    convert_bytes(SEED.read_bytes(), "warm", None, options)  # models and KB loaded once
    small, large = _article(500_000), _article(2_500_000)
    growth = _peak(large, options) - _peak(small, options)
    # Sizes compared, not time: the growth per input byte is what must stay under 10.
    assert growth <= 10 * (len(large) - len(small))


class _Recording:
    """A recogniser that finds nothing and remembers how much text it was handed."""

    def __init__(self) -> None:
        self.seen: list[int] = []

    def recognize(
        self, headline: str, body: str, *, language: str | None, base_iri: str
    ) -> list[Mention]:
        self.seen.append(len(body))
        return []


def test_recognition_is_capped_with_a_warning_naming_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recording = _Recording()
    monkeypatch.setattr("jsonld_news.enrich.mentions.recognizer_for", lambda options: recording)
    options = Options(max_recognized_chars=5_000)
    article = convert_bytes(_article(60_000), "big.txt", None, options)
    assert recording.seen and max(recording.seen) <= 5_000
    assert len(article.body) > 50_000  # the body itself is kept whole
    assert [w for w in article.warnings if "max_recognized_chars" in w]
    short = convert_bytes(_article(3_000), "short.txt", None, options)
    assert recording.seen[-1] == len(short.body)
    assert not [w for w in short.warnings if "max_recognized_chars" in w]
    off = convert_bytes(_article(60_000), "big.txt", None, Options(recognize_entities=False))
    assert not [w for w in off.warnings if "max_recognized_chars" in w]


def test_max_input_size_is_an_option_with_a_one_line_error(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(_article(5_000))
    code, _, err = run("convert", str(big), "--max-input-size", "2k", "--no-mentions")
    assert code == 2
    assert err.count("\n") == 1 and str(big) in err and "--max-input-size" in err
    code, _, err = run("convert", "-", "--max-input-size", "2k", stdin=big.read_bytes())
    assert code == 2 and "<stdin>" in err and err.count("\n") == 1
    assert run("convert", str(big), "--max-input-size", "1MiB", "--no-mentions")[0] == 0
    code, _, err = run("convert", str(big), "--max-input-size", "lots")
    assert code == 2 and "not a size" in err
    assert Options().max_input_bytes == 64 * 1024 * 1024


# --- unwritable outputs: one line, exit 2; a batch stops once ---------------------------------


@contextmanager
def _tmpfs(tmp_path: Path, options: str) -> Iterator[Path]:
    target = tmp_path / "mnt"
    target.mkdir()
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs Linux and mount(8)")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"this machine does not allow mounting a tmpfs: {mounted.stderr.strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", str(target)], check=False)


def _errors(err: str) -> str:
    """stderr without the article's warnings (an input naming no publisher says so)."""
    return "".join(line for line in err.splitlines(keepends=True) if ": warning: " not in line)


def _batch_folder(tmp_path: Path, copies: int = 3) -> Path:
    folder = tmp_path / "in"
    for n in range(copies):
        shutil.copytree(INPUTS, folder / str(n))
    return folder


def test_read_only_file_system_real(tmp_path: Path) -> None:
    folder = _batch_folder(tmp_path)
    with _tmpfs(tmp_path, "ro,size=1m") as mount:
        code, out, err = run("convert", str(SEED), "-o", str(mount / "a.jsonld"))
        assert (code, out) == (2, "")
        assert (
            _errors(err)
            == f"jsonld-news: error: {mount / 'a.jsonld'}: cannot write the output: read-only file system\n"
        )
        code, _, err = run("convert", str(folder), "-o", str(mount / "out"), "--no-mentions")
        assert code == 2 and err.count("\n") == 1 and "read-only file system" in err


def test_full_disk_real(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(_article(300_000))
    with _tmpfs(tmp_path, "size=64k") as mount:
        target = mount / "big.jsonld"
        code, _, err = run("convert", str(big), "-o", str(target), "--no-mentions")
        assert code == 2
        assert (
            _errors(err)
            == f"jsonld-news: error: {target}: cannot write the output: no space left on device\n"
        )
        assert list(mount.iterdir()) == []  # neither the output nor its temporary file
        folder = tmp_path / "many"
        for n in range(10):
            (folder / str(n)).mkdir(parents=True)
            shutil.copy(big, folder / str(n) / "big.txt")
        code, _, err = run("convert", str(folder), "-o", str(mount / "out"), "--no-mentions")
        assert code == 2 and err.count("\n") == 1 and "no space left on device" in err
        assert ".tmp" not in err


@pytest.mark.parametrize(
    ("code", "reason"),
    [(errno.EROFS, "read-only file system"), (errno.ENOSPC, "no space left on device")],
)
def test_unwritable_output_simulated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    def refuse(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("jsonld_news.sinks.os.fsync", refuse)
    target = tmp_path / "out" / "a.jsonld"
    exit_code, _, err = run("convert", str(SEED), "-o", str(target), "--no-mentions")
    assert exit_code == 2
    assert _errors(err) == f"jsonld-news: error: {target}: cannot write the output: {reason}\n"
    assert list(target.parent.iterdir()) == []  # the temporary file is gone too
    # A folder batch of 12 articles stops at the first output, with one line, in worker
    # processes too (forked: they inherit the patched fsync).
    folder = _batch_folder(tmp_path)
    for workers in ("1", "2"):
        out = tmp_path / f"batch-{workers}"
        args = ("convert", str(folder), "-o", str(out), "--no-mentions", "-j", workers)
        exit_code, _, err = run(*args)
        assert exit_code == 2 and err.count("\n") == 1 and reason in err


def test_output_error_names_the_output_and_says_whether_it_is_fatal(tmp_path: Path) -> None:
    error = OutputError("out/a.jsonld", OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    assert str(error) == "out/a.jsonld: cannot write the output: no space left on device"
    assert error.fatal
    assert not OutputError("x", OSError(errno.ENAMETOOLONG, "File name too long")).fatal
    assert str(pickle.loads(pickle.dumps(error))) == str(error)
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match=r"file/a\.jsonld"):
        write_atomic(tmp_path / "file" / "a.jsonld", "{}")  # its folder is a file


# --- file modes follow the umask ---------------------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_honour_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "a.jsonld", "{}")
        code, _, _ = run("convert", str(INPUTS), "-o", str(tmp_path / "out"), "--no-mentions")
    finally:
        os.umask(old)
    assert code == 0
    assert stat.S_IMODE((tmp_path / "a.jsonld").stat().st_mode) == mode
    modes = {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "out").iterdir()}
    assert modes == {mode}


@pytest.fixture(params=["unnamed", "renamed"])
def write_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways write_atomic writes: Linux's unnamed files, and the portable temporary file."""
    if request.param == "unnamed" and not sinks._UNNAMED:
        pytest.skip("no O_TMPFILE or /proc on this system")
    if request.param == "renamed":
        monkeypatch.setattr(sinks, "_UNNAMED", False)
    return str(request.param)


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_both_write_paths_honour_the_umask(
    tmp_path: Path, write_path: str, umask: int, mode: int
) -> None:
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "a.jsonld", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.jsonld").stat().st_mode) == mode


def test_both_write_paths_replace_and_leave_no_temporary_file(
    tmp_path: Path, write_path: str
) -> None:
    target = tmp_path / "deep" / "a.ttl"
    write_atomic(target, "old\n")
    write_atomic(target, ["new ", "in pieces\n"])  # replacing an existing file
    assert target.read_text() == "new in pieces\n"
    write_atomic(target, b"\xef\xbb\xbfbytes as they are")
    assert target.read_bytes() == b"\xef\xbb\xbfbytes as they are"
    shutil.rmtree(tmp_path / "deep")  # a folder removed after it was made is made again
    write_atomic(target, "again")
    assert target.read_text() == "again"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.ttl"]


def test_a_failed_write_leaves_nothing(tmp_path: Path, write_path: str) -> None:
    def pieces() -> Iterator[str]:
        yield "half of it"
        raise RuntimeError("the renderer failed")

    with pytest.raises(RuntimeError):
        write_atomic(tmp_path / "a.jsonld", pieces())
    assert list(tmp_path.iterdir()) == []


def test_sync_file_system_flushes_the_folder_disk_or_falls_back(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.jsonld", "{}", durable=False)
    sinks.sync_file_system(tmp_path)  # syncfs here
    sinks.sync_file_system(tmp_path / "missing")  # no folder to open: os.sync, no error


# --- what -o and --store mean --------------------------------------------------------------------


def test_batch_output_that_names_a_file_is_refused(tmp_path: Path) -> None:
    council = INPUTS / "council-budget.json"
    target = tmp_path / "x.jsonld"
    code, _, err = run("convert", str(SEED), str(council), "-o", str(target), "--no-mentions")
    assert code == 2 and err.count("\n") == 1 and "names a file" in err
    assert not target.exists()
    code, _, _ = run("convert", str(SEED), str(council), "-o", f"{target}/", "--no-mentions")
    outputs = [p for p in target.iterdir() if not p.name.startswith(".")]
    assert code == 0 and target.is_dir() and len(outputs) == 2
    plain = tmp_path / "plain"  # no format suffix: a folder
    code, _, _ = run("convert", str(SEED), "--to", "jsonld,nt", "-o", str(plain), "--no-mentions")
    assert code == 0 and len([p for p in plain.iterdir() if not p.name.startswith(".")]) == 2
    one = tmp_path / "one"  # one input, a name ending with "/": a folder, not a file
    code, _, _ = run("convert", str(SEED), "-o", f"{one}/", "--no-mentions")
    names = [p.name for p in one.iterdir() if not p.name.startswith(".")]
    assert code == 0 and names == ["moscowtimes-scholz-putin.jsonld"]


def test_store_without_colon_is_refused() -> None:
    for spec in ("oxigraph", "memory"):
        with pytest.raises(ConfigError, match="oxigraph:PATH"):
            open_store(spec)
    code, _, err = run("load", str(SEED), "--store", "oxigraph", "--no-mentions")
    assert code == 2 and err.count("\n") == 1 and "oxigraph:PATH" in err
    code, _, err = run("load", str(SEED), "--store", "oxigraph:", "--no-mentions")
    assert code == 0 and "in memory: discarded" in err


def test_convert_many_refuses_a_folder_named_like_a_file(tmp_path: Path) -> None:
    from jsonld_news import convert_many

    with pytest.raises(ConfigError, match="names a file"):
        convert_many([INPUTS], tmp_path / "x.jsonld", options=Options(recognize_entities=False))
    assert not (tmp_path / "x.jsonld").exists()
    result = convert_many(
        [INPUTS], f"{tmp_path / 'x.jsonld'}/", options=Options(recognize_entities=False)
    )
    assert result.ok and (tmp_path / "x.jsonld").is_dir()
