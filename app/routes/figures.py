"""Any reported figure, canonical or not, with its provenance."""

from typing import Annotated

from fastapi import APIRouter, Path

from app import queries
from app.present import figure_public
from app.problems import Problem
from app.public import FigurePublic
from app.routes import SessionDep

router = APIRouter(prefix="/v1/figures", tags=["figures"])


@router.get("/{figure_id}", summary="One reported figure")
def get_figure(
    session: SessionDep,
    figure_id: Annotated[str, Path(max_length=32, examples=["F0066"], description="Figure id")],
) -> FigurePublic:
    """A reported figure with its source, citation and note."""
    row = queries.get_figure(session, figure_id=figure_id)
    if row is None:
        raise Problem(
            404,
            "not-found",
            "No such figure",
            f"No figure {figure_id!r}; figure ids look like F0066 (see /v1/sources/{{id}}).",
        )
    return figure_public(*row)
