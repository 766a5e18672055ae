"""The documents figures come from: list (keyset-paginated) and one with its figures."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from app import queries
from app.models import Source
from app.present import figure_public, source_ref
from app.problems import Problem
from app.public import PageMeta, SourceDetailPublic, SourceListPublic, SourcePublic
from app.routes import SessionDep

router = APIRouter(prefix="/v1/sources", tags=["sources"])


@router.get("", summary="All sources, a page at a time")
def list_sources(
    request: Request,
    response: Response,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500, description="Rows per page")] = 100,
    cursor: Annotated[
        str | None,
        Query(
            max_length=32,
            pattern=r"^[A-Za-z0-9_-]+$",
            description="next_cursor of the previous page",
        ),
    ] = None,
) -> SourceListPublic:
    """Sources ordered by id. Follow meta.next_url (or the Link header) for the next page."""
    rows = queries.list_sources(session, after=cursor, limit=limit + 1)
    page, more = rows[:limit], len(rows) > limit
    counts = queries.count_figures_by_source(session)
    data = [_source_public(source, counts.get(source.id, 0)) for source in page]
    next_cursor = page[-1].id if more and page else None
    next_url = str(request.url.include_query_params(cursor=next_cursor)) if next_cursor else None
    if next_url:
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    meta = PageMeta(
        count=len(data),
        total=queries.count_sources(session),
        limit=limit,
        next_cursor=next_cursor,
        next_url=next_url,
    )
    return SourceListPublic(data=data, meta=meta)


@router.get("/{source_id}", summary="One source with the figures it reports")
def get_source(
    session: SessionDep,
    source_id: Annotated[str, Path(max_length=32, examples=["S002"], description="Source id")],
) -> SourceDetailPublic:
    """A source's publication details and every figure read from it."""
    source = queries.get_source(session, source_id=source_id)
    if source is None:
        raise Problem(
            404,
            "not-found",
            "No such source",
            f"No source {source_id!r}; GET /v1/sources lists them.",
        )
    figures = [
        figure_public(f, source)
        for f in queries.list_figures_of_source(session, source_id=source.id)
    ]
    return SourceDetailPublic(**_source_public(source, len(figures)).model_dump(), figures=figures)


def _source_public(source: Source, figure_count: int) -> SourcePublic:
    return SourcePublic(
        **source_ref(source).model_dump(),
        url_api=f"/v1/sources/{source.id}",
        figure_count=figure_count,
    )
