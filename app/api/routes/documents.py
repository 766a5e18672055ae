"""Stored documents: ingest or remove one (authenticated), list them, read one with its figures."""

import asyncio
import logging
from collections.abc import Sequence
from typing import Annotated

import orjson
from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from sqlalchemy import Engine
from sqlmodel import Session

from app.api.auth import require_api_key
from app.api.deps import SessionDep, check_text_size, next_page
from app.api.openapi import UPLOAD_BODY
from app.api.present import figure_public, source_ref
from app.api.problems import Problem, malformed_json
from app.api.renderers.columns import DOCUMENTS
from app.api.renderers.lists import listed
from app.api.schemas import FigurePublic, PageMeta
from app.api.schemas_text import (
    DocumentDetailPublic,
    DocumentListPublic,
    DocumentPublic,
    IngestedPublic,
    RemovedPublic,
    UnplacedPublic,
)
from app.domain.reports import SourceInfo
from app.ingest.seed_format import DocumentError
from app.ingest.uploads import (
    DocumentUpload,
    IngestResult,
    NotRemovable,
    ingest_committed,
    parse_markdown_upload,
    remove_committed,
)
from app.record.rows import figure_row, reported_figure, source_info
from app.storage import queries
from app.storage.tables import Document, Figure

router = APIRouter(prefix="/v1/documents", tags=["documents"])
log = logging.getLogger("darien")
MAX_ID = 2**31 - 1


@router.post(
    "",
    status_code=201,
    summary="Ingest a document (requires a bearer key)",
    dependencies=[Depends(require_api_key)],
    openapi_extra=UPLOAD_BODY,
    responses={200: {"description": "The same content was already stored; nothing changed"}},
)
async def create_document(request: Request, response: Response) -> IngestedPublic:
    """Store a document and the figures extracted from it, in one transaction.

    Send JSON (`text` plus metadata) or Markdown whose YAML front matter holds the metadata. The
    same content again answers 200 with the stored document. New figures join the record at once.
    """
    upload = parse_upload(request.headers.get("content-type", ""), await request.body())
    check_text_size(request, upload.text)
    engine: Engine = request.app.state.engine
    result, published = await asyncio.to_thread(ingest_committed, engine, upload, describe_upload)
    if not result.created:
        response.status_code = 200
        return published
    await follow_write(request)
    return published


@router.delete(
    "/{document_id}",
    summary="Remove an ingested document and its figures (requires a bearer key)",
    dependencies=[Depends(require_api_key)],
    responses={
        404: {"description": "No such document"},
        409: {"description": "A seed document: change the seed instead"},
    },
)
async def delete_document(
    request: Request,
    document_id: Annotated[int, Path(ge=1, le=MAX_ID, examples=[1], description="Document id")],
) -> RemovedPublic:
    """Undo an ingest: the document, its figures and its source go in one transaction."""
    engine: Engine = request.app.state.engine
    try:
        version = await asyncio.to_thread(remove_committed, engine, document_id)
    except NotRemovable as exc:
        raise Problem(409, "seed-document", "Seed document", str(exc)) from None
    if version is None:
        raise no_such_document(document_id)
    await follow_write(request)
    return RemovedPublic(id=document_id, removed=True, dataset_version=version)


async def follow_write(request: Request) -> None:
    """Load the version just committed, so the writer reads its own write from this worker."""
    try:
        await asyncio.to_thread(request.app.state.snapshot.refresh)
    except Exception:  # committed already; the version watcher will load it shortly
        log.exception("could not reload the record after a write")


def no_such_document(document_id: int) -> Problem:
    """The 404 for a document id that is not stored."""
    return Problem(
        404,
        "not-found",
        "No such document",
        f"No document {document_id}; GET /v1/documents lists them.",
    )


def parse_upload(content_type: str, raw: bytes) -> DocumentUpload:
    """JSON or Markdown-with-front-matter into a validated upload (422 problems otherwise)."""
    media = content_type.split(";")[0].strip().lower()
    try:
        if media == "application/json":
            return DocumentUpload.model_validate(orjson.loads(raw))
        if media in ("text/markdown", "text/plain"):
            return parse_markdown_upload(raw.decode("utf-8"))
    except orjson.JSONDecodeError as exc:
        raise malformed_json(str(exc)) from None
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]
        ) from None
    except (DocumentError, UnicodeDecodeError) as exc:
        raise Problem(422, "invalid-parameter", "Invalid body", f"body: {exc}") from None
    raise Problem(
        415,
        "unsupported-media-type",
        "Unsupported media type",
        "Send application/json or text/markdown (YAML front matter + text).",
    )


