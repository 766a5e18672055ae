"""Prometheus metrics at /metrics (prometheus-client; multiprocess mode when
PROMETHEUS_MULTIPROC_DIR is set, so every worker's counts are summed in one answer).

A request only adds to plain in-process tallies (a dict update, about a microsecond); they are
folded into the client's metrics once a second and before every scrape. Calling the client per
request (a label lookup and a lock for the counter and again for the histogram) would cost the
fast path several percent of its throughput.
"""

import asyncio
import os
from bisect import bisect_left

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

# The fast path answers in tens of microseconds, FastAPI in milliseconds, a claim check in tens.
BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0)
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
        # (route, method, status) -> [count, sum of seconds, count per bucket (last: above all)]
        self.pending: dict[tuple[str, str, str], list[float]] = {}
        self.pending_cache: dict[str, int] = {}

    def tally(self, route: str, method: str, status: int, seconds: float, cache: str) -> None:
        """Count one answered request under its route template (cheap: no lock, no label lookup)."""
        key = (route or UNMATCHED, method, str(status))
        entry = self.pending.get(key)
        if entry is None:
            entry = self.pending[key] = [0.0] * (len(BUCKETS) + 3)
        entry[0] += 1
        entry[1] += seconds
        entry[2 + bisect_left(BUCKETS, seconds)] += 1
        self.pending_cache[cache] = self.pending_cache.get(cache, 0) + 1

    def fold(self) -> None:
        """Move the tallies into the metrics.

        A histogram takes one observation at a time in its public API; a tally adds each bucket's
        count at once to the same values `observe` adds to (prometheus-client is pinned, and a test
        compares the result with `observe`'s).
        """
        pending, self.pending = self.pending, {}
        cached, self.pending_cache = self.pending_cache, {}
        for key, entry in pending.items():
            self.requests.labels(*key).inc(entry[0])
            child = self.latency.labels(*key)
            child._sum.inc(entry[1])
            for bucket, count in zip(child._buckets, entry[2:], strict=True):
                if count:
                    bucket.inc(count)
        for result, count in cached.items():
            self.cache.labels(result).inc(count)

    def dataset(self, version: int, figures: int, documents: int) -> None:
        """The record now served."""
        self.version.set(version)
        self.figures.set(figures)
        self.documents.set(documents)

    def exposition(self) -> bytes:
        """The text Prometheus scrapes: this worker's metrics, or every worker's in multiprocess mode."""
        self.fold()
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

    async def run(self, interval: float = 1.0) -> None:
        """Fold periodically (a background task), so other workers' scrapes see this one's counts."""
        try:
            while True:
                await asyncio.sleep(interval)
                self.fold()
        finally:
            self.fold()
            if self.multiprocess_dir:
                multiprocess.mark_process_dead(os.getpid(), self.multiprocess_dir)  # type: ignore[no-untyped-call]
