"""Requests per client, limited in front of the fast path: a stored answer still counts.

The counting is the `limits` library's, in its memory storage (per worker process) or in Redis
(shared by every worker and replica). Asking the storage on every request would cost the fast path
more than the answer itself, so a worker takes a client's quota in small leases: one storage hit
of `cost=lease` buys that many requests, spent locally until the window ends. A write's lease is
one request, so writes are counted exactly; a read's is 1% of its quota, so several workers
together may let a client overshoot a read limit by about 1% per worker, never more.
Limits, remaining requests and the reset are sent in the RateLimit and RateLimit-Policy header
fields of draft-ietf-httpapi-ratelimit-headers-10 (on every write, on a read once 90% of the read
quota is used, and on every refusal); a refusal is a 429 problem with Retry-After.
"""

import logging
import math
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.aio.strategies import FixedWindowRateLimiter
from limits.storage import storage_from_string
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.problems import send_problem
from app.asgi.fastpath import EXTRA_HEADERS, REQUEST_ID_KEY, Variants
from app.asgi.requestlog import REQUEST_ID

log = logging.getLogger("darien")
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
UNLIMITED_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})  # probes and scrapes
MAX_CLIENTS = 10_000  # leases kept before the expired ones are dropped


@dataclass(slots=True)
class Lease:
    """Requests a worker may still grant a client in this window without asking the storage."""

    left: int
    beyond: int  # what the storage still had for the client after this lease was taken
    reset: float  # epoch seconds at which the window ends


