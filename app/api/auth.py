"""Bearer-key authentication for writes: keys come from DARIEN_API_KEYS, compared in constant time."""

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


def configured_keys(raw: str) -> list[bytes]:
    """The comma-separated keys of the setting as UTF-8 bytes, blanks dropped."""
    return [key.strip().encode("utf-8") for key in raw.split(",") if key.strip()]


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
    given = token.strip().encode()
    matched = False
    for key in keys:
        # Compare against every key, so the time taken says nothing about which one was close.
        matched |= hmac.compare_digest(given, key)
    if not matched:
        raise Problem(
            403, "forbidden", "Key not accepted", "This bearer key may not ingest documents."
        )
