"""Servers for the remote-store tests, all on 127.0.0.1: Virtuoso (the ``virtuoso-opensource``
Debian package, started with a temporary ``virtuoso.ini``), and a tiny threaded fake that
misbehaves on purpose (fails, stalls, drips, answers nonsense, refuses credentials)."""

from __future__ import annotations

import base64
import http.server
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

VIRTUOSO_PACKAGE = "virtuoso-opensource"
VIRTUOSO_USER = "newsloader"
VIRTUOSO_PASSWORD = "Vt-s3cret-9f2"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _no_proxy_open(request: urllib.request.Request | str, timeout: float) -> bytes:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=timeout) as answer:
        data: bytes = answer.read()
        return data


def stop(process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- Virtuoso ---------------------------------------------------------------------------------

_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
CheckpointInterval = 0
MaxQueryMem = 1G
DirsAllowed = ., {folder}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 8
MaxKeepAlives = 8
KeepAliveTimeout = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""


@dataclass
class Virtuoso:
    """A running virtuoso-t: ``base`` is its HTTP root; ``sql_port`` is for isql."""

    binary: str
    isql: str
    folder: Path
    sql_port: int = 0
    http_port: int = 0
    process: subprocess.Popen[bytes] | None = None
    user: str = VIRTUOSO_USER
    password: str = VIRTUOSO_PASSWORD

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def start(self, timeout: float = 120) -> None:
        """Start (or restart, on the same database) and wait until SPARQL answers."""
        if not self.http_port:
            self.sql_port, self.http_port = free_port(), free_port()
            ini = _INI.format(folder=self.folder, sql_port=self.sql_port, http_port=self.http_port)
            (self.folder / "virtuoso.ini").write_text(ini)
        with (self.folder / "server.out").open("ab") as out:
            self.process = subprocess.Popen(
                [self.binary, "+foreground", "+configfile", str(self.folder / "virtuoso.ini")],
                cwd=self.folder,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        probe = f"{self.base}/sparql?query=ASK%7B%7D"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                _no_proxy_open(probe, timeout=5)
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.3)
        log = (self.folder / "virtuoso.log").read_text(errors="replace")[-800:]
        self.stop()
        pytest.fail(f"virtuoso did not start: {log}")

    def sql(self, statements: str) -> str:
        done = subprocess.run(
            [self.isql, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statements}"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql failed: {done.stdout[-500:]} {done.stderr[-500:]}")
        return done.stdout

    def set_up_loader(self) -> None:
        """A user with SPARQL_UPDATE: the role that /sparql-auth and the Digest-auth Graph
        Store endpoint /sparql-graph-crud-auth (both realm SPARQL, present in a fresh
        database) ask for."""
        self.sql(
            f"DB.DBA.USER_CREATE('{self.user}', '{self.password}'); "
            f'GRANT SPARQL_UPDATE TO "{self.user}"; '
            f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET('{self.user}', 7); "
        )
        paths = self.sql("select HP_LPATH from DB.DBA.HTTP_PATH where HP_LPATH like '/sparql%';")
        if "/sparql-graph-crud-auth" not in paths:  # older packages: define it
            self.sql(
                "DB.DBA.VHOST_DEFINE(lpath=>'/sparql-graph-crud-auth', ppath=>'/!sparql-graph-crud/', "
                "is_dav=>1, vsp_user=>'dba', opts=>vector('noinherit', 1), "
                "auth_fn=>'DB.DBA.HP_AUTH_SPARQL_USER', realm=>'SPARQL', sec=>'digest');"
            )

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process, timeout=20)


def virtuoso_binaries() -> tuple[str, str] | None:
    binary = shutil.which("virtuoso-t")
    isql = shutil.which("isql-vt") or shutil.which("isql")
    return (binary, isql) if binary and isql else None


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    found = virtuoso_binaries()
    if found is None:
        pytest.skip(
            f"no virtuoso-t/isql-vt: the Debian package {VIRTUOSO_PACKAGE} is not installed "
            "(tools/setup-system.sh installs it)"
        )
    server = Virtuoso(*found, folder=tmp_path_factory.mktemp("virtuoso"))
    server.start()
    try:
        server.set_up_loader()
        yield server
    finally:
        server.stop()


# --- a misbehaving fake -----------------------------------------------------------------------

FAKE_USER, FAKE_PASSWORD = "alice", "Fk-pa55-w0rd"
NO_GRAPHS = b'{"head": {"vars": ["g", "s", "p", "o"]}, "results": {"bindings": []}}'
EMPTY_RESULTS = b'{"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": "0"}}]}}'


@dataclass
class Fake:
    """``base/MODE/...`` behaves as MODE says: ``ok``, ``error500``, ``bad400``, ``slow``
    (answers after ``slow_seconds``), ``drip`` (one byte every ``drip_seconds``, headers
    included), ``html`` (a 200 that is not SPARQL results), ``basic`` (wants
    alice's password; its 401 echoes the Authorization header it got). ``hits`` counts
    requests by mode."""

    base: str
    hits: Counter[str] = field(default_factory=Counter)
    peers: set[int] = field(default_factory=set)  # client ports seen: one per connection
    slow_seconds: float = 3.0
    drip_seconds: float = 0.25


def _handler(fake: Fake) -> type[http.server.BaseHTTPRequestHandler]:
    good = "Basic " + base64.b64encode(f"{FAKE_USER}:{FAKE_PASSWORD}".encode()).decode()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _answer(
            self, status: int, body: bytes, kind: str, extra: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            received = self.rfile.read(length) if length else b""
            mode = self.path.strip("/").split("/")[0].split("?")[0]
            fake.hits[mode] += 1
            fake.peers.add(self.client_address[1])
            if (
                mode == "form415"
                and self.headers.get("Content-Type") == "application/sparql-update"
            ):
                self._answer(415, b"Unsupported Media Type", "text/plain")
            elif mode == "error500":
                self._answer(500, b"Internal failure:\n disk on fire", "text/plain")
            elif mode == "bad400":
                self._answer(
                    400, b"<html><body><h1>Parse error</h1> at line 3</body></html>", "text/html"
                )
            elif mode == "slow":
                time.sleep(fake.slow_seconds)
                self._answer(200, EMPTY_RESULTS, "application/sparql-results+json")
            elif mode == "drip":
                body = EMPTY_RESULTS
                head = (
                    f"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n"
                ).encode()
                try:
                    for byte in head + body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(fake.drip_seconds)
                except OSError:
                    pass  # the client gave up, as it should
                self.close_connection = True
            elif mode == "html":
                self._answer(200, b"<html><body>Welcome!</body></html>", "text/html")
            elif mode == "basic" and self.headers.get("Authorization") != good:
                sent = self.headers.get("Authorization", "nothing")
                self._answer(
                    401,
                    f"Refused: you sent {sent}".encode(),
                    "text/plain",
                    {"WWW-Authenticate": 'Basic realm="fake"'},
                )
            elif b"VALUES" in received:  # what a batch's graphs hold: nothing
                self._answer(200, NO_GRAPHS, "application/sparql-results+json")
            elif self.command == "GET" or "query" in self.path:
                self._answer(200, EMPTY_RESULTS, "application/sparql-results+json")
            else:
                self._answer(204, b"", "text/plain")

        do_GET = do_POST = do_PUT = do_DELETE = _handle

    return Handler


@pytest.fixture(scope="module")
def fake() -> Iterator[Fake]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    server.daemon_threads = True
    state = Fake(f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = _handler(state)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
