"""The one exception the client raises for an answer that is not a success."""

from typing import Any

import httpx


class DarienError(Exception):
    """An error answer, with the fields of its RFC 9457 problem+json body.

    `errors` lists the parameters at fault (name, where, message) for a 422.
    """

    def __init__(
        self,
        status: int,
        title: str,
        detail: str | None = None,
        type: str | None = None,
        instance: str | None = None,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(f"{status} {title}" + (f": {detail}" if detail else ""))
        self.status, self.title, self.detail = status, title, detail
        self.type, self.instance, self.errors = type, instance, errors or []

    @classmethod
    def from_response(cls, response: httpx.Response) -> "DarienError":
        """The error an answer carries; a body that is not problem+json keeps its status alone."""
        body: Any = None
        if "json" in response.headers.get("content-type", ""):
            try:
                body = response.json()
            except ValueError:
                body = None
        if not isinstance(body, dict):
            return cls(response.status_code, response.reason_phrase or "Error", response.text[:500])
        return cls(
            status=int(body.get("status", response.status_code)),
            title=str(body.get("title", response.reason_phrase)),
            detail=body.get("detail"),
            type=body.get("type"),
            instance=body.get("instance"),
            errors=body.get("errors"),
        )
