"""The hot path: a pure-ASGI layer that answers repeat GETs from prepared bytes.

FastAPI stays the one place where routes, validation and OpenAPI live. This layer only remembers
what FastAPI answered: a 200 JSON (or CSV, text, chart image) response is stored with a strong ETag,
keyed on path, query and the variant of the request headers it depends on (Accept, Origin), for the
dataset version it was built from. A repeat is sent straight from memory, gzip- or brotli-compressed
when the client accepts it (each copy made once, with its own ETag), and a matching If-None-Match
gets a 304. A new dataset version starts an empty store; errors are never stored. The layer also
refuses oversized query strings and bodies before anything parses them.

Whether the store answered ("hit"), FastAPI did and the answer may be stored ("miss"), or the
request was never the store's to answer ("pass") is left in the scope under CACHE_KEY, for the
edge's log line and metrics.
"""

from functools import lru_cache
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.problems import send_problem
from app.api.renderers.negotiate import preferred_format, wants_html
from app.asgi.encoding import chosen_coding
from app.asgi.store import Headers, Key, Prepared, ResponseStore, etag_matches, prepare

STORABLE_TYPES = (
    b"application/json",
    b"text/csv",
    b"text/plain",
    b"text/css",
    b"text/javascript",
    b"application/zip",
    b"application/atom+xml",
    b"image/svg+xml",  # charts: drawn once, then sent from here with an ETag
    b"image/png",
)
UNSTORED_PATHS = frozenset({"/healthz", "/readyz"})
MAX_QUERY_BYTES = 2048
# Scope keys the edge's layers share: the fast path's verdict, headers for the answer, and the
# route template that answered (FastAPI leaves its route object under "route"; a stored answer
# carries the template it was made by, so a hit is counted under its route too).
CACHE_KEY = "darien.cache"
EXTRA_HEADERS = "darien.headers"
ROUTE_KEY = "darien.route"
REQUEST_ID_KEY = "darien.request_id"
# A stored answer as the edge sends it: status (200 or 304), headers and body.
Answer = tuple[int, Headers, bytes]


def route_template(scope: Scope) -> str:
    """The path template of the route that answered, or "" when none did."""
    return scope.get(ROUTE_KEY) or str(getattr(scope.get("route"), "path", ""))


class Variants:
    """Folds the request headers a response varies by into the few values that change it.

    Accept only picks a format, and Origin only decides whether (and which) CORS header is sent,
    so arbitrary header values cannot multiply the stored copies of one response.
    """

    def __init__(self, cors_origins: list[str]) -> None:
        self.any_origin = "*" in cors_origins
        self.allowed = frozenset(o.encode() for o in cors_origins)

    @staticmethod
    @lru_cache(maxsize=256)  # clients send a handful of distinct values; parse each once
    def accept(value: bytes) -> bytes:
        """The format Accept picks, by the rule the routes themselves apply (a browser's own
        variant, so the explorer's page and the JSON index at / are never mixed up)."""
        accept = value.decode("latin-1")
        return b"html" if wants_html(accept) else preferred_format(accept).encode()

    def origin(self, value: bytes) -> bytes:
        if not value:
            return b""
        if self.any_origin:
            return b"*"
        return value if value in self.allowed else b"?"

    def cors_headers(self, origin: bytes) -> Headers:
        """The CORS header for answers made in front of FastAPI (413, 414, 429)."""
        folded = self.origin(origin)
        if not folded or folded == b"?":
            return []
        return [(b"access-control-allow-origin", folded)]


def request_headers(scope: Scope) -> tuple[bytes, bytes, bytes, bytes]:
    """Accept, Origin, If-None-Match and Accept-Encoding of a request (empty when absent)."""
    accept = origin = if_none_match = accept_encoding = b""
    for name, value in scope["headers"]:
        if name == b"accept":
            accept = value
        elif name == b"accept-encoding":
            accept_encoding = value
        elif name == b"origin":
            origin = value
        elif name == b"if-none-match":
            if_none_match = value
    return accept, origin, if_none_match, accept_encoding


