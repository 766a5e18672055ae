"""RFC 9457 problem details: every 4xx/5xx leaves the API as application/problem+json."""

import logging
from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("darien")
Headers = Iterable[tuple[bytes, bytes]]

PROBLEM_TYPES = {
    "not-found": "No such resource; the detail says what exists.",
    "invalid-parameter": "A query, path or body parameter is not allowed; errors[] names each one.",
    "unknown-parameter": "A query parameter the endpoint does not take (typos are never ignored).",
    "too-long": "The URL's query string is longer than the server accepts.",
    "too-large": "The text or document is larger than the server accepts; the detail gives the limit.",
    "unauthorized": "This endpoint needs an Authorization: Bearer <key> header.",
    "forbidden": "The bearer key is not one of the configured keys.",
    "unsupported-media-type": "The request body's Content-Type is not one the endpoint reads.",
    "malformed-json": "The request body is not well-formed JSON; the detail says where it breaks.",
    "method-not-allowed": "The resource exists but not for this HTTP method.",
    "rate-limited": "Too many requests from this client; retry after the Retry-After delay.",
    "not-ready": "This worker does not serve the database's current version; the detail says why.",
    "database-unavailable": "The database does not answer; reads of loaded data still work. "
    "Retry after the Retry-After delay.",
    "ingestion-disabled": "No API keys are configured on this server, so nothing can be written.",
    "seed-document": "Seed documents change only by editing seed/ and running darien seed.",
    "too-many-requests": "This client sent more requests than its limit allows; wait for "
    "Retry-After seconds. The RateLimit and RateLimit-Policy headers give the limit and what is left.",
    "server-error": "An unexpected error; it was logged, and no internals are shown.",
    "http-error": "Any other HTTP error.",
}


class Problem(Exception):
    """Raise to answer with a problem document."""

    def __init__(
        self,
        status: int,
        slug: str,
        title: str,
        detail: str,
        errors: Sequence[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status, self.slug, self.title, self.detail = status, slug, title, detail
        self.errors = list(errors) if errors is not None else None
        self.headers = headers or {}


def problem_response(request: Request, problem: Problem) -> JSONResponse:
    """The problem+json response for a Problem."""
    body: dict[str, Any] = {
        "type": f"/v1/problems/{problem.slug}",
        "title": problem.title,
        "status": problem.status,
        "detail": problem.detail,
        "instance": str(request.url.path),
    }
    if problem.errors is not None:
        body["errors"] = problem.errors
    return JSONResponse(
        body,
        status_code=problem.status,
        media_type="application/problem+json",
        headers=problem.headers,
    )


def invalid(param: str, message: str, value: Any = None, location: str = "query") -> Problem:
    """A 422 naming one parameter."""
    error = {"param": param, "in": location, "msg": message, "value": value}
    return Problem(422, "invalid-parameter", "Invalid parameter", f"{param}: {message}", [error])


def _shown_value(value: Any) -> Any:
    """The rejected value, when it is short enough to echo back (never a whole document)."""
    if isinstance(value, str | int | float | bool) and len(str(value)) <= 200:
        return value
    return None


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    errors = []
    for err in exc.errors():
        loc = [str(part) for part in err.get("loc", ())]
        location = loc[0] if loc else "request"
        # A body that is not JSON at all is located by a character offset, not a field name.
        param = "body" if err.get("type") == "json_invalid" else ".".join(loc[1:]) or location
        errors.append(
            {
                "param": param,
                "in": location,
                "msg": err.get("msg", "invalid"),
                "value": _shown_value(err.get("input")),
            }
        )
    return errors


def malformed_json(detail: str) -> Problem:
    """The 400 for a body that is not JSON at all (a 422 is for JSON that breaks the schema)."""
    return Problem(400, "malformed-json", "Malformed JSON", f"body is not valid JSON: {detail}")


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    broken = [e for e in exc.errors() if e.get("type") == "json_invalid"]
    if broken:
        where = broken[0].get("ctx", {}).get("error", "")
        return problem_response(request, malformed_json(str(where) or "cannot be parsed"))
    errors = _validation_errors(exc)
    detail = "; ".join(f"{e['param']}: {e['msg']}" for e in errors)
    return problem_response(
        request, Problem(422, "invalid-parameter", "Invalid parameter", detail, errors)
    )


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Problem)
    return problem_response(request, exc)


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    slug = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
    detail = exc.detail if isinstance(exc.detail, str) else "HTTP error"
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"No resource at {request.url.path}; GET /v1 lists the endpoints."
    title = {404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "HTTP error")
    response = problem_response(request, Problem(exc.status_code, slug, title, detail))
    response.headers.update(exc.headers or {})
    if exc.status_code == 405:
        response.headers["allow"] = ", ".join(_allowed_methods(request))
    allow = response.headers.get("allow")
    if allow and "GET" in allow.split(", ") and "HEAD" not in allow:
        response.headers["allow"] = (
            f"{allow}, HEAD"  # the fast path answers HEAD wherever GET works
        )
    return response


def flat_routes(routes: Sequence[BaseRoute]) -> list[BaseRoute]:
    """Every route, with those of included routers listed one by one."""
    found: list[BaseRoute] = []
    for route in routes:
        included = getattr(route, "original_router", None)  # FastAPI's record of include_router
        found.extend(flat_routes(included.routes) if included is not None else [route])
    return found


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route answers at this path (Starlette names only the first route's)."""
    methods: list[str] = []
    for route in flat_routes(request.app.router.routes):
        match, _ = route.matches(request.scope)
        if match is not Match.NONE:
            methods.extend(m for m in getattr(route, "methods", ()) if m not in methods)
    return methods


def problem_bytes(status: int, slug: str, title: str, detail: str, instance: str) -> bytes:
    """A problem document as bytes, for layers that answer without the framework."""
    body = {
        "type": f"/v1/problems/{slug}",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": instance,
    }
    return orjson.dumps(body)


class CatchAll:
    """Turns an unhandled exception into a 500 problem document, logged, with no internals.

    It sits inside the CORS middleware, so even a 500 carries CORS headers (Starlette's own last-
    resort handler sits outside every middleware).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:
            log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            if started:
                raise
            await send_server_error(send, scope["path"])


async def send_problem(
    send: Send,
    status: int,
    slug: str,
    title: str,
    detail: str,
    instance: str,
    headers: Headers = (),
) -> None:
    """Answer with a problem document straight through ASGI (for layers in front of FastAPI)."""
    body = problem_bytes(status, slug, title, detail, instance)
    start = [
        (b"content-type", b"application/problem+json"),
        (b"content-length", str(len(body)).encode()),
        *headers,
    ]
    await send({"type": "http.response.start", "status": status, "headers": start})
    await send({"type": "http.response.body", "body": body})


async def send_server_error(send: Send, instance: str) -> None:
    """The 500 answer: that the server failed, and nothing of how."""
    detail = "The server failed to answer; the error was logged."
    await send_problem(send, 500, "server-error", "Internal server error", detail, instance)


def install(app: FastAPI) -> None:
    """Route every error through problem+json."""
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http)
