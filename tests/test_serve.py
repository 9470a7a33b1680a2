"""``jsonld-news serve``: a real uvicorn server (2 workers) on 127.0.0.1, started as the user
starts it, with every non-loopback connection blocked inside the server's processes; the
playground in a real headless Chromium (the Debian package, driven by Playwright)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

import jsonld_news
from jsonld_news.openapi import openapi_document
from jsonld_news.serve_start import GC_THRESHOLD
from jsonld_news.stage_timing import STAGES
from tests.conftest import EXAMPLES, NO_SHARED, SHARED

pytestmark = [pytest.mark.serve, pytest.mark.allow_hosts(["127.0.0.1"])]

SEED = EXAMPLES / "inputs" / "moscowtimes-scholz-putin.txt"
PAGE = SHARED / "corpus" / "html" / "taz.de.siemens.html"
MAX_BODY = 1_000_000
# Loaded by every process of the server (uvicorn's workers are spawned): connect() anywhere
# but the loopback raises, so a handler that tried to fetch something would answer 500.
_NO_NETWORK = (
    "import pytest_socket\n"
    "pytest_socket.socket_allow_hosts(['127.0.0.1'], allow_unix_socket=True)\n"
)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def guard(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a process that may reach only the loopback."""
    folder = tmp_path_factory.mktemp("no-network")
    (folder / "sitecustomize.py").write_text(_NO_NETWORK)
    path = os.pathsep.join(p for p in (str(folder), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path}


@contextmanager
def _serving(log: Path, guard: dict[str, str], *arguments: str) -> Iterator[str]:
    """``jsonld-news serve ARGUMENTS`` on a free port, once it answers: its base URL."""
    command = [sys.executable, "-m", "jsonld_news", "serve", *arguments]
    for _ in range(3):  # the port may be taken between probing and binding
        base = f"http://127.0.0.1:{_free_port()}"
        with log.open("wb") as stream:
            process = subprocess.Popen(
                [*command, "--port", base.rsplit(":", 1)[1]],
                stdout=stream,
                stderr=subprocess.STDOUT,
                env=guard,
            )
        if _answers(process, base):
            try:
                yield base
            finally:
                _stop(process)
                assert "Traceback" not in log.read_text(errors="replace")
            return
        _stop(process)
    pytest.fail(f"serve did not start: {log.read_text(errors='replace')[-800:]}")


def _answers(process: subprocess.Popen[bytes], base: str) -> bool:
    """Whether the server at ``base`` answers /healthz within a minute (while it runs)."""
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return True
        except httpx.TransportError:
            time.sleep(0.1)
    return False


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, guard: dict[str, str]) -> Iterator[str]:
    log = tmp_path_factory.mktemp("serve") / "server.log"
    with _serving(log, guard, "--workers", "2", "--max-body-size", str(MAX_BODY)) as base:
        yield base


@pytest.fixture(scope="module")
def timed_server(tmp_path_factory: pytest.TempPathFactory, guard: dict[str, str]) -> Iterator[str]:
    """One worker, with ``--server-timing``."""
    log = tmp_path_factory.mktemp("serve-timed") / "server.log"
    with _serving(log, guard, "--workers", "1", "--server-timing") as base:
        yield base


@pytest.fixture(scope="module")
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=30) as session:
        yield session