class FastPath:
    """ASGI middleware: serve stored responses and store FastAPI's fresh ones."""

    def __init__(
        self,
        app: ASGIApp,
        store: ResponseStore,
        cache_control: str,
        variants: Variants,
        max_body_bytes: int,
    ) -> None:
        self.app, self.store, self.variants = app, store, variants
        self.cache_control = cache_control.encode()
        self.max_body_bytes = max_body_bytes

    def lookup(self, scope: Scope) -> Answer | None:
        """The stored answer to a request, as status, headers and body, or None when the store
        has none for it (FastPath itself then decides). Synchronous, so that the edge can answer
        a hit without passing it down the layers; marks the scope as a hit like __call__ does."""
        method, path, query = scope["method"], scope["path"], scope["query_string"]
        if method not in ("GET", "HEAD") or len(query) > MAX_QUERY_BYTES or path in UNSTORED_PATHS:
            return None
        accept, origin, if_none_match, accept_encoding = request_headers(scope)
        key = self._key(path, query, accept, origin)
        prepared = self.store.generation.entries.get(key)
        if prepared is None:
            return None
        return self._hit(scope, key, prepared, if_none_match, accept_encoding)

    def _key(self, path: str, query: bytes, accept: bytes, origin: bytes) -> Key:
        """Where a response is stored: path, query, and the variants of the headers it varies by."""
        return (path.encode(), query, self.variants.accept(accept), self.variants.origin(origin))

    def _hit(
        self,
        scope: Scope,
        key: Key,
        prepared: Prepared,
        if_none_match: bytes,
        accept_encoding: bytes,
    ) -> Answer:
        """A stored response as the answer to this request (in its coding, a 304 when it matches)."""
        scope[CACHE_KEY] = "hit"
        scope[ROUTE_KEY] = prepared.route
        if accept_encoding:
            prepared = self.store.encoded(key, prepared, chosen_coding(accept_encoding))
        return answer(prepared, if_none_match, scope["method"] == "HEAD")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method, path = scope["method"], scope["path"]
        accept, origin, if_none_match, accept_encoding = request_headers(scope)
        if len(scope["query_string"]) > MAX_QUERY_BYTES:
            detail = f"the query string is limited to {MAX_QUERY_BYTES} bytes"
            await self._refuse(send, 414, "too-long", "URI too long", detail, path, origin)
            return
        if method not in ("GET", "HEAD") or path in UNSTORED_PATHS:
            await self._pass(scope, receive, send, origin)
            return
        key = self._key(path, scope["query_string"], accept, origin)
        prepared = self.store.generation.entries.get(key)
        if prepared is None:
            scope[CACHE_KEY] = "miss"
            coding = chosen_coding(accept_encoding)
            await self._fill(scope, receive, send, key, if_none_match, coding)
            return
        await send_answer(send, self._hit(scope, key, prepared, if_none_match, accept_encoding))

    async def _refuse(
        self, send: Send, status: int, slug: str, title: str, detail: str, path: str, origin: bytes
    ) -> None:
        headers = [(b"vary", b"Origin"), *self.variants.cors_headers(origin)]
        await send_problem(send, status, slug, title, detail, path, headers)

    async def _pass(self, scope: Scope, receive: Receive, send: Send, origin: bytes) -> None:
        """Hand a request the store does not serve to FastAPI: bodies are read (and capped) here."""
        if scope["method"] in ("POST", "PUT", "PATCH"):
            try:
                body = await read_body(receive, self.max_body_bytes)
            except BodyTooLarge:
                detail = f"request bodies are limited to {self.max_body_bytes:,} bytes"
                await self._refuse(
                    send, 413, "too-large", "Body too large", detail, scope["path"], origin
                )
                return
            except ClientGone:
                return  # nobody to answer; the edge logs it with nginx's code for it (499)
            receive = replay(body, receive)
        if scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        as_get = {**scope, "method": "GET"}
        await self.app(as_get, receive, without_body)
        scope[ROUTE_KEY] = route_template(as_get)

    async def _fill(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        key: Key,
        if_none_match: bytes,
        coding: bytes,
    ) -> None:
        """Let FastAPI answer (a HEAD as a GET), then store the result and send it in `coding`."""
        version = self.store.version
        head = scope["method"] == "HEAD"
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        inner = {**scope, "method": "GET"} if head else scope
        await self.app(inner, receive, capture)
        scope[ROUTE_KEY] = route = route_template(inner)
        status, headers, body = start["status"], list(start.get("headers", [])), b"".join(chunks)
        content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
        if status != 200 or not content_type.startswith(STORABLE_TYPES):
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": b"" if head else body})
            return
        prepared = prepare(headers, body, self.cache_control, route)
        self.store.put(key, version, prepared)
        prepared = self.store.encoded(key, prepared, coding)
        await send_answer(send, answer(prepared, if_none_match, head))


def answer(prepared: Prepared, if_none_match: bytes, head: bool) -> Answer:
    """A stored response as sent: a 304 when If-None-Match names it, else a 200 (no body for HEAD)."""
    if if_none_match and etag_matches(if_none_match, prepared.etag):
        return 304, prepared.not_modified_headers, b""
    return 200, prepared.headers, b"" if head else prepared.body


async def send_answer(send: Send, reply: Answer) -> None:
    status, headers, body = reply
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BodyTooLarge(Exception):
    """The request body passed the limit."""


class ClientGone(Exception):
    """The client disconnected before its body was complete."""


async def read_body(receive: Receive, limit: int) -> bytes:
    """The whole request body (chunked or not); raises past `limit` or on an early disconnect."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientGone  # half a document must never be taken for a whole one
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def replay(body: bytes, receive: Receive) -> Receive:
    """A receive callable that hands the already-read body to the app, then listens as before."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed
