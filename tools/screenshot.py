"""Regenerate docs/playground.png, the README's picture of the playground (``make screenshot``).

Starts ``jsonld-news serve`` on a free port of 127.0.0.1, converts the seed article in the
playground in headless Chromium (the Debian package ``chromium``, driven by Playwright), and
saves the full page. The tests take the same screenshot into a temporary folder, so running
them never rewrites this tracked file; review the new picture before committing it.
"""

from __future__ import annotations

import argparse
import http.client
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "inputs" / "moscowtimes-scholz-putin.txt"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("screenshot: the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "playground.png")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("screenshot: needs the Debian package chromium")
    from playwright.sync_api import expect, sync_playwright

    port = _free_port()
    command = [sys.executable, "-m", "jsonld_news", "serve", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(port, process)
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(f"http://127.0.0.1:{port}/")
                page.fill("#source", SEED.read_text(encoding="utf-8"))
                page.click("#run")
                expect(page.locator("#jsonld")).to_contain_text("NewsArticle", timeout=30_000)
                expect(page.locator("#graph svg circle").first).to_be_visible(timeout=30_000)
                args.output.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.output), full_page=True)
            finally:
                browser.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    print(f"screenshot: wrote {args.output}")


if __name__ == "__main__":
    main()
