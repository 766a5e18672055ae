"""Bearer-key authentication for writes: keys come from DARIEN_API_KEYS, in clear or as
sha256:<hex> digests, and are compared as SHA-256 digests in constant time."""

import hashlib
import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.api.problems import Problem

# Documents the scheme in the OpenAPI and reads the header; the answers below stay our own problems.
bearer = HTTPBearer(
    auto_error=False,
    scheme_name="ApiKey",
    description="Authorization: Bearer <key>, one of the keys in DARIEN_API_KEYS",
)


DIGEST_PREFIX = "sha256:"


def key_digest(key: str) -> bytes:
    """The SHA-256 digest a configured key stands for: given as sha256:<hex>, or of the clear key."""
    if key.startswith(DIGEST_PREFIX):
        hex_digest = key.removeprefix(DIGEST_PREFIX)
        if len(hex_digest) != 64 or not all(c in "0123456789abcdefABCDEF" for c in hex_digest):
            raise ValueError("DARIEN_API_KEYS: a sha256: key must be followed by 64 hex digits")
        return bytes.fromhex(hex_digest)
    return hashlib.sha256(key.encode("utf-8")).digest()


def configured_keys(raw: str) -> list[bytes]:
    """The digests of the setting's comma-separated keys, blanks dropped.

    Only digests are kept, so a key given as a digest is never known in clear to the server.
    """
    return [key_digest(key.strip()) for key in raw.split(",") if key.strip()]


async def require_api_key(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """503 when no key is configured, 401 without a bearer key, 403 with one that is not configured."""
    keys: list[bytes] = request.app.state.api_keys
    if not keys:
        raise Problem(
            503,
            "ingestion-disabled",
            "Ingestion disabled",
            "ingestion is disabled on this server: no API keys are configured (DARIEN_API_KEYS).",
        )
    token = credentials.credentials if credentials is not None else ""
    if not token.strip():
        raise Problem(
            401,
            "unauthorized",
            "Authentication required",
            "Send Authorization: Bearer <key>; keys are set by the DARIEN_API_KEYS setting.",
            headers={"WWW-Authenticate": 'Bearer realm="darien"'},
        )
    given = hashlib.sha256(token.strip().encode("utf-8")).digest()
    matched = False
    for key in keys:
        # Compare against every key, so the time taken says nothing about which one was close.
        matched |= hmac.compare_digest(given, key)
    if not matched:
        raise Problem(
            403, "forbidden", "Key not accepted", "This bearer key may not ingest documents."
        )
