"""Scores one labelled document of tests/eval/ against app.extract: matching, misses, distractors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from app.extract import ExtractedFigure, Period, detect_language, extract_figures


@dataclass(frozen=True)
class Item:
    """One label or one prediction, with what the slices filter on."""

    language: str
    period_type: str  # year | month | span | none
    unit: str  # people | percent
    correct: bool  # a label that was found, or a prediction that matched a label


@dataclass
class Scored:
    """Everything measured on one document."""

    name: str
    labels: list[Item]
    predictions: list[Item]
    qualifier_ok: int
    subject_ok: int
    distractors: int
    distractor_errors: int
    language_ok: bool
    problems: list[str]


def period_type(period: tuple[date, date] | None) -> str:
    """year (one whole calendar year), month (one whole month), span (anything else) or none."""
    if period is None:
        return "none"
    start, end = period
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return "year"
    next_day = date.fromordinal(end.toordinal() + 1)
    if start.day == 1 and (start.year, start.month) == (end.year, end.month) and next_day.day == 1:
        return "month"
    return "span"


def load_documents(directory: Path) -> list[tuple[str, dict[str, Any]]]:
    """Every labelled document of a split, sorted by file name, with its snippets located."""
    documents = []
    for path in sorted(directory.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = document["text"]
        for label in document["figures"]:
            label["span"] = _locate(text, label["quote_contains"], path.name)
        for distractor in document["distractors"]:
            distractor["span"] = _locate(text, distractor["contains"], path.name)
        documents.append((path.stem, document))
    return documents


def _locate(text: str, snippet: str, where: str) -> tuple[int, int]:
    start = text.find(snippet)
    if start < 0:
        raise ValueError(f"{where}: snippet not found in text: {snippet!r}")
    return start, start + len(snippet)


def _label_period(label: dict[str, Any]) -> tuple[date, date] | None:
    period = label["period"]
    return None if period is None else (period["start"], period["end"])


def _figure_period(figure: ExtractedFigure) -> tuple[date, date] | None:
    period: Period | None = figure.period
    return None if period is None else (period.start, period.end)


def _overlaps(span: tuple[int, int], figure: ExtractedFigure) -> bool:
    return figure.start < span[1] and figure.end > span[0]


def _same_value(label: dict[str, Any], figure: ExtractedFigure) -> bool:
    return figure.unit == label["unit"] and abs(float(figure.value) - float(label["value"])) < 1e-6


def _matches(label: dict[str, Any], figure: ExtractedFigure) -> bool:
    """Found means value, unit and period (start and end) all right, at the labelled place."""
    return (
        _same_value(label, figure)
        and _figure_period(figure) == _label_period(label)
        and _overlaps(label["span"], figure)
    )


def score_document(name: str, document: dict[str, Any]) -> Scored:
    """Match predictions to labels one-to-one, preferring agreement on qualifier and subject."""
    predictions = extract_figures(document["text"], document["published"])
    language = document["language"]
    free = list(range(len(predictions)))
    found: dict[int, int] = {}  # label index -> prediction index
    scored = Scored(name, [], [], 0, 0, 0, 0, detect_language(document["text"]) == language, [])
    for number, label in enumerate(document["figures"]):
        options = [i for i in free if _matches(label, predictions[i])]
        if options:
            best = max(options, key=lambda i: (sum(_agreement(label, predictions[i])), -i))
            free.remove(best)
            found[number] = best
            qualifier, subject = _agreement(label, predictions[best])
            scored.qualifier_ok += qualifier
            scored.subject_ok += subject
            _note_attributes(scored, label, predictions[best], qualifier, subject)
        else:
            _note_miss(scored, label, predictions)
        scored.labels.append(
            Item(language, period_type(_label_period(label)), label["unit"], number in found)
        )
    matched = set(found.values())
    for index, figure in enumerate(predictions):
        kind = period_type(_figure_period(figure))
        scored.predictions.append(Item(language, kind, figure.unit, index in matched))
        if index not in matched:
            scored.problems.append(
                f"{name}: spurious {figure.value} {figure.unit} {_figure_period(figure)} "
                f"in {figure.quote[:70]!r}"
            )
    _count_distractors(document, [predictions[i] for i in free], scored)
    return scored


def _agreement(label: dict[str, Any], figure: ExtractedFigure) -> tuple[bool, bool]:
    subject = label["subject"]
    return (
        figure.qualifier == label["qualifier"],
        (figure.subject.dimension, figure.subject.value)
        == (subject["dimension"], subject["value"]),
    )


def _note_attributes(
    scored: Scored, label: dict[str, Any], figure: ExtractedFigure, qualifier: bool, subject: bool
) -> None:
    for ok, what in ((qualifier, "qualifier"), (subject, "subject")):
        if not ok:
            wrong = getattr(figure, what)
            scored.problems.append(f"{scored.name}: {label['value']} wrong {what}: {wrong!r}")


def _note_miss(scored: Scored, label: dict[str, Any], predictions: list[ExtractedFigure]) -> None:
    near = [f for f in predictions if _same_value(label, f) and _overlaps(label["span"], f)]
    why = f" (period given: {_figure_period(near[0])})" if near else ""
    scored.problems.append(
        f"{scored.name}: missed {label['value']} {_label_period(label)} "
        f"({label['quote_contains']!r}){why}"
    )


def _count_distractors(
    document: dict[str, Any], spurious: list[ExtractedFigure], scored: Scored
) -> None:
    for distractor in document["distractors"]:
        scored.distractors += 1
        value = float(distractor["value"])
        if any(
            abs(float(f.value) - value) < 1e-6 and _overlaps(distractor["span"], f)
            for f in spurious
        ):
            scored.distractor_errors += 1
            scored.problems.append(
                f"{scored.name}: distractor reported: {distractor['contains']!r}"
            )
