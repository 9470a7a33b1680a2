"""Where outputs go. Files are written atomically: a reader never sees half a file."""

from __future__ import annotations

import errno
import os
import secrets
import tempfile
from collections.abc import Iterable
from pathlib import Path

from jsonld_news.errors import JsonldNewsError, OutputError


def write_atomic(
    path: str | Path, text: str | bytes | Iterable[str], *, durable: bool = True
) -> None:
    """Write ``path`` so that no reader ever sees half of it: the whole file appears at once.

    On Linux the file is written unnamed (``O_TMPFILE``) and linked into its folder when
    complete: one change to the folder, where a named temporary file and its rename take two
    (and two workers writing into one folder wait on its lock for each), and a kill leaves no
    temporary file behind. Replacing a file links a temporary name and renames it over. Where
    the system or file system has no unnamed files, a temporary file beside ``path`` is written
    and renamed into place.

    ``durable=False`` leaves the flush to disk to the caller (the batch's one ``sync_file_system`` before
    its manifest records the file): a kill still never leaves half a file, a power cut may.

    The file gets the mode any new file gets (0666 less the umask: 0644 under the usual 022),
    not the 0600 of a temporary file. An ``OSError`` becomes an ``OutputError`` naming ``path``.
    ``text`` may come in pieces (an iterable of strings), written as they come; ``bytes`` are
    written as they are (a page keeps its own encoding).

    ``path`` may be an fsspec URL (``s3://...``, ``memory://...``; ``file://`` is a local path):
    the text is then uploaded whole, in one put (see ``storage`` for what atomic means there).
    """
    if isinstance(path, str) and "://" in path:
        from jsonld_news import storage

        if storage.is_remote(path):
            _put_atomic(path, text)
            return
        path = storage.local_name(path)
    path = Path(path)
    try:
        _make_folder(path.parent)
        handle = _open_unnamed(path.parent)
    except OSError as exc:
        raise OutputError(str(path), exc) from None
    if handle is None:
        _write_renamed(path, text, durable)
        return
    try:
        _write_handle(handle, text, durable)
        _link_into_place(handle, path)
    except OSError as exc:
        raise OutputError(str(path), exc) from None
    finally:
        os.close(handle)  # unlinked and unnamed: the kernel frees it if it was never linked


# Folders this process has made or found. mkdir of an existing folder still locks its parent,
# once per file in a batch: made once, remembered (a folder removed meanwhile is made again).
_FOLDERS: set[str] = set()
# Linux's unnamed files, linked in through /proc (linkat with AT_EMPTY_PATH needs a privilege)
_UNNAMED = hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd")
_NO_UNNAMED = (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL)  # a file system without them


def _make_folder(folder: Path) -> None:
    key = str(folder)
    if key not in _FOLDERS:
        folder.mkdir(parents=True, exist_ok=True)
        _FOLDERS.add(key)


def _open_unnamed(folder: Path) -> int | None:
    """An unnamed file in ``folder``, open for writing; None where there are none."""
    if not _UNNAMED:
        return None
    flags = os.O_TMPFILE | os.O_WRONLY | os.O_CLOEXEC
    try:
        return os.open(folder, flags, 0o666)  # the umask applies, as to any new file
    except FileNotFoundError:  # the folder was removed since it was made: make it again
        _FOLDERS.discard(str(folder))
        _make_folder(folder)
        return os.open(folder, flags, 0o666)
    except OSError as exc:
        if exc.errno in _NO_UNNAMED:
            return None
        raise


def _write_handle(handle: int, text: str | bytes | Iterable[str], durable: bool) -> None:
    if isinstance(text, bytes):
        with os.fdopen(handle, "wb", closefd=False) as binary:
            binary.write(text)
    else:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n", closefd=False) as stream:
            if isinstance(text, str):
                stream.write(text)
            else:
                stream.writelines(text)
    if durable:
        os.fsync(handle)


def _link_into_place(handle: int, path: Path) -> None:
    source = f"/proc/self/fd/{handle}"
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        try:
            # dst_dir_fd makes Python call linkat with AT_SYMLINK_FOLLOW, as /proc needs
            os.link(source, path.name, dst_dir_fd=folder)
            return
        except FileExistsError:
            pass
        temporary = f".{path.name}.{secrets.token_hex(6)}.tmp"
        os.link(source, temporary, dst_dir_fd=folder)
        try:
            os.replace(temporary, path.name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            os.unlink(temporary, dir_fd=folder)
            raise
    finally:
        os.close(folder)


def _write_renamed(path: Path, text: str | bytes | Iterable[str], durable: bool) -> None:
    """The portable way: a named temporary file beside ``path``, renamed over it."""

    def temporary_file() -> tuple[int, str]:
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)

    try:
        try:
            handle, temporary = temporary_file()
        except FileNotFoundError:  # the folder was removed since it was made: make it again
            _FOLDERS.discard(str(path.parent))
            _make_folder(path.parent)
            handle, temporary = temporary_file()
    except OSError as exc:
        raise OutputError(str(path), exc) from None
    try:
        try:
            chmod_as_new_file(handle)
            _write_handle(handle, text, durable)
        finally:
            os.close(handle)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(str(path), exc) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _put_atomic(url: str, text: str | bytes | Iterable[str]) -> None:
    from jsonld_news import storage

    try:
        storage.put_text(url, text if isinstance(text, str | bytes) else "".join(text))
    except JsonldNewsError:
        raise
    except Exception as exc:  # OSError, or a backend's own (credentials, a refused request)
        raise OutputError(url, remote_error(exc)) from None


def remote_error(exc: BaseException) -> OSError:
    """An fsspec backend's error as an ``OSError`` with a message (many carry no strerror)."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc
    number = exc.errno if isinstance(exc, OSError) and exc.errno else errno.EIO
    return OSError(number, " ".join(str(exc).split()) or type(exc).__name__)


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


def sync_file_system(folder: str | Path) -> None:
    """Flush to disk every file written under ``folder``'s file system (Linux ``syncfs``), and
    only that one: ``os.sync`` would flush every disk of the machine, other programs' writes
    included. Elsewhere, or if it fails, ``os.sync``."""
    try:
        import ctypes

        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
        handle = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
    except (OSError, AttributeError):
        os.sync()
        return
    try:
        if syncfs(handle) != 0:
            os.sync()
    finally:
        os.close(handle)


def check_writable(folder: str | Path) -> None:
    """Create ``folder`` if need be and prove a file can be made in it: a batch that cannot
    write fails before converting anything. A remote URL: its folder is made (where the store
    has folders) and a probe object written and removed."""
    if isinstance(folder, str) and "://" in folder:
        from jsonld_news import storage

        if storage.is_remote(folder):
            probe_url = storage.join(folder, ".jsonld-news.probe.tmp")
            _put_atomic(probe_url, "")
            try:
                storage.remove(probe_url)
            except Exception as exc:
                raise OutputError(probe_url, remote_error(exc)) from None
            return
        folder = storage.local_name(folder)
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