class Policy:
    """One limit (reads or writes), its header values, and the leases taken against it."""

    def __init__(self, name: str, limit: str, limiter: FixedWindowRateLimiter) -> None:
        self.name, self.limiter = name, limiter
        self.item: RateLimitItem = parse(limit)
        self.lease = max(1, self.item.amount // 100)
        self.header = f'"{name}";q={self.item.amount};w={self.item.get_expiry()}'.encode()
        self.leases: dict[str, Lease] = {}
        # Answers carry the header fields once fewer requests than this are left: every write
        # (a lease of one); a read once 90% of the quota is used (formatting them for every
        # stored answer would cost the fast path more than the counting does).
        self.quiet_above = self.item.amount + 1 if self.lease == 1 else self.item.amount // 10

    async def take(self, client: str) -> Lease:
        """A lease with one request spent, or an empty one (left < 0) when the limit is reached."""
        now = time.time()
        lease = self.leases.get(client)
        if lease is None or lease.reset <= now or (lease.left <= 0 and lease.beyond > 0):
            lease = self.leases[client] = await self._new_lease(client)
        lease.left -= 1
        return lease

    async def _new_lease(self, client: str) -> Lease:
        if len(self.leases) >= MAX_CLIENTS:
            now = time.time()
            self.leases = {k: v for k, v in self.leases.items() if v.reset > now}
        granted = 0
        for cost in dict.fromkeys((self.lease, 1)):
            if await self.limiter.hit(self.item, self.name, client, cost=cost):
                granted = cost
                break
        stats = await self.limiter.get_window_stats(self.item, self.name, client)
        reset = stats.reset_time if stats.reset_time > time.time() else time.time() + 1
        return Lease(left=granted, beyond=stats.remaining if granted else 0, reset=reset)

    def announce(self, scope: Scope, lease: Lease) -> None:
        """Leave the header fields for the answer in the scope (once they are due: quiet_above)."""
        scope.setdefault(EXTRA_HEADERS, []).extend(self.headers(lease))

    def headers(self, lease: Lease) -> list[tuple[bytes, bytes]]:
        """RateLimit and RateLimit-Policy for a request that took this lease."""
        remaining = max(0, lease.left) + lease.beyond
        reset = max(1, math.ceil(lease.reset - time.time()))
        state = f'"{self.name}";r={remaining};t={reset}'.encode()
        return [(b"ratelimit-policy", self.header), (b"ratelimit", state)]


class RateLimit:
    """ASGI middleware: count each request against its client's read or write limit."""

    def __init__(
        self,
        app: ASGIApp,
        reads: str,
        writes: str,
        storage: str,
        client_header: str,
        variants: Variants,
    ) -> None:
        self.app, self.variants = app, variants
        uri = storage if storage.startswith("async+") else f"async+{storage}"
        # redis-py, not the library's default coredis: one Redis client in the project is enough.
        options = {"implementation": "redispy"} if "redis" in uri.split("://")[0] else {}
        self.storage = storage_from_string(uri, **options)
        limiter = FixedWindowRateLimiter(self.storage)
        self.reads, self.writes = Policy("reads", reads, limiter), Policy("writes", writes, limiter)
        self.client_header = client_header.lower().encode()
        self.failing = False

    def spend(self, scope: Scope) -> bool:
        """Count a request against a lease this worker already holds, without waiting on
        anything: True when it was counted (answer headers, if due, left in the scope), False
        when the request needs the full check of __call__ (nothing was counted then)."""
        if scope["path"] in UNLIMITED_PATHS:
            return False
        policy, address = self._policy_of(scope)
        lease = policy.leases.get(address)
        if lease is None or lease.left <= 0 or lease.reset <= time.time():
            return False
        lease.left -= 1  # the usual case: no storage asked, nothing awaited
        if lease.left + lease.beyond < policy.quiet_above:
            policy.announce(scope, lease)
        return True

    def _policy_of(self, scope: Scope) -> tuple[Policy, str]:
        """The limit a request counts against (reads or writes) and the client it counts for."""
        policy = self.writes if scope["method"] in WRITE_METHODS else self.reads
        client = scope.get("client")
        address = client[0] if client and not self.client_header else self.client_of(scope)
        return policy, address

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNLIMITED_PATHS or self.spend(scope):
            await self.app(scope, receive, send)  # not limited, or counted from a lease held
            return
        policy, address = self._policy_of(scope)
        try:
            lease = await policy.take(address)
        except Exception:  # the shared storage is down: serve rather than refuse everyone
            if not self.failing:
                REQUEST_ID.set(scope.get(REQUEST_ID_KEY, ""))
                log.exception("rate limit storage unavailable; requests are not limited")
            self.failing = True
            await self.app(scope, receive, send)
            return
        self.failing = False
        if lease.left < 0:
            await self._refuse(scope, send, policy, lease, policy.headers(lease))
            return
        if lease.left + lease.beyond < policy.quiet_above:
            policy.announce(scope, lease)
        await self.app(scope, receive, send)

    async def close(self) -> None:
        """Close the Redis connections, if any (the library leaves them to the garbage collector)."""
        client = getattr(getattr(self.storage, "bridge", None), "storage", None)
        if client is not None:
            await client.aclose()

    def client_of(self, scope: Scope) -> str:
        """The client's address: the trusted proxy's header (its last entry), else the peer."""
        if self.client_header:
            for name, value in scope["headers"]:
                if name == self.client_header:
                    return str(value.decode("latin-1").rsplit(",", 1)[-1].strip())
        client = scope.get("client")
        return str(client[0]) if client else "unknown"

    async def _refuse(
        self,
        scope: Scope,
        send: Send,
        policy: Policy,
        lease: Lease,
        headers: list[tuple[bytes, bytes]],
    ) -> None:
        wait = max(1, math.ceil(lease.reset - time.time()))
        origin = next((v for k, v in scope["headers"] if k == b"origin"), b"")
        detail = (
            f"this client may send {policy.item.amount} {policy.name} per "
            f"{policy.item.get_expiry()} s; retry in {wait} s"
        )
        extra = [
            (b"retry-after", str(wait).encode()),
            *headers,
            *self.variants.cors_headers(origin),
        ]
        title = "Too many requests"
        await send_problem(send, 429, "too-many-requests", title, detail, scope["path"], extra)
