"""The ASGI application: routes, error handling, CORS, and the database engine's lifetime."""

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager, suppress

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session
from starlette.types import ASGIApp

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
from app.asgi.edge import Edge
from app.asgi.fastpath import FastPath, Variants
from app.asgi.metrics import Metrics
from app.asgi.ratelimit import RateLimit
from app.asgi.requestlog import RequestIdContext, RequestLog, ensure_json_logging
from app.asgi.store import ResponseStore
from app.config import Settings, get_settings
from app.record.build import Record
from app.record.cache import RecordCache
from app.record.snapshot import Snapshot
from app.storage import queries
from app.storage.engine import make_engine

DESCRIPTION = """
People crossing the Darién Gap (Colombia to Panama), by year and month, with every figure traceable
to the document that states it. For each period one canonical figure is served (a recorded editorial
choice, or a stated ranking rule) and every other reported figure is listed beside it, with its
source and whether it agrees. Errors are RFC 9457 `application/problem+json`.
"""
log = logging.getLogger("darien")


def create_app(settings: Settings | None = None) -> Edge:
    """The served application, outermost first: Edge (request id, headers, log, metrics) →
    RateLimit → FastPath (stored answers) → FastAPI. The returned Edge keeps `.app` (the FastAPI
    app), `.store` and `.log` for callers that reach inside."""
    settings = settings or get_settings()
    ensure_json_logging(settings.log_level)
    store = ResponseStore(max_bytes=settings.response_store_mb * 1024 * 1024)
    request_log = RequestLog(enabled=settings.request_log)
    variants = Variants(settings.cors_origin_list)
    metrics = Metrics() if settings.metrics else None
    if metrics is not None:
        request_log.readers.append(metrics.absorb)
        metrics.before_scrape = request_log.flush
    api = create_api(settings, store, request_log, metrics)
    fastpath = FastPath(
        api,
        store,
        cache_control=f"public, max-age={settings.cache_max_age}",
        variants=variants,
        max_body_bytes=settings.max_body_bytes,
    )
    inner: ASGIApp = fastpath
    limiter: RateLimit | None = None
    if settings.rate_limit:
        inner = limiter = RateLimit(
            inner,
            reads=settings.rate_limit_get,
            writes=settings.rate_limit_post,
            storage=settings.rate_limit_storage,
            client_header=settings.client_ip_header,
            variants=variants,
        )
        api.state.closers.append(limiter.close)
    edge = Edge(inner, request_log, metrics, fastpath, limiter)
    edge.app, edge.store = api, store
    return edge


def create_api(
    settings: Settings, store: ResponseStore, request_log: RequestLog, metrics: Metrics | None
) -> FastAPI:
    """The FastAPI application: routes, validation, OpenAPI, errors, CORS and lifetimes."""
    app = FastAPI(
        title="Darién Gap crossings API",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan_of(settings, store, request_log, metrics),
        docs_url=None,  # served offline by routes/docs.py
        redoc_url=None,  # ReDoc would load its script from another host
        dependencies=[Depends(reject_unknown_query)],
        license_info={
            "name": "MIT (code); figures belong to the facts they state, cite the source"
        },
    )
    app.state.settings = settings
    app.state.closers = []  # coroutines to await at shutdown (the rate limit's connections)
    app.state.api_keys = configured_keys(settings.api_keys)
    problems.install(app)
    openapi.install(app)
    outage.install(app)
    routers = (crossings, breakdowns, figures, sources, documents, claims, bulk, meta, docs, charts)
    for module in (*routers, summary, overview, explorer):
        app.include_router(module.router)
    add_middleware(app, settings)
    app.state.response_store = store
    return app


def lifespan_of(
    settings: Settings, store: ResponseStore, request_log: RequestLog, metrics: Metrics | None
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """What a worker does when it starts (read the record, watch for new versions, flush the
    request log) and when it stops (the same, undone, in reverse)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.engine = make_engine(settings.database_url)
        cache = RecordCache.configured(settings.record_cache_dir, settings.database_url)
        snapshot = await asyncio.to_thread(Snapshot, app.state.engine, cache)
        app.state.snapshot = snapshot
        store.reset(snapshot.record.version)
        snapshot.on_change.append(lambda record: store.reset(record.version))
        tasks = [
            asyncio.create_task(snapshot.watch(settings.version_poll_seconds)),
            asyncio.create_task(request_log.run()),
        ]
        if metrics is not None:
            await asyncio.to_thread(observe, snapshot, metrics)
        yield
        for task in tasks:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task
        for close in app.state.closers:
            await close()
        if metrics is not None:
            metrics.close()
        await asyncio.to_thread(snapshot.close)
        app.state.engine.dispose()

    return lifespan


def add_middleware(app: FastAPI, settings: Settings) -> None:
    """Inside FastAPI, innermost first: errors caught, CORS, the request id for log lines."""
    app.add_middleware(problems.CatchAll)  # inside CORS: even a 500 carries CORS headers
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origin_list,
        allow_methods=["GET", "HEAD", "OPTIONS", "POST", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "If-None-Match"],
        expose_headers=["ETag", "Link", "Cache-Control"],
        max_age=86400,
    )
    app.add_middleware(RequestIdContext)  # outermost: every log line below names its request


def observe(snapshot: Snapshot, metrics: Metrics) -> None:
    """Keep the dataset gauges on the served record, and count failed reloads."""

    def record_served(record: Record) -> None:
        try:
            with Session(snapshot.engine) as session:
                documents = queries.count_documents(session)
        except SQLAlchemyError:
            log.warning("could not count the documents for the metrics", exc_info=True)
            return
        metrics.dataset(record.version, len(record.figures), documents)

    record_served(snapshot.record)
    snapshot.on_change.append(record_served)
    snapshot.on_error.append(lambda _: metrics.reload_errors.inc())
