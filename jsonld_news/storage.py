"""Where a batch reads and writes: local paths, or fsspec URLs (``s3://``, ``gs://``,
``memory://``, ``file://``...), so a Dask cluster without a shared disk can work.

A name with ``scheme://`` is a URL; ``file://`` URLs are local paths (everything local applies:
atomic renames, fsync, append). Any other scheme goes through fsspec, imported only when such a
URL is met (``import jsonld_news`` stays cheap), with the scheme's own package installed
(``s3fs``, ``gcsfs``...; fsspec itself comes with the ``dask`` extra).

What "atomic" means on a remote filesystem: an output is uploaded whole, in one put
(``pipe_file``/``put_file``), never appended to. On an object store (S3, GCS, Azure) an object
appears only once its upload completes, multipart uploads included, so a reader never sees
half an output: the same promise as a local rename. There is no rename or fsync there; a
killed run leaves no temporary objects, but what it had uploaded stays, and ``--resume`` writes
those names again with the same bytes. ``memory://`` is fsspec's in-memory filesystem: one per
process, so it is shared with no worker process (see ``batch.convert_many``).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")


def scheme(name: str) -> str | None:
    """``s3://b/k`` -> ``s3``; a plain path -> None. (A Windows drive ``C:\\`` has no ``//``.)"""
    match = _SCHEME.match(name)
    return match.group(1).lower() if match else None


def is_remote(name: str) -> bool:
    """A URL that fsspec must handle: any scheme but ``file``."""
    found = scheme(name)
    return found is not None and found not in ("file", "local")


def local_name(name: str) -> str:
    """``file:///tmp/x`` -> ``/tmp/x``; a plain path as it is."""
    if scheme(name) in ("file", "local"):
        parts = urlsplit(name)
        return unquote(parts.path) if parts.netloc in ("", "localhost") else unquote(name[7:])
    return name


def filesystem(url: str) -> tuple[Any, str]:
    """(fsspec filesystem, path in it) of a remote URL; ``ImportError`` becomes a one-line
    ``ConfigError`` naming what to install."""
    from jsonld_news.errors import ConfigError

    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise ConfigError(
            f"{url}: URLs need fsspec: pip install 'jsonld-news[dask]' (or fsspec)"
        ) from None
    try:
        fs, path = url_to_fs(url)
    except (ImportError, ValueError) as exc:
        raise ConfigError(f"{url}: {' '.join(str(exc).split())}") from None
    return fs, path


def join(folder: str, name: str) -> str:
    """``s3://b/out`` + ``a/x.jsonld`` -> ``s3://b/out/a/x.jsonld``."""
    return f"{folder.rstrip('/')}/{name}"


def shared_across_processes(url: str) -> bool:
    """Is what one process writes there seen by another? Not for ``memory://``."""
    return scheme(url) != "memory"


def put_text(url: str, text: str | bytes) -> None:
    """Upload ``text`` (bytes as they are) as the whole object at ``url`` (one put: see the
    module's "atomic")."""
    fs, path = filesystem(url)
    parent = path.rsplit("/", 1)[0] if "/" in path else ""
    if parent:
        fs.makedirs(parent, exist_ok=True)
    fs.pipe_file(path, text if isinstance(text, bytes) else text.encode("utf-8"))


def put_file(local: str, url: str) -> None:
    fs, path = filesystem(url)
    fs.put_file(local, path)


def get_file(url: str, local: str) -> bool:
    """Download ``url`` to ``local``; False when there is no such object."""
    fs, path = filesystem(url)
    if not fs.exists(path):
        return False
    fs.get_file(path, local)
    return True


def remove(url: str) -> None:
    fs, path = filesystem(url)
    if fs.exists(path):
        fs.rm_file(path)


__all__ = [
    "filesystem",
    "get_file",
    "is_remote",
    "join",
    "local_name",
    "put_file",
    "put_text",
    "remove",
    "scheme",
    "shared_across_processes",
]
