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


def fields_query(keys: Sequence[str]) -> Any:
    """?fields= over these keys; the OpenAPI pattern says exactly what chosen_fields accepts."""
    names = "|".join(keys)
    return Query(
        max_length=500,
        examples=[",".join(keys[:3])],
        description="Comma-separated keys: each row keeps only these. A key of the JSON row or "
        "a CSV column name, in either format (an unknown key is a 422 naming the valid ones)",
        json_schema_extra={"pattern": f"^(?:{names})(?:,(?:{names}))*$"},
    )


BomParam = Annotated[
    bool, Query(description="CSV only: start with a UTF-8 byte-order mark, for Excel")
]


def views(keys: Sequence[str]) -> tuple[Callable[..., ListView], Callable[..., ListView]]:
    """The dependencies reading the view of the negotiated list and of its .csv twin."""
    fields_of_keys = fields_query(keys)

    def negotiated_view(
        request: Request,
        response: Response,
        format_: Annotated[
            Literal["json", "csv"] | None,
            Query(alias="format", description="json or csv (default: by Accept, else json)"),
        ] = None,
        fields: Annotated[str | None, fields_of_keys] = None,
        bom: BomParam = False,
    ) -> ListView:
        chosen = format_ or preferred_format(request.headers.get("accept", ""))
        return ListView(chosen, fields, bom, request, response)

    def csv_view(
        request: Request,
        response: Response,
        fields: Annotated[str | None, fields_of_keys] = None,
        bom: BomParam = False,
    ) -> ListView:
        return ListView("csv", fields, bom, request, response)

    return negotiated_view, csv_view


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
        negotiated_view, csv_view = views(field_keys(endpoint, columns))
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
    keys = field_keys(endpoint, columns)

    def finish(as_json: Callable[[], Any], result: Any, list_view: ListView) -> Any:
        fields = chosen_fields(list_view.fields, keys)
        if list_view.format == "json" and fields is None:
            return result  # FastAPI serialises it as usual
        body = as_json()
        if list_view.format == "csv":
            shown = columns.for_keys(fields) if fields else columns.for_rows(body["data"])
            content = render_csv(body["data"], shown, list_view.bom)
            headers = {"Content-Disposition": f'attachment; filename="{filename(list_view)}"'}
            return CsvResponse(content, headers={**kept_headers(list_view), **headers})
        picked = [(key, key in row_keys) for key in fields or ()]
        body["data"] = [
            {key: row.get(key) if own else columns.columns[key].value(row) for key, own in picked}
            for row in body["data"]
        ]
        return Response(
            orjson.dumps(body), media_type="application/json", headers=kept_headers(list_view)
        )

    return with_view(endpoint, view, finish)


def field_keys(endpoint: Callable[..., Any], columns: Columns) -> list[str]:
    """What ?fields= may name: the keys of a JSON row, then the CSV columns not among them."""
    row_keys = json_row_keys(inspect.signature(endpoint).return_annotation)
    return [*row_keys, *(name for name in columns.names if name not in row_keys)]


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
    # Exactly the OpenAPI pattern: no blanks around keys; a final newline is what `$` allows.
    names = list(dict.fromkeys(fields.removesuffix("\n").split(",")))
    unknown = [name for name in names if name not in valid]
    if unknown:
        allowed = ", ".join(valid)
        shown = ", ".join(name or "(empty)" for name in unknown)
        message = f"unknown key(s) {shown}; valid keys: {allowed}"
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
