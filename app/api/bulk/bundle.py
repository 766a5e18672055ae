"""The bulk download: every table as CSV, the data package, and a README, in one zip."""

import io
import zipfile
from typing import Any

import orjson
from sqlmodel import Session

from app.api.bulk.datapackage import CITATION_RULE, LICENCE, datapackage
from app.api.bulk.tables import TABLES
from app.record.build import Record

# A fixed timestamp for every member: the same dataset version gives the same bytes (and ETag).
STAMP = (2020, 1, 1, 0, 0, 0)


def descriptor_bytes(descriptor: dict[str, Any]) -> bytes:
    """The data package as served and as written into the zip."""
    return orjson.dumps(descriptor, option=orjson.OPT_INDENT_2) + b"\n"


def readme(record: Record) -> str:
    """What the bundle holds and how to cite it, in plain words."""
    lines = [
        "# Darién Gap crossings: bulk download",
        "",
        f"Dataset version {record.version}. Each CSV holds one table in full (RFC 4180, UTF-8, "
        "a header row); datapackage.json describes every column (Frictionless Data Package).",
        "",
        *(
            f"- `{t.path}`: {t.description} (the same rows as `{t.endpoint}`)"
            for t in TABLES.values()
        ),
        "",
        "## Citing these figures",
        "",
        CITATION_RULE,
        "",
        "A canonical yearly or monthly figure is one reported figure chosen for its period, by a "
        "recorded editorial choice or by the stated rule (`selection_method`, `selection_reason`); "
        "the others reported for the same period are in `figures.csv`. Figures are second-hand: "
        "`attributed_to` says whom the source credits, not what this project has verified.",
        "",
        f"Licence: {LICENCE['title']} ({LICENCE['name']}).",
        "",
    ]
    return "\n".join(lines)


def members(record: Record, session: Session, base_url: str = "") -> dict[str, bytes]:
    """Every file of the bundle, by its path inside it."""
    files = {
        "README.md": readme(record).encode("utf-8"),
        "datapackage.json": descriptor_bytes(datapackage(record, base_url)),
    }
    files.update({table.path: table.csv(record, session) for table in TABLES.values()})
    return files


def zipped(files: dict[str, bytes]) -> bytes:
    """The files as a deflated zip with fixed timestamps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, content in files.items():
            info = zipfile.ZipInfo(path, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()
