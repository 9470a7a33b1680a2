"""Knowledge bases: JSONL loading and its errors, the mapped index, Wikidata dump import."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from jsonld_news.errors import InputError
from jsonld_news.kb import KBEntry, KBError, KnowledgeBase, import_wikidata, key_hash, name_key

PUTIN = {
    "id": "Q7747",
    "label": "Vladimir Putin",
    "type": "Person",
    "aliases": ["Putin", "Vladimir Vladimirovich Putin"],
    "sameAs": ["http://www.wikidata.org/entity/Q7747"],
    "score": 250,
}


def write_kb(path: Path, entries: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return path


def test_lookup_by_label_and_alias(tmp_path: Path) -> None:
    kb = KnowledgeBase.load(write_kb(tmp_path / "kb.jsonl", [PUTIN]))
    for name in ("Vladimir Putin", "Putin", "PUTIN", "vladimir  putin"):
        [entry] = kb.lookup(name)
        assert entry.label == "Vladimir Putin"
        assert entry.same_as == ("http://www.wikidata.org/entity/Q7747",)
    assert kb.lookup("Scholz") == []
    assert kb.lookup("") == []


def test_namesakes_best_score_first(tmp_path: Path) -> None:
    small = {"label": "Paris", "type": "City", "id": "tx", "score": 25_000}
    big = {"label": "Paris", "type": "City", "id": "fr", "score": 2_000_000}
    kb = KnowledgeBase.load(write_kb(tmp_path / "kb.jsonl", [small, big]))
    assert [e.id for e in kb.lookup("Paris")] == ["fr", "tx"]


def test_index_is_saved_and_reused(tmp_path: Path) -> None:
    path = write_kb(tmp_path / "kb.jsonl", [PUTIN])
    KnowledgeBase.load(path)
    idx = tmp_path / "kb.jsonl.idx"
    assert idx.exists()
    again = KnowledgeBase.load(path)
    assert again.lookup("Putin")[0].id == "Q7747"
    assert len(again) == 1 and again.index_rows() == 3
    # a changed KB invalidates the saved index
    write_kb(path, [PUTIN, {"label": "Olaf Scholz", "type": "Person"}])
    assert KnowledgeBase.load(path).lookup("Olaf Scholz")[0].label == "Olaf Scholz"


def test_first_words_of_names_are_indexed_and_saved(tmp_path: Path) -> None:
    # the recognizer skips lookups of spans whose first word starts no name of several words
    path = write_kb(tmp_path / "kb.jsonl", [PUTIN, {"label": "The Hague", "type": "City"}])
    for kb in (KnowledgeBase.load(path), KnowledgeBase.load(path)):  # built, then mapped
        assert kb.starts_name(key_hash("vladimir"))
        assert not kb.starts_name(key_hash("putin"))  # an alias of one word starts nothing
        assert not kb.starts_name(key_hash("the")) and not kb.starts_name(key_hash("hague"))
    assert (
        KnowledgeBase.load(write_kb(tmp_path / "one.jsonl", [])).starts_name(key_hash("x")) is False
    )


def test_gzipped_kb(tmp_path: Path) -> None:
    path = tmp_path / "kb.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps(PUTIN) + "\n").encode()))
    assert KnowledgeBase.load(path).lookup("Putin")[0].id == "Q7747"


def test_blank_lines_and_empty_kb(tmp_path: Path) -> None:
    path = tmp_path / "kb.jsonl"
    path.write_text("\n" + json.dumps(PUTIN) + "\n\n", encoding="utf-8")
    assert len(KnowledgeBase.load(path)) == 1
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert KnowledgeBase.load(empty).lookup("Putin") == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "JSON object"),
        ('{"type": "Person"}', "label"),
        ('{"label": "X", "type": "Thing"}', "type"),
        ('{"label": "X", "type": "Person", "aliases": [1]}', "aliases"),
        ('{"label": "X", "type": "Person", "score": "high"}', "score"),
    ],
)
def test_malformed_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "my-entities.jsonl"
    path.write_text(json.dumps(PUTIN) + "\n" + json.dumps(PUTIN) + "\n" + line + "\n")
    with pytest.raises(KBError) as info:
        KnowledgeBase.load(path)
    assert isinstance(info.value, InputError)
    assert info.value.source == "my-entities.jsonl:3"
    assert message in str(info.value)
    assert str(info.value).startswith("my-entities.jsonl:3: ")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(KBError, match="cannot read"):
        KnowledgeBase.load(tmp_path / "nope.jsonl")


def test_name_key() -> None:
    assert name_key("The Kremlin") == "kremlin"
    assert name_key("Trump’s") == "trump's"
    assert name_key("  New   York ") == "new york"


def test_from_entries_round_trip() -> None:
    entry = KBEntry("NATO", "Organization", "Q7184", ("Nato",), ("http://x/Q7184",), 3.0)
    kb = KnowledgeBase.from_entries([entry])
    assert kb.lookup("Nato") == [entry]
    assert entry.iri("urn:x:") == "urn:x:organization/nato"


# --- Wikidata import ------------------------------------------------------------------------


def item(qid: str, label: str, p31: list[str], **extra: Any) -> dict[str, Any]:
    claims: dict[str, Any] = {
        "P31": [{"mainsnak": {"snaktype": "value", "datavalue": {"value": {"id": q}}}} for q in p31]
    }
    if "geonames" in extra:
        claims["P1566"] = [{"mainsnak": {"datavalue": {"value": extra["geonames"]}}}]
    return {
        "type": "item",
        "id": qid,
        "labels": {"en": {"language": "en", "value": label}, **extra.get("labels", {})},
        "aliases": {"en": [{"language": "en", "value": a} for a in extra.get("aliases", [])]},
        "descriptions": {"en": {"language": "en", "value": extra.get("description", "")}},
        "claims": claims,
        "sitelinks": {f"site{i}": {} for i in range(extra.get("sitelinks", 1))},
    }


DUMP_ITEMS = [
    item("Q7747", "Vladimir Putin", ["Q5"], aliases=["Putin"], sitelinks=250),
    item("Q64", "Berlin", ["Q515", "Q5119"], geonames="2950159", sitelinks=300),
    item("Q7184", "NATO", ["Q484652"], sitelinks=200),
    item("Q40464", "Agence France-Presse", ["Q192283"], aliases=["AFP"]),
    item("Q146", "house cat", ["Q16521"]),  # a taxon: neither person, place nor organisation
    item("Q183", "Germany", ["Q6256"], labels={"de": {"language": "de", "value": "Deutschland"}}),
]


def dump_text(items: list[dict[str, Any]]) -> str:
    """The dump layout: '[', one item per line followed by ',', ']'."""
    body = ",\n".join(json.dumps(i) for i in items)
    return "[\n" + body + "\n]\n"


def test_import_wikidata_plain_and_gzip(tmp_path: Path) -> None:
    for name, data in (
        ("dump.json", dump_text(DUMP_ITEMS).encode()),
        ("dump.json.gz", gzip.compress(dump_text(DUMP_ITEMS).encode())),
    ):
        src = tmp_path / name
        src.write_bytes(data)
        dest = tmp_path / f"{name}.kb.jsonl"
        report = import_wikidata(src, dest)
        assert not report.truncated
        assert report.entities_written == 5
        assert report.skipped == 1
        kb = KnowledgeBase.load(dest)
        assert kb.lookup("Putin")[0].type == "Person"
        berlin = kb.lookup("Berlin")[0]
        assert berlin.type == "City"
        assert berlin.same_as == (
            "http://www.wikidata.org/entity/Q64",
            "https://sws.geonames.org/2950159/",
        )
        assert kb.lookup("AFP")[0].type == "NewsMediaOrganization"
        assert kb.lookup("NATO")[0].type == "Organization"
        assert kb.lookup("Deutschland")[0].label == "Germany"
        assert kb.lookup("house cat") == []


def test_import_truncated_plain_dump_keeps_what_it_read(tmp_path: Path) -> None:
    text = dump_text(DUMP_ITEMS)
    src = tmp_path / "cut.json"
    src.write_text(text[: text.index('"Q183"') + 40])  # cut inside the last item
    dest = tmp_path / "kb.jsonl"
    report = import_wikidata(src, dest)
    assert report.truncated
    assert report.entities_written == 4
    assert "truncated" in report.summary() and "kept" in report.summary()
    assert KnowledgeBase.load(dest).lookup("AFP")


def test_import_truncated_gzip_keeps_what_it_read(tmp_path: Path) -> None:
    many = DUMP_ITEMS[:4] * 200
    data = gzip.compress(dump_text(many).encode())
    src = tmp_path / "cut.json.gz"
    src.write_bytes(data[: len(data) * 2 // 3])
    dest = tmp_path / "kb.jsonl"
    report = import_wikidata(src, dest)
    assert report.truncated
    assert 0 < report.entities_written < 800
    assert f"after line {report.lines_read}" in report.summary()
    kb = KnowledgeBase.load(dest)  # what was written is a valid KB
    assert kb.lookup("Putin")


def test_common_alias_returns_the_best_scored_few(tmp_path: Path) -> None:
    entries = [
        {"label": f"John Smith {i}", "type": "Person", "aliases": ["John Smith"], "score": i}
        for i in range(500)
    ]
    kb = KnowledgeBase.load(write_kb(tmp_path / "kb.jsonl", entries))
    found = kb.lookup("John Smith")
    assert len(found) == 32
    assert [e.score for e in found] == [float(i) for i in range(499, 467, -1)]


def test_local_names_codes_and_qualifier_round_trip() -> None:
    entry = KBEntry(
        "Iceland", "Country", "iso:IS", (), (), 1.0,
        local_names=(("de", "Island"),), codes=("IS",),
    )  # fmt: skip
    town = KBEntry("Birmingham", "City", "g:1", within=("US", "US-AL"), qualifier="Alabama")
    kb = KnowledgeBase.from_entries([entry, town])
    [back] = kb.lookup("Island")  # the index knows every name; the recognizer filters by language
    assert back.local_names == (("de", "Island"),) and back.codes == ("IS",)
    assert list(back.names_in("en")) == ["Iceland"]
    assert list(back.names_in("de")) == ["Iceland", "Island"]
    [bham] = kb.lookup("Birmingham")
    assert bham.within == ("US", "US-AL")
    assert bham.iri("urn:x:") == "urn:x:place/birmingham-alabama"


def test_wikidata_names_of_other_languages_are_local(tmp_path: Path) -> None:
    src = tmp_path / "dump.json"
    src.write_text(dump_text(DUMP_ITEMS), encoding="utf-8")
    dest = tmp_path / "kb.jsonl"
    import_wikidata(src, dest)
    [germany] = KnowledgeBase.load(dest).lookup("Deutschland")
    assert germany.aliases == () and germany.local_names == (("de", "Deutschland"),)
