"""Many inputs to many outputs. One bad document never stops or corrupts the others: each
failure is recorded with its source and reason, and every output file is written atomically."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from jsonld_news.errors import ConfigError, JsonldNewsError, OutputError
from jsonld_news.jsonld import to_jsonld
from jsonld_news.options import Options
from jsonld_news.pipeline import convert_bytes, read_file
from jsonld_news.serialize import EXTENSIONS, output_format, render_all
from jsonld_news.sinks import check_writable, write_atomic
from jsonld_news.validate.schema import is_valid

Task = TypeVar("Task")
Result = TypeVar("Result")

INPUT_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".markdown", ".json", ".ninjs", ".html", ".htm"}
)


@dataclass(slots=True)
class Outcome:
    source: str
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    fatal: OutputError | None = None  # an output failure every later article would share


@dataclass(slots=True)
class BatchResult:
    converted: list[Outcome] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


# A name with one of these suffixes is a file, unless it is a folder already or ends with "/".
FILE_SUFFIXES = frozenset({Path(f"x{e}").suffix for e in EXTENSIONS.values()} | {".json"})


def check_output_folder(out_dir: str | Path) -> None:
    """Refuse a batch folder named like a file (``-o x.jsonld`` for two inputs), which would
    otherwise quietly become a folder called ``x.jsonld``. ``x.jsonld/`` says "folder"."""
    text = str(out_dir)
    if text.endswith(("/", os.sep)) or Path(text).is_dir():
        return
    if Path(text).suffix.lower() in FILE_SUFFIXES:
        raise ConfigError(
            f"{text}: several inputs or formats need an output folder, and this names a file "
            "(use an existing folder, or end the name with '/')"
        )


def collect_inputs(paths: Iterable[Path]) -> list[tuple[Path, Path]]:
    """(file, path relative to the folder it was found in); folders are walked recursively."""
    found: list[tuple[Path, Path]] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                hidden = any(part.startswith(".") for part in relative.parts)
                if child.is_file() and child.suffix.lower() in INPUT_SUFFIXES and not hidden:
                    found.append((child, relative))
        else:
            found.append((path, Path(path.name)))
    return found


def plan_outputs(
    inputs: Sequence[tuple[Path, Path]], out_dir: Path, formats: Sequence[str]
) -> list[dict[str, Path]]:
    """Output paths per input; ``a.txt`` and ``a.md`` both present keep their suffix in the name."""
    stems = [rel.with_suffix("") for _, rel in inputs]
    clashes = {stem for stem, n in Counter(stems).items() if n > 1}
    plans: list[dict[str, Path]] = []
    for (_, rel), stem in zip(inputs, stems, strict=True):
        base = rel if stem in clashes else stem
        plans.append({f: out_dir / f"{base}{EXTENSIONS[f]}" for f in formats})
    return plans


def _convert_one(
    task: tuple[str, dict[str, str], str | None, Options],
) -> Outcome:
    source, targets, input_format, options = task
    outcome = Outcome(source)
    try:
        article = convert_bytes(read_file(source, options), source, input_format, options)
        doc = to_jsonld(article)
        rendered = render_all(doc, targets)  # render all before writing any
        for fmt, target in targets.items():
            write_atomic(target, rendered[fmt])
            outcome.outputs.append(target)
        outcome.warnings.extend(article.warnings)
        if not is_valid(doc):
            outcome.warnings.append("output does not validate against newsarticle.schema.json")
    except OutputError as exc:
        outcome.error = str(exc)
        outcome.fatal = exc if exc.fatal else None
    except JsonldNewsError as exc:
        outcome.error = str(exc)
    except Exception as exc:
        outcome.error = f"{source}: internal error: {type(exc).__name__}: {exc}"
    return outcome


def convert_many(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    formats: Sequence[str] = ("jsonld",),
    *,
    input_format: str | None = None,
    options: Options | None = None,
    workers: int = 1,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> BatchResult:
    """Convert every input (files, or folders walked recursively) into ``out_dir``.

    An output that cannot be written because of the file system (read-only, full, no
    permission) raises ``OutputError`` once and stops the batch: every later article would fail
    the same way. Outputs written before it stay; other failures are recorded per article.
    """
    options = options or Options()
    formats = [output_format(f) for f in formats]
    check_output_folder(out_dir)
    check_writable(out_dir)
    inputs = collect_inputs(Path(p) for p in paths)
    plans = plan_outputs(inputs, Path(out_dir), formats)
    tasks = [
        (str(path), {f: str(t) for f, t in plan.items()}, input_format, options)
        for (path, _), plan in zip(inputs, plans, strict=True)
    ]
    result = BatchResult()
    # closing(): whatever ends the loop early also ends the workers, before the error goes up.
    with closing(process_map(_convert_one, tasks, workers)) as outcomes:
        for outcome in outcomes:
            if outcome.fatal is not None:
                raise outcome.fatal
            (result.failed if outcome.error else result.converted).append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
    return result


def process_map(
    function: Callable[[Task], Result], tasks: Sequence[Task], workers: int, window: int = 1000
) -> Generator[Result, None, None]:
    """``map(function, tasks)`` in ``workers`` processes, results in task order.

    Tasks go to the pool a window at a time, one window converted ahead of the one being
    consumed, so a million inputs never wait in memory as a million results. Workers die with
    this process: killed outright (see ``_watch_parent``), or terminated here when the caller
    stops early (an exception, SIGTERM turned into one by the CLI, a closed generator).
    """
    workers = max(1, min(workers, os.cpu_count() or 1, len(tasks) or 1))
    if workers == 1 or len(tasks) < 8:
        yield from map(function, tasks)
        return
    window = max(window, workers * 64)
    chunks = [tasks[i : i + window] for i in range(0, len(tasks), window)]
    chunksize = max(1, min(64, window // (workers * 8)))
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=_watch_parent, initargs=(os.getpid(),)
    )
    finished = False
    try:
        ahead = pool.map(function, chunks[0], chunksize=chunksize)
        for chunk in chunks[1:]:
            current, ahead = ahead, pool.map(function, chunk, chunksize=chunksize)
            yield from current
        yield from ahead
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers now, without waiting for their tasks."""
    # The executor offers no public way to end running workers before Python 3.14.
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    for worker in workers:
        worker.join(timeout=5)


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _watch_parent(parent: int) -> None:
    """Worker start-up: make sure this worker never outlives the process that started it.

    On Linux the kernel sends SIGKILL when the parent dies (``prctl(PR_SET_PDEATHSIG)``);
    elsewhere, and as a second guard, a daemon thread checks every half second whether the
    worker has been handed to another parent. Ctrl-C is left to the parent, which stops the
    workers itself.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the CLI's handler, inherited by fork
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watchdog below still runs
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="jsonld-news-parent-watch", daemon=True).start()
