"""List endpoints in two formats: JSON, or CSV by a `.csv` twin path, `?format=csv` or
`Accept: text/csv`; and `?fields=` trims the rows of either.

`listed(router, path, columns, ...)` registers a list route and its `.csv` twin as two documented
operations on one endpoint function. The endpoint stays a plain FastAPI function returning its
public model; this module serialises that model the way the JSON view does and renders the rows.
"""

import inspect
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar

import orjson
from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel

from app.api.problems import Problem
from app.api.renderers.csv import Columns, render_csv
from app.api.renderers.negotiate import preferred_format
from app.api.renderers.views import add_twin, with_view

Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])
CSV_MEDIA = "text/csv"
UNNAMED_PARAMS = frozenset({"format", "fields", "bom", "limit"})


class CsvResponse(Response):
    media_type = CSV_MEDIA  # Starlette adds "; charset=utf-8"


@dataclass(frozen=True)
class ListView:
    """How a list is to be rendered, and the request and response it belongs to."""

    format: str
    fields: str | None
    bom: bool
    request: Request
    response: Response


FieldsParam = Annotated[
    str | None,
    Query(
        max_length=500,
        examples=["period,value,qualifier"],
        description="Comma-separated keys: each row keeps only these (an unknown key is a 422 "
        "naming the valid ones)",
    ),
]
BomParam = Annotated[
    bool, Query(description="CSV only: start with a UTF-8 byte-order mark, for Excel")
]


def negotiated_view(
    request: Request,
    response: Response,
    format_: Annotated[
        Literal["json", "csv"] | None,
        Query(alias="format", description="json or csv (default: by Accept, else json)"),
    ] = None,
    fields: FieldsParam = None,
    bom: BomParam = False,
) -> ListView:
    chosen = format_ or preferred_format(request.headers.get("accept", ""))
    return ListView(chosen, fields, bom, request, response)


def csv_view(
    request: Request, response: Response, fields: FieldsParam = None, bom: BomParam = False
) -> ListView:
    return ListView("csv", fields, bom, request, response)


def listed(
    router: APIRouter,
    path: str,
    columns: Columns,
    *,
    summary: str,
    responses: dict[int | str, dict[str, Any]] | None = None,
    **options: Any,
) -> Callable[[Endpoint], Endpoint]:
    """Register a list endpoint at `path` (JSON or CSV) and at `path.csv` (CSV). `responses` and
    `options` are those of `router.get`; both operations document the same error answers."""
    errors = {status: answer for status, answer in (responses or {}).items() if status != 200}

    def register(endpoint: Endpoint) -> Endpoint:
        ok = {
            **(responses or {}).get(200, {}),
            "content": {CSV_MEDIA: {"schema": {"type": "string"}}},
        }
        router.add_api_route(
            path,
            rendered_list(endpoint, negotiated_view, columns),
            methods=["GET"],
            summary=summary,
            responses={**errors, 200: ok},
            **options,
        )
        add_twin(
            router,
            f"{path}.csv",
            rendered_list(endpoint, csv_view, columns),
            CsvResponse,
            summary=f"{summary}, as CSV",
            description="RFC 4180 CSV with a header row",
            responses=errors,
            **options,
        )
        return endpoint

    return register


def rendered_list(
    endpoint: Callable[..., Any], view: Callable[..., ListView], columns: Columns
) -> Callable[..., Awaitable[Any]]:
    """The endpoint rendering its list as the request's view asks: JSON, trimmed JSON or CSV."""
    row_keys = json_row_keys(inspect.signature(endpoint).return_annotation)

    def finish(as_json: Callable[[], Any], result: Any, list_view: ListView) -> Any:
        valid = columns.names if list_view.format == "csv" else row_keys
        fields = chosen_fields(list_view.fields, valid)
        if list_view.format == "json" and fields is None:
            return result  # FastAPI serialises it as usual
        body = as_json()
        if list_view.format == "csv":
            shown = columns.only(fields) if fields else columns.for_rows(body["data"])
            content = render_csv(body["data"], shown, list_view.bom)
            headers = {"Content-Disposition": f'attachment; filename="{filename(list_view)}"'}
            return CsvResponse(content, headers={**kept_headers(list_view), **headers})
        body["data"] = [{key: row.get(key) for key in fields or ()} for row in body["data"]]
        return Response(
            orjson.dumps(body), media_type="application/json", headers=kept_headers(list_view)
        )

    return with_view(endpoint, view, finish)


def json_row_keys(envelope: Any) -> list[str]:
    """The keys of one row of a `{"data": [...], "meta": ...}` model, as JSON spells them."""
    if not (isinstance(envelope, type) and issubclass(envelope, BaseModel)):
        raise TypeError(f"a listed endpoint must return a data/meta model, not {envelope!r}")
    row = envelope.model_fields["data"].annotation.__args__[0]  # type: ignore[union-attr]
    return [field.alias or name for name, field in row.model_fields.items()]


def chosen_fields(fields: str | None, valid: Sequence[str]) -> list[str] | None:
    """The keys named by ?fields= (duplicates dropped), or a 422 naming the valid ones."""
    if fields is None:
        return None
    names = list(dict.fromkeys(name.strip() for name in fields.split(",")))
    unknown = [name for name in names if name not in valid]
    if unknown or not names:
        allowed = ", ".join(valid)
        message = f"unknown key(s) {', '.join(unknown) or '(none given)'}; valid keys: {allowed}"
        raise Problem(
            422,
            "invalid-parameter",
            "Invalid parameter",
            f"fields: {message}",
            [{"param": "fields", "in": "query", "msg": message, "value": fields}],
        )
    return names


def kept_headers(view: ListView) -> dict[str, str]:
    """Headers the endpoint set on its response (a pagination Link, for one)."""
    return {k: v for k, v in view.response.headers.items() if k.lower() != "content-length"}


def filename(view: ListView) -> str:
    """darien-crossings-monthly-2023.csv: the list's path, then the values that narrow it."""
    path = view.request.url.path.removeprefix("/v1/").removesuffix(".csv")
    parts = ["darien", *path.strip("/").split("/")]
    for name, value in view.request.query_params.items():
        if name == "cursor":
            parts.append(f"after-{value}")
        elif name not in UNNAMED_PARAMS:
            parts.append(value)
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", "-".join(parts)) + ".csv"
