"""Logs as JSON lines: one per request (buffered, so it costs microseconds, not a write), and the
app's own log records in the same form, each carrying the request id it was written under.

A request leaves one plain tuple; a batch of them is written as JSON and handed to the readers
(the metrics) every half second, so the request itself pays for an append, not for formatting.
"""

import asyncio
import logging
import sys
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TextIO

import orjson
from starlette.types import ASGIApp, Receive, Scope, Send

from app.asgi.fastpath import REQUEST_ID_KEY

# The id of the request being served (set by the edge); asyncio copies it into each request's
# task and asyncio.to_thread into the worker thread, so every log line can name its request.
REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="")
# ts_ms, method, path, route template, status, microseconds, cache (hit, miss, pass), request id
Served = tuple[int, str, str, str, int, int, str, str]


class RequestIdContext:
    """ASGI middleware (in FastAPI, around the routes): the app's log lines name the request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        REQUEST_ID.set(scope.get(REQUEST_ID_KEY, ""))
        await self.app(scope, receive, send)


class RequestLog:
    """Collects request lines in memory and writes them in batches."""

    def __init__(
        self, stream: TextIO | None = None, enabled: bool = True, batch: int = 512
    ) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.batch = batch
        self.lines: list[Served] = []
        self.readers: list[Callable[[list[Served]], None]] = []

    def add(
        self,
        method: str,
        path: str,
        status: int,
        started: float,
        cache: str,
        request_id: str = "",
        route: str = "",
    ) -> None:
        """Record one request: its duration in microseconds and whether the store answered it."""
        if not (self.enabled or self.readers):
            return
        elapsed_us = int((time.perf_counter() - started) * 1_000_000)
        now_ms = int(time.time() * 1000)
        self.lines.append((now_ms, method, path, route, status, elapsed_us, cache, request_id))
        if len(self.lines) >= self.batch:
            self.flush()

    def flush(self) -> None:
        """Write what is buffered, one JSON object per line, and hand it to the readers."""
        if self.lines:
            lines, self.lines = self.lines, []
            if self.enabled:
                self.stream.write(json_lines(lines).decode())
                self.stream.flush()
            for reader in self.readers:
                reader(lines)

    async def run(self, interval: float = 0.5) -> None:
        """Flush periodically (a background task), so a quiet server's lines still appear."""
        try:
            while True:
                await asyncio.sleep(interval)
                self.flush()
        finally:
            self.flush()


def json_lines(served: list[Served]) -> bytes:
    """The log lines of a batch of requests. Appended to one buffer as they are made: keeping
    hundreds of small bytes objects alive until a join costs more than making them."""
    dumps, newline = orjson.dumps, orjson.OPT_APPEND_NEWLINE
    out = bytearray()
    for ts_ms, method, path, _, status, elapsed_us, cache, request_id in served:
        line = {
            "ts_ms": ts_ms,
            "method": method,
            "path": path,
            "status": status,
            "us": elapsed_us,
            "cache": cache,
            "request_id": request_id,
        }
        out += dumps(line, option=newline)
    return bytes(out)


class JsonFormatter(logging.Formatter):
    """A log record as one JSON object: time, level, logger, message, request id, and the
    exception's traceback when there is one (logs may hold it; responses never do)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts_ms": int(record.created * 1000),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": REQUEST_ID.get(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry).decode()


def json_log_config(level: str) -> dict[str, Any]:
    """A logging dictConfig (for uvicorn's log_config too) writing every logger as JSON on stderr."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            name: {"handlers": ["stderr"], "level": level.upper(), "propagate": False}
            for name in ("darien", "uvicorn", "uvicorn.error", "uvicorn.access")
        },
    }


def ensure_json_logging(level: str) -> None:
    """Give the app's logger a JSON handler when nothing configured one (`darien serve` does,
    through uvicorn's log_config; a bare `uvicorn app.main:create_app` does not)."""
    logger = logging.getLogger("darien")
    if not logger.handlers:
        handler = CurrentStderr()
        handler.setFormatter(JsonFormatter())
        logger.addHandler(handler)
        logger.setLevel(level.upper())


class CurrentStderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time (a test runner swaps it per test)."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _: TextIO) -> None:
        pass
