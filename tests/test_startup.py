"""Start-up work, counted (the seconds are `make bench`'s, tools/bench_startup.py): what a
process imports, and that slow derived data (py3langid's model, the starter KB's index) is made
once and mapped by every later process."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import jsonld_news
from jsonld_news import kb, language
from jsonld_news.cache import cache_dir
from jsonld_news.enrich import recognize
from tests.conftest import EXAMPLES

# Imported only by the work that needs them, never by `--help`, `formats` or `import jsonld_news`.
HEAVY = ["jsonld_news.pipeline", "jsonld_news.enrich", "nameparser", "dateutil", "numpy"]
HEAVY += ["py3langid", "lxml", "rdflib", "pyld", "pyoxigraph", "trafilatura", "extruct"]
HEAVY += ["starlette", "uvicorn", "anyio", "jsonld_news.http_app"]  # only `serve` needs them


def imported_after(code: str) -> set[str]:
    """Modules loaded by a fresh interpreter that runs ``code``."""
    script = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


@pytest.mark.parametrize(
    "code",
    [
        "import jsonld_news",
        "import jsonld_news.cli",
        "from jsonld_news.cli import app\ntry:\n    app(['formats'])\nexcept SystemExit:\n    pass",
        "from jsonld_news.cli import app\ntry:\n    app(['--help'])\nexcept SystemExit:\n    pass",
    ],
)
def test_help_and_formats_import_no_pipeline(code: str) -> None:
    loaded = imported_after(code)
    assert not {m for m in loaded for h in HEAVY if m == h or m.startswith(h + ".")}


def test_the_enrichers_load_nameparser_only_to_recase_a_name() -> None:
    # nameparser costs ~40 ms to import; a mixed-case byline never needs it
    code = "from jsonld_news.enrich.byline import split_byline, tidy_name\n"
    assert "nameparser" not in imported_after(code + "tidy_name('Jane Roe')")
    assert "nameparser" in imported_after(code + "assert tidy_name('JANE ROE') == 'Jane Roe'")


def test_the_public_names_still_resolve() -> None:
    for name in jsonld_news.__all__:
        assert getattr(jsonld_news, name) is not None
    importlib.import_module("jsonld_news.serialize")  # binds the submodules on the package
    importlib.import_module("jsonld_news.validate.schema")
    assert callable(jsonld_news.validate) and callable(jsonld_news.serialize)
    assert jsonld_news.validate.__module__ == "jsonld_news.api"


def test_all_is_the_lazy_table() -> None:
    # __all__ stays a literal for static tools; it must name exactly what the lazy table serves
    assert set(jsonld_news.__all__) == set(jsonld_news._WHERE) | {"__version__"}


def test_language_detection_only_when_no_language_is_named(tmp_path: Path) -> None:
    language.identifier()  # the run's cache folder holds the mapped model from here on
    doc = json.loads((EXAMPLES / "inputs" / "council-budget.json").read_text(encoding="utf-8"))
    doc["inLanguage"] = "en"
    path = tmp_path / "named.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    loaded = imported_after(f"import jsonld_news\njsonld_news.read({str(path)!r})")
    assert "jsonld_news.language" not in loaded
    doc.pop("inLanguage")
    path.write_text(json.dumps(doc), encoding="utf-8")
    loaded = imported_after(f"import jsonld_news\njsonld_news.read({str(path)!r})")
    assert "jsonld_news.language" in loaded  # no language named: detected
    assert "numpy" not in loaded and "py3langid" not in loaded  # from the mapped model


TEXTS = [
    "Der Bundeskanzler sprach am Freitag mit dem russischen Präsidenten über den Krieg.",
    "President Vladimir Putin and German Chancellor Olaf Scholz spoke over the phone.",
    "El presidente habló con la prensa sobre la economía del país y el empleo.",
    "Le président a parlé à la presse de l'économie du pays et de l'emploi.",
    "日本の首相は金曜日に記者会見を行った",
    "Српски језик се пише ћирилицом и латиницом.",
    "ALL CAPITALS, AS SOME HEADLINES ARE",
    "x",
    "",
]


def test_language_model_is_decompressed_once_then_mapped() -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    language.identifier.cache_clear()
    language.identifier()  # this run's cache folder: built, or mapped if a test built it
    before = language.decompressions
    language.identifier.cache_clear()  # as a new process would
    mapped = language.identifier()
    assert language.decompressions == before
    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    vectorised = mapped.vectorised()
    for text in TEXTS * 2:  # past PURE_PYTHON_TEXTS: both scorers
        expected_language, expected_probability = reference.classify(text)
        got_language, got_probability = mapped.classify(text)
        assert got_language == expected_language
        assert got_probability == pytest.approx(expected_probability, abs=1e-5)
        assert vectorised.classify(text) == (expected_language, expected_probability)


def test_a_stale_or_broken_model_cache_is_rebuilt(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = cache_dir()
    assert folder is not None
    [cached] = folder.glob("py3langid-model-*.bin") or [None]
    if cached is None:
        language.identifier.cache_clear()
        language.identifier()
        [cached] = folder.glob("py3langid-model-*.bin")
    original = cached.read_bytes()
    try:
        cached.write_bytes(original[:100])  # a torn file
        language.identifier.cache_clear()
        before = language.decompressions
        assert language.identifier().classify("The cat sat on the mat again.")[0] == "en"
        assert language.decompressions == before + 1
        assert cached.stat().st_size == len(original)  # written again, whole
    finally:
        language.identifier.cache_clear()


def test_no_cache_folder_still_works(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JSONLD_NEWS_CACHE", "")
    assert cache_dir() is None
    language.identifier.cache_clear()
    recognize.starter_kb.cache_clear()
    try:
        assert language.identifier().classify("Ceci est une phrase en français.")[0] == "fr"
        assert recognize.starter_kb().lookup("Berlin")
    finally:
        language.identifier.cache_clear()
        recognize.starter_kb.cache_clear()
        recognize.default_recognizer.cache_clear()


def test_starter_kb_index_is_built_once_then_mapped(monkeypatch: pytest.MonkeyPatch) -> None:
    builds = []
    real = kb._build_index

    def counting(data: object, source: str) -> object:
        builds.append(source)
        return real(data, source)  # type: ignore[arg-type]

    monkeypatch.setattr(kb, "_build_index", counting)
    try:
        recognize.starter_kb.cache_clear()
        first = recognize.starter_kb()
        recognize.starter_kb.cache_clear()  # as a new process would
        second = recognize.starter_kb()
        assert len(builds) <= 1  # 0 when an earlier test already built this run's index
        assert second.lookup("Berlin") == first.lookup("Berlin") != []
        assert len(second) == len(first)
    finally:
        recognize.starter_kb.cache_clear()
        recognize.default_recognizer.cache_clear()


def test_cache_folder_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JSONLD_NEWS_CACHE", str(tmp_path / "c"))
    folder = cache_dir()
    assert folder == tmp_path / "c"
    assert os.stat(folder).st_mode & 0o077 == 0
