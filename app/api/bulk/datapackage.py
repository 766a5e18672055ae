"""The Frictionless Data Package (v1 tabular profile) that describes the bulk tables.

Field types come from the public row models, so the schema says what the JSON view promises: a
`date` column is a date, an enum column lists its values. The same descriptor is served at
/v1/datapackage.json and written into the zip: its resource paths (`data/yearly.csv`) resolve
against either location.
"""

import types
from datetime import date, datetime
from enum import Enum
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from app.api.bulk.tables import TABLES, Table
from app.domain.reconcile import RULE_TEXT
from app.record.build import Record

NAME = "darien-crossings"
LICENCE = {
    "name": "MIT",
    "path": "https://opensource.org/licenses/MIT",
    "title": "MIT License for the compilation; each figure is a fact stated by the source its row "
    "names, and is cited to that source",
}
CITATION_RULE = (
    "Cite the figure's original source, not this dataset alone: every row that carries a figure "
    "has a ready-to-paste `citation` naming who counted (attributed_to), the outlet that "
    "published it, its title, date and URL, and the figure's id in this dataset."
)


def datapackage(record: Record, base_url: str = "") -> dict[str, Any]:
    """The descriptor of every bulk table for one dataset version."""
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": "People crossing the Darién Gap (Colombia to Panama)",
        "description": "Reported figures of people crossing the Darién Gap by year, month and "
        "breakdown, each with the document that states it, and the canonical figure per period.",
        "version": f"{record.version}.0.0",
        "dataset_version": record.version,
        "licenses": [LICENCE],
        "citation_rule": CITATION_RULE,
        "canonical_rule": RULE_TEXT,
        "sources": sources(record),
        "resources": [resource(table) for table in TABLES.values()],
    }
    if base_url:
        descriptor["homepage"] = base_url.rstrip("/") + "/v1"
    return descriptor


def sources(record: Record) -> list[dict[str, str]]:
    """Every source of the record, as the package's `sources` list."""
    listed = []
    for source in record.sources.values():
        entry = {"title": f"{source.publisher}: {source.title}"}
        if source.url:
            entry["path"] = source.url
        listed.append(entry)
    return listed


def resource(table: Table) -> dict[str, Any]:
    """One tabular resource: where its CSV is, and the schema of its columns."""
    schema: dict[str, Any] = {
        "fields": [
            field_schema(name, column.path, table.row_model)
            for name, column in table.columns.columns.items()
            if name not in table.columns.optional  # derived columns: only when a list asks
        ],
        "missingValues": [""],
    }
    if "id" in table.columns.columns:
        schema["primaryKey"] = ["id"]
    if "source_id" in table.columns.columns:
        reference = {"resource": "sources", "fields": ["id"]}
        schema["foreignKeys"] = [{"fields": ["source_id"], "reference": reference}]
    return {
        "profile": "tabular-data-resource",
        "name": table.name,
        "path": table.path,
        "title": table.title,
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
        "schema": schema,
    }


def field_schema(name: str, path: tuple[str, ...], model: type[BaseModel]) -> dict[str, Any]:
    """A Table Schema field for a column whose value sits at `path` in a row of `model`."""
    info = model_field(model, path[0])
    for key in path[1:]:
        nested = non_null(info.annotation)
        if not (isinstance(nested, type) and issubclass(nested, BaseModel)):
            raise TypeError(f"column {name}: {key!r} is not inside a model")
        info = model_field(nested, key)
    field: dict[str, Any] = {"name": name, **type_of(non_null(info.annotation))}
    if info.description:
        field["description"] = info.description
    return field


def model_field(model: type[BaseModel], key: str) -> FieldInfo:
    """The field of `model` that JSON spells `key` (its alias, or its name)."""
    for name, info in model.model_fields.items():
        if key in (info.alias, name):
            return info
    raise KeyError(f"{model.__name__} has no field {key!r}")


def non_null(annotation: Any) -> Any:
    """`X` of `X | None`; a union of numbers stays a union."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        return args[0] if len(args) == 1 else Union[tuple(args)]  # noqa: UP007
    return annotation


def type_of(annotation: Any) -> dict[str, Any]:
    """The Table Schema type (and enum constraint) of a Python annotation."""
    if get_origin(annotation) in (Union, types.UnionType):
        numeric = all(arg in (int, float) for arg in get_args(annotation))
        return {"type": "number" if numeric else "string"}
    if get_origin(annotation) is list:
        return {"type": "string", "format": "default"}  # joined by semicolons (csv.cell)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return {"type": "string", "constraints": {"enum": [m.value for m in annotation]}}
    simple = {bool: "boolean", int: "integer", float: "number", datetime: "datetime", date: "date"}
    return {"type": simple.get(annotation, "string")}
