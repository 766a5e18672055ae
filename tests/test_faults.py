"""Faults survived: a writer killed mid-transaction, the database going away, a burst of writers.

Each runs on the test's backend (SQLite, or PostgreSQL with TEST_DATABASE_URL), bounded in time.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import Result
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.databases import engine_for
from tests.servers import ROOT, UVICORN, running
from tests.tcp_proxy import TcpProxy
from tests.test_documents_api import AUTH, DOC, KEY, counts, markdown_upload

CONSISTENCY = {
    "figures without their document": "SELECT count(*) FROM figure f "
    "LEFT JOIN document d ON d.id = f.document_id WHERE d.id IS NULL",
    "figures without their source": "SELECT count(*) FROM figure f "
    "LEFT JOIN source s ON s.id = f.source_id WHERE s.id IS NULL",
    "documents naming a missing source": "SELECT count(*) FROM document d "
    "LEFT JOIN source s ON s.id = d.source_id WHERE d.source_id IS NOT NULL AND s.id IS NULL",
    "ingested documents without a source": "SELECT count(*) FROM document "
    "WHERE origin = 'ingest' AND source_id IS NULL",
    "not exactly one dataset version": "SELECT abs(count(*) - 1) FROM dataset_version",
}


def integrity_problems(database_url: str) -> list[str]:
    """What is wrong with the database: the engine's own check (SQLite) and the app's invariants."""
    problems: list[str] = []
    with engine_for(database_url) as engine, engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            checked = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
            problems += [] if checked == ["ok"] else checked
            problems += [str(row) for row in conn.exec_driver_sql("PRAGMA foreign_key_check")]
        problems += [name for name, sql in CONSISTENCY.items() if conn.execute(text(sql)).scalar()]
    return problems


def dataset_version(database_url: str) -> int:
    with engine_for(database_url) as engine, engine.connect() as conn:
        return int(conn.execute(text("SELECT version FROM dataset_version")).scalar_one())


def wait_for(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting after {seconds} s")
        time.sleep(0.05)


def test_an_ingest_killed_inside_its_transaction_leaves_nothing_behind(
    database_url: str, tmp_path: Path, darien: Callable[..., Result]
) -> None:
    upload = markdown_upload(tmp_path / "upload.md")
    before, version = counts(database_url), dataset_version(database_url)
    marker = tmp_path / "inside-the-transaction"
    command = [sys.executable, str(ROOT / "tests" / "paused_ingest.py"), str(marker), str(upload)]
    env = {**os.environ, "DATABASE_URL": database_url}
    writer = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    try:
        wait_for(lambda: marker.exists() or writer.poll() is not None, 60)
        assert marker.exists(), "the ingest ended before reaching the pause"
        writer.send_signal(signal.SIGKILL)
    finally:
        writer.kill()
        writer.wait(timeout=10)
    assert writer.returncode == -signal.SIGKILL
    assert (counts(database_url), dataset_version(database_url)) == (before, version)
    assert integrity_problems(database_url) == []
    again = darien(database_url, "ingest", str(upload))  # and it goes in whole afterwards
    assert "stored as document" in again.output, again.output
    assert counts(database_url) == (before[0] + 1, before[1] + 1, before[2] + 1)
    assert integrity_problems(database_url) == []


class Outage:
    """Takes the database away from the app and gives it back, without touching the server.

    PostgreSQL: the app connects through a TCP proxy that is cut. SQLite has no server or network
    to lose; what makes its file unreachable to the app is another process holding it locked (a
    stuck sqlite3 shell, a copy tool), so "cut" holds an exclusive lock that blocks even readers.
    """

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.proxy: TcpProxy | None = None
        self.holder: sqlite3.Connection | None = None
        url = make_url(database_url)
        if url.get_backend_name() == "sqlite":
            self.url = url.update_query_dict({"timeout": "0.5"}).render_as_string()
        else:
            self.proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432).__enter__()
            self.url = url.set(port=self.proxy.port).render_as_string(hide_password=False)

    def cut(self) -> None:
        if self.proxy:
            self.proxy.cut()
            return
        self.holder = sqlite3.connect(
            make_url(self.database_url).database or "", isolation_level=None
        )
        self.holder.execute("BEGIN EXCLUSIVE")

    def restore(self) -> None:
        if self.proxy:
            self.proxy.restore()
        elif self.holder:
            self.holder.execute("ROLLBACK")
            self.holder.close()
            self.holder = None

    def close(self) -> None:
        self.restore()
        if self.proxy:
            self.proxy.__exit__(None, None, None)


@pytest.fixture
def outage(database_url: str) -> Iterator[Outage]:
    # Requested before make_client, so the app's engine is disposed before the proxy goes.
    taken = Outage(database_url)
    yield taken
    taken.close()


def test_the_database_going_away_and_coming_back(outage: Outage, make_client: Any) -> None:
    api = make_client(database_url=outage.url, api_keys=KEY)
    yearly = api.get("/v1/crossings/yearly")
    assert (yearly.status_code, api.get("/readyz").status_code) == (200, 200)
    outage.cut()
    assert api.get("/v1/crossings/yearly").json() == yearly.json()
    assert api.get("/v1/crossings/monthly/2023/8").status_code == 200  # first asked now: in memory
    ready = api.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["type"] == "/v1/problems/not-ready"
    write = api.post("/v1/documents", json=DOC, headers=AUTH)
    assert write.status_code == 503
    assert write.headers["content-type"] == "application/problem+json"
    assert write.headers["retry-after"] == "5"
    assert write.json()["type"] == "/v1/problems/database-unavailable"
    outage.restore()
    assert api.get("/readyz").status_code == 200
    assert api.post("/v1/documents", json=DOC, headers=AUTH).status_code == 201
    assert api.get("/v1/crossings/monthly/2021/5").status_code == 200


WRITERS, DOCUMENTS, READERS = 10, 50, 4
FIRST_MONTH = date(1990, 1, 1)  # no seed figure this early: every month here is an ingest's


def month_document(n: int) -> dict[str, Any]:
    """Document n states one total, n + 1000, for the n-th month from January 1990."""
    month = date(FIRST_MONTH.year + n // 12, n % 12 + 1, 1)
    return {
        **DOC,
        "title": f"Crossings in {month:%B %Y}",
        "text": f"In {month:%B %Y}, {1000 + n:,} migrants crossed the Darién, officials said.",
    }


def test_ten_writers_and_busy_readers_see_whole_versions(database_url: str) -> None:
    months = f"/v1/crossings/monthly?from=1990-01&to={1990 + (DOCUMENTS - 1) // 12}-12"
    with running(UVICORN, database_url, DARIEN_API_KEYS=KEY) as base:
        start = dataset_version(database_url)
        done = threading.Event()
        seen: list[tuple[int, int, list[float]]] = []
        statuses: list[int] = []

        def read() -> None:
            with httpx.Client(base_url=base, timeout=30) as client:
                while not done.is_set():
                    answer = client.get(months)
                    statuses.append(answer.status_code)
                    body = answer.json()
                    values = [row["value"] for row in body["data"]]
                    seen.append((body["meta"]["dataset_version"], body["meta"]["count"], values))

        def write(n: int) -> int:
            with httpx.Client(base_url=base, timeout=60) as client:
                return client.post(
                    "/v1/documents", json=month_document(n), headers=AUTH
                ).status_code

        readers = [threading.Thread(target=read) for _ in range(READERS)]
        for reader in readers:
            reader.start()
        try:
            with ThreadPoolExecutor(WRITERS) as pool:
                written = list(pool.map(write, range(DOCUMENTS)))
        finally:
            done.set()
            for reader in readers:
                reader.join(timeout=60)
        final = httpx.get(f"{base}{months}", timeout=30).json()
    assert written == [201] * DOCUMENTS
    assert set(statuses) == {200}
    # One ingest, one version: a response of version v holds exactly v - start ingested months.
    for version, count, values in seen:
        assert count == version - start == len(values)
    assert {version for version, _, _ in seen} > {start}  # readers did run during the writes
    assert final["meta"]["count"] == DOCUMENTS
    assert sorted(row["value"] for row in final["data"]) == [1000 + n for n in range(DOCUMENTS)]
    with engine_for(database_url) as engine, engine.connect() as conn:
        titles = conn.execute(text("SELECT title FROM document WHERE origin = 'ingest'")).scalars()
        assert sorted(titles) == sorted(month_document(n)["title"] for n in range(DOCUMENTS))
    assert integrity_problems(database_url) == []
