"""Real server processes for the tests that need one (several workers, the CLI, fuzzing)."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).parent.parent


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(port: int) -> None:
    """Block until /healthz answers 200 (fail the test after 30 s)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail(f"server on port {port} did not start")


def seeded_sqlite(folder: Path, seed_dir: Path) -> str:
    """A migrated SQLite database in folder, loaded from seed_dir; its URL."""
    from app.ingest.seed import seed
    from app.storage.engine import make_engine, migrate

    url = f"sqlite:///{folder / 'served.db'}"
    engine = make_engine(url)
    try:
        migrate(engine)
        seed(engine, seed_dir)
    finally:
        engine.dispose()
    return url


@contextmanager
def running(command: list[str], database_url: str, **env: str) -> Iterator[str]:
    """Run a server command on a free port (appended as --port N); yield its base URL."""
    port = free_port()
    environment = {**os.environ, "DATABASE_URL": database_url, "REQUEST_LOG": "false", **env}
    server = subprocess.Popen([*command, "--port", str(port)], env=environment, cwd=ROOT)
    try:
        wait_until_up(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)  # several workers on a busy machine take a while


UVICORN = [
    sys.executable,
    "-m",
    "uvicorn",
    "app.main:create_app",
    "--factory",
    "--no-server-header",
    "--log-level",
    "warning",
]
DARIEN_SERVE = [str(Path(sys.executable).parent / "darien"), "serve"]


@contextmanager
def nginx_serving(config: Path, port: int) -> Iterator[str]:
    """Run nginx on a written config listening on `port`; yield its base URL."""
    from app.export.nginx import nginx_command

    server = subprocess.Popen(nginx_command(config), cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail(f"nginx on port {port} did not start")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
