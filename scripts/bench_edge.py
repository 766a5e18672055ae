"""The app's own cost per stored answer, without a server: microseconds per GET (200) and per
revalidation (304) through every ASGI layer (edge, rate limit, fast path), in production settings.

`make bench` measures the same thing through uvicorn and wrk, where the server's own work is most
of the time; this isolates the part the project can change, and `--profile` shows where it goes.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a plain script from the repo root

PATH = "/v1/crossings/yearly"
REPEATS, CALLS = 5, 20_000


def request(headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    """The scope uvicorn makes for a GET of PATH from one client."""
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": PATH,
        "root_path": "",
        "query_string": b"",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }


async def measure(app: Any) -> dict[str, float]:
    """Best of REPEATS runs of CALLS requests each, for a 200 and a 304, in microseconds."""
    started: list[dict[str, Any]] = []
    lifespan: asyncio.Queue[dict[str, str]] = asyncio.Queue()
    await lifespan.put({"type": "lifespan.startup"})

    async def startup_send(message: dict[str, Any]) -> None:
        started.append(message)

    task = asyncio.create_task(app({"type": "lifespan", "state": {}}, lifespan.get, startup_send))
    while not started:
        await asyncio.sleep(0.01)
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(request([(b"host", b"bench")]), receive, send)  # FastAPI answers; the store keeps it
    etag = dict(sent[0]["headers"])[b"etag"]
    results: dict[str, float] = {}
    for name, headers in (
        ("200", [(b"host", b"bench")]),
        ("304", [(b"host", b"bench"), (b"if-none-match", etag)]),
    ):
        best = float("inf")
        for _ in range(REPEATS):
            began = time.perf_counter()
            for _ in range(CALLS):
                sent.clear()
                await app(request(headers), receive, send)
            best = min(best, (time.perf_counter() - began) / CALLS * 1e6)
        assert sent[0]["status"] == int(name), sent[0]
        results[name] = best
    await lifespan.put({"type": "lifespan.shutdown"})
    await task
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", action="store_true", help="print where the time goes")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.update(
            DATABASE_URL=f"sqlite:///{folder}/bench.db",
            REQUEST_LOG="false",  # the lines still reach the metrics, as in production
            RATE_LIMIT_GET="1000000000/minute",
        )
        from app.config import Settings
        from app.ingest.seed import seed
        from app.main import create_app
        from app.storage.engine import make_engine, migrate

        engine = make_engine(os.environ["DATABASE_URL"])
        migrate(engine)
        seed(engine, ROOT / "seed")
        engine.dispose()
        app = create_app(Settings())
        profile = cProfile.Profile() if options.profile else None
        if profile:
            profile.enable()
        results = asyncio.run(measure(app))
        if profile:
            profile.disable()
            pstats.Stats(profile).sort_stats("tottime").print_stats(15)
    for name, micros in results.items():
        print(f"stored {name} through every layer: {micros:.2f} us")


if __name__ == "__main__":
    main()
