"""Prepared responses: what the fast path sends again, and the store that keeps them per dataset version."""

import hashlib
from dataclasses import dataclass, field

Key = tuple[bytes, bytes, bytes, bytes]
Headers = list[tuple[bytes, bytes]]
_HOP_HEADERS = frozenset({b"content-length", b"etag", b"cache-control", b"vary"})


@dataclass(frozen=True, slots=True)
class Prepared:
    """A stored response: headers for 200 and for 304, and the body."""

    headers: Headers
    not_modified_headers: Headers
    body: bytes
    etag: bytes

    @property
    def size(self) -> int:
        return len(self.body) + 512


@dataclass(slots=True)
class Generation:
    """The stored responses of one dataset version."""

    version: int
    entries: dict[Key, Prepared] = field(default_factory=dict)
    used_bytes: int = 0


class ResponseStore:
    """Prepared responses of the current dataset version, within a byte budget.

    A new version replaces the whole generation in one assignment, so a response built from an
    older version (even one finishing in another thread) can only land in a discarded generation.
    Past the budget the oldest entries make room: clients may invent any number of queries.
    """

    def __init__(self, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self.generation = Generation(version=-1)

    @property
    def version(self) -> int:
        return self.generation.version

    @property
    def entries(self) -> dict[Key, Prepared]:
        return self.generation.entries

    def reset(self, version: int) -> None:
        """Start an empty generation for a new dataset version."""
        self.generation = Generation(version=version)

    def put(self, key: Key, version: int, prepared: Prepared) -> None:
        """Keep a response built from `version`, if that is still the current version."""
        generation = self.generation
        if generation.version != version or prepared.size > self.max_bytes:
            return
        old = generation.entries.pop(key, None)
        if old is not None:
            generation.used_bytes -= old.size
        while generation.entries and generation.used_bytes + prepared.size > self.max_bytes:
            oldest = next(iter(generation.entries))
            generation.used_bytes -= generation.entries.pop(oldest).size
        generation.entries[key] = prepared
        generation.used_bytes += prepared.size


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


def prepare(status_headers: Headers, body: bytes, cache_control: bytes) -> Prepared:
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
