"""Plain-text tables whose rows are separated by pipes: "Venezuela | 1.032 | 47,8"."""

from __future__ import annotations

import re

from .numbers import NumberMention

# A header cell that names a column of shares: "%", "Share of total (%)", "Porcentaje".
_SHARE_HEADER = re.compile(r"%|\b(?:share|percent|percentage|porcentaje|proporción)\b")


def mark_share_columns(low: str, numbers: list[NumberMention]) -> list[NumberMention]:
    """Numbers in a table column headed as a share become percentages: a page lists a count
    and a share per row and writes "%" only once, in the header."""
    if " | " not in low:
        return numbers
    marked: list[NumberMention] = []
    for number in numbers:
        column = None if number.percent else _share_column(low, number.start)
        marked.append(number._replace(percent=True) if column else number)
    return marked


def _share_column(low: str, position: int) -> bool:
    line_start = low.rfind("\n", 0, position) + 1
    line_end = low.find("\n", position)
    line = low[line_start : len(low) if line_end < 0 else line_end]
    if "|" not in line:
        return False
    column = low.count("|", line_start, position)
    header = _header_above(low, line_start)
    if header is None:
        return False
    cells = header.split("|")
    return column < len(cells) and _SHARE_HEADER.search(cells[column]) is not None


def _header_above(low: str, line_start: int) -> str | None:
    """The first line of the block of pipe-separated lines that holds line_start."""
    header = None
    while line_start > 0:
        previous = low.rfind("\n", 0, line_start - 1) + 1
        line = low[previous : line_start - 1]
        if "|" not in line:
            break
        header, line_start = line, previous
    return header
