"""Language identification with py3langid's model, decompressed once and memory-mapped after.

py3langid ships its model LZMA-compressed (4.5 MB) and decompresses it on every load, about a
second of each start, and it needs numpy (another 0.1 s of imports). The first process here
decompresses the model with py3langid's own loader and writes the arrays to the cache folder
(``jsonld_news.cache``, ~68 MB); every later process maps that file, imports neither numpy nor
py3langid, and reads only the pages a text touches. The file is keyed by the model file's size
and modification time, the byte order, and rebuilt when one changes.

``Identifier.classify`` is py3langid's ``LanguageIdentifier.classify`` with ``norm_probs=True``
(a byte-level DFA finds the features, naive Bayes scores them, a softmax tempered by the text's
length normalises), written over the mapped arrays; tests hold it to py3langid's answers.
"""

from __future__ import annotations

import io
import json
import math
import mmap
import struct
import sys
import unicodedata
from functools import cache
from pathlib import Path
from typing import IO, Any

from jsonld_news.cache import cache_path, write_cache_file

_MAGIC = b"JNLANG02"
_HEADER = struct.Struct("<8sQ")  # magic, length of the JSON description that follows
_ALIGN = 16

PURE_PYTHON_TEXTS = 8  # then numpy's import (0.1 s) costs less than scoring on in Python

# How many times the compressed model was decompressed in this process (tests count it).
decompressions = 0


class Identifier:
    """py3langid's classifier over the model's arrays, as mapped (or in-memory) bytes."""

    def __init__(self, data: Any, description: dict[str, Any], base: int) -> None:
        arrays = description["arrays"]
        self.classes: list[str] = list(description["classes"])
        width = len(self.classes)
        view = memoryview(data)

        def part(name: str) -> memoryview:
            spec = arrays[name]
            start = base + spec["offset"]
            return view[start : start + spec["nbytes"]].cast(spec["format"])

        self._nextmove = part("nextmove")
        self._row = part("row")
        self._output = part("output")
        self._prior: list[float] = list(part("pc"))
        self._data = data
        self._ptc_start = base + arrays["ptc"]["offset"]
        self._ptc_row = struct.Struct(f"<{width}e")  # one feature's float16 weights per class
        self._features_count = arrays["ptc"]["nbytes"] // (2 * width)
        self._calls = 0
        self._numpy: Any = None  # py3langid's own classifier over the same bytes, once needed
        first: dict[str, int] = {}
        self._aliases: list[tuple[int, int]] = []  # script variants of one label ("sr", "srl")
        for i, label in enumerate(self.classes):
            if label in first:
                self._aliases.append((first[label], i))
            else:
                first.setdefault(label, i)

    def _features(self, data: bytes) -> dict[int, int]:
        nextmove, row, output = self._nextmove, self._row, self._output
        state, counts = 0, dict[int, int]()
        for byte in data:
            state = nextmove[(row[state] << 8) + byte]
            feature = output[state]
            if feature >= 0:
                counts[feature] = counts.get(feature, 0) + 1
        return counts

    def classify(self, text: str) -> tuple[str, float]:
        """(language, probability), as ``LanguageIdentifier.classify`` with ``norm_probs``.

        The first few texts of a process are scored here in plain Python (a few milliseconds
        each, no numpy import); a batch then switches to py3langid's numpy scorer, which costs
        0.1 s of imports once and a tenth of the time per text after.
        """
        self._calls += 1
        if self._calls > PURE_PYTHON_TEXTS:
            return self.vectorised().classify(text)  # type: ignore[no-any-return]
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
        counts = self._features(data)
        if counts:
            scores: list[float] = self._prior
            unpack, start, step = self._ptc_row.unpack_from, self._ptc_start, self._ptc_row.size
            for feature, count in counts.items():
                weight = math.log1p(count)
                weights = unpack(self._data, start + feature * step)
                scores = [s + weight * w for s, w in zip(scores, weights, strict=True)]
        else:
            scores = [0.0] * len(self.classes)
        scale = 1.0 / math.sqrt(len(data) or 1)  # the temperature: longer texts, surer answers
        top = max(scores) * scale
        probabilities = [math.exp(s * scale - top) for s in scores]
        total = sum(probabilities)
        probabilities = [p / total for p in probabilities]
        for keep, fold in self._aliases:
            probabilities[keep] += probabilities[fold]
            probabilities[fold] = 0.0
        best = max(range(len(probabilities)), key=probabilities.__getitem__)
        return self.classes[best], probabilities[best]

    def vectorised(self) -> Any:
        """py3langid's ``LanguageIdentifier`` over the mapped arrays (numpy views, no copy)."""
        if self._numpy is None:
            import numpy as np
            from py3langid.langid import LanguageIdentifier

            width = len(self.classes)
            ptc = np.frombuffer(
                self._data, dtype="<f2", count=self._features_count * width, offset=self._ptc_start
            ).reshape(self._features_count, width)
            pc = np.asarray(self._prior, dtype=np.float32)
            self._numpy = LanguageIdentifier(
                ptc,
                pc,
                self.classes,
                self._nextmove,
                self._output,
                norm_probs=True,
                tk_row=self._row,
            )
        return self._numpy


