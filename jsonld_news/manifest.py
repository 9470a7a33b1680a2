"""What a batch run has finished, so a later run can resume it: ``out/.jsonld-news-manifest.jsonl``.

An append-only JSON Lines file. Its first line says what the run makes::

    {"jsonld-news-manifest": 1, "digest": "<sha256>", "formats": [...], "options": {...}, "inputs": [...]}

``digest`` is ``options_digest(formats, options)``: a SHA-256 of the canonical JSON of the sorted
output formats and the conversion options, given as a plain dict of JSON values (what
``Options`` holds, turned into names and values by the caller; never live objects). Then one
line per finished document, in the order they finish::

    {"key": "export/000001234", "outputs": ["out/export/000001234.jsonld"]}
    {"key": "export/000001235", "failed": {"input": ..., "position": ..., "reason": ..., "error_class": ...}}

A shard's documents (``record_shard``) are written together, then a line
``{"commit": SHARD, "documents": N}``; a reader keeps a shard's lines only when its commit line
follows them, so a kill leaves a shard wholly done or not at all.

A line is written only once the document's outputs are in place (each written atomically), so
a listed key never has a half-written output; a failed document is listed with its error so a
resumed run redoes nothing and ``errors.jsonl`` can be rebuilt exactly (``ErrorLog.resume``).
Lines are written and fsynced a batch at a time (``sync_every``, ``sync()``, ``close()``): a
kill loses at most the lines of the unsynced batch, whose documents the next run redoes and
writes again to the same names, byte for byte. A kill during a write can leave a torn last
line; opening the manifest cuts it off.

Resuming with other formats, options or inputs than the first run's is refused with
``ManifestMismatchError``, which names each difference. ``done(key)`` answers from 16 bytes a
key (two sorted arrays of a 128-bit BLAKE2b hash of each key finished by an earlier run), so a
resumed run of millions of documents does not hold their keys as strings. Keys recorded by this
run are not added: a stream never repeats a key.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TextIO

from jsonld_news.errors import JsonldNewsError
from jsonld_news.sinks import fsync_dir, write_atomic

MANIFEST_NAME = ".jsonld-news-manifest.jsonl"
ERRORS_NAME = "errors.jsonl"
VERSION = 1
_HEADER_KEY = "jsonld-news-manifest"


class ManifestError(JsonldNewsError):
    """A manifest that cannot be read or used: not a manifest, damaged, or unreadable."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class ManifestMismatchError(ManifestError):
    """``--resume`` with other formats, options or inputs than the run that wrote the manifest."""

    def __init__(self, path: str | Path, differences: list[str]) -> None:
        self.differences = differences
        super().__init__(
            path,
            "cannot resume: this run differs from the one that made this output folder: "
            + "; ".join(differences)
            + " (run without resuming to start over, or use another output folder)",
        )


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, tuples as lists; refuses values that are not plain JSON."""
    return json.dumps(_plain(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("option names must be strings")
        return {k: _plain(v) for k, v in value.items()}
    raise TypeError(f"not a plain JSON value: {type(value).__name__}")


def options_digest(formats: Iterable[str], options: Mapping[str, Any]) -> str:
    """A stable hash of what a run makes: the same formats and options give the same digest."""
    text = canonical_json({"formats": sorted(set(formats)), "options": options})
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _key_hash(key: str) -> tuple[int, int]:
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest()
    return int.from_bytes(digest[:8], "big"), int.from_bytes(digest[8:], "big")


class _KeySet:
    """Keys as 128-bit hashes in two parallel sorted arrays: 16 bytes a key."""

    def __init__(self, hashes: list[int]) -> None:
        hashes.sort()
        self._high = array("Q", (h >> 64 for h in hashes))
        self._low = array("Q", (h & 0xFFFFFFFFFFFFFFFF for h in hashes))

    def __len__(self) -> int:
        return len(self._high)

    def __contains__(self, key: str) -> bool:
        high, low = _key_hash(key)
        index = bisect.bisect_left(self._high, high)
        while index < len(self._high) and self._high[index] == high:
            if self._low[index] == low:
                return True
            index += 1
        return False


class _AppendLog:
    """A JSON Lines file appended to and fsynced on ``sync``; closed by ``close`` or ``with``."""

    _stream: TextIO

    def _write_pending(self) -> None:
        """Lines held back until the next sync (none here)."""

    def sync(self) -> None:
        """Write the pending lines and fsync them: after this, a kill loses none of them."""
        self._write_pending()
        self._stream.flush()
        os.fsync(self._stream.fileno())

    def close(self) -> None:
        if not self._stream.closed:
            self.sync()
            self._stream.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class Manifest(_AppendLog):
    """The manifest of one run in one output folder. Use ``Manifest.open``; close it (or ``with``)."""

    def __init__(self, path: Path, header: dict[str, Any], done: _KeySet, sync_every: int) -> None:
        self.path = path
        self.header = header
        self._done = done
        self._sync_every = max(1, sync_every)
        self._pending: list[str] = []
        self._stream = path.open("a", encoding="utf-8", newline="\n")

    @classmethod
    def open(
        cls,
        out_dir: str | Path,
        formats: Sequence[str],
        options: Mapping[str, Any],
        inputs: Sequence[str],
        *,
        resume: bool = False,
        sync_every: int = 1000,
    ) -> Manifest:
        """A new manifest (any old one replaced), or with ``resume`` the existing one, checked."""
        folder = Path(out_dir)
        path = folder / MANIFEST_NAME
        header: dict[str, Any] = {
            _HEADER_KEY: VERSION,
            "digest": options_digest(formats, options),
            "formats": sorted(set(formats)),
            "options": json.loads(canonical_json(options)),
            "inputs": [str(i) for i in inputs],
        }
        if resume and path.exists():
            old = _check_header(path, header)
            return cls(path, old, _load_done(path), sync_every)
        write_atomic(path, canonical_json(header) + "\n")
        fsync_dir(folder)
        return cls(path, header, _KeySet([]), sync_every)

    @property
    def resumed(self) -> int:
        """How many documents earlier runs finished."""
        return len(self._done)

    def done_keys(self) -> _KeySet:
        """The keys earlier runs finished, as ``done`` answers from them (picklable: 16 bytes a
        key, for workers that skip them themselves)."""
        return self._done

    def done(self, key: str) -> bool:
        """Did an earlier run of this output folder finish ``key`` (converted or failed)?"""
        return key in self._done

    def record(self, key: str, outputs: Sequence[str | Path]) -> None:
        """``key`` is converted and its ``outputs`` are in place."""
        self._append({"key": key, "outputs": [str(o) for o in outputs]})

    def record_shard(self, keys: Sequence[tuple[str, Sequence[str | Path]]], shard: str) -> None:
        """Every document of a shard at once: their lines, then a line committing the shard,
        written and fsynced together. Opening the manifest keeps a shard's lines only if its
        commit line is complete, so a kill never leaves half a shard's documents done (they
        would be redone into another shard: duplicates, and other bytes than a clean run)."""
        for key, outputs in keys:
            entry = {"key": key, "outputs": [*map(str, outputs), shard], "shard": shard}
            self._pending.append(canonical_json(entry) + "\n")
        self._pending.append(canonical_json({"commit": shard, "documents": len(keys)}) + "\n")
        self.sync()

    def record_failure(self, key: str, error: Mapping[str, Any]) -> None:
        """``key`` failed; ``error`` is its ``errors.jsonl`` entry (see ``error_entry``)."""
        self._append({"key": key, "failed": dict(error)})

    def _append(self, entry: dict[str, Any]) -> None:
        self._pending.append(canonical_json(entry) + "\n")
        if len(self._pending) >= self._sync_every:
            self.sync()

    # Called first by a sync with lines to write: makes durable what they vouch for (the
    # batch's outputs, written without an fsync each: ``sinks.sync_file_system``).
    before_sync: Callable[[], object] | None = None

    def sync(self) -> None:
        if self.before_sync is not None and self._pending:
            self.before_sync()
        super().sync()

    def _write_pending(self) -> None:
        if self._pending:
            self._stream.write("".join(self._pending))
            self._pending.clear()

    def entries(self) -> Iterator[dict[str, Any]]:
        """Every entry recorded so far (earlier runs' and this one's), in order, read from disk."""
        self.sync()
        return _entries(self.path)

    def failures(self) -> Iterator[dict[str, Any]]:
        """The ``errors.jsonl`` entries of every failure recorded so far, in order."""
        for entry in self.entries():
            failed = entry.get("failed")
            if isinstance(failed, dict):
                yield failed


def _check_header(path: Path, wanted: dict[str, Any]) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            first = stream.readline()
    except OSError as exc:
        raise ManifestError(path, f"cannot be read: {exc.strerror}") from None
    try:
        header = json.loads(first)
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get(_HEADER_KEY) != VERSION:
        raise ManifestError(path, "not a jsonld-news manifest (first line)")
    if header.get("digest") == wanted["digest"] and header.get("inputs") == wanted["inputs"]:
        return header
    differences: list[str] = []
    if header.get("formats") != wanted["formats"]:
        differences.append(_difference("formats", header.get("formats"), wanted["formats"]))
    old_options = header.get("options") or {}
    for name in sorted(set(old_options) | set(wanted["options"])):
        before, now = old_options.get(name), wanted["options"].get(name)
        if before != now:
            differences.append(_difference(f"option {name}", before, now))
    if header.get("inputs") != wanted["inputs"]:
        differences.append(_difference("inputs", header.get("inputs"), wanted["inputs"]))
    if not differences:  # same values, other digest: a manifest from another version
        differences.append("options digest differs")
    raise ManifestMismatchError(path, differences)


def _difference(what: str, before: Any, now: Any) -> str:
    return f"{what} was {canonical_json(before)}, now {canonical_json(now)}"


def _load_done(path: Path) -> _KeySet:
    """Hash every finished key; cut off a torn last line so appends start on a fresh line."""
    hashes: list[int] = []
    for entry in _entries(path, repair=True):
        key = entry.get("key")
        if isinstance(key, str):
            high, low = _key_hash(key)
            hashes.append(high << 64 | low)
    return _KeySet(hashes)


def _entries(path: Path, *, repair: bool = False) -> Iterator[dict[str, Any]]:
    """The entries after the header. A last line without its newline is torn: never complete."""
    with path.open("rb") as stream:
        stream.readline()
        number = 1
        good_end = stream.tell()
        held: list[dict[str, Any]] = []  # a shard's lines, until its commit line
        for line in stream:
            number += 1
            if not line.endswith(b"\n"):
                break
            try:
                entry = json.loads(line)
            except ValueError:
                raise ManifestError(path, f"line {number} is damaged") from None
            if not isinstance(entry, dict):
                continue
            if "shard" in entry and (not held or held[0]["shard"] == entry["shard"]):
                held.append(entry)
                continue
            if "commit" in entry:
                if held and held[0]["shard"] == entry["commit"]:
                    yield from held
                held = []
                good_end = stream.tell()
                continue
            held = []  # lines of a shard whose commit never came: not done
            good_end = stream.tell()
            yield entry
    if repair and good_end < path.stat().st_size:
        with path.open("r+b") as stream:
            stream.truncate(good_end)
            os.fsync(stream.fileno())


def error_entry(input: str, position: int | None, reason: str, error_class: str) -> dict[str, Any]:
    """One ``errors.jsonl`` object: the input, where in it (line or WARC offset), why, what kind."""
    return {"input": input, "position": position, "reason": reason, "error_class": error_class}


class ErrorLog(_AppendLog):
    """``out/errors.jsonl``: one JSON object a line (``error_entry``), appended as failures come."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stream = path.open("a", encoding="utf-8", newline="\n")
        self.count = 0  # lines in the log: those a resume rewrote, then those written

    @classmethod
    def create(cls, out_dir: str | Path) -> ErrorLog:
        """A new, empty log (an old one is replaced)."""
        return cls.resume(out_dir, ())

    @classmethod
    def resume(cls, out_dir: str | Path, earlier: Iterable[Mapping[str, Any]]) -> ErrorLog:
        """Rewrite the log as exactly ``earlier`` (``Manifest.failures()``), then append to it.

        A kill between a failure's log line and its manifest line leaves a log line the manifest
        does not know; the resumed run redoes that document, so the log is rebuilt, not trusted.
        """
        path = Path(out_dir) / ERRORS_NAME
        lines = [0]

        def pieces() -> Iterator[str]:
            for entry in earlier:
                lines[0] += 1
                yield canonical_json(entry) + "\n"

        write_atomic(path, pieces())
        log = cls(path)
        log.count = lines[0]
        return log

    def write(self, input: str, position: int | None, reason: str, error_class: str) -> None:
        self._stream.write(canonical_json(error_entry(input, position, reason, error_class)) + "\n")  # fmt: skip
        self.count += 1


def remove_partial_files(out_dir: str | Path) -> int:
    """Delete the temporary files an atomic write left when it was killed; how many.

    ``sinks.write_atomic`` and the shard writer write ``.<name>.<random>.tmp`` beside the target
    and rename it into place: such a file is never an output, only a write that did not finish.
    """
    removed = 0
    for folder, _, names in os.walk(out_dir):
        for name in names:
            if name.startswith(".") and name.endswith(".tmp"):
                Path(folder, name).unlink(missing_ok=True)
                removed += 1
    return removed
