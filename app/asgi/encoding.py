"""Content codings (RFC 9110 §8.4): which one a request accepts, and compressing a body once."""

import gzip
from functools import lru_cache

import brotli

MIN_COMPRESSED_BYTES = 1024  # below this the headers cost more than the saving
PREFERENCE = (b"br", b"gzip")  # brotli is smaller for JSON and CSV; gzip is understood by all


@lru_cache(maxsize=256)  # clients send a handful of distinct values; parse each once
def chosen_coding(accept_encoding: bytes) -> bytes:
    """b"br", b"gzip", or b"" (identity): the accepted coding with the highest q, br on a tie."""
    if not accept_encoding:
        return b""
    weights: dict[bytes, float] = {}
    for item in accept_encoding.split(b","):
        name, _, params = item.partition(b";")
        q = 1.0
        for param in params.split(b";"):
            key, _, value = param.strip().partition(b"=")
            if key == b"q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        weights[name.strip().lower()] = q
    wildcard = weights.get(b"*", 0.0)
    best = max(PREFERENCE, key=lambda coding: weights.get(coding, wildcard))
    return best if weights.get(best, wildcard) > 0 else b""


def compress(body: bytes, coding: bytes) -> bytes:
    """The body in a content coding; deterministic (gzip's timestamp is zero), so are its ETags."""
    if coding == b"br":
        return bytes(brotli.compress(body, quality=5))
    if coding == b"gzip":
        return gzip.compress(body, compresslevel=6, mtime=0)
    raise ValueError(f"unknown content coding {coding!r}")
