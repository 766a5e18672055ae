"""The hot path: a pure-ASGI layer that answers repeat GETs from prepared bytes.

FastAPI stays the one place where routes, validation and OpenAPI live. This layer only remembers
what FastAPI answered: a 200 JSON or CSV response is stored with a strong ETag, keyed on path, query
and the request headers it varies by (Accept, Origin), for the dataset version it was built from.
A repeat is sent straight from memory, and a matching If-None-Match gets a 304. The store is
emptied whenever a new dataset version is loaded; errors are never stored.
"""

import hashlib
import logging
import time
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.requestlog import RequestLog

log = logging.getLogger("darien")
Key = tuple[bytes, bytes, bytes, bytes]
SERVER_ERROR = (
    b'{"type":"/v1/problems/server-error","title":"Internal server error","status":500,'
    b'"detail":"The server failed to answer; the error was logged."}'
)
STORABLE_TYPES = (b"application/json", b"text/csv")
UNSTORED_PATHS = frozenset({"/healthz"})
_HOP_HEADERS = frozenset({b"content-length", b"etag", b"cache-control", b"vary"})


@dataclass(frozen=True, slots=True)
class Prepared:
    """A stored response: headers for 200 and for 304, and the body."""

    headers: list[tuple[bytes, bytes]]
    not_modified_headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes


class ResponseStore:
    """Prepared responses of one dataset version, cleared on a new version.

    Bounded by a byte budget: query strings are the client's to invent, so once the budget is
    spent further responses are served but not kept (until the next version empties the store).
    """

    def __init__(self, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.version = -1
        self.max_bytes = max_bytes
        self.used_bytes = 0
        self.entries: dict[Key, Prepared] = {}

    def reset(self, version: int) -> None:
        """Forget everything: a new dataset version is being served."""
        self.entries = {}
        self.used_bytes = 0
        self.version = version

    def put(self, key: Key, version: int, prepared: Prepared) -> None:
        """Keep a response built from `version`, unless that version is no longer current."""
        size = len(prepared.body) + len(key[1]) + 512
        if version == self.version and self.used_bytes + size <= self.max_bytes:
            self.entries[key] = prepared
            self.used_bytes += size


class Variants:
    """Folds the request headers a response varies by into the few values that change it.

    Accept only picks a format, and Origin only decides whether (and which) CORS header is sent,
    so arbitrary header values cannot multiply the stored copies of one response.
    """

    def __init__(self, cors_origins: list[str]) -> None:
        self.any_origin = "*" in cors_origins
        self.allowed = frozenset(o.encode() for o in cors_origins)

    def accept(self, value: bytes) -> bytes:
        return b"csv" if b"text/csv" in value else b"json"

    def origin(self, value: bytes) -> bytes:
        if not value:
            return b""
        if self.any_origin:
            return b"*"
        return value if value in self.allowed else b"?"


def etag_matches(if_none_match: bytes, etag: bytes) -> bool:
    """RFC 9110 weak comparison of an If-None-Match list against our strong ETag."""
    if if_none_match.strip() == b"*":
        return True
    for tag in if_none_match.split(b","):
        tag = tag.strip()
        if tag.startswith(b"W/"):
            tag = tag[2:]
        if tag == etag:
            return True
    return False


def prepare(
    status_headers: list[tuple[bytes, bytes]], body: bytes, cache_control: bytes
) -> Prepared:
    """Add ETag, Cache-Control and Vary to a response FastAPI produced."""
    etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
    kept = [(k, v) for k, v in status_headers if k.lower() not in _HOP_HEADERS]
    validators = [(b"etag", etag), (b"cache-control", cache_control), (b"vary", b"Accept, Origin")]
    cors = [(k, v) for k, v in kept if k.lower().startswith(b"access-control-")]
    return Prepared(
        headers=[*kept, *validators, (b"content-length", str(len(body)).encode())],
        not_modified_headers=[*validators, *cors],
        body=body,
        etag=etag,
    )


class FastPath:
    """ASGI middleware: serve stored responses, store FastAPI's fresh ones, log every request."""

    def __init__(
        self,
        app: ASGIApp,
        store: ResponseStore,
        log: RequestLog,
        cache_control: str,
        variants: Variants,
    ) -> None:
        self.app, self.store, self.log, self.variants = app, store, log, variants
        self.cache_control = cache_control.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        method = scope["method"]
        if method not in ("GET", "HEAD") or scope["path"] in UNSTORED_PATHS:
            status = await self._forward(scope, receive, send)
            self.log.add(method, scope["path"], status, started, "pass")
            return
        accept = origin = if_none_match = b""
        for name, value in scope["headers"]:
            if name == b"accept":
                accept = value
            elif name == b"origin":
                origin = value
            elif name == b"if-none-match":
                if_none_match = value
        variants = self.variants
        key = (
            scope["path"].encode(),
            scope["query_string"],
            variants.accept(accept),
            variants.origin(origin),
        )
        prepared = self.store.entries.get(key)
        if prepared is None:
            status = await self._fill(scope, receive, send, key, if_none_match)
            self.log.add(method, scope["path"], status, started, "miss")
            return
        status = await self._send(send, prepared, if_none_match, method == "HEAD")
        self.log.add(method, scope["path"], status, started, "hit")

    async def _send(self, send: Send, prepared: Prepared, if_none_match: bytes, head: bool) -> int:
        if if_none_match and etag_matches(if_none_match, prepared.etag):
            await send(
                {
                    "type": "http.response.start",
                    "status": 304,
                    "headers": prepared.not_modified_headers,
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return 304
        await send({"type": "http.response.start", "status": 200, "headers": prepared.headers})
        await send({"type": "http.response.body", "body": b"" if head else prepared.body})
        return 200

    async def _forward(self, scope: Scope, receive: Receive, send: Send) -> int:
        status = 0

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        await self.app(scope, receive, watch)
        return status

    async def _fill(
        self, scope: Scope, receive: Receive, send: Send, key: Key, if_none_match: bytes
    ) -> int:
        """Let FastAPI answer (a HEAD as a GET), then store and send the result."""
        version = self.store.version
        head = scope["method"] == "HEAD"
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        try:
            await self.app({**scope, "method": "GET"} if head else scope, receive, capture)
        except Exception:
            # Starlette re-raises after its error handler has answered (and logged); send that
            # answer. With no answer at all, fall back to a bare problem document.
            if not start:
                log.exception("unhandled error on %s %s", scope["method"], scope["path"])
                start.update(status=500, headers=[(b"content-type", b"application/problem+json")])
                chunks[:] = [SERVER_ERROR]
        status, headers, body = (
            start.get("status", 500),
            list(start.get("headers", [])),
            b"".join(chunks),
        )
        content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
        if status != 200 or not content_type.startswith(STORABLE_TYPES):
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": b"" if head else body})
            return int(status)
        prepared = prepare(headers, body, self.cache_control)
        self.store.put(key, version, prepared)
        return await self._send(send, prepared, if_none_match, head)
