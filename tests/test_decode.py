"""Bytes to text: UTF-16 without a byte-order mark is recognised, binary data is still refused."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import jsonld_news
from jsonld_news.cli import app
from jsonld_news.decode import decode_text, utf16_without_bom, whatwg_codec
from jsonld_news.options import Options
from jsonld_news.readers.html import decode_html

NO_NLP = Options(recognize_entities=False, detect_language=False)
TEXT = "Scholz und Putin sprechen\n\nKYIV — Der Kanzler rief an. Путин ответил.\n"
PAGE = next(iter(sorted((Path(__file__).parent / "fixtures" / "html").glob("*.html"))))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_decoded(encoding: str) -> None:
    data = TEXT.encode(encoding)
    assert utf16_without_bom(data) == encoding
    assert decode_text(data, "a.txt") == TEXT
    article = jsonld_news.read(data, "text", options=NO_NLP)
    assert article.headline == "Scholz und Putin sprechen"
    doc = {"headline": "Köln", "body": "Text."}
    assert jsonld_news.read(json.dumps(doc).encode(encoding), options=NO_NLP).headline == "Köln"
    html = PAGE.read_bytes().decode("utf-8")
    page = jsonld_news.read(html.encode(encoding), "html", options=NO_NLP)
    assert page.headline == jsonld_news.read(PAGE, options=NO_NLP).headline


def test_utf16_with_an_explicit_encoding_is_not_called_binary(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))
    result = CliRunner().invoke(
        app, ["convert", str(path), "--encoding", "utf-16-le", "--no-mentions"]
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["headline"] == "Scholz und Putin sprechen"


def test_utf16_that_does_not_decode_gets_the_hint(tmp_path: Path) -> None:
    data = (TEXT * 4).encode("utf-16-le") + b"\x00\xd8"  # a lone surrogate at the end
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["convert", str(path), "--no-mentions"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "looks like UTF-16 without a BOM; pass --encoding utf-16-le" in result.stderr


@pytest.mark.parametrize(
    "data",
    [os.urandom(4096), bytes(range(256)) * 16, b"\x89PNG\r\n\x1a\n" + bytes(200), b"ab\x00cd" * 50],
)
def test_binary_is_still_binary(data: bytes) -> None:
    assert utf16_without_bom(data) is None
    with pytest.raises(jsonld_news.UnreadableInputError, match="binary"):
        decode_text(data, "x.bin")


def _declared(charset: str, text: str, encoding: str) -> bytes:
    return (
        f'<html><head><meta charset="{charset}"><title>t</title></head>'
        f"<body><p>{text}</p></body></html>"
    ).encode(encoding)


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("latin1", "cp1252"),  # WHATWG: the Latin-1 and ASCII labels mean windows-1252
        ("ISO-8859-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("iso-8859-9", "cp1254"),
        ("x-sjis", "cp932"),  # Shift_JIS as browsers decode it (Microsoft's superset)
        ("ks_c_5601-1987", "cp949"),
        ("gb2312", "gb18030"),
        ("tis-620", "cp874"),
        (" Windows-1251 ", "cp1251"),
        ("iso-2022-kr", None),  # the standard's "replacement" decoder: no text to read
        ("no-such-charset", None),
    ],
)
def test_whatwg_labels(label: str, codec: str | None) -> None:
    assert whatwg_codec(label) == codec


def test_declared_labels_are_decoded_as_browsers_do() -> None:
    # 0x80 is the euro sign in windows-1252, a C1 control in ISO-8859-1
    text, used, _ = decode_html(_declared("iso-8859-1", "Preis: 5 € – café", "cp1252"), "p")
    assert "5 € – café" in text and used == "cp1252"
    # 髙 (NEC/IBM extension) is in cp932, not in JIS X 0208's shift_jis
    text, used, _ = decode_html(_declared("x-sjis", "髙橋さんが東京で話した。", "cp932"), "p")
    assert "髙橋さん" in text and used == "cp932"
    # a GB18030 character a GBK label still reads (the standard decodes GBK with GB18030)
    text, used, _ = decode_html(_declared("gbk", "数据 \u20ac \u3400", "gb18030"), "p")
    assert "\u3400" in text and used == "gb18030"


def test_a_replacement_label_falls_back_to_detection() -> None:
    body = "Le café de la gare a rouvert ses portes après des années de travaux. " * 20
    text, _used, notes = decode_html(_declared("iso-2022-kr", body, "cp1252"), "p")
    assert "après" in text and notes and "detected" in notes[0]