def _problem(response: httpx.Response, status: int, field: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert set(body) >= {"field", "problem", "value"} and body["field"] == field, body
    assert "Traceback" not in response.text
    return body


def _graph(rdfxml: str) -> Any:
    from rdflib import Graph
    from rdflib.compare import to_isomorphic

    return to_isomorphic(Graph().parse(data=rdfxml, format="xml"))


# --- the OpenAPI document ---------------------------------------------------------------------


def test_the_openapi_document_is_valid_and_names_every_route(client: httpx.Client) -> None:
    from openapi_spec_validator import validate

    served = client.get("/openapi.json").json()
    assert served == openapi_document()
    validate(served)
    routes = {r.path for r in jsonld_news.create_app().routes}  # type: ignore[attr-defined]
    assert set(served["paths"]) == routes
    to = next(p for p in served["paths"]["/convert"]["post"]["parameters"] if p["name"] == "to")
    assert to["schema"]["enum"] == list(jsonld_news.OUTPUT_FORMATS)


# --- conversions --------------------------------------------------------------------------


def test_convert_gives_what_the_python_api_gives_in_every_format(client: httpx.Client) -> None:
    data = SEED.read_bytes()
    for fmt in jsonld_news.OUTPUT_FORMATS:
        response = client.post(
            "/convert", params={"to": fmt}, content=data, headers={"Content-Type": "text/plain"}
        )
        assert response.status_code == 200, (fmt, response.text)
        expected = jsonld_news.convert(data, fmt, "text")
        if fmt == "rdfxml":  # rdflib's pretty-xml orders nodes differently from run to run
            assert _graph(response.text) == _graph(expected)
        else:
            assert response.text == expected, fmt
    doc = client.post("/convert", content=data).json()  # curl's default: detected, JSON-LD
    assert doc["@type"] == "NewsArticle" and doc["mentions"]


def test_accept_chooses_the_output_and_a_bad_one_is_406(client: httpx.Client) -> None:
    data = SEED.read_bytes()
    turtle = client.post("/convert", content=data, headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    assert "schema:NewsArticle" in turtle.text or "NewsArticle" in turtle.text
    ranked = "application/rdf+xml;q=0.5, application/n-triples"
    assert client.post("/convert", content=data, headers={"Accept": ranked}).text.startswith("<")
    expanded = 'application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"'
    body = client.post("/convert", content=data, headers={"Accept": expanded}).json()
    assert isinstance(body, list)
    _problem(client.post("/convert", content=data, headers={"Accept": "image/png"}), 406, "Accept")


def test_the_format_comes_from_content_type_or_from(client: httpx.Client) -> None:
    markdown = (EXAMPLES / "inputs" / "harbour-heat-pumps.md").read_bytes()
    as_md = client.post("/convert", content=markdown, headers={"Content-Type": "text/markdown"})
    assert as_md.json() == json.loads(jsonld_news.convert(markdown, "jsonld", "markdown"))
    forced = {"Content-Type": "text/markdown"}  # ?from= wins: read as a dump, it has no headline
    as_text = client.post("/convert", params={"from": "text"}, content=markdown, headers=forced)
    assert _problem(as_text, 422, "headline")["problems"]
    _problem(
        client.post("/convert", content=markdown, headers={"Content-Type": "image/png"}),
        415,
        "Content-Type",
    )
    _problem(client.post("/convert", params={"from": "pdf"}, content=markdown), 400, "from")


def test_query_parameters_are_the_cli_options(client: httpx.Client) -> None:
    data = SEED.read_bytes()
    params = {"base-iri": "https://example.org/kb/", "mentions": "false"}
    doc = client.post("/convert", params=params, content=data).json()
    options = jsonld_news.Options.from_values(base_iri="https://example.org/kb/", mentions=False)
    assert doc == json.loads(jsonld_news.convert(data, "jsonld", "text", options=options))
    assert "mentions" not in doc and "https://example.org/kb/" in json.dumps(doc)
    publisher = json.dumps({"name": "Example Daily", "url": "https://example.org/"})
    doc = client.post("/convert", params={"publisher": publisher}, content=data).json()
    assert doc["publisher"]["name"] == "Example Daily"
    _problem(
        client.post("/convert", params={"timezone": "Mars/Base"}, content=data), 400, "timezone"
    )
    _problem(client.post("/convert", params={"base-iri": "kb/"}, content=data), 400, "base-iri")
    _problem(client.post("/convert", params={"mentions": "maybe"}, content=data), 400, "mentions")
    _problem(client.post("/convert", params={"encoding": "no-such"}, content=data), 400, "encoding")
    _problem(client.post("/convert", params={"publisher": "[1]"}, content=data), 400, "publisher")
    _problem(client.post("/convert", params={"kb": "/etc/passwd"}, content=data), 400, "kb")
    _problem(client.post("/convert?to=nt&to=nq", content=data), 400, "to")


# --- errors and limits --------------------------------------------------------------------


def test_bad_input_is_a_4xx_naming_the_problem(client: httpx.Client) -> None:
    _problem(client.post("/convert", content=b""), 400, "body")
    _problem(
        client.post(
            "/convert", content=b'{"headline": ', headers={"Content-Type": "application/json"}
        ),
        400,
        "body",
    )
    empty = client.post("/convert", content=b'{"headline": "", "articleBody": ""}')
    assert empty.status_code in (400, 422) and empty.json()["problem"]
    remote = json.dumps({"@context": "https://example.org/context.jsonld", "headline": "x"})
    _problem(client.post("/convert", content=remote), 422, "body")
    _problem(client.post("/convert", content=b"x" * (MAX_BODY + 1)), 413, "body")
    _problem(client.get("/nowhere"), 404, "path")
    _problem(client.get("/convert"), 405, "path")


def test_no_handler_reaches_the_network(client: httpx.Client, guard: dict[str, str]) -> None:
    probe = "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 80), 1)\nexcept Exception as e:\n    print(type(e).__name__)"
    blocked = subprocess.run(
        [sys.executable, "-c", probe], env=guard, capture_output=True, text=True
    )
    assert (
        blocked.stdout.strip() == "SocketConnectBlockedError"
    )  # the server's processes are guarded
    remote = {
        "@context": ["https://example.org/context.jsonld", "https://schema.org"],
        "@type": "NewsArticle",
        "headline": "Remote context",
        "articleBody": "A body that names Berlin.",
        "image": "https://example.org/a.jpg",
    }
    params = {"allow-remote-context": "true"}
    response = client.post("/convert", params=params, content=json.dumps(remote))
    assert response.status_code in (200, 422), response.text
    page = (
        b'<html><head><link rel="canonical" href="https://example.org/a">'
        b'<script type="application/ld+json">{"@context": "https://example.org/ctx", '
        b'"@type": "NewsArticle", "headline": "H"}</script>'
        b'<link rel="stylesheet" href="https://cdn.example.org/x.css"></head>'
        b"<body><h1>H</h1><p>Berlin text of a page.</p><img src='https://example.org/i.png'>"
        b"<iframe src='https://example.org/f'></iframe></body></html>"
    )
    for path in ("/convert", "/seo", "/validate", "/analyze"):
        answer = client.post(path, content=page, headers={"Content-Type": "text/html"})
        assert answer.status_code < 500, (path, answer.text)


@pytest.fixture(scope="module")
def prepared() -> None:
    """What each worker does at start-up (its lifespan; httpx's ASGI transport runs none):
    the recogniser and KB opened, so no request pays for building them."""
    jsonld_news.prepare(jsonld_news.Options())


@pytest.mark.usefixtures("prepared")
def test_limits_answer_in_json(tmp_path: Path) -> None:
    """Time limit and concurrency, in-process (the same application, on httpx's ASGI transport)."""
    import asyncio

    data = SEED.read_bytes() * 30
    slow = jsonld_news.create_app(jsonld_news.ServeConfig(timeout=0.001))
    busy = jsonld_news.create_app(jsonld_news.ServeConfig(concurrency=1))

    async def requests() -> tuple[httpx.Response, list[httpx.Response]]:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=slow), base_url="http://t"
        ) as c:
            late = await c.post("/convert", content=data)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=busy), base_url="http://t"
        ) as c:
            answers = await asyncio.gather(*(c.post("/convert", content=data) for _ in range(3)))
        return late, list(answers)

    late, answers = asyncio.run(requests())
    _problem(late, 504, "body")
    assert sorted(a.status_code for a in answers)[0] == 200
    refused = [a for a in answers if a.status_code == 503]
    assert refused and refused[0].headers["retry-after"] == "1"
    _problem(refused[0], 503, "server")


