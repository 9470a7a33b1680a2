"""Progress of a batch on stderr, for the CLI: a rich bar on a terminal (count, rate, ETA; bytes
read when the number of articles is not known up front), one plain line every few seconds
otherwise, nothing with ``--quiet``. Messages go through ``message`` so they print above a bar."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Protocol, Self, TextIO

PLAIN_EVERY = 5.0  # seconds between plain lines


class Snapshot(Protocol):
    """What a run has done so far (``BatchResult`` is one)."""

    @property
    def done(self) -> int: ...
    @property
    def rate(self) -> float: ...

    bytes_read: int
    total_bytes: int | None
    elapsed: float


@dataclass(slots=True)
class Tally:
    """A running count of a run that keeps no ``BatchResult`` (``load_paths``): a ``Snapshot``."""

    done: int = 0
    skipped: int = 0
    bytes_read: int = 0
    total_bytes: int | None = None
    elapsed: float = 0.0
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    def advance(self, done: int, bytes_read: int) -> None:
        self.done, self.bytes_read = done, bytes_read
        self.elapsed = time.monotonic() - self.started


def _size(count: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return f"{count:.1f} GB"  # pragma: no cover


class Progress:
    """``with Progress(quiet=...) as progress: ... progress.update(result)``."""

    def __init__(self, *, quiet: bool = False, stream: TextIO | None = None, verb: str = "converted") -> None:  # fmt: skip
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.verb = verb
        self.terminal = not quiet and self.stream.isatty()
        self._bar: Any = None
        self._task: Any = None
        self._last = time.monotonic()

    def __enter__(self) -> Self:
        if self.terminal:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                DownloadColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar

            self._bar = Bar(
                TextColumn("{task.description}"),
                BarColumn(),
                DownloadColumn(),
                TextColumn("{task.fields[articles]} articles, {task.fields[rate]}/s"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task(self.verb, total=None, articles=0, rate="0")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, traceback)
            self._bar = None

    def message(self, text: str) -> None:
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            print(text, file=self.stream, flush=True)

    def update(self, snapshot: Snapshot) -> None:
        if self.quiet:
            return
        if self._bar is not None:
            # the bar follows bytes read against the inputs' size: articles are not known up front
            self._bar.update(
                self._task,
                completed=snapshot.bytes_read,
                total=snapshot.total_bytes,
                articles=f"{snapshot.done:,}",
                rate=f"{snapshot.rate:,.0f}",
            )
            return
        now = time.monotonic()
        if now - self._last >= PLAIN_EVERY:
            self._last = now
            self.message(self.line(snapshot))

    def line(self, snapshot: Snapshot) -> str:
        read = _size(snapshot.bytes_read)
        if snapshot.total_bytes:
            share = 100 * snapshot.bytes_read / snapshot.total_bytes
            read = f"{read} of {_size(snapshot.total_bytes)} ({share:.0f}%)"
        return (
            f"jsonld-news: {self.verb} {snapshot.done:,} article(s), {snapshot.rate:,.0f}/s, "
            f"{read} read, {snapshot.elapsed:.0f} s"
        )
