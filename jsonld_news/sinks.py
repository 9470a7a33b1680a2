"""Where outputs go. Files are written atomically: a reader never sees half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from jsonld_news.errors import OutputError


def write_atomic(path: str | Path, text: str | bytes | Iterable[str]) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename it into place.

    The file gets the mode any new file gets (0666 less the umask: 0644 under the usual 022),
    not the 0600 of a temporary file. An ``OSError`` becomes an ``OutputError`` naming ``path``.
    ``text`` may come in pieces (an iterable of strings), written as they come; ``bytes`` are
    written as they are (a page keeps its own encoding).
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise OutputError(str(path), exc) from None
    try:
        chmod_as_new_file(handle)
        if isinstance(text, bytes):
            with os.fdopen(handle, "wb") as binary:
                binary.write(text)
                binary.flush()
                os.fsync(binary.fileno())
            os.replace(temporary, path)
            return
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            if isinstance(text, str):
                stream.write(text)
            else:
                stream.writelines(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(str(path), exc) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def chmod_as_new_file(handle: int) -> None:
    """Give a temporary file the mode any new file gets (0666 less the umask), not 0600."""
    if hasattr(os, "fchmod"):
        os.fchmod(handle, 0o666 & ~current_umask())


def fsync_dir(folder: str | Path) -> None:
    """Flush a folder's entries (a rename into it) to disk."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - a platform without directory handles
        return
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def check_writable(folder: str | Path) -> None:
    """Create ``folder`` if need be and prove a file can be made in it: a batch that cannot
    write fails before converting anything."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".jsonld-news.", suffix=".tmp", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"{folder}/", exc) from None


def current_umask() -> int:
    """The process umask, read without changing it where the system says it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and restore (not thread-safe, but only here)
    os.umask(mask)
    return mask
