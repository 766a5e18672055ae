"""The outermost layer: a request id, security headers, one log line and the metrics per request.

Everything behind it (the rate limit, the fast path, FastAPI) may leave headers for the answer in
the scope under EXTRA_HEADERS (see fastpath.py); they are added here, in one place, when the answer starts.
"""

import itertools
import logging
import os
import re
import time
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.problems import send_server_error
from app.asgi.fastpath import (
    CACHE_KEY,
    EXTRA_HEADERS,
    REQUEST_ID_KEY,
    ROUTE_KEY,
    Answer,
    FastPath,
    route_template,
)
from app.asgi.metrics import Metrics
from app.asgi.ratelimit import RateLimit
from app.asgi.requestlog import REQUEST_ID, RequestLog

log = logging.getLogger("darien")
# A client's id is kept when it is short and plain: it lands in logs, so nothing to escape.
SAFE_REQUEST_ID = re.compile(rb"[A-Za-z0-9._:+=/-]{1,64}")
# A made id is this process's random prefix and a counter: unique across workers and replicas,
# and a tenth of the cost of fresh randomness per request.
ID_PREFIX = os.urandom(7).hex()
ID_COUNTER = itertools.count(1)
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]
# HTML that brings no policy of its own (the docs page does) gets one that allows nothing.
HTML_POLICY = (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")


def request_id_of(scope: Scope) -> str:
    """The client's X-Request-ID when it is safe to echo and log, else a new random one."""
    for name, value in scope["headers"]:
        if name == b"x-request-id":
            if SAFE_REQUEST_ID.fullmatch(value):
                return str(value.decode())
            break
    return f"{ID_PREFIX}{next(ID_COUNTER):010x}"


def html_policy(headers: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """The CSP to add: none unless the answer is HTML without a policy of its own."""
    html = policy = False
    for name, value in headers:
        lowered = name.lower()
        if lowered == b"content-type":
            html = value.startswith(b"text/html")
        elif lowered == b"content-security-policy":
            policy = True
    return [HTML_POLICY] if html and not policy else []


class Edge:
    """ASGI middleware in front of everything; `next` is the rest of the stack."""

    # Set by create_app for callers that reach inside: the FastAPI app and the response store.
    app: Any
    store: Any

    def __init__(
        self,
        next_app: ASGIApp,
        log: RequestLog,
        metrics: Metrics | None,
        fastpath: FastPath | None = None,
        limiter: RateLimit | None = None,
    ) -> None:
        """`next_app` is the whole stack behind the edge. With `fastpath` (and `limiter` when
        requests are limited), both of which must be in that stack, a stored answer is sent from
        here: the limiter counts it and the store finds it without a call down the layers."""
        self.next, self.log, self.metrics = next_app, log, metrics
        self.fastpath, self.limiter = fastpath, limiter

    def lane(self, scope: Scope) -> tuple[Answer | None, ASGIApp]:
        """A stored answer when the limiter lets the request through at once, and what serves it
        otherwise: the fast path when the limiter has counted it already, else the whole stack."""
        fastpath, limiter = self.fastpath, self.limiter
        if fastpath is None or scope["path"] == "/metrics":
            return None, self.next
        if limiter is not None and not limiter.spend(scope):
            return None, self.next
        return fastpath.lookup(scope), fastpath

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.next(scope, receive, send)
            return
        started = time.perf_counter()
        # The context variable the app's log lines read is set where something may log (in front
        # of FastAPI, see RequestIdContext), not here: a stored answer logs nothing but its line.
        scope[REQUEST_ID_KEY] = request_id = request_id_of(scope)
        extra = [(b"x-request-id", request_id.encode()), *SECURITY_HEADERS]
        scope[EXTRA_HEADERS] = extra
        status = 0
        answer, behind = self.lane(scope)
        if answer is not None:
            status, headers, body = answer
            try:
                await send(
                    {"type": "http.response.start", "status": status, "headers": [*headers, *extra]}
                )
                await send({"type": "http.response.body", "body": body})
            finally:
                route = scope[ROUTE_KEY]
                self.log.add(
                    scope["method"], scope["path"], status, started, "hit", request_id, route
                )
            return

        async def with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = message.get("headers", ())
                if scope.get(CACHE_KEY) != "hit":  # stored answers are never HTML
                    extra.extend(html_policy(headers))
                # A new list (a stored answer's own must not change) in the layer's own message.
                message["headers"] = [*headers, *extra]
            await send(message)

        try:
            if self.metrics is not None and scope["path"] == "/metrics":
                await self.metrics.serve(with_headers)
            else:
                await behind(scope, receive, with_headers)
        except Exception:
            REQUEST_ID.set(request_id)
            log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            if status:
                raise
            await send_server_error(with_headers, scope["path"])
        finally:
            # One line per request, which the metrics read too; no answer at all counts as 499.
            path = scope["path"]
            route = "/metrics" if path == "/metrics" else route_template(scope)
            cache = scope.get(CACHE_KEY, "pass")
            self.log.add(scope["method"], path, status or 499, started, cache, request_id, route)
