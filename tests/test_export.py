"""`darien export`: the bundle on disk, and the static copy served by nginx answering as the API."""

import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from click.testing import Result

from tests.conftest import ApiClient
from tests.fixture_seed import fixture_seed_database  # noqa: F401  (this module's database)
from tests.servers import free_port, nginx_serving

ORIGIN = "https://newsroom.example"
COMPARED = (
    "content-type",
    "etag",
    "content-disposition",
    "link",
    "access-control-allow-origin",
    "access-control-expose-headers",
)
HAS_NGINX = shutil.which("nginx") or Path("/usr/sbin/nginx").exists()


def test_export_writes_the_files_of_the_download(
    client: ApiClient, darien: Callable[..., Result], database_url: str, tmp_path: Path
) -> None:
    result = darien(database_url, "export", str(tmp_path / "bundle"))
    assert result.exit_code == 0, result.output
    archive = zipfile.ZipFile(io.BytesIO(client.get("/v1/download.zip").content))
    written = sorted(
        str(p.relative_to(tmp_path / "bundle"))
        for p in (tmp_path / "bundle").rglob("*")
        if p.is_file()
    )
    assert written == sorted(archive.namelist())
    for name in archive.namelist():
        assert (tmp_path / "bundle" / name).read_bytes() == archive.read(name)


@pytest.fixture
def static_copy(
    darien: Callable[..., Result], database_url: str, tmp_path: Path
) -> tuple[Path, int]:
    port = free_port()
    target = tmp_path / "static"
    result = darien(
        database_url, "export", "--static", str(target), "--listen", f"127.0.0.1:{port}"
    )
    assert result.exit_code == 0, result.output
    return target, port


def test_the_static_copy_holds_every_read_endpoint(static_copy: tuple[Path, int]) -> None:
    manifest = json.loads((static_copy[0] / "manifest.json").read_text())
    for url in (
        "/v1",
        "/v1/crossings/yearly/2030",
        "/v1/crossings/yearly/2030.txt",
        "/v1/crossings/monthly/2030/3",
        "/v1/crossings/monthly.csv?year=2030",
        "/v1/figures/T0004",
        "/v1/sources/T002",
        "/v1/datapackage.json",
        "/v1/data/figures.csv",
        "/v1/download.zip",
        "/v1/releases.atom",
        "/openapi.json",
        "/docs",
    ):
        assert url in manifest
    assert manifest["/v1/figures.csv"]["content-type"] == "text/csv; charset=utf-8"


@pytest.mark.skipif(not HAS_NGINX, reason="nginx is not installed (.ci/run installs it)")
def test_nginx_serving_the_static_copy_answers_as_the_api_byte_for_byte(
    client: ApiClient, static_copy: tuple[Path, int]
) -> None:
    target, port = static_copy
    manifest = json.loads((target / "manifest.json").read_text())
    sample = [url for n, url in enumerate(sorted(manifest)) if n % 3 == 0]
    assert len(sample) > 20
    with nginx_serving(target / "nginx.conf", port) as base, httpx.Client(base_url=base) as nginx:
        for url in sample:
            for origin in ({}, {"Origin": ORIGIN}):
                headers = {"Accept-Encoding": "identity", **origin}
                live, static = client.get(url, headers=headers), nginx.get(url, headers=headers)
                assert static.status_code == live.status_code == 200, url
                assert static.content == live.content, url
                for name in COMPARED:
                    assert static.headers.get(name) == live.headers.get(name), (url, name)
        etag = nginx.get("/v1/crossings/yearly").headers["etag"]
        assert nginx.get("/v1/crossings/yearly", headers={"If-None-Match": etag}).status_code == 304
        assert nginx.get("/v1/crossings/yearly/1850").status_code == 404


def test_export_of_an_unmigrated_database_says_what_to_run(
    darien: Callable[..., Result], empty_database_url: str, tmp_path: Path
) -> None:
    result = darien(empty_database_url, "export", str(tmp_path / "bundle"))
    assert result.exit_code == 1
    assert "run darien migrate and darien seed first" in result.output
