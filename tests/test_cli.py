"""The command line: formats, stdin/stdout, batches, and one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jsonld_news.cli import app
from jsonld_news.jsonld import plain
from tests.conftest import EXAMPLES, NO_SHARED, SHARED
from tests.test_kb import DUMP_ITEMS, dump_text

SEED = EXAMPLES / "inputs" / "moscowtimes-scholz-putin.txt"
FOCUS_PAGE = SHARED / "corpus" / "html" / "focus.de.leasen.html"
runner = CliRunner()


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_convert_seed_to_compact_jsonld() -> None:
    code, out, _ = run("convert", str(SEED))
    assert code == 0
    doc = json.loads(out)
    assert doc["@context"] == "https://schema.org"
    assert doc["@type"] == "NewsArticle"
    assert "author" not in doc


@pytest.mark.parametrize(
    "fmt", ["turtle", "nt", "nq", "rdfxml", "jsonld-expanded", "jsonld-flattened", "html"]
)
def test_every_output_format(fmt: str) -> None:
    code, out, err = run("convert", str(SEED), "--to", fmt, "--no-mentions")
    assert code == 0, err
    assert out.strip()


def test_stdin_to_stdout_with_from() -> None:
    data = json.dumps({"headline": "From stdin", "body": "Text."}).encode()
    code, out, _ = run("convert", "-", "--from", "json", "--to", "nt", stdin=data)
    assert code == 0
    assert '"From stdin"' in out


def test_output_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "seed.ttl"
    code, _, _ = run("convert", str(SEED), "--to", "turtle", "-o", str(target))
    assert code == 0
    assert target.read_text().startswith("@prefix schema:")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


BAD_INPUTS = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 4,
    "latin1.txt": "Caf\u00e9 headline\n\nBody".encode("latin-1"),
    "malformed.json": b'{"headline": "x",',
    "wrongshape.json": b"[1, 2, 3]",
    "noheadline.json": b'{"body": "text only"}',
    "baddate.json": b'{"headline": "H", "datePublished": "the day after tomorrow"}',
    "deep.json": b"[" * 100_000 + b"]" * 100_000,
    "longline.txt": b"x" * (50 * 1024 * 1024),
    "remote.json": b'{"@context": "https://evil.example.net/c", "headline": "H"}',
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_exit_2(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    out_file = tmp_path / "out.jsonld"
    code, _out, err = run("convert", str(path), "-o", str(out_file))
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"jsonld-news: error: {path}"), err
    assert "Traceback" not in err
    assert not out_file.exists()


def test_errors_list_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "two.json"
    path.write_bytes(b'{"body": "x", "datePublished": "nonsense", "url": "ftp://x"}')
    _, _, err = run("convert", str(path))
    assert "headline" in err and "datePublished" in err and "url" in err


def test_entry_point_never_prints_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b"{nope")
    result = subprocess.run(
        [sys.executable, "-m", "jsonld_news", "convert", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_batch_reports_every_failure_and_converts_the_rest(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_bytes(SEED.read_bytes())
    (inputs / "bad.json").write_bytes(b"{")
    (inputs / "empty.md").write_bytes(b"")
    out = tmp_path / "out"
    code, _, err = run(
        "convert", str(inputs), "--to", "jsonld,turtle", "-o", str(out), "--no-mentions"
    )
    assert code == 1
    assert err.count("jsonld-news: error:") == 2
    assert sorted(p.name for p in out.iterdir()) == [
        ".jsonld-news-manifest.jsonl",
        "errors.jsonl",
        "good.jsonld",
        "good.ttl",
    ]
    assert "converted 1 article(s)" in err
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [(Path(e["input"]).name, e["position"], e["error_class"]) for e in errors] == [
        ("bad.json", None, "MalformedInputError"),
        ("empty.md", None, "UnreadableInputError"),
    ]


def test_validate_exit_codes(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonld"
    code, out, _ = run("convert", str(SEED), "-o", str(good))
    assert code == 0
    code, out, _ = run("validate", str(good), "--validators", "json-schema")
    assert code == 0 and "valid" in out
    doc = json.loads(good.read_text())
    doc["datePublished"] = "15/11/2024"
    doc["author"] = [{"@type": "Person", "name": "By Jane Roe"}]
    bad = tmp_path / "bad.jsonld"
    bad.write_text(json.dumps(doc))
    code, out, _ = run("validate", str(bad), "--validators", "json-schema")
    assert code == 1
    assert "$.datePublished" in out and "$.author[0].name" in out and "'15/11/2024'" in out
    unusable = tmp_path / "unusable.jsonld"
    unusable.write_text("{not json")
    code, _, err = run("validate", str(unusable))
    assert code == 2 and str(unusable) in err


def test_publisher_file_and_timezone_and_base_iri(tmp_path: Path) -> None:
    publisher = tmp_path / "publisher.yaml"
    publisher.write_text("name: The Daily Example\nurl: https://daily.example.com/\n")
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\n2024-03-01 09:30\n\nBy Ann Lee\n\nBody text.")
    code, out, err = run(
        "convert",
        str(article),
        "--publisher",
        str(publisher),
        "--timezone",
        "Europe/Berlin",
        "--base-iri",
        "https://data.example.org/id/",
        "--no-mentions",
    )
    assert code == 0, err
    doc = plain(json.loads(out))  # the jsonld output states types; the values are these
    assert doc["publisher"]["name"] == "The Daily Example"
    assert doc["datePublished"] == "2024-03-01T09:30:00+01:00"
    assert doc["author"][0]["@id"] == "https://data.example.org/id/person/ann-lee"


@pytest.mark.parametrize(
    ("option", "value"),
    [("--timezone", "Mars/Olympus"), ("--base-iri", "not an iri"), ("--to", "yaml")],
)
def test_bad_options_are_one_line(option: str, value: str) -> None:
    code, _, err = run("convert", str(SEED), option, value)
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err


def test_load_into_embedded_oxigraph(tmp_path: Path) -> None:
    code, _, err = run("load", str(EXAMPLES / "inputs"), "--store", f"oxigraph:{tmp_path / 'db'}")
    assert code == 0, err
    assert "loaded 4 article(s)" in err and "0 failed" in err


@pytest.mark.skipif(not FOCUS_PAGE.is_file(), reason=NO_SHARED)
def test_inspect_shows_sources_and_winners() -> None:
    page = FOCUS_PAGE
    code, out, err = run("inspect", str(page))
    assert code == 0, err
    assert "title:" in out and "json-ld" in out and "*" in out
    code, out, _ = run("inspect", str(page), "--json")
    assert code == 0 and json.loads(out)


def test_entities_table_and_kb_linking(tmp_path: Path) -> None:
    code, out, _ = run("entities", str(SEED))
    assert code == 0
    assert "Olaf Scholz" in out and "Person" in out and "urn:jsonld-news:person/olaf-scholz" in out
    dump = tmp_path / "dump.json"
    dump.write_text(dump_text([DUMP_ITEMS[0]]))
    kb = tmp_path / "kb.jsonl"
    code, _, err = run("kb", "import", str(dump), "-o", str(kb))
    assert code == 0, err
    code, out, _ = run("entities", str(SEED), "--kb", str(kb), "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    putin = next(r for r in rows if r["name"] == "Vladimir Putin")
    assert "http://www.wikidata.org/entity/Q7747" in putin["sameAs"]


def test_kb_import_of_a_truncated_dump_exits_1(tmp_path: Path) -> None:
    text = dump_text(DUMP_ITEMS)
    dump = tmp_path / "cut.json"
    dump.write_text(text[: text.index('"Q183"') + 40])
    code, _, err = run("kb", "import", str(dump), "-o", str(tmp_path / "kb.jsonl"))
    assert code == 1 and "truncated" in err


def test_impossible_timezone_offset_is_one_line_exit_2() -> None:
    code, out, err = run("convert", str(SEED), "--timezone", "+25:00", "--no-mentions")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "+25:00" in err and "impossible" in err


def test_batch_with_workers_and_a_kb(tmp_path: Path) -> None:
    """Options carry the KB's path; each worker process opens the KB itself (a memory-mapped
    index cannot be pickled). Eight inputs, so the batch really goes to a process pool."""
    dump = tmp_path / "dump.json"
    dump.write_text(dump_text([DUMP_ITEMS[0]]))
    kb = tmp_path / "kb.jsonl"
    code, _, err = run("kb", "import", str(dump), "-o", str(kb))
    assert code == 0, err
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for i in range(8):
        (crawl / f"a{i}.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    args = ["convert", str(crawl), "-j", "2", "--kb", str(kb), "-o", str(out)]
    proc = subprocess.run(
        [sys.executable, "-m", "jsonld_news", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "converted 8 article(s)" in proc.stderr and "Traceback" not in proc.stderr
    for i in range(8):
        doc = plain(json.loads((out / f"a{i}.jsonld").read_text()))
        people = [e for e in doc.get("about", []) + doc.get("mentions", []) if "sameAs" in e]
        assert any("http://www.wikidata.org/entity/Q7747" in e["sameAs"] for e in people)


def test_a_missing_kb_is_one_line_exit_2(tmp_path: Path) -> None:
    code, _, err = run("convert", str(SEED), "--kb", str(tmp_path / "nope.jsonl"))
    assert code == 2 and err.count("\n") == 1 and "nope.jsonl" in err


COMMANDS = ["convert", "validate", "load", "inspect", "entities", "formats", "kb", "kb import"]


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_names_options_in_full_without_python_types(command: str) -> None:
    code, out, _ = run(*command.split(), "--help")
    assert code == 0
    assert "<list" not in out and "[str]" not in out and "<str>" not in out and "<int>" not in out
    assert "…" not in out  # no option name cut to fit a column
    if command == "convert":
        for name in ("--allow-remote-context", "--mentions / --no-mentions", "--workers", "--kb"):
            assert name in out
        assert "INPUT" in out


def test_version() -> None:
    import jsonld_news

    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"jsonld-news {jsonld_news.__version__}"
    from importlib.metadata import version

    assert jsonld_news.__version__ == version("jsonld-news")


def test_cli_uses_only_the_public_api() -> None:
    """cli.py imports from ``jsonld_news`` itself, and only names in ``__all__``."""
    import ast

    import jsonld_news
    import jsonld_news.cli

    tree = ast.parse(Path(jsonld_news.cli.__file__).read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("jsonld_news"):
            assert node.module == "jsonld_news", f"cli.py reaches into {node.module}"
            assert {a.name for a in node.names} <= set(jsonld_news.__all__)
        if isinstance(node, ast.Import):
            assert not any(a.name.startswith("jsonld_news.") for a in node.names)


@pytest.mark.parametrize(
    ("name", "content", "looks_like"),
    [
        ("post.md", b"# A post\n\nSome *Markdown* text.\n", "Markdown"),
        ("post.md", b"---\ntitle: A post\n---\n\nText.\n", "Markdown"),
        ("item.json", b'{"headline": "H"}', "JSON"),
        ("seed.txt", b"Title\n\nBody.\n", "a plain-text article"),
    ],
)
def test_inspect_says_a_non_html_input_is_not_html(
    tmp_path: Path, name: str, content: bytes, looks_like: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run("inspect", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "truncated" not in err
    assert f"{path}: not HTML: it looks like {looks_like}" in err


def test_inspect_still_reads_a_page_fragment_named_html(tmp_path: Path) -> None:
    path = tmp_path / "frag.html"
    path.write_bytes(b"<article><h1>Headline</h1><p>Text.</p></article>")
    code, _, err = run("inspect", str(path))
    assert code == 0, err
