"""Parse seed documents (YAML front matter + a Markdown table) into plain values, or say exactly why not.

Pure: takes a path label and the text, returns dataclasses or raises DocumentError(path, line, problem).
"""

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.domain.periods import parse_period
from app.domain.vocabulary import DatePrecision, Dimension, Qualifier, SourceKind, Unit

_ID = re.compile(r"^[A-Z][A-Za-z0-9_-]{1,31}$")
_PIPE = re.compile(r"(?<!\\)\|")
T = TypeVar("T")


class _TextDatesLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so pydantic validates them and names the field."""


_TextDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class DocumentError(Exception):
    """A seed document that cannot be loaded: where and why."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")
        self.path, self.line, self.problem = path, line, problem


class SourceMeta(BaseModel):
    """Front matter of a source document."""

    model_config = ConfigDict(extra="forbid")
    document: str = Field(pattern="^source$")
    id: str = Field(pattern=_ID.pattern)
    publisher: str = Field(min_length=1, max_length=200)
    wire: str | None = Field(default=None, max_length=64)
    title: str = Field(min_length=1, max_length=500)
    url: str | None = Field(default=None, max_length=1000, pattern=r"^https?://")
    published: date | None = None
    published_precision: DatePrecision
    kind: SourceKind
    language: str = Field(pattern=r"^[a-z]{2}$")


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One figure as a source document lists it."""

    id: str
    metric: str
    period_start: date
    period_end: date
    dimension: Dimension
    dimension_value: str | None
    value: float
    unit: Unit
    qualifier: Qualifier
    attributed_to: str
    note: str | None
    line: int


@dataclass(frozen=True, slots=True)
class ChoiceRow:
    """One editorial decision as the reconciliation document records it."""

    metric: str
    period_start: date
    period_end: date
    dimension: Dimension
    dimension_value: str | None
    unit: Unit
    figure_id: str | None
    reason: str
    line: int


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """A parsed seed document: a source with its figures, or the reconciliation record."""

    path: str
    content_hash: str
    text: str
    title: str
    source: SourceMeta | None
    figures: tuple[FigureRow, ...]
    choices: tuple[ChoiceRow, ...]


def content_hash(text: str) -> str:
    """sha256 of the UTF-8 bytes, the identity of a document's content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_front_matter(path: str, text: str) -> tuple[dict[str, Any], int]:
    """The YAML mapping between the leading '---' lines, and the line number where the body starts."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise DocumentError(path, 1, "document must start with a '---' front-matter line")
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise DocumentError(path, 1, "front matter is not closed by a '---' line") from None
    try:
        meta = yaml.load("\n".join(lines[1:close]), Loader=_TextDatesLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise DocumentError(path, line, f"front matter is not valid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise DocumentError(path, 2, "front matter must be a YAML mapping")
    return meta, close + 2


def read_table(path: str, text: str, body_line: int) -> list[tuple[int, dict[str, str]]]:
    """The rows of the first Markdown table in the body, as (line number, {header: cell})."""
    lines = text.splitlines()
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    for number in range(body_line, len(lines) + 1):
        line = lines[number - 1].strip()
        if not line.startswith("|"):
            if header is not None:
                break
            continue
        cells = [c.strip().replace("\\|", "|") for c in _PIPE.split(line.strip("|"))]
        if header is None:
            header = [c.lower().replace(" ", "_") for c in cells]
        elif set(line) <= set("|-: "):
            continue
        elif len(cells) != len(header):
            raise DocumentError(
                path, number, f"row has {len(cells)} cells, header has {len(header)}"
            )
        else:
            rows.append((number, dict(zip(header, cells, strict=True))))
    if header is None:
        raise DocumentError(path, body_line, "no Markdown table found in the body")
    return rows


def parse_subject(text: str) -> tuple[Dimension, str | None]:
    """'total' or 'dimension=value' (e.g. nationality=VEN, age=minors)."""
    name, _, value = text.partition("=")
    dimension = Dimension(name.strip())
    if dimension is Dimension.total:
        if value:
            raise ValueError("subject 'total' takes no value")
        return dimension, None
    if not value.strip():
        raise ValueError(f"subject {text!r} needs a value, e.g. {name}=VEN")
    return dimension, value.strip()


def parse_value(text: str) -> float:
    """A figure written with thousands commas (520,085) or a decimal point (70.1)."""
    value = float(text.replace(",", ""))
    if value < 0 or value != value:
        raise ValueError(f"value {text!r} must be a non-negative number")
    return value


def _cell(row: dict[str, str], name: str) -> str:
    if name not in row:
        raise ValueError(f"table has no {name!r} column")
    return row[name]


def parse_figure_row(row: dict[str, str], line: int) -> FigureRow:
    """One row of a source document's figure table."""
    figure_id = _cell(row, "id")
    if not _ID.match(figure_id):
        raise ValueError(f"figure id {figure_id!r} must be a letter then 1-31 letters/digits/-/_")
    start, end = parse_period(_cell(row, "period"))
    dimension, dimension_value = parse_subject(_cell(row, "subject"))
    return FigureRow(
        id=figure_id,
        metric=_cell(row, "metric") or "crossings",
        period_start=start,
        period_end=end,
        dimension=dimension,
        dimension_value=dimension_value,
        value=parse_value(_cell(row, "value")),
        unit=Unit(_cell(row, "unit")),
        qualifier=Qualifier(_cell(row, "qualifier")),
        attributed_to=_cell(row, "attributed_to") or "unattributed",
        note=_cell(row, "note") or None,
        line=line,
    )


