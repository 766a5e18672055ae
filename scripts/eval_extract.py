"""Measures app.extract against the labelled splits under tests/eval/ (test, dev, regression)."""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "scripts"):  # run as a plain script, or loaded by the tests
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from eval_scoring import Item, Scored, load_documents, score_document  # noqa: E402

EVAL = ROOT / "tests" / "eval"
# The held-out split leads; dev is what the extractor is tuned on; regression is the old set.
SPLITS = ("test", "dev", "regression")
SLICES = ("all", "en", "es", "year", "month", "span", "none", "people", "percent")
RESAMPLES = 1000


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


def evaluate(
    root: Path = EVAL, resamples: int = RESAMPLES, splits: Sequence[str] = SPLITS
) -> tuple[dict[str, Any], list[str]]:
    """Scores for each named split present under root, plus every mismatch; absent splits are
    noted. A split not named is never loaded (tuning runs name dev and regression only)."""
    report: dict[str, Any] = {}
    problems: list[str] = []
    for split in splits:
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
    parser.add_argument(
        "--split",
        choices=SPLITS,
        action="append",
        help="only this split (repeatable); the others are not even read",
    )
    args = parser.parse_args(argv)
    report, problems = evaluate(splits=args.split or SPLITS)
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
