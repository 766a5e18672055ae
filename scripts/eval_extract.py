"""Measures app.extract against the labelled splits under tests/eval/ (test, dev, regression)."""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a plain script from the repo root

from app.extract import ExtractedFigure, Period, detect_language, extract_figures  # noqa: E402

EVAL = ROOT / "tests" / "eval"
# The held-out split leads; dev is what the extractor is tuned on; regression is the old set.
SPLITS = ("test", "dev", "regression")
SLICES = ("all", "en", "es", "year", "month", "span", "none", "people", "percent")
RESAMPLES = 1000


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


def _keep(slice_name: str) -> Callable[[Item], bool]:
    if slice_name == "all":
        return lambda item: True
    if slice_name in ("en", "es"):
        return lambda item: item.language == slice_name
    if slice_name in ("people", "percent"):
        return lambda item: item.unit == slice_name
    return lambda item: item.period_type == slice_name


def _rates(documents: Iterable[Scored], keep: Callable[[Item], bool]) -> tuple[float, float, int]:
    """Precision and recall pooled over documents, and the number of labels in the slice."""
    labels = found = predictions = correct = 0
    for document in documents:
        for item in document.labels:
            if keep(item):
                labels += 1
                found += item.correct
        for item in document.predictions:
            if keep(item):
                predictions += 1
                correct += item.correct
    return _ratio(correct, predictions), _ratio(found, labels), labels


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return _ratio(2 * precision * recall, precision + recall)


def _interval(values: list[float]) -> list[float]:
    ordered = sorted(values)
    return [
        round(ordered[int(0.025 * len(ordered))], 4),
        round(ordered[int(0.975 * len(ordered)) - 1], 4),
    ]


def summarise(documents: list[Scored], resamples: int = RESAMPLES) -> dict[str, Any]:
    """Scores per slice with 95% bootstrap intervals (documents resampled, seeded: repeatable)."""
    rng = random.Random(0)
    samples = [[rng.choice(documents) for _ in documents] for _ in range(resamples)]
    report: dict[str, Any] = {}
    for slice_name in SLICES:
        keep = _keep(slice_name)
        precision, recall, labels = _rates(documents, keep)
        boot = [_rates(sample, keep)[:2] for sample in samples]
        report[slice_name] = {
            "labels": labels,
            "predictions": sum(keep(i) for d in documents for i in d.predictions),
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(_f1(precision, recall), 4),
            "precision_ci": _interval([p for p, _ in boot]),
            "recall_ci": _interval([r for _, r in boot]),
            "f1_ci": _interval([_f1(p, r) for p, r in boot]),
        }
    matched = sum(i.correct for d in documents for i in d.labels)
    report["documents"] = len(documents)
    report["qualifier"] = round(_ratio(sum(d.qualifier_ok for d in documents), matched), 4)
    report["subject"] = round(_ratio(sum(d.subject_ok for d in documents), matched), 4)
    report["distractors"] = sum(d.distractors for d in documents)
    report["distractor_errors"] = sum(d.distractor_errors for d in documents)
    report["language_detection"] = round(
        _ratio(sum(d.language_ok for d in documents), len(documents)), 4
    )
    return report


def evaluate(root: Path = EVAL, resamples: int = RESAMPLES) -> tuple[dict[str, Any], list[str]]:
    """Scores for each split present under root, plus every mismatch; absent splits are noted."""
    report: dict[str, Any] = {}
    problems: list[str] = []
    for split in SPLITS:
        directory = root / split
        if not directory.is_dir() or not any(directory.glob("*.yaml")):
            report[split] = None
            continue
        scored = [score_document(name, doc) for name, doc in load_documents(directory)]
        report[split] = summarise(scored, resamples)
        problems += [f"[{split}] {problem}" for d in scored for problem in d.problems]
    return report, problems


def _print_split(split: str, report: dict[str, Any] | None) -> None:
    if report is None:
        print(f"\n{split}: absent (no tests/eval/{split}/*.yaml), skipped")
        return
    print(
        f"\n{split}: {report['documents']} documents; qualifier {report['qualifier']:.3f}, "
        f"subject {report['subject']:.3f}, distractor errors {report['distractor_errors']} of "
        f"{report['distractors']}, language detection {report['language_detection']:.3f}"
    )
    print(f"{'slice':<8}{'labels':>7}{'preds':>7}  {'precision':<22}{'recall':<22}{'F1':<22}")
    for name in SLICES:
        row = report[name]
        cells = "".join(
            f"{row[m]:.3f} [{row[m + '_ci'][0]:.3f}, {row[m + '_ci'][1]:.3f}]  "
            for m in ("precision", "recall", "f1")
        )
        print(f"{name:<8}{row['labels']:>7}{row['predictions']:>7}  {cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--errors", action="store_true", help="list every mismatch")
    parser.add_argument("--split", choices=SPLITS, help="only this split")
    args = parser.parse_args(argv)
    report, problems = evaluate()
    if args.split:
        report = {args.split: report[args.split]}
        problems = [p for p in problems if p.startswith(f"[{args.split}]")]
    if args.json:
        print(json.dumps(report, indent=2, sort_keys=True))
    else:
        print("Found = value, unit and period all right; 95% bootstrap intervals over documents.")
        for split, scores in report.items():
            _print_split(split, scores)
    if args.errors:
        print("\n".join(problems))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
