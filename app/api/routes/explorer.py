"""The explorer: `/` for a browser is a page a journalist reads without docs; for JSON, the index.

Server-rendered HTML with no script: the claim check is a plain POST form. Every asset comes from
this API (charts are the API's own SVGs), under a CSP that names no other host.
"""

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Annotated, Literal
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from app.api.deps import RecordDep, check_text_size
from app.api.renderers.charts import Lang
from app.api.renderers.html import page_lang, render_page
from app.api.renderers.negotiate import wants_html
from app.api.routes import meta
from app.api.routes.claims import checked_claims
from app.api.routes.docs import CONTENT_SECURITY_POLICY
from app.domain.cells import CanonicalFigure, Series, label
from app.domain.citation import cite
from app.domain.nationalities import nationality_figures
from app.record.build import Record

router = APIRouter(tags=["meta"])
# The documentation's policy, except that the claim-check form may post to this origin.
EXPLORER_CSP = CONTENT_SECURITY_POLICY.replace("form-action 'none'", "form-action 'self'")
HTML_HEADERS = {
    "Content-Security-Policy": EXPLORER_CSP,
    "Vary": "Accept, Accept-Language",
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
}
HEADLINE_YEARS = 3


@dataclass(frozen=True)
class Row:
    """One period of a table: its canonical figure, or none (a gap, never zero)."""

    period: str
    figure: CanonicalFigure | None

    def citation(self, lang: str) -> str:
        return cite(self.figure.figure, lang) if self.figure else ""


def rows_of(series: Series) -> list[Row]:
    """Every period of a series in order, gaps included."""
    found = {label(c.figure.cell): c for c in series.figures}
    return [Row(period, found.get(period)) for period in series.periods]


def chosen_year(record: Record, year: int | None) -> int:
    """The year asked for, else the latest with a count by nationality, else the latest year."""
    if year is not None:
        return year
    years = record.nationality_years or [int(y) for y in record.coverage("year")]
    return years[-1] if years else date.today().year


def page_context(record: Record, year: int) -> dict[str, object]:
    """What the explorer page shows, as plain values for the template."""
    yearly = rows_of(record.yearly_series(None, None))
    return {
        "headline": [row for row in yearly if row.figure][-HEADLINE_YEARS:][::-1],
        "yearly": yearly,
        "monthly": rows_of(record.monthly_series((year, 1), (year, 12))),
        "year": year,
        "years": [int(row.period) for row in yearly],
        "nationalities": nationality_figures(record.breakdowns, year),
        "version": record.version,
    }


def html(content: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(content, status_code=status, headers=HTML_HEADERS)


@router.get(
    "/",
    summary="The explorer page (Accept: text/html), else the index",
    response_model=None,
    responses={200: {"content": {"text/html": {}, "application/json": {}}}},
)
async def explorer(
    request: Request,
    record: RecordDep,
    year: Annotated[
        int | None,
        Query(
            ge=1900,
            le=2100,
            examples=[2023],
            description="Year of the monthly and nationality tables",
        ),
    ] = None,
    lang: Annotated[
        Literal["en", "es"] | None, Query(description="en or es (default: Accept-Language)")
    ] = None,
) -> Response:
    """A browser gets the explorer page; any other client the JSON index of /v1."""
    if not wants_html(request.headers.get("accept", "")):
        return JSONResponse(await meta.index(request, record))
    chosen = page_lang(lang, request.headers.get("accept-language", ""))
    context = page_context(record, chosen_year(record, year))
    return html(render_page("index.html", chosen, **context))


@router.post("/check", include_in_schema=False)
async def check_form(request: Request, record: RecordDep) -> HTMLResponse:
    """The claim-check form's answer: the same judgement as POST /v1/claims/check, as a page."""
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    text = form.get("text", [""])[0]
    chosen: Lang = "es" if form.get("lang", [""])[0] == "es" else "en"
    published = parsed_date(form.get("published", [""])[0])
    if not text.strip():
        page = render_page("check.html", chosen, text=text, published=published, error=True)
        return html(page, status=422)
    check_text_size(request, text)
    claims = (await checked_claims(record, text, published, None)).claims
    return html(render_page("check.html", chosen, text=text, published=published, claims=claims))


def parsed_date(text: str) -> date | None:
    """A form's YYYY-MM-DD date, or None when empty or not a date (it is optional)."""
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


@router.get("/assets/explorer.css", include_in_schema=False)
async def stylesheet() -> Response:
    return Response(css(), media_type="text/css; charset=utf-8")


@cache
def css() -> bytes:
    """The explorer's stylesheet, read once."""
    return (files("app.api") / "templates" / "explorer.css").read_bytes()
