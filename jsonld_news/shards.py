"""N-Quads in shards for bulk loaders: ``out/part-00000.nq``, ``part-00001.nq``, ... of at most
``size`` articles each.

Articles go to a shard in the order they are added, so the same input order gives the same
shards, byte for byte. A shard is written to a temporary file beside it (``.part-00000.nq.<random>.tmp``),
article by article, never held in memory; when it is full, or at ``close()``, it is flushed,
fsynced and renamed into place, then the folder is fsynced. A reader never sees half a shard;
a killed run leaves at most one temporary file (``manifest.remove_partial_files`` removes it).

Resuming: record the keys of a shard's articles in the manifest only once ``add`` or ``close``
returns that shard (``Shard.keys``), and start the resumed writer at ``next_shard_index`` of the
manifest. The articles of a shard that was being written when the run died are then redone, in
the same order, into a shard of the same number: the same bytes as a clean run. The writer keeps
the keys of the open shard only, so its memory is bounded by ``size``, not by the run.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from jsonld_news.sinks import chmod_as_new_file, fsync_dir

SHARD_PREFIX = "part-"
SHARD_SUFFIX = ".nq"
_SHARD_NAME = re.compile(r"part-(\d{5,})\.nq")


def shard_name(index: int) -> str:
    return f"{SHARD_PREFIX}{index:05d}{SHARD_SUFFIX}"


@dataclass(frozen=True, slots=True)
class Shard:
    """A shard in place: its path, its number, and the keys of its articles in order."""

    path: Path
    index: int
    keys: tuple[str, ...]


class ShardWriter:
    """``add(key, nquads)`` article by article; ``close()`` at the end (or use ``with``)."""

    def __init__(self, out_dir: str | Path, size: int, *, start: int = 0) -> None:
        if size < 1:
            raise ValueError("a shard holds at least one article")
        self.folder = Path(out_dir)
        self.size = size
        self.index = start
        self._keys: list[str] = []
        self._stream: IO[str] | None = None
        self._temporary: Path | None = None

    def add(self, key: str, nquads: str) -> Shard | None:
        """Append one article's N-Quads; the finished shard when this article filled it."""
        if self._stream is None:
            self._open()
        assert self._stream is not None
        self._stream.write(nquads)
        if nquads and not nquads.endswith("\n"):
            self._stream.write("\n")
        self._keys.append(key)
        if len(self._keys) >= self.size:
            return self._finish()
        return None

    def close(self) -> Shard | None:
        """Put the last, partly filled shard in place; None when it holds no article."""
        if self._stream is None:
            return None
        return self._finish()

    def abort(self) -> None:
        """Drop the open shard (on an error or Ctrl-C): its articles were never recorded done."""
        if self._stream is not None:
            self._stream.close()
        if self._temporary is not None:
            self._temporary.unlink(missing_ok=True)
        self._stream, self._temporary, self._keys = None, None, []

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def _open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = shard_name(self.index)
        handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.folder)
        self._temporary = Path(temporary)
        chmod_as_new_file(handle)
        self._stream = os.fdopen(handle, "w", encoding="utf-8", newline="\n")

    def _finish(self) -> Shard:
        assert self._stream is not None and self._temporary is not None
        self._stream.flush()
        os.fsync(self._stream.fileno())
        self._stream.close()
        target = self.folder / shard_name(self.index)
        os.replace(self._temporary, target)
        fsync_dir(self.folder)
        shard = Shard(target, self.index, tuple(self._keys))
        self.index += 1
        self._stream, self._temporary, self._keys = None, None, []
        return shard


def next_shard_index(entries: Iterable[Mapping[str, Any]]) -> int:
    """The number of the next shard, given manifest entries (``Manifest.entries()``).

    One past the highest shard any entry lists among its outputs: a shard file on disk that no
    entry lists was renamed into place just before a kill and is written again, the same.
    """
    highest = -1
    for entry in entries:
        for output in entry.get("outputs") or ():
            match = _SHARD_NAME.fullmatch(Path(str(output)).name)
            if match:
                highest = max(highest, int(match.group(1)))
    return highest + 1
