"""Prepared responses: what the fast path sends again, and the store that keeps them per dataset version."""

import hashlib
from dataclasses import dataclass, field, replace

from app.asgi.encoding import MIN_COMPRESSED_BYTES, compress

Key = tuple[bytes, bytes, bytes, bytes]
Headers = list[tuple[bytes, bytes]]
_HOP_HEADERS = frozenset({b"content-length", b"etag", b"cache-control", b"vary"})
# Formats that are compressed already: a gzip or brotli copy would be no smaller.
PACKED_TYPES = (b"image/png", b"application/zip")
VARY = b"Accept, Accept-Encoding, Origin"


@dataclass(frozen=True, slots=True)
class Prepared:
    """A stored response: headers for 200 and for 304, the body, and its compressed copies."""

    headers: Headers
    not_modified_headers: Headers
    body: bytes
    etag: bytes
    codings: dict[bytes, "Prepared"] = field(default_factory=dict)
    route: str = ""  # the template of the route that made it, for the metrics
    packed: bool = False  # compressed already (PACKED_TYPES): always sent as it is

    @property
    def size(self) -> int:
        return len(self.body) + 512 + sum(copy.size for copy in self.codings.values())

    def encoded(self, coding: bytes) -> "Prepared":
        """This response in a content coding, compressed on first use and kept; itself when
        identity is asked, the body is too small to gain or is compressed already (PNG, zip).
        Each coding has its own ETag."""
        if not coding or self.packed or len(self.body) < MIN_COMPRESSED_BYTES:
            return self
        copy = self.codings.get(coding)
        if copy is None:
            body = compress(self.body, coding)
            etag = self.etag[:-1] + b"-" + coding + b'"'
            copy = replace(
                self,
                headers=[
                    *_swapped(self.headers, etag, len(body)),
                    (b"content-encoding", coding),
                ],
                not_modified_headers=_swapped(self.not_modified_headers, etag, None),
                body=body,
                etag=etag,
                codings={},
            )
            self.codings[coding] = copy
        return copy


def _swapped(headers: Headers, etag: bytes, length: int | None) -> Headers:
    """Headers with another ETag (and Content-Length, when given)."""
    swapped = [(k, etag if k == b"etag" else v) for k, v in headers if k != b"content-length"]
    return swapped if length is None else [*swapped, (b"content-length", str(length).encode())]


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

    def encoded(self, key: Key, prepared: Prepared, coding: bytes) -> Prepared:
        """A stored response in a content coding; a new compressed copy counts against the budget."""
        made = coding and coding not in prepared.codings  # Prepared.encoded may compress now
        copy = prepared.encoded(coding)
        if made and copy is not prepared and self.generation.entries.get(key) is prepared:
            self.generation.used_bytes += copy.size  # what prepared.size grew by
        return copy


def etag_matches(if_none_match: bytes, etag: bytes) -> bool:
    """RFC 9110 weak comparison of an If-None-Match list against our strong ETag."""
    if if_none_match == etag:  # what a client that kept our ETag sends back
        return True
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
    status_headers: Headers, body: bytes, cache_control: bytes, route: str = ""
) -> Prepared:
    """Add ETag, Cache-Control and Vary to a response FastAPI produced."""
    etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
    kept = [(k, v) for k, v in status_headers if k.lower() not in _HOP_HEADERS]
    validators = [(b"etag", etag), (b"cache-control", cache_control), (b"vary", VARY)]
    cors = [(k, v) for k, v in kept if k.lower().startswith(b"access-control-")]
    content_type = next((v for k, v in kept if k.lower() == b"content-type"), b"")
    return Prepared(
        headers=[*kept, *validators, (b"content-length", str(len(body)).encode())],
        not_modified_headers=[*validators, *cors],
        body=body,
        etag=etag,
        route=route,
        packed=content_type.startswith(PACKED_TYPES),
    )