@pytest.mark.usefixtures("prepared")
def test_a_timed_out_conversion_keeps_its_slot_until_it_ends(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A thread cannot be stopped: the 504 comes at once, the conversion runs on, holding its
    slot (503 for the next request), and the slot is free again when it ends. In-process, with
    a conversion that waits for the test's signal (no timing involved but the 504's)."""
    import asyncio
    import threading

    from jsonld_news import http_app

    release, entered = threading.Event(), threading.Event()
    real = http_app.read_article

    def held(*args: Any) -> Any:
        entered.set()
        assert release.wait(30)
        return real(*args)

    data = SEED.read_bytes()
    app = jsonld_news.create_app(jsonld_news.ServeConfig(timeout=0.2, concurrency=1))

    async def requests() -> list[Any]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            monkeypatch.setattr(http_app, "read_article", held)
            late = await c.post("/convert", content=data)
            assert entered.is_set()
            busy = await c.post("/convert", content=data)
            health = (await c.get("/healthz")).json()
            monkeypatch.setattr(http_app, "read_article", real)
            release.set()
            for _ in range(300):  # until the abandoned conversion has ended (bounded)
                if (await c.get("/healthz")).json()["in_progress"] == 0:
                    break
                await asyncio.sleep(0.01)
            again = await c.post("/convert", content=data)
            return [late, busy, health, again]

    late, busy, health, again = asyncio.run(requests())
    _problem(late, 504, "body")
    _problem(busy, 503, "server")
    assert health["in_progress"] == 1
    assert again.status_code == 200 and again.json()["@type"] == "NewsArticle"


# --- seo, validate, analyze, health -------------------------------------------------------


def test_seo_gives_the_script_block(client: httpx.Client) -> None:
    data = SEED.read_bytes()
    block = client.post("/seo", content=data)
    assert block.status_code == 200 and block.headers["content-type"].startswith("text/html")
    assert block.text.startswith('<script type="application/ld+json"')
    assert block.text.count("</script") == 1
    inner = json.loads(block.text.split(">", 1)[1].rsplit("</script>", 1)[0])
    article = jsonld_news.read(data, "text")
    assert block.text == jsonld_news.seo_block(article)  # what `jsonld-news seo` prints
    assert inner["@type"] == "NewsArticle" and inner["headline"] == article.headline
    injected = client.post("/seo", params={"inject": "1", "from": "text"}, content=data)
    _problem(injected, 400, "body")  # a text article is no page to inject into
    html = PAGE.read_bytes() if PAGE.is_file() else None
    if html is not None:
        answer = client.post("/seo", params={"inject": "true"}, content=html)
        assert answer.status_code == 200 and b"application/ld+json" in answer.content
        assert answer.content.count(b"<head") == html.count(b"<head")


def test_validate_reports_as_json(client: httpx.Client) -> None:
    doc = json.loads(jsonld_news.convert(SEED.read_bytes(), "jsonld", "text"))
    report = client.post("/validate", json=doc).json()
    assert report == {**jsonld_news.validate(doc).to_dict(), "valid": report["valid"]}
    broken = {**doc, "datePublished": "yesterday"}
    del broken["headline"]
    bad = client.post("/validate", json=broken).json()
    assert bad["ok"] is False and bad["valid"] is False and bad["errors"] >= 1
    assert {i["severity"] for i in bad["issues"]} <= {"error", "warning"}
    _problem(client.post("/validate", params={"validators": "nope"}, json=doc), 400, "validators")
    page = b"<html><head><title>T</title></head><body><h1>A page</h1><p>Text.</p></body></html>"
    page_report = client.post("/validate", content=page, headers={"Content-Type": "text/html"})
    # a page: the structured data already on it, as `jsonld-news validate page.html` reports it
    assert page_report.status_code == 200
    expected = jsonld_news.validate_page(page, name="<body>").to_dict()
    assert page_report.json() == {**expected, "valid": page_report.json()["valid"]}


def test_analyze_gives_entities_with_offsets(client: httpx.Client) -> None:
    result = client.post("/analyze", content=SEED.read_bytes()).json()
    assert result["jsonld"]["@type"] == "NewsArticle" and result["turtle"]
    assert result["entities"]
    for span in result["entities"]:
        text = result["headline"] if span["in"] == "headline" else result["body"]
        assert text[span["start"] : span["end"]] == span["surface"]


def test_each_worker_loads_the_recognizer_once(client: httpx.Client) -> None:
    for _ in range(6):
        client.post("/convert", content=SEED.read_bytes())
    seen: dict[int, int] = {}
    for _ in range(40):  # answers come from either worker
        health = client.get("/healthz").json()
        seen[health["pid"]] = health["recognizer_loads"]
    assert set(seen.values()) == {1}


def test_each_worker_reports_its_start_up_and_its_frozen_heap(client: httpx.Client) -> None:
    """A worker answers once its start-up is done: recogniser open, warm-up run, and the heap
    frozen (the start-up objects are out of the collector's reach: the latency tail)."""
    seen: dict[int, dict[str, Any]] = {}
    for _ in range(40):  # answers come from either worker
        health = client.get("/healthz").json()
        seen[health["pid"]] = health
    for health in seen.values():
        assert health["ready"] is True
        assert health["start"]["mentions"] is True and health["start"]["frozen"] is True
        assert health["start"]["modules"] > 0
        assert health["gc"]["frozen"] > 0
        assert health["gc"]["threshold"] == list(GC_THRESHOLD)
        assert len(health["gc"]["collections"]) == 3
        assert len(health["gc"]["since_start"]) == len(health["gc"]["longest_ms"]) == 3
        assert all(ms >= 0 for ms in health["gc"]["longest_ms"])


@pytest.mark.usefixtures("prepared")
def test_an_application_in_another_server_leaves_its_collector_be() -> None:
    """``create_app`` mounted elsewhere: its start-up (its real lifespan, as a host server
    runs it) opens and warms up, but never freezes the host's heap or changes its thresholds."""
    import asyncio
    import gc

    app = jsonld_news.create_app()
    frozen, threshold = gc.get_freeze_count(), gc.get_threshold()

    async def started() -> dict[str, Any]:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
                health: dict[str, Any] = (await c.get("/healthz")).json()
                return health

    health = asyncio.run(started())
    assert health["ready"] is True and health["start"]["frozen"] is False
    assert "longest_ms" not in health["gc"]  # no callback added to the host's collector
    assert gc.get_freeze_count() == frozen and gc.get_threshold() == threshold


def test_the_pause_clock_times_real_collections() -> None:
    import gc

    from jsonld_news.serve_start import PauseClock

    clock = PauseClock()
    gc.callbacks.append(clock)
    try:
        gc.collect(1)
        gc.collect()
    finally:
        gc.callbacks.remove(clock)
    assert clock.count[1] >= 1 and clock.count[2] >= 1
    assert clock.total[1] > 0 and clock.total[2] > 0
    assert all(
        0 <= longest <= total for longest, total in zip(clock.longest, clock.total, strict=True)
    )


def _stages(header: str) -> dict[str, float]:
    found = {}
    for entry in header.split(","):
        name, _, duration = entry.strip().partition(";dur=")
        found[name] = float(duration)
    return found


def test_server_timing_only_when_asked(client: httpx.Client, timed_server: str) -> None:
    data = SEED.read_bytes()
    plain = client.post("/convert", content=data)
    assert plain.status_code == 200 and "server-timing" not in plain.headers
    timed = httpx.post(f"{timed_server}/convert", content=data, timeout=30)
    assert timed.status_code == 200
    assert timed.content == plain.content  # the timed path converts the same
    stages = _stages(timed.headers["server-timing"])
    assert list(stages) == list(STAGES)
    assert all(duration >= 0 for duration in stages.values())
    health = httpx.get(f"{timed_server}/healthz", timeout=30)
    assert "server-timing" not in health.headers  # conversions only


@pytest.mark.skipif(not SHARED.is_dir(), reason=NO_SHARED)
@pytest.mark.parametrize("name", ["moscowtimes-scholz-putin.txt", "harbour-heat-pumps.md", "html"])
def test_the_timed_conversion_is_the_pipelines(name: str) -> None:
    """``timed_convert`` runs ``convert_bytes``'s stages: the same article, every field."""
    from jsonld_news.jsonld import to_jsonld
    from jsonld_news.pipeline import convert_bytes
    from jsonld_news.stage_timing import StageTimes, timed_convert

    data = PAGE.read_bytes() if name == "html" else (EXAMPLES / "inputs" / name).read_bytes()
    options = jsonld_news.Options()
    times = StageTimes()
    timed = timed_convert(data, "<body>", None, options, times)
    plain = convert_bytes(data, "<body>", None, options)
    assert to_jsonld(timed) == to_jsonld(plain) and timed.warnings == plain.warnings
    assert set(times.seconds) == {"parse", "build", "enrich", "mentions"}


# --- property-based: schemathesis against the served document -------------------------------


@pytest.mark.fuzz
def test_no_request_makes_a_500(server: str) -> None:
    """schemathesis draws requests from the served OpenAPI document, operation by operation,
    and checks each answer: never a 5xx, and status, content type and body as documented
    (not that every schema-valid request succeeds: most strings are no article, a 4xx)."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from schemathesis.core.result import Ok
    from schemathesis.specs.openapi.checks import positive_data_acceptance

    schema = schemathesis.openapi.from_url(f"{server}/openapi.json")
    results = list(schema.get_all_operations())
    operations = [result.ok() for result in results if isinstance(result, Ok)]
    assert len(operations) == len(results)  # the document loads without errors
    assert len(operations) >= len(openapi_document()["paths"]) - 1  # all but the document
    each = max(5, settings().max_examples // 4)  # 5 in a quick run, 250 with -m fuzz
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=each,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def call(case: Any) -> None:
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        call()


# --- the playground in a real browser -----------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="needs the Debian package chromium")
def test_the_playground_in_chromium(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            outside: list[str] = []
            page.on(
                "request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None
            )
            page.goto(server + "/")
            page.fill("#source", SEED.read_text(encoding="utf-8"))
            page.click("#run")
            # the page's policy forbids eval: wait with locators, never with wait_for_function
            expect(page.locator("#jsonld")).to_contain_text("NewsArticle", timeout=30_000)
            shown = json.loads(page.inner_text("#jsonld"))
            assert shown == json.loads(jsonld_news.convert(SEED.read_bytes(), "jsonld", "text"))
            assert page.inner_text("#verdict").startswith(("valid", "invalid"))
            assert page.locator("#report h3").count() == 2  # errors, warnings
            assert page.locator("#text mark").count() >= 3
            assert page.locator("#graph svg circle").count() >= 4
            assert "@prefix" in page.inner_text("#turtle") or "<" in page.inner_text("#turtle")
            # a screenshot, as the README's (tools/screenshot.py rewrites docs/playground.png)
            page.screenshot(path=str(tmp_path / "playground.png"), full_page=True)
            assert (tmp_path / "playground.png").stat().st_size > 10_000

            # keyboard: the text box, the drop zone and the button are reached with Tab
            page.goto(server + "/")
            page.keyboard.press("Tab")
            order = []
            for _ in range(5):
                order.append(page.evaluate("document.activeElement.id"))
                page.keyboard.press("Tab")
            assert order.index("source") < order.index("drop") < order.index("format")
            page.focus("#source")
            page.keyboard.insert_text(SEED.read_text(encoding="utf-8"))
            page.locator("#jsonld").evaluate("node => { node.textContent = ''; }")
            page.keyboard.press("Control+Enter")
            expect(page.locator("#jsonld")).to_contain_text("NewsArticle", timeout=30_000)

            # phone width: nothing wider than the screen
            page.set_viewport_size({"width": 390, "height": 844})
            assert page.evaluate("document.documentElement.scrollWidth") <= 390

            if PAGE.is_file():  # a corpus page, dropped as a file
                page.set_input_files("#file", str(PAGE))
                expect(page.locator("#status")).to_contain_text("Read as html", timeout=30_000)
                shown = json.loads(page.inner_text("#jsonld"))
                expected = json.loads(jsonld_news.convert(PAGE, "jsonld"))
                assert shown["headline"] == expected["headline"]
                assert shown == expected
            assert outside == [], outside
        finally:
            browser.close()
    if not PAGE.is_file():
        pytest.skip(f"corpus page part: {NO_SHARED}")


# --- the command itself -------------------------------------------------------------------


def test_serve_without_the_extra_or_with_bad_options_is_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer.testing import CliRunner

    from jsonld_news.cli import app

    runner = CliRunner()
    for argv in (["--workers", "0"], ["--timezone", "Mars/Base"], ["--max-body-size", "lots"]):
        result = runner.invoke(app, ["serve", *argv])
        assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1, result.output
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if jsonld-news[serve] were not installed
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 2
    assert "jsonld-news[serve]" in result.output and "Traceback" not in result.output
