"""The production topology of compose.yaml without Docker: PostgreSQL, two `darien serve` replicas
and nginx in front, on loopback ports, nginx configured from the very template deploy/ ships."""

import getpass
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from tests.databases import BACKEND
from tests.servers import DARIEN_SERVE, ROOT, free_port, running

pytestmark = pytest.mark.skipif(
    BACKEND != "postgresql",
    reason="replicas share one database only on PostgreSQL (set TEST_DATABASE_URL)",
)
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
KEY = "topology-key"
DOC = {
    "text": "Panama's migration service said 302,203 people crossed the Darién in 2024.",
    "publisher": "Topology Wire",
    "title": "Crossings seen through two replicas",
    "published": "2025-02-10",
    "language": "en",
}


def nginx_config(folder: Path, api_ports: list[int], port: int) -> Path:
    """deploy/nginx.conf rendered for loopback, inside a main config nginx can run unprivileged."""
    values = {
        "API_1": f"127.0.0.1:{api_ports[0]}",
        "API_2": f"127.0.0.1:{api_ports[1]}",
        "LISTEN": f"127.0.0.1:{port}",
        "CACHE_DIR": str(folder / "cache"),
    }
    # As the nginx image's envsubst with NGINX_ENVSUBST_FILTER: only ${NAME}, never nginx's $host.
    template = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    site = re.sub(r"\$\{([A-Z0-9_]+)\}", lambda m: values[m.group(1)], template)
    (folder / "darien.conf").write_text(site, encoding="utf-8")
    temp = " ".join(
        f"{kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi")
    )
    main = folder / "nginx.conf"
    main.write_text(
        # Workers run as the test's own user: the cache lives in the test's private folder.
        f"user {getpass.getuser()};\n"
        f"daemon off;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'} warn;\n"
        "events { worker_connections 64; }\n"
        f"http {{ access_log off; {temp} uwsgi_temp_path {folder / 'uwsgi'}; "
        f"scgi_temp_path {folder / 'scgi'}; include {folder / 'darien.conf'}; }}\n",
        encoding="utf-8",
    )
    return main


def wait_for(url: str, status: int = 200, within: float = 30.0) -> httpx.Response:
    """Poll url until it answers with status (fail after `within` seconds)."""
    deadline = time.monotonic() + within
    while True:
        try:
            response = httpx.get(url, timeout=2)
            if response.status_code == status:
                return response
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"{url} did not answer {status} within {within} s")
        time.sleep(0.02)


@pytest.fixture
def topology(database_url: str, tmp_path: Path) -> Iterator[tuple[str, str, str]]:
    """Base URLs of replica 1, replica 2 and nginx, all serving database_url."""
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (Debian package nginx; .ci/run installs it)")
    with ExitStack() as stack:
        replicas = [
            stack.enter_context(running(DARIEN_SERVE, database_url, DARIEN_API_KEYS=KEY))
            for _ in range(2)
        ]
        port = free_port()
        config = nginx_config(tmp_path, [int(url.rsplit(":", 1)[1]) for url in replicas], port)
        nginx = subprocess.Popen(
            [NGINX, "-p", str(tmp_path), "-c", str(config), "-e", str(tmp_path / "error.log")]
        )
        stack.callback(nginx.wait, 10)
        stack.callback(nginx.terminate)
        front = f"http://127.0.0.1:{port}"
        wait_for(f"{front}/readyz")
        yield replicas[0], replicas[1], front


def test_an_ingest_through_one_replica_is_served_by_the_other(
    topology: tuple[str, str, str],
) -> None:
    first, second, front = topology
    for base in (first, second):
        assert httpx.get(f"{base}/readyz").status_code == 200
    before = httpx.get(f"{second}/readyz").json()["dataset_version"]
    stored = httpx.post(
        f"{first}/v1/documents", json=DOC, headers={"Authorization": f"Bearer {KEY}"}
    )
    assert stored.status_code == 201, stored.text
    document = stored.json()["document"]["url"]
    wait_for(f"{second}{document}", within=1.0)
    after = wait_for(f"{second}/readyz").json()["dataset_version"]
    assert after != before
    assert httpx.get(f"{front}{document}").status_code == 200


def test_nginx_balances_and_caches_by_etag(topology: tuple[str, str, str]) -> None:
    _, _, front = topology
    first = httpx.get(f"{front}/v1/crossings/yearly")
    assert first.status_code == 200
    again = httpx.get(f"{front}/v1/crossings/yearly")
    assert again.headers["x-cache-status"] == "HIT"
    assert again.headers["etag"] == first.headers["etag"]
    revalidated = httpx.get(
        f"{front}/v1/crossings/yearly", headers={"If-None-Match": first.headers["etag"]}
    )
    assert revalidated.status_code == 304
    assert "server" not in revalidated.headers or "/" not in revalidated.headers["server"]
