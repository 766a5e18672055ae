"""Prometheus metrics at /metrics (prometheus-client; multiprocess mode when
PROMETHEUS_MULTIPROC_DIR is set, so every worker's counts are summed in one answer).

Requests are not counted one by one: the request log's batches (every half second, and before
every scrape) are folded into the client's metrics in bulk. Calling the client per request (a
label lookup and a lock for the counter, and again for the histogram) would cost the fast path
several percent of its throughput.
"""

import os
from bisect import bisect_left
from collections import Counter as Tally
from collections.abc import Callable

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.types import Send

from app.asgi.requestlog import Served

# The fast path answers in tens of microseconds, FastAPI in milliseconds, a claim check in tens.
BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0)
BUCKETS_US = [round(bound * 1_000_000) for bound in BUCKETS]
UNMATCHED = "unmatched"  # any path no route serves: one label, however many paths clients invent


class Metrics:
    """The service's metrics, the per-request tallies, and the /metrics answer."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.multiprocess_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")
        labels = ("route", "method", "status")
        registry = self.registry
        self.requests = Counter(
            "darien_http_requests", "Requests answered", labels, registry=registry
        )
        self.latency = Histogram(
            "darien_http_request_duration_seconds",
            "Time from a request's arrival to its answer",
            labels,
            buckets=BUCKETS,
            registry=registry,
        )
        self.cache = Counter(
            "darien_fastpath_requests",
            "Fast path: hit, miss or pass",
            ["result"],
            registry=registry,
        )
        self.reload_errors = Counter(
            "darien_reload_errors", "Failed reloads of the dataset", registry=registry
        )
        # Several workers serve one database: the gauges show the largest any live worker has.
        self.version, self.figures, self.documents = (
            Gauge(name, doc, registry=registry, multiprocess_mode="livemax")
            for name, doc in (
                ("darien_dataset_version", "Dataset version served"),
                ("darien_figures", "Figures in the served record"),
                ("darien_documents", "Documents stored"),
            )
        )
        self.before_scrape: Callable[[], None] = lambda: None  # the request log's flush

    def absorb(self, served: list[Served]) -> None:
        """Count a batch of answered requests, under their route template, method and status.

        A histogram takes one observation at a time in its public API; a batch adds each bucket's
        count at once to the same values `observe` adds to (prometheus-client is pinned, and a test
        compares the result with `observe`'s).
        """
        durations: dict[tuple[str, str, str], list[int]] = {}
        for _, method, _, route, status, elapsed_us, _, _ in served:
            durations.setdefault((route or UNMATCHED, method, str(status)), []).append(elapsed_us)
        for key, times in durations.items():
            self.requests.labels(*key).inc(len(times))
            child = self.latency.labels(*key)
            child._sum.inc(sum(times) / 1_000_000)
            for bucket, count in Tally(bisect_left(BUCKETS_US, us) for us in times).items():
                child._buckets[bucket].inc(count)
        for result, count in Tally(entry[6] for entry in served).items():
            self.cache.labels(result).inc(count)

    def dataset(self, version: int, figures: int, documents: int) -> None:
        """The record now served."""
        self.version.set(version)
        self.figures.set(figures)
        self.documents.set(documents)

    def exposition(self) -> bytes:
        """The text Prometheus scrapes: this worker's metrics, or every worker's in multiprocess mode."""
        self.before_scrape()
        if not self.multiprocess_dir:
            return bytes(generate_latest(self.registry))
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=self.multiprocess_dir)  # type: ignore[no-untyped-call]
        return bytes(generate_latest(registry))

    async def serve(self, send: Send) -> None:
        """Answer GET /metrics."""
        body = self.exposition()
        headers = [
            (b"content-type", CONTENT_TYPE_LATEST.encode()),
            (b"content-length", str(len(body)).encode()),
            (b"cache-control", b"no-store"),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    def close(self) -> None:
        """A worker stopping: its live gauges leave the sum (multiprocess mode)."""
        if self.multiprocess_dir:
            multiprocess.mark_process_dead(os.getpid(), self.multiprocess_dir)  # type: ignore[no-untyped-call]
