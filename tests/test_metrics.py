"""Prometheus metrics at /metrics: per route template and status, fast-path hits and misses,
the dataset, reload errors; summed over workers in multiprocess mode."""

import random
import time
from pathlib import Path
from typing import Any

import httpx
from prometheus_client import CollectorRegistry, Histogram, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from app.asgi.metrics import BUCKETS, Metrics
from tests.conftest import ApiClient
from tests.servers import DARIEN_SERVE, running


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of an exposition, by name and sorted labels."""
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def requests(found: dict[Any, float], route: str, status: str) -> float:
    key = ("darien_http_requests_total", (("method", "GET"), ("route", route), ("status", status)))
    return found.get(key, 0.0)


def test_requests_are_counted_per_route_template_status_and_cache(client: ApiClient) -> None:
    for path in ("/v1/figures/F0066", "/v1/figures/F0066", "/v1/figures/F0085", "/v1/figures/no"):
        client.get(path)
    response = client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain")
    found = samples(response.text)
    assert requests(found, "/v1/figures/{figure_id}", "200") == 3
    assert requests(found, "/v1/figures/{figure_id}", "404") == 1
    assert found[("darien_fastpath_requests_total", (("result", "hit"),))] == 1
    assert found[("darien_fastpath_requests_total", (("result", "miss"),))] == 3
    count = (
        "darien_http_request_duration_seconds_count",
        (("method", "GET"), ("route", "/v1/figures/{figure_id}"), ("status", "200")),
    )
    assert found[count] == 3


def test_unknown_paths_share_one_label(client: ApiClient) -> None:
    for n in range(3):
        client.get(f"/no/such/{n}")
    found = samples(client.get("/metrics").text)
    assert requests(found, "unmatched", "404") == 3


def test_the_dataset_is_described(client: ApiClient) -> None:
    found = samples(client.get("/metrics").text)
    version = client.get("/healthz").json()["dataset_version"]
    assert found[("darien_dataset_version", ())] == version
    assert (
        found[("darien_figures", ())] == client.get("/v1/figures?limit=1").json()["meta"]["total"]
    )
    assert found[("darien_documents", ())] > 0
    assert found[("darien_reload_errors_total", ())] == 0


def test_batches_expose_what_observe_would() -> None:
    durations_us = [random.randrange(1, 30_000) for _ in range(200)] + [
        100,
        250,
        500_000,
        2_000_000,
    ]
    metrics = Metrics()
    reference = Histogram(
        "darien_http_request_duration_seconds",
        "Time from a request's arrival to its answer",
        ("route", "method", "status"),
        buckets=BUCKETS,
        registry=(registry := CollectorRegistry()),
    )
    served = [(0, "GET", "/x", "", 200, us, "hit", "id") for us in durations_us]
    metrics.absorb(served[:100])
    metrics.absorb(served[100:])
    for us in durations_us:
        reference.labels("unmatched", "GET", "200").observe(us / 1_000_000)

    def histogram(text: str) -> dict[Any, float]:
        found = samples(text)
        return {
            k: round(v, 9) for k, v in found.items() if "duration" in k[0] and "created" not in k[0]
        }

    assert histogram(metrics.exposition().decode()) == histogram(generate_latest(registry).decode())


def test_a_failed_reload_is_counted(client: ApiClient) -> None:
    snapshot = client.client._transport.app.app.state.snapshot  # type: ignore[attr-defined]
    for hook in snapshot.on_error:
        hook("OperationalError: gone")
    assert samples(client.get("/metrics").text)[("darien_reload_errors_total", ())] == 1


def test_two_workers_are_summed_in_multiprocess_mode(database_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "metrics"
    (folder).mkdir()
    (folder / "counter_999.db").write_bytes(b"stale")  # `darien serve` clears an earlier run's
    env = {"PROMETHEUS_MULTIPROC_DIR": str(folder), "WORKERS": "2"}
    with running(DARIEN_SERVE, database_url, **env) as base, httpx.Client(base_url=base) as http:
        answers = [http.get("/v1/crossings/yearly") for _ in range(20)]
        assert "server" not in answers[0].headers
        time.sleep(1.5)  # each worker folds its tallies once a second
        found = samples(http.get("/metrics").text)
    assert requests(found, "/v1/crossings/yearly", "200") == 20
    assert found[("darien_dataset_version", ())] >= 1