def parse_choice_row(row: dict[str, str], line: int) -> ChoiceRow:
    """One row of the reconciliation table; canonical 'none' records a deliberate gap."""
    start, end = parse_period(_cell(row, "period"))
    dimension, dimension_value = parse_subject(_cell(row, "subject"))
    canonical = _cell(row, "canonical")
    reason = _cell(row, "reason")
    if not reason:
        raise ValueError("every decision needs a reason")
    if canonical != "none" and not _ID.match(canonical):
        raise ValueError(f"canonical {canonical!r} must be a figure id or 'none'")
    return ChoiceRow(
        metric=_cell(row, "metric") or "crossings",
        period_start=start,
        period_end=end,
        dimension=dimension,
        dimension_value=dimension_value,
        unit=Unit(_cell(row, "unit")),
        figure_id=None if canonical == "none" else canonical,
        reason=reason,
        line=line,
    )


def _rows(
    path: str, rows: list[tuple[int, dict[str, str]]], parse: Callable[[dict[str, str], int], T]
) -> tuple[T, ...]:
    parsed: list[T] = []
    for line, row in rows:
        try:
            parsed.append(parse(row, line))
        except ValueError as exc:  # enum, date and number errors are all ValueErrors
            raise DocumentError(path, line, str(exc)) from None
    return tuple(parsed)


def parse_document(path: str, text: str) -> ParsedDocument:
    """Parse one seed document; raise DocumentError naming the file, line and problem."""
    meta, body_line = split_front_matter(path, text)
    rows = read_table(path, text, body_line)
    kind = meta.get("document")
    if kind == "reconciliation":
        title = str(meta.get("title") or "Reconciliation")
        choices: tuple[ChoiceRow, ...] = _rows(path, rows, parse_choice_row)
        return ParsedDocument(path, content_hash(text), text, title, None, (), choices)
    if kind != "source":
        raise DocumentError(path, 2, "front matter 'document' must be 'source' or 'reconciliation'")
    try:
        source = SourceMeta.model_validate(meta)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise DocumentError(path, _meta_line(text, field), f"{field}: {first['msg']}") from None
    figures: tuple[FigureRow, ...] = _rows(path, rows, parse_figure_row)
    return ParsedDocument(path, content_hash(text), text, source.title, source, figures, ())


def _meta_line(text: str, field: str) -> int:
    """The line of a front-matter key, for error messages (1 when not found)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{field}:"):
            return number
    return 1