def describe_upload(session: Session, result: IngestResult) -> IngestedPublic:
    """The answer to an upload, shaped while its rows are at hand."""
    source = source_of(session, result.document)
    return IngestedPublic(
        created=result.created,
        document=document_public(result.document, source, len(result.figures)),
        figures=figures_public(result.figures, source),
        unplaced=[
            UnplacedPublic(
                quote=f.quote,
                start=f.start,
                end=f.end,
                value=f.value,
                unit=f.unit,
                qualifier=f.qualifier,
                dimension=f.subject.dimension,
                dimension_value=f.subject.value,
            )
            for f in result.unplaced
        ],
    )


@listed(router, "", DOCUMENTS, summary="Stored documents, a page at a time")
def list_documents(
    request: Request,
    response: Response,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500, examples=[100], description="Rows per page")] = 100,
    cursor: Annotated[
        int | None,
        Query(ge=0, le=MAX_ID, examples=[100], description="next_cursor of the previous page"),
    ] = None,
) -> DocumentListPublic:
    """Seed and ingested documents, by id."""
    rows = queries.list_documents(session, after=cursor, limit=limit + 1)
    page, more = rows[:limit], len(rows) > limit
    data = documents_public(session, page)
    next_cursor = str(page[-1].id) if more and page else None
    next_url = next_page(request, response, next_cursor)
    meta = PageMeta(
        count=len(data),
        total=queries.count_documents(session),
        limit=limit,
        next_cursor=next_cursor,
        next_url=next_url,
    )
    return DocumentListPublic(data=data, meta=meta)


@router.get("/{document_id}", summary="One stored document with its text and figures")
def get_document(
    session: SessionDep,
    document_id: Annotated[int, Path(ge=1, le=MAX_ID, examples=[1], description="Document id")],
) -> DocumentDetailPublic:
    """A document's metadata, its full text, and the figures read from it (with offsets)."""
    document = queries.get_document(session, document_id=document_id)
    if document is None:
        raise no_such_document(document_id)
    figures = queries.list_figures_of_document(session, document_id=document_id)
    source = source_of(session, document)
    summary = document_public(document, source, len(figures))
    return DocumentDetailPublic(
        **summary.model_dump(), text=document.text, figures=figures_public(figures, source)
    )


def all_documents(session: Session) -> list[DocumentPublic]:
    """Every stored document, by id (the bulk download's table)."""
    return documents_public(session, queries.list_documents(session, after=None, limit=MAX_ID))


def documents_public(session: Session, page: Sequence[Document]) -> list[DocumentPublic]:
    """Documents with their sources and figure counts."""
    counts = queries.count_figures_by_document(
        session, document_ids=[d.id for d in page if d.id is not None]
    )
    return [document_public(d, source_of(session, d), counts.get(d.id or 0, 0)) for d in page]


def document_public(
    document: Document, source: SourceInfo | None, figure_count: int
) -> DocumentPublic:
    """A document's metadata (and its source's)."""
    return DocumentPublic(
        id=document.id or 0,
        url=f"/v1/documents/{document.id}",
        path=document.path,
        origin=document.origin,
        content_hash=document.content_hash,
        title=document.title,
        source=source_ref(source) if source else None,
        figure_count=figure_count,
        created_at=document.created_at,
        updated_at=document.updated_at,
    )


def source_of(session: Session, document: Document) -> SourceInfo | None:
    """The source a document describes, if it has one."""
    stored = (
        queries.get_source(session, source_id=document.source_id) if document.source_id else None
    )
    return source_info(stored) if stored else None


def figures_public(figures: Sequence[Figure], source: SourceInfo | None) -> list[FigurePublic]:
    """Figures read from one document, with its source."""
    if source is None:
        return []
    sources = {source.id: source}
    return [figure_public(reported_figure(figure_row(f), sources, {})) for f in figures]
