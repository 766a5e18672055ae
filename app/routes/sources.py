"""The documents figures come from: list (keyset-paginated) and one with its figures."""

from bisect import bisect_right
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from app.problems import Problem
from app.public import PageMeta, SourceDetailPublic, SourceListPublic
from app.routes import RecordDep

router = APIRouter(prefix="/v1/sources", tags=["sources"])


@router.get("", summary="All sources, a page at a time")
async def list_sources(
    request: Request,
    response: Response,
    record: RecordDep,
    limit: Annotated[int, Query(ge=1, le=500, examples=[100], description="Rows per page")] = 100,
    cursor: Annotated[
        str | None,
        Query(
            max_length=32,
            pattern=r"^[A-Za-z0-9_-]+$",
            examples=["S100"],
            description="next_cursor of the previous page",
        ),
    ] = None,
) -> SourceListPublic:
    """Sources ordered by id. Follow meta.next_url (or the Link header) for the next page."""
    ids = list(record.sources)  # ordered by id when loaded
    first = bisect_right(ids, cursor) if cursor is not None else 0
    page = ids[first : first + limit]
    more = first + limit < len(ids)
    next_cursor = page[-1] if more and page else None
    next_url = str(request.url.include_query_params(cursor=next_cursor)) if next_cursor else None
    if next_url:
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    meta = PageMeta(
        count=len(page), total=len(ids), limit=limit, next_cursor=next_cursor, next_url=next_url
    )
    return SourceListPublic(data=[record.sources[i] for i in page], meta=meta)


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
    return SourceDetailPublic(**source.model_dump(), figures=record.figures_by_source[source_id])
