"""The OpenAPI description, made to tell the truth about errors: every error answer an operation can
give is documented, as the application/problem+json it really is (RFC 9457).

FastAPI describes the successful answers and the 422 of its own validation; `install` adds, to
every operation, the problems the layers around the routes can answer with (414 from the fast
path, 422 for an unknown or repeated query parameter, 429 from the rate limiter), and to each
operation the ones it can meet: 404 on a path with an id, 400/413/415 where a body is read,
401/403 where a key is needed, 503 where the database is. Keys are only added, never removed.
It also holds the upload body of POST /v1/documents, whose strings are declared as strictly as
the server reads them.
"""

from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from app.api.auth import require_api_key
from app.api.deps import get_session
from app.api.problems import flat_routes
from app.ingest.uploads import DocumentUpload

PROBLEM_MEDIA = "application/problem+json"
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}

PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "type": "object",
    "description": "RFC 9457 problem details; `type` links to what the problem means.",
    "required": ["type", "title", "status", "detail", "instance"],
    "properties": {
        "type": {"type": "string", "examples": ["/v1/problems/not-found"]},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string"},
        "instance": {"type": "string", "description": "The path that was asked for"},
        "errors": {
            "type": "array",
            "description": "Parameter errors: one item per rejected parameter",
            "items": {"$ref": "#/components/schemas/ProblemError"},
        },
    },
}
PROBLEM_ERROR_SCHEMA: dict[str, Any] = {
    "title": "ProblemError",
    "type": "object",
    "required": ["param", "in", "msg"],
    "properties": {
        "param": {"type": "string"},
        "in": {"type": "string"},
        "msg": {"type": "string"},
        "value": {"description": "The rejected value, when short enough to echo"},
    },
}

EVERYWHERE = {
    414: "The query string is longer than the server accepts",
    422: "A parameter is invalid, unknown or repeated; errors[] names each one",
    429: "Too many requests from this client; retry after Retry-After seconds",
}
WITH_ID = {404: "Nothing has this id; the detail says what exists"}
WITH_BODY = {
    400: "The body is not well-formed JSON",
    413: "The body or its text is larger than the server accepts; the detail gives the limit",
    415: "The body's Content-Type is not one this operation reads",
}
WITH_KEY = {
    401: "No bearer key was sent",
    403: "The bearer key is not one of the configured keys",
}
UNAVAILABLE = {503: "The database does not answer (or ingestion is off); retry after Retry-After"}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}}


def install(app: FastAPI) -> None:
    """Serve the description with its problem answers (built once, on first use)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = FastAPI.openapi(app)
            routes = {(r.path, m.lower()): r for r in _routes(app) for m in r.methods or ()}
            describe_problems(spec, routes)
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _routes(app: FastAPI) -> list[APIRoute]:
    return [r for r in flat_routes(app.routes) if isinstance(r, APIRoute) and r.include_in_schema]


def describe_problems(spec: dict[str, Any], routes: dict[tuple[str, str], APIRoute]) -> None:
    """Add the Problem schema and every operation's problem answers to spec, in place."""
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = PROBLEM_SCHEMA
    schemas["ProblemError"] = PROBLEM_ERROR_SCHEMA
    for path, operations in spec.get("paths", {}).items():
        for method, operation in operations.items():
            route = routes.get((path, method))
            responses = operation["responses"]
            declared = {int(s): r["description"] for s, r in responses.items() if s[0] in "45"}
            for status, description in {**problems_of(operation, route), **declared}.items():
                add_problem(responses, status, description)
            if any(p["name"] == "fields" for p in operation.get("parameters", [])):
                allow_trimmed_rows(schemas, responses)


