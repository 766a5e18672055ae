"""Any reported figure, canonical or not, with its provenance."""

from typing import Annotated

from fastapi import APIRouter, Path

from app.problems import Problem
from app.public import FigurePublic
from app.routes import RecordDep

router = APIRouter(prefix="/v1/figures", tags=["figures"])


@router.get("/{figure_id}", summary="One reported figure")
async def get_figure(
    record: RecordDep,
    figure_id: Annotated[str, Path(max_length=32, examples=["F0066"], description="Figure id")],
) -> FigurePublic:
    """A reported figure with its source, citation and note."""
    figure = record.figures.get(figure_id)
    if figure is None:
        raise Problem(
            404,
            "not-found",
            "No such figure",
            f"No figure {figure_id!r}; figure ids look like F0066 (see /v1/sources/{{id}}).",
        )
    return figure
