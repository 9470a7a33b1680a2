"""Knowledge bases: JSON Lines of entities, a compact alias index, and Wikidata dump import.

A KB file has one JSON object per line::

    {"id": "Q7747", "label": "Vladimir Putin", "type": "Person", "aliases": ["Putin"],
     "sameAs": ["http://www.wikidata.org/entity/Q7747"], "score": 250}

``label`` and ``type`` (a schema.org class of a person, place or organisation) are required.
``score`` ranks namesakes (population, Wikipedia sitelinks); the highest wins. Optional:

- ``localNames``: ``{"de": ["Island"], "fr": [...]}``, names that belong to one language and
  match only text in that language (German "Island" is Iceland, English "Island" is not);
  ``aliases`` match in every language;
- ``codes`` and ``within``: codes of the place itself and of the places that contain it
  (``"US-GA"``, ``"US"``), so that "Atlanta, Georgia" picks the state that holds the city;
- ``qualifier``: what tells this entry from a namesake in its IRI ("Alabama" for the
  Birmingham that is not the best-known one): the IRI is made from "label, qualifier".

The index maps a 64-bit hash of each normalised name to the byte offset of its line. It is two
sorted arrays of 8-byte integers, written once next to the KB (``<kb>.idx``) and memory-mapped,
so a KB of a million entities costs tens of megabytes of index, and entries are parsed only when
looked up. Hash collisions are harmless: every hit is checked against the parsed entry's names.

Linked entity IRIs: ``identity.entity_iri(base, entry.type, entry.identity_name())``, the same
rule as for unlinked entities; the recognizer uses it for the shipped starter KB only, so that a
user's KB adds ``sameAs`` without changing an IRI (see ``enrich/findings.py``).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import math
import mmap
import os
import struct
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from jsonld_news.errors import InputError
from jsonld_news.identity import entity_iri, kind_of

WIKIDATA_IRI = "http://www.wikidata.org/entity/{}"
GEONAMES_IRI = "https://sws.geonames.org/{}/"
_INDEX_MAGIC = b"JNKBIDX4"
# magic, kb size, kb mtime_ns, row count, entity count, first-word count
_HEADER = struct.Struct("<8sQQQQQ")
_OFFSET_BITS = 40  # byte offsets up to 1 TiB
_RANK_BITS = 16
_RANK_MAX = (1 << _RANK_BITS) - 1
_LOW_BITS = _OFFSET_BITS + _RANK_BITS
# A lookup parses at most this many entries of one name: the best-scored ones. A KB where
# thousands of entries share an alias ("John Smith") costs no more than one where few do.
MAX_CANDIDATES = 32
_MEMBER_SET_ROWS = 300_000


def _rank(score: float) -> int:
    """Scores (sitelinks, populations) on a log scale that fits in 16 bits."""
    return min(_RANK_MAX, int(math.log2(1 + max(score, 0.0)) * 1000))


class KBError(InputError):
    """A knowledge-base line that is not a valid entity. ``source`` is ``file:line``."""


@dataclass(slots=True, frozen=True)
class KBEntry:
    label: str
    type: str
    id: str = ""
    aliases: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    score: float = 0.0
    description: str | None = None
    local_names: tuple[tuple[str, str], ...] = ()  # (language, name)
    codes: tuple[str, ...] = ()
    within: tuple[str, ...] = ()
    qualifier: str | None = None
    shipped: bool = False  # from the starter KB that ships with the package (not serialised)

    def names(self) -> Iterator[str]:
        yield self.label
        yield from self.aliases
        for _, name in self.local_names:
            yield name

    def names_in(self, lang: str) -> Iterator[str]:
        """The names that may match text in ``lang``: label, aliases and that language's own."""
        yield self.label
        yield from self.aliases
        for name_lang, name in self.local_names:
            if name_lang == lang:
                yield name

    def identity_name(self) -> str:
        """The name the IRI is made from: the label, qualified where a namesake needs it."""
        return f"{self.label}, {self.qualifier}" if self.qualifier else self.label

    def iri(self, base_iri: str) -> str:
        return entity_iri(base_iri, self.type, self.identity_name())

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "label": self.label, "type": self.type}
        if self.aliases:
            data["aliases"] = list(self.aliases)
        if self.same_as:
            data["sameAs"] = list(self.same_as)
        if self.score:
            data["score"] = self.score
        if self.description:
            data["description"] = self.description
        if self.local_names:
            local: dict[str, list[str]] = {}
            for lang, name in self.local_names:
                local.setdefault(lang, []).append(name)
            data["localNames"] = local
        if self.codes:
            data["codes"] = list(self.codes)
        if self.within:
            data["within"] = list(self.within)
        if self.qualifier:
            data["qualifier"] = self.qualifier
        return data


