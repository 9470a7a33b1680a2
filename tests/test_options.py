"""Options are plain configuration: loose values are accepted and checked once, or ConfigError."""

from __future__ import annotations

import json
import pickle
from datetime import UTC, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import jsonld_news
from jsonld_news import ConfigError, Options
from jsonld_news.options import parse_offset
from jsonld_news.raw import RawOrganization

ARTICLE = b"Title\n\nMarch 1, 2024 09:30\n\nBody text of the article.\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Europe/Berlin", ZoneInfo("Europe/Berlin")),
        ("UTC", UTC),
        ("z", UTC),
        ("+02:00", timezone(timedelta(hours=2))),
        ("-0530", timezone(-timedelta(hours=5, minutes=30))),
        ("+14:00", timezone(timedelta(hours=14))),
        (timezone(timedelta(hours=1)), timezone(timedelta(hours=1))),
        (None, None),
    ],
)
def test_timezone_from_a_name_an_offset_or_a_tzinfo(value: object, expected: object) -> None:
    options = Options(timezone=value)  # type: ignore[arg-type]
    assert options.timezone == expected and options.zone == expected


@pytest.mark.parametrize("value", ["+25:00", "-24:00", "+05:75", "+15:00", "Mars/Olympus", "+"])
def test_impossible_or_unknown_timezone_is_a_config_error(value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Options(timezone=value)
    assert value in str(caught.value) and "\n" not in str(caught.value)


def test_parse_offset_shape_and_range() -> None:
    assert parse_offset("+02:00") == timedelta(hours=2)
    assert parse_offset("-03") == timedelta(hours=-3)
    assert parse_offset("Europe/Paris") is None
    with pytest.raises(ValueError, match="impossible"):
        parse_offset("+25:00")


def test_a_string_timezone_applies_to_date_times() -> None:
    doc = jsonld_news.to_jsonld(
        jsonld_news.read(
            ARTICLE, "text", options=Options(timezone="Europe/Berlin", recognize_entities=False)
        )
    )
    assert doc["datePublished"] == "2024-03-01T09:30:00+01:00"


def test_publisher_from_a_mapping_a_file_or_a_raw_organization(tmp_path: Path) -> None:
    spec = {"name": "The Daily Example", "url": "https://daily.example.com/"}
    from_mapping = Options(publisher=spec)
    assert from_mapping.publisher == RawOrganization(
        name="The Daily Example", url="https://daily.example.com/"
    )
    path = tmp_path / "publisher.json"
    path.write_text(json.dumps(spec))
    assert Options(publisher=path).publisher == from_mapping.publisher
    assert Options(publisher=str(path)).publisher == from_mapping.publisher
    yaml_path = tmp_path / "publisher.yaml"
    yaml_path.write_text("name: The Daily Example\nurl: https://daily.example.com/\n")
    assert Options(publisher=yaml_path).publisher == from_mapping.publisher
    raw = RawOrganization(name="X")
    assert Options(publisher=raw).publisher is raw
    options = Options(publisher=spec, recognize_entities=False)
    doc = jsonld_news.to_jsonld(jsonld_news.read(ARTICLE, "text", options=options))
    assert doc["publisher"]["name"] == "The Daily Example"


@pytest.mark.parametrize(
    "value",
    [{}, {"name": ""}, {"name": 42}, {"name": "X", "url": 7}, 42, ["name"], "/no/such/file.json"],
)
def test_bad_publisher_is_a_config_error(value: object) -> None:
    with pytest.raises(ConfigError):
        Options(publisher=value)  # type: ignore[arg-type]


def test_bad_values_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="base IRI"):
        Options(base_iri="not an iri")
    with pytest.raises(ConfigError, match="knowledge base"):
        Options(kb=tmp_path / "missing.jsonl")
    with pytest.raises(ConfigError, match="recognizer"):
        Options(recognizer="magic")
    with pytest.raises(ConfigError, match="HTML syntax"):
        Options(html_syntaxes=("json-ld", "tea-leaves"))
    assert Options(html_syntaxes=("jsonld", "og")).html_syntaxes == ("json-ld", "opengraph")
    assert issubclass(ConfigError, jsonld_news.JsonldNewsError)
    assert "ConfigError" in jsonld_news.__all__


def test_options_are_plain_values_that_pickle(tmp_path: Path) -> None:
    kb = tmp_path / "kb.jsonl"
    kb.write_text('{"label": "Ann Lee", "type": "Person"}\n')
    options = Options(timezone="Europe/Berlin", publisher={"name": "P"}, kb=kb)
    jsonld_news.prepare(options)  # opening the KB leaves the options as they were
    assert options.kb == str(kb)
    assert pickle.loads(pickle.dumps(options)) == options


def test_a_spacy_recognizer_that_is_not_installed_is_a_config_error() -> None:
    """spaCy is an extra: without it, or without the model, one clear error."""
    options = Options(recognizer="spacy:xx_no_such_model")
    try:
        import spacy  # noqa: F401
    except ImportError:
        with pytest.raises(ConfigError, match=r"jsonld-news\[spacy\]"):
            jsonld_news.prepare(options)
    else:  # pragma: no cover - with spaCy installed the model is missing
        with pytest.raises(ConfigError, match="xx_no_such_model"):
            jsonld_news.prepare(options)


def test_from_values_is_what_the_cli_and_the_http_api_share(tmp_path: Path) -> None:
    kb = tmp_path / "kb.jsonl"
    kb.write_text('{"label": "Ann Lee", "type": "Person"}\n')
    base = Options.from_values(timezone="+02:00", kb=str(kb), max_input_size="500k")
    assert base.max_input_bytes == 500_000 and base.kb == str(kb)
    assert Options.from_values(base) is base  # nothing given: nothing changes
    changed = Options.from_values(base, base_iri="https://example.org/kb/", mentions=False)
    assert changed.base_iri == "https://example.org/kb/" and changed.timezone == base.timezone
    assert changed.recognize_entities is False and changed.kb is None  # no recognition, no KB
    assert Options.from_values(syntaxes="jsonld,og").html_syntaxes == ("json-ld", "opengraph")
    for bad in ({"max_input_size": "lots"}, {"max_input_size": "0"}, {"timezone": "Mars/Base"}):
        with pytest.raises(ConfigError):
            Options.from_values(**bad)  # type: ignore[arg-type]
