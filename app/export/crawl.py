"""Every GET representation of the read API, fetched in-process from the app.

The URLs come from the OpenAPI description (every GET path) and the record (the values of each
path parameter, the years a `year` query narrows to); paginated lists are copied with their
default and their largest page size, each followed page by page by its Link header. Nothing here knows a route by name, so a new read endpoint is exported as soon as its
path parameters are ones listed in `PATH_VALUES`.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI

from app.api.bulk.tables import TABLES
from app.api.problems import PROBLEM_TYPES
from app.api.routes.docs import ASSETS
from app.asgi.edge import Edge
from app.record.build import Record

# Served but never copied: they describe the running process, not the data.
LIVE_ONLY = frozenset({"/healthz", "/readyz"})
EXTRA_PATHS = (
    "/openapi.json",
    "/docs",
    "/docs/assets/init.js",
    *(f"/docs/assets/{name}" for name in ASSETS),
)
KEPT_HEADERS = (
    "content-type",
    "etag",
    "content-disposition",
    "link",
    "content-security-policy",
)


@dataclass(frozen=True)
class Answer:
    """One exported representation: its URL as a client asks it, headers that travel, body."""

    url: str
    headers: dict[str, str]
    body: bytes


def path_values(record: Record, document_ids: list[str]) -> dict[str, list[str]]:
    """The values each path parameter takes in the record (a name not here is not exported)."""
    return {
        "year": sorted(record.yearly),
        "year/month": [f"{key[:4]}/{int(key[5:])}" for key in sorted(record.monthly)],
        "figure_id": list(record.figures),
        "source_id": list(record.sources),
        "document_id": document_ids,
        "slug": list(PROBLEM_TYPES),
        "table": list(TABLES),
    }


def expand(path: str, values: dict[str, list[str]]) -> list[str] | None:
    """Every URL of a path template, or None when one of its parameters is unknown."""
    if "{year}/{month}" in path:
        return [path.replace("{year}/{month}", v) for v in values["year/month"]]
    names = [part[1:-1] for part in path.replace(".", "/").split("/") if part.startswith("{")]
    if not names:
        return [path]
    if len(names) > 1 or names[0] not in values:
        return None
    return [path.replace(f"{{{names[0]}}}", value) for value in values[names[0]]]


def urls_of(
    openapi: dict[str, Any], record: Record, document_ids: list[str]
) -> tuple[list[str], list[str]]:
    """The URLs to copy, and the path templates left out (an unknown parameter, a required query)."""
    values = path_values(record, document_ids)
    years = sorted(record.yearly)
    urls: list[str] = list(EXTRA_PATHS)
    skipped: list[str] = []
    for path, operations in openapi["paths"].items():
        get = operations.get("get")
        if get is None or path in LIVE_ONLY:
            continue
        query = {p["name"]: p for p in get.get("parameters", []) if p["in"] == "query"}
        required = [name for name, p in query.items() if p.get("required")]
        expanded = expand(path, values)
        if expanded is None or set(required) - {"year"}:
            skipped.append(path)
            continue
        if not required:
            urls += expanded + [f"{url}?limit={size}" for url in expanded for size in widest(query)]
        if "year" in query:
            urls += [f"{url}?year={year}" for url in expanded for year in years]
    return list(dict.fromkeys(urls)), skipped


def widest(query: dict[str, Any]) -> list[int]:
    """The largest page a paginated list allows (its pages are copied both ways)."""
    maximum = query.get("limit", {}).get("schema", {}).get("maximum")
    return [int(maximum)] if maximum else []


@asynccontextmanager
async def in_process(app: Edge) -> AsyncIterator[httpx.AsyncClient]:
    """A client on the app in this process, its lifespan (database, record) running."""
    api: FastAPI = app.app
    try:
        async with api.router.lifespan_context(api):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://export") as client:
                yield client
    finally:  # a start-up that failed (an unmigrated database) leaves the engine to dispose here
        engine = getattr(api.state, "engine", None)
        if engine is not None:
            engine.dispose()


async def crawl(client: httpx.AsyncClient, urls: list[str]) -> tuple[list[Answer], list[str]]:
    """Fetch each URL as a plain client would (no Origin, no compression), following next links.
    Returns the 200 answers and the URLs that answered otherwise."""
    answers: list[Answer] = []
    failed: list[str] = []
    queue, seen = list(urls), set(urls)
    while queue:
        url = queue.pop(0)
        response = await client.get(url, headers={"accept-encoding": "identity"})
        if response.status_code != 200:
            failed.append(f"{url} ({response.status_code})")
            continue
        kept = {name: response.headers[name] for name in KEPT_HEADERS if name in response.headers}
        answers.append(Answer(url, kept, response.content))
        following = response.links.get("next", {}).get("url")
        if following:
            following = httpx.URL(following).raw_path.decode("ascii")
            if following not in seen:
                seen.add(following)
                queue.append(following)
    return answers, failed
