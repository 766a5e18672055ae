"""End to end: the explorer in headless Chromium, driven through chromedriver's W3C WebDriver API.

Needs Debian's `chromium` and `chromium-driver` (.ci/run installs them). Without them the test is
skipped on a developer's machine and fails in CI. Screenshots go to the test's temporary folder.
"""

import base64
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.servers import UVICORN, free_port, running

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C key of an element reference
CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")


class Browser:
    """A WebDriver session: the few commands this test needs, as plain HTTP calls."""

    def __init__(self, driver: httpx.Client, session: str) -> None:
        self.driver, self.session = driver, session

    def command(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        response = self.driver.request(method, f"/session/{self.session}{path}", json=body)
        assert response.status_code == 200, response.text
        return response.json()["value"]

    def open(self, url: str) -> None:
        self.command("POST", "/url", {"url": url})

    def find(self, css: str) -> str:
        return str(
            self.command("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]
        )

    def text(self, css: str = "body") -> str:
        return str(self.command("GET", f"/element/{self.find(css)}/text"))

    def script(self, source: str) -> Any:
        return self.command("POST", "/execute/sync", {"script": source, "args": []})

    def screenshot(self, path: Path) -> None:
        path.write_bytes(base64.b64decode(self.command("GET", "/screenshot")))

    def wait_for(self, condition: str, seconds: float = 15) -> None:
        """Poll a script returning a boolean until it is true."""
        deadline = time.monotonic() + seconds
        while not self.script(condition):
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for: {condition}")
            time.sleep(0.1)


@pytest.fixture
def browser() -> Iterator[Browser]:
    """Headless Chromium behind a chromedriver of this test's own."""
    if not (CHROMIUM and CHROMEDRIVER):
        reason = (
            "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)"
        )
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser test: {reason}")
        pytest.skip(reason)
    port = free_port()
    driver = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL)
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
    try:
        wait_for_driver(client)
        options = {
            "binary": CHROMIUM,
            # root in CI has no user namespace for the sandbox; /dev/shm may be small in containers
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1100,2200",
            ],
        }
        capabilities = {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}
        started = client.post("/session", json={"capabilities": capabilities})
        assert started.status_code == 200, started.text
        session = started.json()["value"]["sessionId"]
        yield Browser(client, session)
        client.delete(f"/session/{session}")
    finally:
        client.close()
        driver.terminate()
        driver.wait(timeout=10)


def wait_for_driver(client: httpx.Client) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if client.get("/status").json()["value"]["ready"]:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail("chromedriver did not start")


def test_explorer_in_chromium_shows_figures_chart_and_checks_a_claim(
    browser: Browser, database_url: str, tmp_path: Path
) -> None:
    with running(UVICORN, database_url) as base:
        browser.open(f"{base}/?year=2023")
        browser.wait_for("return document.readyState === 'complete'")
        assert "520,085" in browser.text()
        assert "Venezuela" in browser.text("#nationality ~ div")
        # The yearly chart is the API's own SVG: loaded, and drawn wider than a broken image.
        browser.wait_for("const i = document.querySelector('img.chart'); return i.complete")
        assert browser.script("return document.querySelector('img.chart').naturalWidth") > 300
        browser.screenshot(tmp_path / "explorer.png")

        textarea = browser.find("textarea#text")
        claim = "More than half a million people crossed the Darién in 2023."
        browser.command("POST", f"/element/{textarea}/value", {"text": claim})
        browser.command("POST", f"/element/{browser.find('form.check button')}/click", {})
        browser.wait_for(
            "return location.pathname === '/check' && document.readyState === 'complete'"
        )
        answer = browser.text("#results ~ *")
        assert "consistent" in answer
        assert "520,085" in answer
        browser.screenshot(tmp_path / "claim-check.png")
    assert (tmp_path / "explorer.png").read_bytes().startswith(b"\x89PNG")
