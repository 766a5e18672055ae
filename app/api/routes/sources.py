"""The documents figures come from: list (keyset-paginated) and one with its figures."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from app.api.deps import IdCursor, PageLimit, RecordDep, page_of
from app.api.present import figure_public, source_public
from app.api.problems import Problem
from app.api.renderers.columns import SOURCES
from app.api.renderers.lists import listed
from app.api.schemas import SourceDetailPublic, SourceListPublic

router = APIRouter(prefix="/v1/sources", tags=["sources"])


@listed(router, "", SOURCES, summary="All sources, a page at a time")
async def list_sources(
    request: Request,
    response: Response,
    record: RecordDep,
    limit: PageLimit = 100,
    cursor: IdCursor = None,
) -> SourceListPublic:
    """Sources ordered by id. Follow meta.next_url (or the Link header) for the next page."""
    ids = list(record.sources)  # ordered by id when loaded
    positions, meta = page_of(request, response, ids, cursor, limit)
    sources = [record.sources[ids[i]] for i in positions]
    data = [source_public(s, len(record.figures_by_source[s.id])) for s in sources]
    return SourceListPublic(data=data, meta=meta)


@router.get("/{source_id}", summary="One source with the figures it reports")
async def get_source(
    record: RecordDep,
    source_id: Annotated[str, Path(max_length=32, examples=["S002"], description="Source id")],
) -> SourceDetailPublic:
    """A source's publication details and every figure read from it."""
    source = record.sources.get(source_id)
    if source is None:
        raise Problem(
            404,
            "not-found",
            "No such source",
            f"No source {source_id!r}; GET /v1/sources lists them.",
        )
    figures = record.figures_by_source[source_id]
    return SourceDetailPublic(
        **source_public(source, len(figures)).model_dump(),
        figures=[figure_public(f) for f in figures],
    )
