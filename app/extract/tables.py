"""Plain-text tables whose rows are separated by pipes: "Venezuela | 1.032 | 47,8"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .numbers import NumberMention
from .records import Period

if TYPE_CHECKING:
    from .timeline import Timeline

# A header cell that names a column of shares: "%", "Share of total (%)", "Porcentaje".
_SHARE_HEADER = re.compile(r"%|\b(?:share|percent|percentage|porcentaje|proporción)\b")


def mark_share_columns(low: str, numbers: list[NumberMention]) -> list[NumberMention]:
    """Numbers in a table column headed as a share become percentages: a page lists a count
    and a share per row and writes "%" only once, in the header."""
    if " | " not in low:
        return numbers
    share_columns = _share_columns(low)
    marked: list[NumberMention] = []
    for number in numbers:
        line_start = low.rfind("\n", 0, number.start) + 1
        columns = share_columns.get(line_start)
        if columns and not number.percent and low.count("|", line_start, number.start) in columns:
            number = number._replace(percent=True)
        marked.append(number)
    return marked


def _share_columns(low: str) -> dict[int, frozenset[int]]:
    """For each row under a header (a block of lines holding pipes opens with its header), where
    the row starts and which of its columns the header names as shares. One pass over the
    lines: finding each number's header by walking up its table cost rows times numbers."""
    rows: dict[int, frozenset[int]] = {}
    header: frozenset[int] | None = None  # the share columns of the block's header
    start = 0
    for line in low.split("\n"):
        if "|" not in line:
            header = None
        elif header is None:
            cells = line.split("|")
            header = frozenset(i for i, cell in enumerate(cells) if _SHARE_HEADER.search(cell))
        else:
            rows[start] = header
        start += len(line) + 1
    return rows


def column_periods(low: str, timeline: Timeline) -> dict[int, list[Period | None]]:
    """For each table row under a header, where the row starts and the period each column's
    header names ("Nationality | March 2024 | January-March 2024", "País | Abril | Enero-abril"):
    a count in a column headed by a time is that time's, whatever the story's lead says."""
    if " | " not in low:
        return {}
    rows: dict[int, list[Period | None]] = {}
    header: list[Period | None] | None = None
    start = 0
    for line in low.split("\n"):
        if "|" not in line:
            header = None
        elif header is None:
            header = []
            cell_start = start
            for cell in line.split("|"):
                indices = timeline.indices_between(cell_start, cell_start + len(cell))
                periods = [timeline.resolve(i) for i in indices]
                header.append(periods[0] if len(periods) == 1 else None)
                cell_start += len(cell) + 1
            if not any(header):
                header = []  # a header naming no times: its rows keep the story's periods
        elif header:
            rows[start] = header
        start += len(line) + 1
    return rows


def column_period(low: str, rows: dict[int, list[Period | None]], position: int) -> Period | None:
    """The period the header of the column holding position names, if any."""
    line_start = low.rfind("\n", 0, position) + 1
    header = rows.get(line_start)
    if not header:
        return None
    column = low.count("|", line_start, position)
    return header[column] if column < len(header) else None


# A cell of a table row: the number sits after a pipe and ends the row or its cell.
_CELL_AFTER = re.compile(r"[ \t]*(?:\||\n|\Z)")


def in_cell(low: str, start: int, end: int) -> bool:
    """Whether a number fills a table cell ("April | 73"): a small count there is the row's
    count under its header, not "30 shelters" in prose."""
    return low.endswith("| ", 0, start) and _CELL_AFTER.match(low, end) is not None
