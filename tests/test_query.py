"""``jsonld-news query`` and the embedded half of loading: answers in every format, the default
store, stable graph names, provenance, --merge and --retry-failed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import jsonld_news
from jsonld_news.cli import app
from jsonld_news.load import load_articles, load_paths
from jsonld_news.sparql import format_answer, with_prefixes
from jsonld_news.stores import MemoryStore, OxigraphStore, StoreError
from tests.conftest import EXAMPLES

runner = CliRunner()
INPUTS = EXAMPLES / "inputs"
TOP_MENTIONS = (
    "SELECT ?name (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:mentions ?e . ?e schema:name ?name }"
    " GROUP BY ?name ORDER BY DESC(?n) ?name LIMIT 3"
)
SOURCES = (
    "SELECT ?article ?path ?position WHERE { ?article prov:wasDerivedFrom ?src . "
    "?src jn:path ?path . OPTIONAL { ?src jn:position ?position } } ORDER BY ?path ?position"
)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def store_spec(tmp_path_factory: pytest.TempPathFactory) -> str:
    spec = f"oxigraph:{tmp_path_factory.mktemp('query') / 'db'}"
    with jsonld_news.open_store(spec) as store:
        assert load_paths([INPUTS], store, workers=1).ok
    return spec


def test_select_answers_in_every_format(store_spec: str) -> None:
    answer = jsonld_news.query(TOP_MENTIONS, store=store_spec)
    assert isinstance(answer, dict) and answer["head"]["vars"] == ["name", "n"]
    first = answer["results"]["bindings"][0]
    assert first["name"]["value"] == "Berlin" and first["n"]["value"] == "2"
    table = format_answer(answer).splitlines()
    assert table[0].split() == ["name", "n"] and set(table[1]) <= {"-", " "}
    assert table[2].split() == ["Berlin", "2"] and table[-1] == "(3 rows)"
    rows = list(csv.reader(io.StringIO(format_answer(answer, "csv"))))
    assert rows[0] == ["name", "n"] and rows[1] == ["Berlin", "2"]
    assert format_answer(answer, "csv").endswith("\r\n")  # W3C CSV: CRLF lines
    tsv = format_answer(answer, "tsv").splitlines()
    assert tsv[0] == "?name\t?n" and tsv[1] == '"Berlin"\t2'
    assert json.loads(format_answer(answer, "json")) == answer


def test_ask_construct_and_wrong_formats(store_spec: str) -> None:
    ask = jsonld_news.query("ASK { ?a a schema:NewsArticle }", store=store_spec)
    assert format_answer(ask) == "true\n" and json.loads(format_answer(ask, "json"))["boolean"]
    graph = jsonld_news.query(
        "CONSTRUCT { ?a schema:headline ?h } WHERE { ?a schema:headline ?h }", store=store_spec
    )
    assert isinstance(graph, str) and graph.count(" .\n") == 4
    assert format_answer(graph) == graph
    assert "@prefix schema: <http://schema.org/>" in format_answer(graph, "turtle")
    with pytest.raises(jsonld_news.ConfigError, match="graph"):
        format_answer(graph, "csv")
    with pytest.raises(jsonld_news.ConfigError, match="table"):
        format_answer(ask, "turtle")


def test_prefixes_are_added_only_where_missing_and_errors_keep_positions(store_spec: str) -> None:
    text, shift = with_prefixes("PREFIX schema: <http://schema.org/>\nSELECT * { ?a schema:x ?b }")
    assert shift == 0 and text.startswith("PREFIX schema:")
    text, shift = with_prefixes("SELECT * { ?a schema:x ?b ; rdfs:label ?c }")
    assert text.count("PREFIX") == 2 and "\n" not in text[:shift]  # line numbers unchanged
    with pytest.raises(StoreError, match=r"invalid SPARQL: error at 2:\d+"):
        jsonld_news.query("SELECT * WHERE {\n ?a schema:x ?b FILTER( }", store=store_spec)
    with pytest.raises(StoreError, match=r"error at 1:3[0-9]\b"):
        jsonld_news.query("SELECT ?a WHERE { ?a schema:x ?d ", store=store_spec)


def test_cli_load_and_query_use_the_default_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("query", "ASK {}")
    assert code == 2 and "no store at ./jsonld-news.store" in err
    code, _, err = run("load", str(INPUTS), "-j", "1")
    assert code == 0, err
    assert "into the default store oxigraph:./jsonld-news.store" in err
    assert (tmp_path / "jsonld-news.store").is_dir()
    code, out, _ = run("query", TOP_MENTIONS, "--format", "csv")
    assert code == 0 and out.splitlines()[1] == "Berlin,2"
    (tmp_path / "q.rq").write_text("ASK { ?a a schema:NewsArticle }")
    assert run("query", "-f", "q.rq")[:2] == (0, "true\n")
    code, out, err = run("query", "SELECT * WHERE { ?a ?b")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert err.startswith("jsonld-news: error: store oxigraph:./jsonld-news.store: invalid SPARQL")


def _graphs(store: OxigraphStore) -> dict[str, str]:
    """article graph -> headline"""
    answer = store.query(with_prefixes("SELECT ?g ?h { GRAPH ?g { ?a schema:headline ?h } }")[0])
    assert isinstance(answer, dict)
    return {b["g"]["value"]: b["h"]["value"] for b in answer["results"]["bindings"]}


def test_an_edited_article_replaces_its_graph_when_its_source_has_a_key(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    story = folder / "story.txt"
    story.write_text("First headline\n\nA short wire story from Hamburg.\n")
    lines = folder / "export.jsonl"
    keyed = {"id": "cms-7", "headline": "Keyed one", "articleBody": "Text of the keyed story."}
    loose = {"headline": "Loose one", "articleBody": "Text of the story without id."}
    lines.write_text(json.dumps(keyed) + "\n" + json.dumps(loose) + "\n")
    store = OxigraphStore()
    options = jsonld_news.Options(recognize_entities=False)
    assert load_paths([folder], store, options, workers=1).ok
    before = _graphs(store)
    assert sorted(before.values()) == ["First headline", "Keyed one", "Loose one"]

    story.write_text("Second headline\n\nThe same story, edited.\n")
    keyed["headline"], loose["headline"] = "Keyed, edited", "Loose, edited"
    lines.write_text(json.dumps(keyed) + "\n" + json.dumps(loose) + "\n")
    assert load_paths([folder], store, options, workers=1).ok
    after = _graphs(store)
    by_headline = {h: g for g, h in after.items()}
    # a file's path and a JSON line's id name the graph: the edit replaced it
    assert by_headline["Second headline"] == {h: g for g, h in before.items()}["First headline"]
    assert by_headline["Keyed, edited"] == {h: g for g, h in before.items()}["Keyed one"]
    # no key: the content names it, so the edit is a new graph and the old one stays
    assert "Loose one" in after.values() and by_headline["Loose, edited"] not in before
    assert len(after) == 4


def test_provenance_finds_what_came_from_where(tmp_path: Path) -> None:
    lines = tmp_path / "export.jsonl"
    docs = [{"headline": f"Story {n}", "articleBody": f"Body {n}.", "id": n} for n in (1, 2)]
    lines.write_text("".join(json.dumps(d) + "\n" for d in docs))
    spec = f"oxigraph:{tmp_path / 'db'}"
    with jsonld_news.open_store(spec) as store:
        assert load_paths([lines], store, workers=1).ok
        assert store.count_triples() > load_paths([lines], store, workers=1).triples
    code, out, err = run("query", SOURCES, "--store", spec, "--format", "json")
    assert code == 0, err
    rows = json.loads(out)["results"]["bindings"]
    assert [(r["path"]["value"], r["position"]["value"]) for r in rows] == [
        (str(lines), "1"),
        (str(lines), "2"),
    ]
    run_info = (
        "SELECT DISTINCT ?version ?digest WHERE { ?a prov:wasGeneratedBy ?run ; "
        "prov:generatedAtTime ?t . ?run jn:converterVersion ?version ; jn:optionsDigest ?digest }"
    )
    answer = jsonld_news.query(run_info, store=spec)
    assert isinstance(answer, dict)
    (row,) = answer["results"]["bindings"]  # the second load replaced the first one's records
    assert row["version"]["value"] == jsonld_news.__version__
    assert row["digest"]["value"].startswith("sha256:")


def test_retry_failed_loads_exactly_what_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"good{n}.txt").write_text(f"Good story {n}\n\nBody {n}.\n")
    bad = folder / "bad.json"
    bad.write_text('{"headline": ')
    code, _, err = run("load", "in", "-j", "1", "--no-mentions")
    assert code == 1 and "bad.json" in err and "--retry-failed" in err
    log = tmp_path / "jsonld-news.store" / "jsonld-news-load-errors.jsonl"
    (entry,) = [json.loads(line) for line in log.read_text().splitlines()]
    assert entry["input"] == str(bad) and entry["position"] is None and entry["key"] == "bad"
    bad.write_text('{"headline": "Fixed", "articleBody": "Now it reads."}')
    code, _, err = run("load", "--retry-failed", "--no-mentions")
    assert code == 0, err
    assert "loaded 1 article(s)" in err and not log.exists()
    code, _, err = run("load", "--retry-failed")
    assert code == 0 and "nothing to retry" in err
    code, out, _ = run("query", "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a a schema:NewsArticle }")
    assert out.splitlines()[2].strip() == "4"


def test_merge_adds_to_graphs_instead_of_replacing(docs_with_one_change: list[Any]) -> None:
    first, second = docs_with_one_change
    for store in (MemoryStore(), OxigraphStore()):
        load_articles([first], store)
        before = store.count_triples()
        assert load_articles([second], store).ok  # replaces
        assert store.count_triples() == before
        store.add_graphs([(first["@id"], _nt(first))])
        assert store.count_triples() == before + 1  # the old headline is back beside the new


def _nt(doc: dict[str, Any]) -> str:
    from jsonld_news.rdf import to_ntriples, triples

    return to_ntriples(triples(doc))


@pytest.fixture
def docs_with_one_change() -> list[dict[str, Any]]:
    doc = jsonld_news.to_jsonld(jsonld_news.read(INPUTS / "council-budget.json"))
    return [doc, dict(doc, headline="A different headline")]


def test_cli_merge_keeps_what_the_graph_held(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Old headline\n\nBody.\n")
    spec = f"oxigraph:{tmp_path / 'db'}"
    assert run("load", str(story), "--store", spec, "--no-mentions", "-j", "1")[0] == 0
    story.write_text("New headline\n\nBody.\n")
    assert run("load", str(story), "--store", spec, "--no-mentions", "--merge", "-j", "1")[0] == 0
    answer = jsonld_news.query("SELECT ?h { ?a schema:headline ?h } ORDER BY ?h", store=spec)
    assert isinstance(answer, dict)
    assert [b["h"]["value"] for b in answer["results"]["bindings"]] == [
        "New headline",
        "Old headline",
    ]


def test_fresh_graphs_with_bad_content_load_nothing_of_it(tmp_path: Path) -> None:
    good = '<https://e.example/a> <http://schema.org/name> "a" .\n'
    bad = "<https://e.example/b> <http://schema.org/name> <not an iri> .\n"
    # a brace could close a TriG graph block: such content goes the careful way and is refused
    escape = '<https://e.example/c> <http://schema.org/name> "c" . } <https://e.example/x> { '
    escape += "<https://e.example/c> <http://schema.org/name> <https://e.example/d> .\n"
    for store in (OxigraphStore(), OxigraphStore(tmp_path / "db")):
        with pytest.raises(StoreError, match="invalid N-Triples"):
            store.replace_graphs([("https://e.example/g1", good), ("https://e.example/g2", bad)])
        with pytest.raises(StoreError, match="invalid N-Triples"):
            store.replace_graphs([("https://e.example/g1", good), ("https://e.example/g3", escape)])
        assert store.count_triples() == 0  # nothing of a refused batch stays
        store.replace_graphs([("https://e.example/g1", good), ("https://e.example/g4", good)])
        assert store.count_triples() == 2
        store.close()
