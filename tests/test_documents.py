"""Seed document parsing: what a valid document yields, and the file:line of every kind of mistake."""

from datetime import date

import pytest

from app.ingest.seed_format import DocumentError, parse_document

VALID = """---
document: source
id: S900
publisher: "Example Wire Daily"
wire: "EFE"
title: "Crossings fell in March"
url: "https://example.org/a"
published: 2024-04-02
published_precision: day
kind: news
language: en
---

# Example

| id | metric | period | subject | value | unit | qualifier | attributed to | note |
|---|---|---|---|---:|---|---|---|---|
| X0001 | crossings | 2024-03 | total | 36,841 | people | exact | SNM | a note with a \\| pipe |
| X0002 | crossings | 2024-01-01/2024-03-31 | nationality=VEN | 70.1 | percent | approximate | MinSeg | |
"""


def test_valid_source_document() -> None:
    doc = parse_document("sources/S900.md", VALID)
    assert doc.source is not None
    assert (doc.source.id, doc.source.wire, doc.source.published) == (
        "S900",
        "EFE",
        date(2024, 4, 2),
    )
    first, second = doc.figures
    assert (first.value, first.period_start, first.period_end) == (
        36841,
        date(2024, 3, 1),
        date(2024, 3, 31),
    )
    assert first.note == "a note with a | pipe"
    assert (second.dimension, second.dimension_value, second.value) == ("nationality", "VEN", 70.1)
    assert second.note is None
    assert first.line == 18


@pytest.mark.parametrize(
    ("old", "new", "line", "needle"),
    [
        ("| 36,841 |", "| lots |", 18, "lots"),
        ("| 2024-03 |", "| 2024-13 |", 18, "month 13"),
        ("| exact | SNM", "| precise | SNM", 18, "precise"),
        ("| nationality=VEN |", "| nationality |", 19, "needs a value"),
        ("| X0002 |", "| x2 |", 19, "figure id"),
        ("kind: news", "kind: blog", 10, "kind"),
        ("published: 2024-04-02", "published: 2024-02-30", 8, "published"),
        ('url: "https://example.org/a"', 'url: "ftp://x"', 7, "url"),
        ("| MinSeg | |", "| MinSeg |", 19, "cells"),
        ("document: source", "document: memo", 2, "document"),
    ],
)
def test_mistakes_name_file_line_and_problem(old: str, new: str, line: int, needle: str) -> None:
    assert old in VALID
    with pytest.raises(DocumentError) as caught:
        parse_document("sources/S900.md", VALID.replace(old, new, 1))
    assert caught.value.path == "sources/S900.md"
    assert caught.value.line == line
    assert needle in caught.value.problem


def test_missing_front_matter() -> None:
    with pytest.raises(DocumentError, match="front-matter"):
        parse_document("a.md", "no front matter\n")


def test_unclosed_front_matter() -> None:
    with pytest.raises(DocumentError, match="not closed"):
        parse_document("a.md", "---\ndocument: source\n")


def test_reconciliation_document() -> None:
    text = """---
document: reconciliation
---

| period | metric | subject | unit | canonical | reason |
|---|---|---|---|---|---|
| 2023 | crossings | total | people | F0066 | Sums with the months. |
| 2021-08 | crossings | total | people | none | Only a rounded figure. |
"""
    doc = parse_document("reconciliation.md", text)
    assert [(c.figure_id, c.period_start) for c in doc.choices] == [
        ("F0066", date(2023, 1, 1)),
        (None, date(2021, 8, 1)),
    ]