def allow_trimmed_rows(schemas: dict[str, Any], responses: dict[str, Any]) -> None:
    """With ?fields= a row holds only the keys asked for: the JSON answer is the full list model
    or the same envelope with trimmed rows (the $ref stays, naming a schema that says both)."""
    media = responses.get("200", {}).get("content", {}).get("application/json")
    if media is None or "$ref" not in media["schema"]:
        return
    name = media["schema"]["$ref"].rsplit("/", 1)[-1]
    full = schemas[name]
    trimmed = {
        "type": "object",
        "required": ["data", "meta"],
        "properties": {
            "data": {
                "type": "array",
                "items": {"type": "object", "description": "A row with the keys of ?fields="},
            },
            "meta": full["properties"]["meta"],
        },
    }
    schemas[f"{name}OrTrimmed"] = {
        "title": f"{name}OrTrimmed",
        "description": f"{name}, or with ?fields= its rows trimmed to the keys asked for",
        "anyOf": [{"$ref": f"#/components/schemas/{name}"}, trimmed],
    }
    media["schema"] = {"$ref": f"#/components/schemas/{name}OrTrimmed"}


def problems_of(operation: dict[str, Any], route: APIRoute | None) -> dict[int, str]:
    """The problem answers this operation can give, by status."""
    found = dict(EVERYWHERE)
    if any(p["in"] == "path" for p in operation.get("parameters", [])):
        found.update(WITH_ID)
    if "requestBody" in operation:
        found.update(WITH_BODY)
    calls = _calls(route.dependant) if route is not None else set()
    if require_api_key in calls or "security" in operation:
        found.update(WITH_KEY)
    if calls & {require_api_key, get_session} or "503" in operation["responses"]:
        found.update(UNAVAILABLE)
    return found


def _calls(dependant: Dependant) -> set[Any]:
    """Every dependency function the route runs, however deep."""
    found = {dependant.call}
    for sub in dependant.dependencies:
        found |= _calls(sub)
    return found


def add_problem(responses: dict[str, Any], status: int, description: str) -> None:
    """Document a problem answer; an existing entry keeps its description and gains the media type.

    FastAPI's own 422 entry says application/json; it stays (keys are never removed) and now names
    the Problem schema too, beside the application/problem+json the server really sends.
    """
    entry = responses.setdefault(str(status), {"description": description})
    content = entry.setdefault("content", {})
    for media in content.values():
        media["schema"] = dict(PROBLEM_REF)
    content[PROBLEM_MEDIA] = {"schema": dict(PROBLEM_REF)}
    if status in (429, 503):
        entry.setdefault("headers", {}).update(RETRY_AFTER)


# A Markdown upload the server always accepts: the front matter's required keys, plain values that
# YAML reads as strings and a date, then a text (the schema is a promise: what matches is stored).
MARKDOWN_PATTERN = (
    r"^---\npublisher: [A-Z][a-z]{1,20}( [A-Za-z]{1,20}){1,3}\n"
    r"title: [A-Z][a-z]{1,20}( [A-Za-z]{1,20}){1,8}\n"
    r"published: (19[0-9]{2}|20[0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])\n"
    # then any text without NUL that holds something besides line breaks
    r"---\n[^\x00]*[^\x00\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029][^\x00]*$"
)
NO_NUL = r"^[^\x00]*$"  # DocumentUpload refuses U+0000 in any string (PostgreSQL cannot store it)


def without_nul(schema: Any) -> Any:
    """The JSON schema with every unconstrained string declared free of U+0000."""
    if isinstance(schema, dict):
        found = {key: without_nul(value) for key, value in schema.items()}
        if found.get("type") == "string" and "pattern" not in found and "enum" not in found:
            found["pattern"] = NO_NUL
        return found
    if isinstance(schema, list):
        return [without_nul(item) for item in schema]
    return schema


UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": without_nul(
                    DocumentUpload.model_json_schema(ref_template="#/components/schemas/{model}")
                )
            },
            "text/markdown": {
                "schema": {"type": "string", "pattern": MARKDOWN_PATTERN},
                "example": "---\npublisher: Agencia EFE\ntitle: Darién crossings in 2024\n"
                "published: 2025-01-02\nlanguage: en\nattributed_to: SNM\n---\n"
                "Panama's migration service said 302,203 people crossed the Darién in 2024.\n",
            },
        },
    }
}