def name_key(name: str) -> str:
    """The form names are compared in: NFKC, case-folded, one space, no leading "the"."""
    if name.isascii():  # the common case; NFKC and case folding change nothing more there
        text = name.lower()
        if not text.isalpha():  # letters alone (one word, the commonest) have no spaces to fold
            text = " ".join(text.split())
    else:
        text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").casefold()
        text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    return text


# copied per key: a copy of a fresh hash costs less than a new one's keyword arguments (the
# same digest as ``hashlib.blake2b(data, digest_size=8)``); never updated itself
_BLAKE2B_8 = hashlib.blake2b(digest_size=8)
_from_bytes = int.from_bytes


def key_hash(key: str) -> int:
    h = _BLAKE2B_8.copy()
    h.update(key.encode())
    return _from_bytes(h.digest(), "little")


def _by_score(entry: KBEntry) -> float:
    return -entry.score


def parse_entry(line: bytes | str, source: str, shipped: bool = False) -> KBEntry:
    """One KB line as an entry; ``KBError`` naming ``source`` (``file:line``) when it is not one.
    ``shipped``: from the starter KB (see ``KBEntry.shipped``)."""
    try:
        data = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        raise KBError(source, f"not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise KBError(source, "expected a JSON object with label and type")
    label = data.get("label")
    if not isinstance(label, str) or not label.strip():
        raise KBError(source, "missing or empty 'label'")
    schema_type = data.get("type")
    if not isinstance(schema_type, str) or kind_of(schema_type) == "thing":
        raise KBError(
            source,
            f"'type' must be a schema.org person, place or organisation class: {schema_type!r}",
        )
    aliases = _strings(data.get("aliases", []), "aliases", source)
    same_as = _strings(data.get("sameAs", []), "sameAs", source)
    score = data.get("score", 0)
    if not isinstance(score, int | float) or isinstance(score, bool):
        raise KBError(source, f"'score' must be a number: {score!r}")
    ident = data.get("id", "")
    description = data.get("description")
    local_raw = data.get("localNames", {})
    if not isinstance(local_raw, dict):
        raise KBError(source, "'localNames' must map language codes to lists of names")
    local_names = tuple(
        (str(lang), name.strip())
        for lang, names in local_raw.items()
        for name in _strings(names, "localNames", source)
        if name.strip()
    )
    qualifier = data.get("qualifier")
    return KBEntry(
        label=label.strip(),
        type=schema_type,
        id=str(ident),
        aliases=tuple(a.strip() for a in aliases if a.strip()),
        same_as=tuple(same_as),
        score=float(score),
        description=description if isinstance(description, str) else None,
        local_names=local_names,
        codes=tuple(_strings(data.get("codes", []), "codes", source)),
        within=tuple(_strings(data.get("within", []), "within", source)),
        qualifier=qualifier if isinstance(qualifier, str) and qualifier.strip() else None,
        shipped=shipped,
    )


def _strings(value: object, name: str, source: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KBError(source, f"'{name}' must be a list of strings")
    return value


# --- The index ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Index:
    hashes: Any  # a sorted sequence of uint64: array('Q') or a memoryview of an mmap
    offsets: Any  # parallel sequence of line offsets
    keepalive: list[object] = field(default_factory=list)  # mmaps the views point into
    # Most names looked up are in no KB: a set answers "no" faster than a binary search. Only
    # for indexes small enough that the set costs a few tens of megabytes at most.
    members: set[int] | None = None
    # hashes of the first words of the names of more than one word, sorted, distinct: a span of
    # text whose first word starts no name needs no lookup (most spans tried are such)
    firsts: Any = field(default_factory=lambda: array("Q"))
    first_set: set[int] | None = None

    def __len__(self) -> int:
        return len(self.hashes)

    def starts_name(self, h: int) -> bool:
        """Whether a word of ``key_hash`` ``h`` is the first word of a name of several."""
        if self.first_set is None and len(self.firsts) <= _MEMBER_SET_ROWS:
            self.first_set = set(self.firsts)
        if self.first_set is not None:
            return h in self.first_set
        i = bisect_left(self.firsts, h)
        return i < len(self.firsts) and self.firsts[i] == h

    def find(self, h: int) -> Iterator[int]:
        if self.members is None and len(self.hashes) <= _MEMBER_SET_ROWS:
            self.members = set(self.hashes)
        if self.members is not None and h not in self.members:
            return
        i = bisect_left(self.hashes, h)
        while i < len(self.hashes) and self.hashes[i] == h:
            yield self.offsets[i]
            i += 1


def _build_index(data: bytes | mmap.mmap, source: str) -> tuple[_Index, int]:
    """Validate every line and index every name. Returns the index and the entry count."""
    packed: list[int] = []
    firsts = array("Q")  # 8 bytes a word, deduplicated once the name rows are packed
    mask = (1 << _OFFSET_BITS) - 1
    offset = 0
    lineno = 0
    entries = 0
    size = len(data)
    while offset < size:
        end = data.find(b"\n", offset)
        if end < 0:
            end = size
        lineno += 1
        line = data[offset:end]
        if line.strip():
            entry = parse_entry(line, f"{source}:{lineno}")
            entries += 1
            for key in {name_key(n) for n in entry.names()}:
                if key:
                    # rows of one name sort best score first, so a lookup can stop early
                    rank = _RANK_MAX - _rank(entry.score)
                    packed.append((key_hash(key) << _LOW_BITS) | (rank << _OFFSET_BITS) | offset)
                    space = key.find(" ")
                    if space > 0:
                        firsts.append(key_hash(key[:space]))
        offset = end + 1
    packed.sort()
    hashes = array("Q", (p >> _LOW_BITS for p in packed))
    offsets = array("Q", (p & mask for p in packed))
    del packed
    return _Index(hashes, offsets, firsts=array("Q", sorted(set(firsts)))), entries


def _write_index(path: Path, index: _Index, kb_stat: os.stat_result, entries: int) -> None:
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    with open(tmp, "wb") as out:
        header = (
            _INDEX_MAGIC,
            kb_stat.st_size,
            kb_stat.st_mtime_ns,
            len(index),
            entries,
            len(index.firsts),
        )
        out.write(_HEADER.pack(*header))
        index.hashes.tofile(out)
        index.offsets.tofile(out)
        index.firsts.tofile(out)
    os.replace(tmp, path)


def _map(fileno: int) -> mmap.mmap:
    """A read-only map; lookups jump around, so no read-ahead (it would only fill memory)."""
    mm = mmap.mmap(fileno, 0, access=mmap.ACCESS_READ)
    if hasattr(mmap, "MADV_RANDOM"):
        with contextlib.suppress(OSError):
            mm.madvise(mmap.MADV_RANDOM)
    return mm


def _read_index(path: Path, kb_stat: os.stat_result) -> tuple[_Index, int] | None:
    """The saved index and entity count, if built from this very KB file; else ``None``."""
    try:
        with open(path, "rb") as fh:
            if os.fstat(fh.fileno()).st_size < _HEADER.size:
                return None
            magic, size, mtime, rows, entries, firsts = _HEADER.unpack(fh.read(_HEADER.size))
            if (magic, size, mtime) != (_INDEX_MAGIC, kb_stat.st_size, kb_stat.st_mtime_ns):
                return None
            if os.fstat(fh.fileno()).st_size != _HEADER.size + 16 * rows + 8 * firsts:
                return None
            if rows == 0:
                return _Index(array("Q"), array("Q")), entries
            mm = _map(fh.fileno())
    except OSError:
        return None
    view = memoryview(mm)[_HEADER.size :].cast("Q")
    index = _Index(view[:rows], view[rows : 2 * rows], [mm, view], firsts=view[2 * rows :])
    return index, entries


# --- The knowledge base -------------------------------------------------------------------------


class KnowledgeBase:
    """Entities looked up by any of their names. Build with ``load`` or ``from_entries``."""

    def __init__(
        self, name: str, data: bytes | mmap.mmap, index: _Index, size: int, shipped: bool = False
    ) -> None:
        self.name = name
        self._data = data
        self._index = index
        self.size = size  # number of entities
        self.shipped = shipped  # the starter KB: its labels make IRIs (see ``KBEntry.shipped``)
        self._entry_at = lru_cache(maxsize=65536)(self._parse_at)

    @classmethod
    def load(
        cls,
        path: str | os.PathLike[str],
        *,
        write_index: bool = True,
        index_path: str | os.PathLike[str] | None = None,
        shipped: bool = False,
    ) -> KnowledgeBase:
        """Open a JSONL KB (``.gz`` too). The index is built once, saved as ``<kb>.idx`` (or
        ``index_path``), and mapped by every later open.

        Raises ``KBError`` naming the file and line of the first malformed entry.
        """
        path = Path(path)
        source = path.name
        try:
            if path.suffix == ".gz":
                with gzip.open(path, "rb") as fh:
                    raw = fh.read()
                index, count = _build_index(raw, source)
                return cls(source, raw, index, count, shipped)
            stat = path.stat()
            with open(path, "rb") as fh:
                data: bytes | mmap.mmap = _map(fh.fileno()) if stat.st_size else b""
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise KBError(source, f"cannot read knowledge base: {exc}") from None
        idx_path = Path(index_path) if index_path else path.with_name(path.name + ".idx")
        cached = _read_index(idx_path, stat)
        if cached is not None:
            return cls(source, data, *cached, shipped)
        index, count = _build_index(data, source)
        if write_index:
            with contextlib.suppress(OSError):  # a read-only folder: keep the index in memory
                _write_index(idx_path, index, stat, count)
        return cls(source, data, index, count, shipped)

    @classmethod
    def from_entries(cls, entries: Iterable[KBEntry], name: str = "<memory>") -> KnowledgeBase:
        buf = io.BytesIO()
        for entry in entries:
            buf.write(json.dumps(entry.to_json(), ensure_ascii=False).encode("utf-8") + b"\n")
        data = buf.getvalue()
        index, count = _build_index(data, name)
        return cls(name, data, index, count)

    @classmethod
    def from_bytes(cls, data: bytes, name: str, *, shipped: bool = False) -> KnowledgeBase:
        index, count = _build_index(data, name)
        return cls(name, data, index, count, shipped)

    def _parse_at(self, offset: int) -> KBEntry:
        end = self._data.find(b"\n", offset)
        line = self._data[offset : end if end >= 0 else len(self._data)]
        return parse_entry(line, f"{self.name}@{offset}", self.shipped)

    def lookup(self, name: str) -> list[KBEntry]:
        """Entries one of whose names normalises like ``name``, best score first."""
        key = name_key(name)
        return self.lookup_key(key, key_hash(key)) if key else []

    def lookup_key(self, key: str, hashed: int) -> list[KBEntry]:
        """``lookup`` for a ``name_key`` and its ``key_hash`` already computed (layered KBs
        share them)."""
        index = self._index
        members = index.members
        if members is not None and hashed not in members:
            return []  # the common case, answered without a search
        found = []
        for offset in index.find(hashed):
            entry = self._entry_at(offset)
            if any(name_key(n) == key for n in entry.names()):
                found.append(entry)
                if len(found) >= MAX_CANDIDATES:
                    break
        if len(found) > 1:
            found.sort(key=_by_score)
        return found

    def starts_name(self, hashed: int) -> bool:
        """Whether the word (a one-word ``name_key``) of ``key_hash`` ``hashed`` is the first
        word of one of the KB's names of several words."""
        return self._index.starts_name(hashed)

    def __len__(self) -> int:
        return self.size

    def index_rows(self) -> int:
        return len(self._index)


# --- Wikidata import ----------------------------------------------------------------------------

# P31 ("instance of") values mapped to the most specific schema.org class we use.
WIKIDATA_TYPES: dict[str, str] = {
    "Q5": "Person",
    "Q6256": "Country",
    "Q3624078": "Country",
    "Q3024240": "Country",  # historical country
    "Q515": "City",
    "Q1549591": "City",  # big city
    "Q5119": "City",  # capital
    "Q1637706": "City",  # city with millions of inhabitants
    "Q200250": "City",  # metropolis
    "Q486972": "Place",  # human settlement
    "Q35657": "State",  # US state
    "Q107390": "State",  # federated state
    "Q5107": "Continent",
    "Q82794": "Place",  # geographic region
    "Q43229": "Organization",
    "Q484652": "Organization",  # international organisation
    "Q4830453": "Corporation",  # business
    "Q783794": "Corporation",  # company
    "Q891723": "Corporation",  # public company
    "Q6881511": "Corporation",  # enterprise
    "Q327333": "GovernmentOrganization",  # government agency
    "Q2659904": "GovernmentOrganization",  # government organisation
    "Q192283": "NewsMediaOrganization",  # news agency
    "Q1153191": "NewsMediaOrganization",  # online newspaper
    "Q11032": "NewsMediaOrganization",  # newspaper
    "Q1002697": "NewsMediaOrganization",  # periodical
    "Q7278": "PoliticalParty",
    "Q3918": "EducationalOrganization",  # university
    "Q163740": "NGO",  # nonprofit organisation
    "Q79913": "NGO",  # non-governmental organisation
    "Q476028": "SportsTeam",  # association football club
    "Q847017": "SportsOrganization",  # sports club
}
# When an item has several P31 values, the most specific one listed first here wins.
_TYPE_RANK = [
    "Person", "Country", "City", "State", "Continent", "NewsMediaOrganization",
    "GovernmentOrganization", "PoliticalParty", "EducationalOrganization", "SportsTeam",
    "SportsOrganization", "NGO", "Corporation", "Organization", "Place",
]  # fmt: skip
LABEL_LANGUAGES = ("en", "de", "fr", "es")


@dataclass(slots=True)
class ImportReport:
    source: str
    dest: str
    lines_read: int = 0
    entities_written: int = 0
    skipped: int = 0  # items that are not a person, place or organisation, or have no label
    truncated: bool = False
    error: str | None = None

    def summary(self) -> str:
        text = (
            f"{self.source}: read {self.lines_read} lines, wrote {self.entities_written} "
            f"entities to {self.dest}, skipped {self.skipped}"
        )
        if self.truncated:
            text += f"; the dump is truncated after line {self.lines_read} ({self.error}); "
            text += "kept everything read before that"
        return text


def wikidata_entry(item: dict[str, Any]) -> KBEntry | None:
    """A KB entry from one Wikidata dump item, or ``None`` when it is not a person/place/org."""
    qid = item.get("id")
    if not isinstance(qid, str) or not qid.startswith("Q"):
        return None
    claims = item.get("claims") or {}
    types = {WIKIDATA_TYPES[q] for q in _claim_ids(claims, "P31") if q in WIKIDATA_TYPES}
    if not types:
        return None
    schema_type = min(types, key=_TYPE_RANK.index)
    labels = item.get("labels") or {}
    label = None
    label_lang = ""
    for lang in LABEL_LANGUAGES:
        value = (labels.get(lang) or {}).get("value")
        if isinstance(value, str) and value.strip():
            label = value.strip()
            label_lang = lang
            break
    if label is None:
        return None
    # English names match in every language; the others only in their own (German "Island"
    # is Iceland, English "Island" is not)
    aliases: list[str] = []
    local: list[tuple[str, str]] = []
    for lang in LABEL_LANGUAGES:
        names = [(labels.get(lang) or {}).get("value")]
        names += [a.get("value") if isinstance(a, dict) else None
                  for a in (item.get("aliases") or {}).get(lang, [])]  # fmt: skip
        for value in names:
            if not isinstance(value, str) or not value.strip() or value.strip() == label:
                continue
            if lang == "en" or label_lang != "en":
                if value.strip() not in aliases:
                    aliases.append(value.strip())
            elif (lang, value.strip()) not in local and value.strip() not in aliases:
                local.append((lang, value.strip()))
    same_as = [WIKIDATA_IRI.format(qid)]
    same_as += [GEONAMES_IRI.format(g) for g in _claim_strings(claims, "P1566")]
    description = ((item.get("descriptions") or {}).get("en") or {}).get("value")
    return KBEntry(
        label=label,
        type=schema_type,
        id=qid,
        aliases=tuple(dict.fromkeys(aliases)),
        same_as=tuple(same_as),
        score=float(len(item.get("sitelinks") or {})),
        description=description if isinstance(description, str) else None,
        local_names=tuple(local),
    )


def _claim_values(claims: dict[str, Any], prop: str) -> Iterator[Any]:
    for claim in claims.get(prop, []) or []:
        if isinstance(claim, dict):
            value = ((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value")
            if value is not None:
                yield value


def _claim_ids(claims: dict[str, Any], prop: str) -> Iterator[str]:
    for value in _claim_values(claims, prop):
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            yield value["id"]


def _claim_strings(claims: dict[str, Any], prop: str) -> Iterator[str]:
    for value in _claim_values(claims, prop):
        if isinstance(value, str):
            yield value


def _open_dump(src: str | os.PathLike[str]) -> IO[bytes]:
    fh = open(src, "rb")  # noqa: SIM115 - handed to the caller, closed there
    if fh.read(2) == b"\x1f\x8b":
        fh.seek(0)
        return gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[return-value]
    fh.seek(0)
    return fh


def import_wikidata(src: str | os.PathLike[str], dest: str | os.PathLike[str]) -> ImportReport:
    """Stream a Wikidata JSON dump (``[`` / one item per line with a trailing comma / ``]``,
    plain or gzipped) into a KB file of its people, places and organisations.

    A truncated dump (cut-off gzip stream or last line) does not raise: the report says how far
    the import got and everything read up to there is kept.
    """
    report = ImportReport(str(src), str(dest))
    dest_path = Path(dest)
    tmp = dest_path.with_name(dest_path.name + ".part")
    with _open_dump(src) as dump, open(tmp, "w", encoding="utf-8") as out:
        try:
            for raw in dump:
                report.lines_read += 1
                line = raw.strip().rstrip(b",")
                if line in (b"", b"[", b"]"):
                    continue
                try:
                    item = json.loads(line)
                except ValueError as exc:
                    report.truncated = True
                    report.error = f"line {report.lines_read} is not a complete item: {exc}"
                    report.lines_read -= 1
                    break
                entry = wikidata_entry(item) if isinstance(item, dict) else None
                if entry is None:
                    report.skipped += 1
                    continue
                out.write(json.dumps(entry.to_json(), ensure_ascii=False) + "\n")
                report.entities_written += 1
        except (EOFError, OSError, gzip.BadGzipFile) as exc:
            report.truncated = True
            report.error = f"compressed stream ends early: {exc}"
    os.replace(tmp, dest_path)
    return report
