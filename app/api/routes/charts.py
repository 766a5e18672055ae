"""Charts: each a Vega-Lite spec (`.vl.json`, data inlined) and that spec drawn as `.svg` and `.png`."""

import asyncio
import functools
import inspect
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Query, Request, Response

from app.api.deps import RecordDep
from app.api.problems import Problem
from app.api.renderers.chart_images import MEDIA_TYPES, render
from app.api.renderers.charts import Lang, Spec, nationality_spec, series_spec
from app.api.routes.crossings import MONTH_PATTERN, monthly_series
from app.domain.cells import Series, label, series_of
from app.domain.events import Event
from app.domain.nationalities import nationality_figures
from app.ingest.events import read_events

router = APIRouter(prefix="/v1/charts", tags=["charts"])
SpecEndpoint = Callable[..., Awaitable[Spec]]
FORMATS = {
    "vl.json": "The Vega-Lite 5 specification, data inlined",
    "svg": "The chart as an SVG document",
    "png": "The chart as a PNG image",
}


def current_events(request: Request) -> tuple[Event, ...]:
    """The dated events of the seed folder this app was started with."""
    return read_events(request.app.state.settings.seed_dir)


EventsDep = Annotated[tuple[Event, ...], Depends(current_events)]
LangParam = Annotated[Lang, Query(description="Language of the titles and labels: en or es")]
# A chart of more bars than this is unreadable and slow to draw: a narrower range is asked for.
MAX_BARS = {"yearly": 60, "monthly": 120}
YearParam = Annotated[int, Query(ge=1900, le=2100, examples=[2023], description="Calendar year")]


def charted(
    router: APIRouter, path: str, *, summary: str, problems: dict[int, str] | None = None
) -> Callable[[SpecEndpoint], SpecEndpoint]:
    """Register an endpoint returning a spec at `path.vl.json`, `path.svg` and `path.png`;
    `problems` documents the error answers it can give besides the ones every operation has."""
    errors: dict[int | str, dict[str, Any]] = {
        status: {"description": text} for status, text in (problems or {}).items()
    }

    def register(endpoint: SpecEndpoint) -> SpecEndpoint:
        for suffix, description in FORMATS.items():
            router.add_api_route(
                f"{path}.{suffix}",
                drawn(endpoint, suffix),
                methods=["GET"],
                summary=f"{summary} ({suffix})",
                name=f"{endpoint.__name__}_{suffix.replace('.', '_')}",
                response_model=None,
                response_class=Response,
                responses={
                    200: {"description": description, "content": {MEDIA_TYPES[suffix]: {}}},
                    **errors,
                },
            )
        return endpoint

    return register


def drawn(endpoint: SpecEndpoint, suffix: str) -> Callable[..., Awaitable[Response]]:
    """The endpoint answering with its spec as JSON, or drawn as an image off the event loop."""

    @functools.wraps(endpoint)
    async def answer(*args: Any, **kwargs: Any) -> Response:
        spec = await endpoint(*args, **kwargs)
        if suffix == "vl.json":
            body = orjson.dumps(spec)
        else:
            body = await asyncio.to_thread(render, spec, "svg" if suffix == "svg" else "png")
        return Response(body, media_type=MEDIA_TYPES[suffix])

    signature = inspect.signature(endpoint)
    answer.__signature__ = signature.replace(return_annotation=Response)  # type: ignore[attr-defined]
    return answer


@charted(router, "/yearly", summary="Chart of the canonical total per year")
async def yearly_chart(
    record: RecordDep,
    events: EventsDep,
    year_from: Annotated[
        int | None, Query(alias="from", ge=1900, le=2100, description="First year")
    ] = None,
    year_to: Annotated[
        int | None, Query(alias="to", ge=1900, le=2100, description="Last year")
    ] = None,
    lang: LangParam = "en",
) -> Spec:
    """A bar per year; years without a canonical figure are labelled, events marked. A `from`
    after `to` is an empty range, as on /v1/crossings/yearly."""
    series = record.yearly_series(year_from, year_to)
    return series_spec(within_limit(series, "yearly"), events, "yearly", lang)


@charted(router, "/monthly", summary="Chart of the canonical total per month")
async def monthly_chart(
    record: RecordDep,
    events: EventsDep,
    year: Annotated[
        int | None, Query(ge=1900, le=2100, examples=[2024], description="All months of one year")
    ] = None,
    month_from: Annotated[
        str | None, Query(alias="from", pattern=MONTH_PATTERN, description="First month, YYYY-MM")
    ] = None,
    month_to: Annotated[
        str | None, Query(alias="to", pattern=MONTH_PATTERN, description="Last month, YYYY-MM")
    ] = None,
    lang: LangParam = "en",
) -> Spec:
    """A bar per month; months without a canonical figure are labelled "no figure", never zero."""
    series = monthly_series(record, year, month_from, month_to)
    return series_spec(within_limit(series, "monthly"), events, "monthly", lang)


def within_limit(series: Series, kind: str) -> Series:
    """The series if it fits a chart, else its latest periods (MAX_BARS: a wider chart is
    unreadable, and slow to draw)."""
    limit = MAX_BARS[kind]
    if len(series.periods) <= limit:
        return series
    shown = series.periods[-limit:]
    return series_of({label(c.figure.cell): c for c in series.figures}, shown, series.available)


@charted(
    router,
    "/by-nationality",
    summary="Chart of one year's canonical count per nationality",
    problems={
        404: "The year has no canonical count by nationality; the detail names those that do"
    },
)
async def nationality_chart(record: RecordDep, year: YearParam, lang: LangParam = "en") -> Spec:
    """A bar per nationality with a canonical count for the whole year, largest first."""
    figures = nationality_figures(record.breakdowns, year)
    if not figures:
        years = ", ".join(map(str, record.nationality_years)) or "none"
        raise Problem(
            404,
            "not-found",
            "No nationality figures",
            f"No canonical count by nationality for {year}. Years with one: {years}.",
        )
    return nationality_spec(year, figures, lang)
