"""The API's front door: an index of endpoints, a health check, and the problem-type glossary."""

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from app.api.deps import RecordDep, SessionDep, link
from app.api.outage import RETRY_AFTER
from app.api.problems import PROBLEM_TYPES, Problem
from app.storage import queries

router = APIRouter(tags=["meta"])

ENDPOINTS = [
    ("GET", "yearly", "/v1/crossings/yearly", "Canonical total per year (from, to)"),
    ("GET", "year", "/v1/crossings/yearly/2023", "One year with every other reported figure"),
    (
        "GET",
        "monthly",
        "/v1/crossings/monthly?year=2023",
        "Canonical total per month (year, or from/to)",
    ),
    ("GET", "month", "/v1/crossings/monthly/2023/8", "One month with every other reported figure"),
    (
        "GET",
        "by-nationality",
        "/v1/crossings/by-nationality?year=2023",
        "A year or month by nationality (year, month)",
    ),
    (
        "GET",
        "demographics",
        "/v1/crossings/demographics?year=2023",
        "A year or month by age and sex (year, month)",
    ),
    ("GET", "nationalities", "/v1/nationalities", "Nationality codes with their names"),
    (
        "GET",
        "figures",
        "/v1/figures?year=2023&dimension=nationality",
        "Every reported figure, filtered",
    ),
    ("GET", "figure", "/v1/figures/F0066", "Any reported figure with its provenance"),
    (
        "GET",
        "figure-history",
        "/v1/figures/F0090/history",
        "The answers a figure's period gave over time",
    ),
    (
        "GET",
        "yearly-as-of",
        "/v1/crossings/yearly/2024?as_of=2025-01-01",
        "Any figure endpoint as it could have answered on a past date",
    ),
    ("GET", "yearly-csv", "/v1/crossings/yearly.csv", "The yearly series as CSV"),
    ("GET", "monthly-csv", "/v1/crossings/monthly.csv?year=2023", "The monthly series as CSV"),
    ("GET", "figures-csv", "/v1/figures.csv?year=2023", "Reported figures as CSV"),
    (
        "GET",
        "by-nationality-csv",
        "/v1/crossings/by-nationality.csv?year=2023",
        "The nationality breakdown as CSV",
    ),
    (
        "GET",
        "demographics-csv",
        "/v1/crossings/demographics.csv?year=2023",
        "The age and sex breakdown as CSV",
    ),
    ("GET", "nationalities-csv", "/v1/nationalities.csv", "Nationality codes as CSV"),
    ("GET", "sources-csv", "/v1/sources.csv", "Sources as CSV"),
    ("GET", "documents-csv", "/v1/documents.csv", "Stored documents as CSV"),
    ("GET", "summary", "/v1/summary", "Latest year and month, year to date, records, changes"),
    ("GET", "summary-txt", "/v1/summary.txt", "The summary as sentences (lang=en or es)"),
    ("GET", "coverage", "/v1/coverage", "Which months and breakdowns have figures, by year"),
    ("GET", "coverage-csv", "/v1/coverage.csv", "The coverage table as CSV"),
    ("GET", "checks", "/v1/checks", "Arithmetic checks of the record (result, kind)"),
    ("GET", "checks-csv", "/v1/checks.csv?result=fail", "Failed checks as CSV"),
    ("GET", "datapackage", "/v1/datapackage.json", "Frictionless Data Package of every table"),
    ("GET", "table-csv", "/v1/data/yearly.csv", "One whole table as CSV (see the datapackage)"),
    ("GET", "download", "/v1/download.zip", "Every table as CSV, the datapackage and a README"),
    ("GET", "releases", "/v1/releases.atom", "Atom feed: one entry per dataset version"),
    *[
        (
            "GET",
            f"chart-{name}-{suffix}",
            f"/v1/charts/{name}.{suffix}{query}",
            f"{title} ({suffix})",
        )
        for name, query, title in (
            ("yearly", "", "Chart of the yearly totals"),
            ("monthly", "?year=2024", "Chart of the monthly totals"),
            ("by-nationality", "?year=2023", "Chart of one year by nationality"),
        )
        for suffix in ("vl.json", "svg", "png")
    ],
    ("GET", "sources", "/v1/sources", "Every source, paginated"),
    ("GET", "source", "/v1/sources/S002", "One source with the figures it reports"),
    ("POST", "claims", "/v1/claims/check", "POST a text: its figures judged against the record"),
    ("GET", "documents", "/v1/documents", "Stored documents; POST one (bearer key) to ingest it"),
    ("GET", "problem-types", "/v1/problems/not-found", "What an error type means"),
    ("GET", "openapi", "/openapi.json", "OpenAPI 3 description of every endpoint"),
    ("GET", "docs", "/docs", "Interactive documentation"),
    ("GET", "explorer", "/", "The explorer: a page for browsers (this index for JSON clients)"),
    ("GET", "health", "/healthz", "Liveness and dataset version"),
    ("GET", "ready", "/readyz", "Readiness: 503 unless serving the database's current version"),
]


@router.get("/v1", summary="Index of the API")
async def index(request: Request, record: RecordDep) -> dict[str, Any]:
    """What this API serves and where (links are absolute under BASE_URL, else relative)."""
    return {
        "name": "Darién Gap crossings API",
        "description": "People crossing the Darién Gap (Colombia to Panama) by year and month, "
        "each figure with the document that states it.",
        "version": request.app.version,
        "dataset_version": record.version,
        "links": [
            {"rel": rel, "method": method, "href": link(request, path), "title": title}
            for method, rel, path, title in ENDPOINTS
        ],
    }


@router.get("/healthz", summary="Health check")
def healthz(session: SessionDep, record: RecordDep) -> dict[str, Any]:
    """200 when the database answers; says which dataset version this process serves."""
    stored = queries.get_dataset_version(session)
    return {"status": "ok", "dataset_version": record.version, "database_version": stored}


@router.get(
    "/readyz",
    summary="Readiness check",
    responses={503: {"description": "Not ready: the detail says why"}},
)
async def readyz(request: Request) -> dict[str, Any]:
    """200 when the database answers and this worker serves its current dataset version."""
    snapshot = request.app.state.snapshot
    reason = await asyncio.to_thread(snapshot.unready_reason)
    if reason is not None:
        raise Problem(503, "not-ready", "Not ready", reason, headers=RETRY_AFTER)
    return {"status": "ready", "dataset_version": snapshot.record.version}


@router.get("/v1/problems/{slug}", summary="What a problem type means")
async def problem_type(
    slug: Annotated[
        str, Path(max_length=40, description="Problem type name", examples=["not-found"])
    ],
) -> dict[str, str]:
    """The documentation behind the `type` URI of an error response."""
    if slug not in PROBLEM_TYPES:
        raise Problem(
            404,
            "not-found",
            "No such problem type",
            f"Known problem types: {', '.join(PROBLEM_TYPES)}.",
        )
    return {"type": f"/v1/problems/{slug}", "description": PROBLEM_TYPES[slug]}
