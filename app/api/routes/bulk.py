"""The record in bulk: the data package, each table as one CSV, and the zip of them all."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import JSONResponse

from app.api.bulk.bundle import descriptor_bytes, members, zipped
from app.api.bulk.datapackage import datapackage
from app.api.bulk.tables import TABLES
from app.api.deps import RecordDep, SessionDep
from app.api.problems import Problem
from app.api.renderers.atom import ATOM_MEDIA, releases_feed
from app.api.renderers.lists import CsvResponse
from app.storage import queries

router = APIRouter(prefix="/v1", tags=["bulk"])


class DataPackageResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        return descriptor_bytes(content)  # the same bytes as datapackage.json in the zip


class ZipResponse(Response):
    media_type = "application/zip"


class AtomResponse(Response):
    media_type = ATOM_MEDIA


FEED_ENTRIES = 50


@router.get(
    "/datapackage.json",
    summary="Frictionless Data Package describing every bulk table",
    response_class=DataPackageResponse,
)
async def get_datapackage(request: Request, record: RecordDep) -> dict[str, Any]:
    """Each table's CSV path, columns and types, the sources of the record and its licence."""
    return datapackage(record, request.app.state.settings.base_url)


@router.get(
    "/data/{table}.csv",
    summary="One bulk table, whole, as CSV",
    response_class=CsvResponse,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
        404: {"description": "No such table"},
    },
)
def get_table(
    record: RecordDep,
    session: SessionDep,
    table: Annotated[
        str,
        Path(
            max_length=32,
            examples=["yearly"],
            description=f"One of {', '.join(TABLES)}",
            json_schema_extra={"enum": list(TABLES)},
        ),
    ],
) -> Response:
    """Every row of one table (no pagination), with the columns of its list endpoint's CSV."""
    chosen = TABLES.get(table)
    if chosen is None:
        raise Problem(
            404,
            "not-found",
            "No such table",
            f"No table {table!r}; tables: {', '.join(TABLES)} (see /v1/datapackage.json).",
        )
    disposition = f'attachment; filename="darien-{chosen.name}.csv"'
    return CsvResponse(chosen.csv(record, session), headers={"Content-Disposition": disposition})


@router.get(
    "/download.zip",
    summary="Every table as CSV, the data package and a README, zipped",
    response_class=ZipResponse,
    responses={200: {"content": {"application/zip": {"schema": {"type": "string"}}}}},
)
def get_download(request: Request, record: RecordDep, session: SessionDep) -> Response:
    """The whole record for one dataset version; the same files `darien export DIR` writes."""
    files = members(record, session, request.app.state.settings.base_url)
    disposition = f'attachment; filename="darien-crossings-v{record.version}.zip"'
    return ZipResponse(zipped(files), headers={"Content-Disposition": disposition})


@router.get(
    "/releases.atom",
    summary="Atom feed: one entry per dataset version",
    response_class=AtomResponse,
    responses={200: {"content": {ATOM_MEDIA: {"schema": {"type": "string"}}}}},
)
def get_releases(request: Request, session: SessionDep) -> Response:
    """What each new dataset version changed (documents added, updated or removed, and the
    record's size after it), newest first, so a newsroom can subscribe."""
    releases = list(queries.list_releases(session, limit=FEED_ENTRIES + 1))
    shown, older = releases[:FEED_ENTRIES], releases[FEED_ENTRIES:]
    base_url = request.app.state.settings.base_url
    return AtomResponse(releases_feed(shown, older[0] if older else None, base_url))
