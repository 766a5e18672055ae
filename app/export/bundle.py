"""`darien export DIR`: the files of /v1/download.zip, fetched from the app in-process."""

import io
import zipfile
from pathlib import Path

from app.asgi.edge import Edge
from app.export.crawl import in_process


async def export_bundle(app: Edge, target: Path) -> list[str]:
    """Write the bulk bundle (CSVs, datapackage.json, README.md) into `target`; its file names."""
    async with in_process(app) as client:
        response = await client.get("/v1/download.zip")
        response.raise_for_status()
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
        for name in names:
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(archive.read(name))  # names are ours: no absolute or .. paths
    return names
