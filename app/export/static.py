"""`darien export --static DIR`: every GET answer as a file, and nginx.conf to serve them."""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from app.asgi.edge import Edge
from app.config import Settings
from app.export.crawl import Answer, crawl, in_process, urls_of
from app.export.nginx import extensions, nginx_config
from app.storage import queries

EXPOSED = "ETag, Link, Cache-Control"  # the API's CORS expose_headers (app.main)


@dataclass(frozen=True)
class StaticReport:
    written: int
    skipped: list[str]
    failed: list[str]


def file_names(answers: list[Answer]) -> dict[str, str]:
    """The file of each URL: a hash of the URL, with the extension of its Content-Type."""
    ext = extensions(answers)
    return {
        a.url: f"/{hashlib.sha256(a.url.encode()).hexdigest()[:24]}."
        + ext.get(a.headers.get("content-type", ""), "bin")
        for a in answers
    }


def write_static(target: Path, answers: list[Answer], settings: Settings, listen: str) -> None:
    """The files, an index of them (manifest.json) and nginx.conf."""
    files = file_names(answers)
    (target / "files").mkdir(parents=True, exist_ok=True)
    for answer in answers:
        (target / "files" / files[answer.url].lstrip("/")).write_bytes(answer.body)
    manifest = {a.url: {"file": files[a.url], **a.headers} for a in answers}
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (target / "nginx-temp" / kind).mkdir(parents=True, exist_ok=True)
    config = nginx_config(
        target.resolve(),
        answers,
        files,
        listen=listen,
        origins=settings.cors_origin_list,
        cache_control=f"public, max-age={settings.cache_max_age}",
        expose=EXPOSED,
    )
    (target / "nginx.conf").write_text(config)


async def export_static(app: Edge, settings: Settings, target: Path, listen: str) -> StaticReport:
    """Crawl the app in-process and write the static copy into `target`."""
    async with in_process(app) as client:
        api = app.app
        record = api.state.snapshot.record
        with Session(api.state.engine) as session:
            documents = queries.list_documents(session, after=None, limit=2**31 - 1)
            document_ids = [str(d.id) for d in documents]
        openapi = (await client.get("/openapi.json")).json()
        urls, skipped = urls_of(openapi, record, document_ids)
        answers, failed = await crawl(client, urls)
    write_static(target, answers, settings, listen)
    return StaticReport(len(answers), skipped, failed)
