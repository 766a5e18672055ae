"""Shared fixtures: per-test databases built by the migrations, and an in-process httpx client."""

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal
from click.testing import Result
from typer.testing import CliRunner

from app.cli import cli
from app.config import PROJECT_ROOT, Settings, get_settings
from app.ingest.seed import seed
from app.main import create_app
from app.storage.engine import migrate
from tests.databases import BACKEND, Databases, engine_for

SEED_DIR = PROJECT_ROOT / "seed"
GOLDEN_DIR = Path(__file__).parent / "golden"


def pytest_report_header() -> str:
    return f"database backend: {BACKEND}"


@pytest.fixture(scope="session", autouse=True)
def record_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Records that servers started by the tests keep (app.record.cache) go to a folder of this
    session, never to the user's own cache."""
    folder = tmp_path_factory.mktemp("records")
    folder.chmod(0o700)
    os.environ["RECORD_CACHE_DIR"] = str(folder)
    yield folder
    os.environ.pop("RECORD_CACHE_DIR", None)


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    dbs = Databases(tmp_path_factory.mktemp("databases"))
    template = dbs.new_empty()
    with engine_for(template) as engine:
        migrate(engine)
        seed(engine, SEED_DIR)
    dbs.set_template(template)
    yield dbs
    dbs.drop_all()


@pytest.fixture
def database_url(databases: Databases) -> Iterator[str]:
    """A migrated and seeded database of this test's own."""
    url = databases.copy_of_template()
    yield url
    databases.drop(url)


@pytest.fixture
def empty_database_url(databases: Databases) -> Iterator[str]:
    """An empty database of this test's own (no schema)."""
    url = databases.new_empty()
    yield url
    databases.drop(url)


@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    """A private copy of the seed documents that a test may edit."""
    target = tmp_path / "seed"
    shutil.copytree(SEED_DIR, target)
    return target


class ApiClient:
    """A synchronous facade over httpx.AsyncClient on the ASGI app (lifespan included)."""

    def __init__(self, portal: BlockingPortal, client: httpx.AsyncClient) -> None:
        self.portal, self.client = portal, client

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self.portal.call(lambda: self.client.request(method, url, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)


@pytest.fixture
def make_client(database_url: str) -> Iterator[Any]:
    """Factory for clients on this test's database, with optional settings overrides."""
    with start_blocking_portal() as portal:
        stack: list[Any] = []

        def build(**overrides: Any) -> ApiClient:
            settings = Settings(**{"database_url": database_url, **overrides})
            app = create_app(settings)
            api = app.app  # the FastAPI app behind the fast path
            lifespan = portal.wrap_async_context_manager(api.router.lifespan_context(api))
            lifespan.__enter__()
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            client = httpx.AsyncClient(transport=transport, base_url="http://testserver")
            stack.append((lifespan, client))
            return ApiClient(portal, client)

        yield build
        for lifespan, client in reversed(stack):
            portal.call(client.aclose)
            lifespan.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Any) -> ApiClient:
    """A client on this test's own seeded database."""
    return make_client()  # type: ignore[no-any-return]


@pytest.fixture
def darien(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Result]]:
    """Run the `darien` command in-process on a database (it reads DATABASE_URL, cached)."""
    runner = CliRunner()

    def run(database_url: str, *args: str) -> Result:
        monkeypatch.setenv("DATABASE_URL", database_url)
        get_settings.cache_clear()
        return runner.invoke(cli, list(args))

    yield run
    get_settings.cache_clear()
