"""The ASGI application: routes, error handling, CORS, and the database engine's lifetime."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.api import openapi, outage, problems
from app.api.auth import configured_keys
from app.api.deps import reject_unknown_query
from app.api.routes import (
    breakdowns,
    bulk,
    charts,
    claims,
    crossings,
    docs,
    documents,
    explorer,
    figures,
    meta,
    overview,
    sources,
    summary,
)
from app.asgi.fastpath import FastPath, Variants
from app.asgi.requestlog import RequestLog
from app.asgi.store import ResponseStore
from app.config import Settings, get_settings
from app.record.snapshot import Snapshot
from app.storage.engine import make_engine

DESCRIPTION = """
People crossing the Darién Gap (Colombia to Panama), by year and month, with every figure traceable
to the document that states it. For each period one canonical figure is served (a recorded editorial
choice, or a stated ranking rule) and every other reported figure is listed beside it, with its
source and whether it agrees. Errors are RFC 9457 `application/problem+json`.
"""


def create_app(settings: Settings | None = None) -> FastPath:
    """The served application: the fast path in front of the FastAPI app (see fastpath.py)."""
    settings = settings or get_settings()
    store = ResponseStore(max_bytes=settings.response_store_mb * 1024 * 1024)
    request_log = RequestLog(enabled=settings.request_log)
    api = create_api(settings, store, request_log)
    return FastPath(
        api,
        store,
        request_log,
        cache_control=f"public, max-age={settings.cache_max_age}",
        variants=Variants(settings.cors_origin_list),
        max_body_bytes=settings.max_body_bytes,
    )


def create_api(settings: Settings, store: ResponseStore, request_log: RequestLog) -> FastAPI:
    """The FastAPI application: routes, validation, OpenAPI, errors, CORS and lifetimes."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.engine = make_engine(settings.database_url)
        snapshot = await asyncio.to_thread(Snapshot, app.state.engine)
        app.state.snapshot = snapshot
        store.reset(snapshot.record.version)
        snapshot.on_change.append(lambda record: store.reset(record.version))
        tasks = [
            asyncio.create_task(snapshot.watch(settings.version_poll_seconds)),
            asyncio.create_task(request_log.run()),
        ]
        yield
        for task in tasks:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task
        await asyncio.to_thread(snapshot.close)
        app.state.engine.dispose()

    app = FastAPI(
        title="Darién Gap crossings API",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served offline by routes/docs.py
        redoc_url=None,  # ReDoc would load its script from another host
        dependencies=[Depends(reject_unknown_query)],
        license_info={
            "name": "MIT (code); figures belong to the facts they state, cite the source"
        },
    )
    app.state.settings = settings
    app.state.api_keys = configured_keys(settings.api_keys)
    problems.install(app)
    openapi.install(app)
    outage.install(app)
    routers = (crossings, breakdowns, figures, sources, documents, claims, bulk, meta, docs, charts)
    for module in (*routers, summary, overview, explorer):
        app.include_router(module.router)
    app.add_middleware(problems.CatchAll)  # inside CORS: even a 500 carries CORS headers
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origin_list,
        allow_methods=["GET", "HEAD", "OPTIONS", "POST", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "If-None-Match"],
        expose_headers=["ETag", "Link", "Cache-Control"],
        max_age=86400,
    )
    app.state.response_store = store
    return app
