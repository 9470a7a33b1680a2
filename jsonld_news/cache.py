"""A per-user cache folder for derived data that is slow to make and cheap to map.

What goes here is always rebuilt from files the installation ships (py3langid's compressed
model, the starter KB), never fetched: deleting the folder only costs one slow start.

``JSONLD_NEWS_CACHE`` names the folder; otherwise ``$XDG_CACHE_HOME/jsonld-news`` or
``~/.cache/jsonld-news``. ``JSONLD_NEWS_CACHE=`` (empty) turns caching off. When the folder
cannot be created or written, callers build in memory as if there were no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO

ENV = "JSONLD_NEWS_CACHE"


def cache_dir() -> Path | None:
    """The cache folder (created, private to the user), or ``None`` when there is none."""
    configured = os.environ.get(ENV)
    if configured is not None:
        if not configured.strip():
            return None
        folder = Path(configured)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base) / "jsonld-news"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK | os.X_OK) else None


def cache_path(stem: str, source: Path, suffix: str) -> Path | None:
    """Where the data derived from ``source`` lives: one file per source path, so checkouts and
    virtual environments side by side do not overwrite each other's files."""
    folder = cache_dir()
    if folder is None:
        return None
    tag = hashlib.blake2b(str(source.resolve()).encode(), digest_size=6).hexdigest()
    return folder / f"{stem}-{tag}{suffix}"


def write_cache_file(path: Path, write: Callable[[IO[bytes]], None]) -> bool:
    """Write ``path`` atomically (temporary file, rename); ``False`` if the folder refuses."""
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    try:
        with open(tmp, "wb") as out:
            write(out)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False
    return True
