"""py3langid's language identifier, with its model decompressed once and memory-mapped after.

py3langid ships its model LZMA-compressed (4.5 MB) and decompresses it on every load: about a
second of each start. The first load here writes the decompressed arrays to the cache folder
(``jsonld_news.cache``, ~70 MB); later processes map that file and read only the pages a text
touches. The cache file is keyed by the model file's size and modification time and by the
py3langid version, and is rebuilt from the shipped model whenever one of them changes.
"""

from __future__ import annotations

import json
import mmap
import struct
from functools import cache
from pathlib import Path
from typing import IO, Any

from jsonld_news.cache import cache_path, write_cache_file

_MAGIC = b"JNLANG01"
_HEADER = struct.Struct("<8sQ")  # magic, length of the JSON description that follows
_ALIGN = 16

# How many times the compressed model was decompressed in this process (tests count it).
decompressions = 0


def _model_file() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(MODEL_DIR) / str(MODEL_FILE)


def _key(model: Path) -> dict[str, Any]:
    from importlib.metadata import version

    stat = model.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "py3langid": version("py3langid")}


@cache
def identifier() -> Any:
    """The ``py3langid`` ``LanguageIdentifier`` with normalised probabilities, built once."""
    from py3langid.langid import LanguageIdentifier

    model = _model_file()
    key = _key(model)
    path = cache_path("py3langid-model", model, ".bin")
    parts = _read(path, key) if path is not None else None
    if parts is None:
        parts = _decompress(model)
        if path is not None:
            write_cache_file(path, lambda out: _write(out, key, parts))
    ptc, pc, classes, nextmove, row, output = parts
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


def _decompress(model: Path) -> tuple[Any, ...]:
    global decompressions
    from py3langid.modelio import load_model

    decompressions += 1
    return tuple(load_model(model))


# --- the cache file: a header, a JSON description of the arrays, the arrays' raw bytes -------


def _write(out: IO[bytes], key: dict[str, Any], parts: tuple[Any, ...]) -> None:
    import numpy as np

    ptc, pc, classes, nextmove, row, output = parts
    arrays = {
        "ptc": np.ascontiguousarray(ptc),
        "pc": np.ascontiguousarray(pc),
        "nextmove": np.frombuffer(nextmove, dtype=f"u{nextmove.itemsize}"),
        "row": np.frombuffer(row, dtype=f"u{row.itemsize}"),
        "output": np.asarray(output, dtype=np.int32),
    }
    layout: dict[str, Any] = {}
    offset = 0
    for name, array in arrays.items():
        layout[name] = {"dtype": array.dtype.str, "shape": list(array.shape), "offset": offset}
        offset += -(-array.nbytes // _ALIGN) * _ALIGN
    description = json.dumps({"key": key, "classes": classes, "arrays": layout}).encode()
    start = -(-(_HEADER.size + len(description)) // _ALIGN) * _ALIGN
    out.write(_HEADER.pack(_MAGIC, len(description)) + description)
    out.write(b"\0" * (start - _HEADER.size - len(description)))
    for array in arrays.values():
        out.write(array.tobytes())
        out.write(b"\0" * (-array.nbytes % _ALIGN))


def _read(path: Path, key: dict[str, Any]) -> tuple[Any, ...] | None:
    """The mapped arrays, if ``path`` was written from this very model; else ``None``."""
    import numpy as np

    try:
        with open(path, "rb") as fh:
            magic, length = _HEADER.unpack(fh.read(_HEADER.size))
            if magic != _MAGIC:
                return None
            description = json.loads(fh.read(length))
            if description.get("key") != key:
                return None
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError, struct.error):
        return None
    start = -(-(_HEADER.size + length) // _ALIGN) * _ALIGN
    views: dict[str, Any] = {}
    try:
        for name, spec in description["arrays"].items():
            dtype = np.dtype(spec["dtype"])
            count = int(np.prod(spec["shape"]))
            array = np.frombuffer(mm, dtype=dtype, count=count, offset=start + spec["offset"])
            views[name] = array.reshape(spec["shape"])
    except (KeyError, TypeError, ValueError):
        return None
    # The DFA walk indexes these one element at a time: memoryviews give plain ints, fast.
    nextmove, row, output = (memoryview(views[n]) for n in ("nextmove", "row", "output"))
    return views["ptc"], views["pc"], list(description["classes"]), nextmove, row, output
