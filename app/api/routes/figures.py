"""Any reported figure, canonical or not, with its provenance."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from app.api.deps import IdCursor, PageLimit, RecordAsOfDep, RecordDep, page_of
from app.api.present import figure_public, history_public
from app.api.problems import Problem
from app.api.renderers.columns import FIGURES
from app.api.renderers.lists import listed
from app.api.renderers.text_routes import text_twin
from app.api.schemas import FigureHistoryPublic, FigureListPublic, FigurePublic
from app.domain.reports import ReportedFigure
from app.domain.vocabulary import Dimension, Qualifier, Unit
from app.record.build import Record
from app.record.history import figure_history

router = APIRouter(prefix="/v1/figures", tags=["figures"])


@listed(router, "", FIGURES, summary="Every reported figure, filtered, a page at a time")
async def list_figures(
    request: Request,
    response: Response,
    record: RecordAsOfDep,
    dimension: Annotated[
        Dimension | None,
        Query(examples=["nationality"], description="total, nationality, sex, age or sex_age"),
    ] = None,
    dimension_value: Annotated[
        str | None, Query(max_length=64, examples=["VEN"], description="e.g. VEN, minors, women")
    ] = None,
    unit: Annotated[
        Unit | None, Query(examples=["people"], description="people or percent")
    ] = None,
    qualifier: Annotated[
        Qualifier | None,
        Query(examples=["exact"], description="exact, approximate, more_than, less_than"),
    ] = None,
    attributed_to: Annotated[
        str | None, Query(max_length=64, examples=["SNM"], description="Body the source credits")
    ] = None,
    source: Annotated[
        str | None, Query(max_length=32, examples=["S002"], description="Source id")
    ] = None,
    year: Annotated[
        int | None,
        Query(
            ge=1900, le=2100, examples=[2023], description="Figures whose period lies in this year"
        ),
    ] = None,
    limit: PageLimit = 100,
    cursor: IdCursor = None,
) -> FigureListPublic:
    """Reported figures in id order, narrowed by any of the filters; follow meta.next_url for more."""
    cell_wanted = {"dimension": dimension, "dimension_value": dimension_value, "unit": unit}
    cell_checks = {key: value for key, value in cell_wanted.items() if value is not None}
    matches = [
        f
        for f in record.figures.values()
        if all(getattr(f.cell, key) == value for key, value in cell_checks.items())
        and (qualifier is None or f.qualifier == qualifier)
        and (attributed_to is None or f.attributed_to == attributed_to)
        and (source is None or f.source.id == source)
        and (year is None or f.cell.period_start.year == f.cell.period_end.year == year)
    ]
    ids = [f.id for f in matches]
    data, meta = page_of(request, response, ids, cursor, limit)
    return FigureListPublic(data=[figure_public(matches[i]) for i in data], meta=meta)


FigureId = Annotated[str, Path(max_length=32, examples=["F0066"], description="Figure id")]


@router.get("/{figure_id}", summary="One reported figure")
@text_twin(router, "/{figure_id}", summary="One reported figure")
async def get_figure(request: Request, record: RecordAsOfDep, figure_id: FigureId) -> FigurePublic:
    """A reported figure with its source, citation and note."""
    return figure_public(_figure(record, figure_id, request.query_params.get("as_of")))


@router.get("/{figure_id}/history", summary="The answers a figure's period gave over time")
async def get_figure_history(record: RecordDep, figure_id: FigureId) -> FigureHistoryPublic:
    """The canonical answer for the figure's period and subject on each date it changed, as
    re-chosen from the figures published by then."""
    return history_public(figure_history(record, _figure(record, figure_id, None)))


def _figure(record: Record, figure_id: str, as_of: str | None) -> ReportedFigure:
    figure = record.figures.get(figure_id)
    if figure is None:
        when = f" published by {as_of}" if as_of else ""
        raise Problem(
            404,
            "not-found",
            "No such figure",
            f"No figure {figure_id!r}{when}; figure ids look like F0066 (see /v1/sources/{{id}}).",
        )
    return figure