def _model_file() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(MODEL_DIR) / str(MODEL_FILE)


def _model_path() -> Path:
    """py3langid's model file, found without importing py3langid (which imports numpy)."""
    from importlib.util import find_spec

    spec = find_spec("py3langid")
    if spec is not None and spec.origin is not None:
        path = Path(spec.origin).parent / "data" / "model.npz.xz"
        if path.is_file():
            return path
    return _model_file()  # another layout: ask py3langid itself


def _key(model: Path) -> dict[str, Any]:
    stat = model.stat()  # another py3langid release installs another file
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "byteorder": sys.byteorder}


@cache
def identifier() -> Identifier:
    """The identifier, built once per process: mapped from the cache, or made and cached."""
    model = _model_path()
    key = _key(model)
    path = cache_path("py3langid-model", model, ".bin")
    if path is not None:
        mapped = _read(path, key)
        if mapped is not None:
            return mapped
    buffer = io.BytesIO()
    _write(buffer, key, _decompress())
    if path is not None and write_cache_file(path, lambda out: _copy(buffer, out)):
        mapped = _read(path, key)
        if mapped is not None:
            return mapped
    data = buffer.getvalue()  # no cache folder: the same layout, in memory
    return Identifier(data, *_description(data, key))


def _copy(buffer: io.BytesIO, out: IO[bytes]) -> None:
    out.write(buffer.getvalue())


def _decompress() -> tuple[Any, ...]:
    global decompressions
    from py3langid.modelio import load_model

    decompressions += 1
    return tuple(load_model(_model_file()))


# --- the cache file: a header, a JSON description of the arrays, the arrays' bytes -----------


def _data_start(description_length: int) -> int:
    return -(-(_HEADER.size + description_length) // _ALIGN) * _ALIGN


def _write(out: IO[bytes], key: dict[str, Any], parts: tuple[Any, ...]) -> None:
    import numpy as np

    ptc, pc, classes, nextmove, row, output = parts
    arrays = {
        "ptc": np.ascontiguousarray(ptc, dtype="<f2"),
        "pc": np.ascontiguousarray(pc, dtype=np.float32),
        "nextmove": np.frombuffer(nextmove, dtype=f"=u{nextmove.itemsize}"),
        "row": np.frombuffer(row, dtype=f"=u{row.itemsize}"),
        "output": np.asarray(output, dtype=np.int32),
    }
    formats = {"ptc": "B", "pc": "f", "nextmove": nextmove.typecode, "row": row.typecode}
    formats["output"] = "i"
    layout: dict[str, Any] = {}
    offset = 0
    for name, array in arrays.items():
        layout[name] = {"format": formats[name], "offset": offset, "nbytes": array.nbytes}
        offset += -(-array.nbytes // _ALIGN) * _ALIGN
    description = json.dumps({"key": key, "classes": classes, "arrays": layout}).encode()
    out.write(_HEADER.pack(_MAGIC, len(description)) + description)
    out.write(b"\0" * (_data_start(len(description)) - _HEADER.size - len(description)))
    for array in arrays.values():
        out.write(array.tobytes())
        out.write(b"\0" * (-array.nbytes % _ALIGN))


def _description(data: Any, key: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """The arrays' description and where their bytes start; ``ValueError`` for a file that was
    not written from this model, or not written whole."""
    magic, length = _HEADER.unpack_from(data, 0)
    if magic != _MAGIC:
        raise ValueError("not a language model cache file")
    description: dict[str, Any] = json.loads(bytes(data[_HEADER.size : _HEADER.size + length]))
    if description.get("key") != key:
        raise ValueError("cache file made from another model")
    last = max(a["offset"] + a["nbytes"] for a in description["arrays"].values())
    if len(data) < _data_start(length) + last:
        raise ValueError("cache file is truncated")
    return description, _data_start(length)


def _read(path: Path, key: dict[str, Any]) -> Identifier | None:
    """The identifier over the mapped file, if it was written from this very model."""
    try:
        with open(path, "rb") as fh:
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        return Identifier(mm, *_description(mm, key))
    except (OSError, ValueError, KeyError, TypeError, struct.error):
        return None
