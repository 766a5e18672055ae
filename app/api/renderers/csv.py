"""CSV rows (RFC 4180, UTF-8) from the rows a JSON list serves, by declared columns."""

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
BOM = "\ufeff"
# A text cell starting with one of these is read as a formula by spreadsheets; ingested text is untrusted.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Column:
    """One CSV column: its header, and the dotted path of its value in a JSON row."""

    name: str
    path: tuple[str, ...]

    def value(self, row: Mapping[str, Any]) -> Any:
        value: Any = row
        for key in self.path:
            value = value.get(key) if isinstance(value, Mapping) else None
        return value


class Columns:
    """The columns of a list's CSV: a key of the JSON row, or (header, "dotted.path") to flatten."""

    def __init__(
        self, *specs: str | tuple[str, str], optional: Sequence[str | tuple[str, str]] = ()
    ) -> None:
        self.columns: dict[str, Column] = {}
        # Optional columns flatten keys a JSON row carries only when asked (?include=change);
        # a CSV shows them only when some row has their key.
        self.optional = frozenset(spec if isinstance(spec, str) else spec[0] for spec in optional)
        for spec in (*specs, *optional):
            name, path = (spec, spec) if isinstance(spec, str) else spec
            if not _SNAKE.match(name) or name in self.columns:
                raise ValueError(f"CSV column {name!r} must be unique and snake_case")
            self.columns[name] = Column(name, tuple(path.split(".")))

    @property
    def names(self) -> list[str]:
        return list(self.columns)

    def for_keys(self, names: Sequence[str]) -> "Columns":
        """The columns ?fields= asks for, in its order: a column by its name, or a key of the JSON
        row as the columns under it (source: source_id, publisher, ...) or as a column of its own."""
        chosen = Columns()
        for name in names:
            picked = [self.columns[name]] if name in self.columns else self._under(name)
            for column in picked:
                chosen.columns.setdefault(column.name, column)
        return chosen

    def _under(self, key: str) -> list[Column]:
        nested = [c for c in self.columns.values() if len(c.path) > 1 and c.path[0] == key]
        return nested or [Column(key, (key,))]

    def for_rows(self, rows: Sequence[Mapping[str, Any]]) -> "Columns":
        """Every column, less the optional ones whose key no row carries."""
        carried = {key for row in rows for key in row}
        chosen = Columns()
        chosen.columns = {
            name: column
            for name, column in self.columns.items()
            if name not in self.optional or column.path[0] in carried
        }
        return chosen


def cell(value: Any) -> str:
    """A JSON value as a CSV cell: empty for null, true/false, lists joined by semicolons.

    Text that a spreadsheet would run as a formula gets a leading apostrophe; numbers are left alone.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(cell(item) for item in value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return str(value)


def render_csv(rows: Iterable[Mapping[str, Any]], columns: Columns, bom: bool = False) -> bytes:
    """A header row of column names, then one line per row, CRLF-terminated as RFC 4180 asks."""
    buffer = io.StringIO()
    if bom:
        buffer.write(BOM)  # lets Excel read the file as UTF-8
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns.names)
    fields = list(columns.columns.values())
    writer.writerows([cell(field.value(row)) for field in fields] for row in rows)
    return buffer.getvalue().encode("utf-8")
