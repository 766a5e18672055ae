"""HTTP routes: thin functions that parse input, call a query or builder, and shape the answer."""

import re
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from sqlmodel import Session

from app.api.problems import Problem, invalid
from app.api.schemas import PageMeta
from app.record.build import Record
from app.record.history import record_as_of as past_record
from app.storage.engine import session_scope


def get_session(request: Request) -> Iterator[Session]:
    """A session on the app's engine for the length of one request."""
    yield from session_scope(request.app.state.engine)


SessionDep = Annotated[Session, Depends(get_session)]


async def current_record(request: Request) -> Record:
    """The record this request is answered from (read once, so one version throughout)."""
    record: Record = request.app.state.snapshot.record
    return record


RecordDep = Annotated[Record, Depends(current_record)]

AS_OF_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


async def record_as_of(
    request: Request,
    as_of: Annotated[
        date | None,
        Query(
            # a real day (format: date) written YYYY-MM-DD; impossible days are a 422
            json_schema_extra={"pattern": AS_OF_PATTERN.pattern},
            examples=["2025-01-01"],
            description="Answer as the record stood on this date (YYYY-MM-DD): only figures "
            "published by then, the canonical choice re-made from them",
        ),
    ] = None,
) -> Record:
    """The record this request is answered from, or its past view when `as_of` is given."""
    record: Record = request.app.state.snapshot.record
    if as_of is None:
        return record
    if not AS_OF_PATTERN.fullmatch(request.query_params.get("as_of", "")):
        # pydantic also reads other spellings of a day (a timestamp); the documented one is YYYY-MM-DD
        raise invalid("as_of", "must be a date written YYYY-MM-DD", request.query_params["as_of"])
    return past_record(record, as_of)


# The record, or its past view under ?as_of= (every endpoint that serves figures takes it).
RecordAsOfDep = Annotated[Record, Depends(record_as_of)]

# Keyset pagination parameters shared by the id-ordered lists.
PageLimit = Annotated[int, Query(ge=1, le=500, examples=[100], description="Rows per page")]
IdCursor = Annotated[
    str | None,
    Query(
        max_length=32,
        pattern=r"^[A-Za-z0-9_-]+$",
        examples=["S100"],
        description="next_cursor of the previous page",
    ),
]


def allowed_query_names(request: Request) -> frozenset[str]:
    """Query parameter names the matched route declares (the ones its OpenAPI lists), read from
    the route's own parameters once per route: building the whole OpenAPI for this would cost a
    cold worker's first request more than a second."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return frozenset()
    # Keyed by the route object's id: the app holds its routes for as long as it holds this cache.
    state = request.app.state
    cache: dict[int, frozenset[str]] | None = getattr(state, "query_names", None)
    if cache is None:
        cache = state.query_names = {}
    names = cache.get(id(route))
    if names is None:
        names = cache[id(route)] = declared_query_names(route.dependant)
    return names


def declared_query_names(dependant: Dependant) -> frozenset[str]:
    """The query parameters of an endpoint and of every dependency it uses."""
    names = {param.alias for param in dependant.query_params}
    for dependency in dependant.dependencies:
        names |= declared_query_names(dependency)
    return frozenset(names)


async def reject_unknown_query(request: Request) -> None:
    """A typo in a query parameter must not silently return everything: answer 422 instead."""
    allowed = allowed_query_names(request)
    repeated = sorted(
        {
            name
            for name, _ in request.query_params.multi_items()
            if len(request.query_params.getlist(name)) > 1
        }
    )
    if repeated:
        raise Problem(
            422,
            "invalid-parameter",
            "Repeated query parameter",
            f"{', '.join(repeated)} given more than once; each parameter takes one value",
            [
                {
                    "param": name,
                    "in": "query",
                    "msg": "given more than once",
                    "value": request.query_params.getlist(name),
                }
                for name in repeated
            ],
        )
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        shown = ", ".join(sorted(allowed)) or "none"
        raise Problem(
            422,
            "unknown-parameter",
            "Unknown query parameter",
            f"{', '.join(unknown)} not accepted here; this endpoint takes: {shown}",
            [
                {
                    "param": name,
                    "in": "query",
                    "msg": f"unknown parameter; allowed: {shown}",
                    "value": request.query_params.get(name),
                }
                for name in unknown
            ],
        )


def link(request: Request, path: str) -> str:
    """A link to one of our own paths: absolute under BASE_URL when set, else relative.

    Never built from the request's Host header: answers are stored and shared between clients.
    """
    base: str = request.app.state.settings.base_url
    return base.rstrip("/") + path


def next_page(request: Request, response: Response, cursor: str | None) -> str | None:
    """The next page's link (same query, new cursor), also sent as an RFC 8288 Link header."""
    if cursor is None:
        return None
    query = request.url.include_query_params(cursor=cursor).query
    url = link(request, f"{request.url.path}?{query}")
    response.headers["Link"] = f'<{url}>; rel="next"'
    return url


def page_of(
    request: Request, response: Response, ids: list[str], cursor: str | None, limit: int
) -> tuple[range, PageMeta]:
    """Keyset pagination over sorted ids: positions of this page, and its meta."""
    first = bisect_right(ids, cursor) if cursor is not None else 0
    last = min(first + limit, len(ids))
    next_cursor = ids[last - 1] if first < last < len(ids) else None
    meta = PageMeta(
        count=last - first,
        total=len(ids),
        limit=limit,
        next_cursor=next_cursor,
        next_url=next_page(request, response, next_cursor),
    )
    return range(first, last), meta


def check_text_size(request: Request, text: str) -> None:
    """413 when a text is over MAX_TEXT_BYTES (UTF-8)."""
    limit: int = request.app.state.settings.max_text_bytes
    if len(text.encode("utf-8")) > limit:
        raise Problem(
            413, "too-large", "Text too large", f"text is limited to {limit:,} bytes (UTF-8)"
        )


async def require_json(request: Request) -> None:
    """415 unless the body is declared as JSON (application/json or a +json type)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json" and not media.endswith("+json"):
        raise Problem(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            f"Send the body as application/json, not {media or 'no Content-Type'}.",
        )
