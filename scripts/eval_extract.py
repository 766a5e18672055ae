"""Measures app.extract against the labelled documents in tests/eval/documents."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a plain script from the repo root

from app.extract import ExtractedFigure, detect_language, extract_figures  # noqa: E402

DOCUMENTS = ROOT / "tests" / "eval" / "documents"
METRICS = ("precision", "recall", "f1", "qualifier", "period", "subject")


@dataclass
class Tally:
    """Counts for one slice of the corpus (a language, or everything)."""

    documents: int = 0
    labels: int = 0
    predictions: int = 0
    matched: int = 0
    qualifier_ok: int = 0
    period_ok: int = 0
    subject_ok: int = 0
    distractors: int = 0
    distractor_errors: int = 0
    language_ok: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            if name != "problems":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.problems.extend(other.problems)

    def summary(self) -> dict[str, Any]:
        precision = _ratio(self.matched, self.predictions)
        recall = _ratio(self.matched, self.labels)
        f1 = _ratio(2 * precision * recall, precision + recall)
        return {
            "documents": self.documents,
            "labels": self.labels,
            "predictions": self.predictions,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "qualifier": round(_ratio(self.qualifier_ok, self.matched), 4),
            "period": round(_ratio(self.period_ok, self.matched), 4),
            "subject": round(_ratio(self.subject_ok, self.matched), 4),
            "distractors": self.distractors,
            "distractor_errors": self.distractor_errors,
            "language_detection": round(_ratio(self.language_ok, self.documents), 4),
        }


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def load_documents(directory: Path = DOCUMENTS) -> list[tuple[str, dict[str, Any]]]:
    """Every labelled document, sorted by file name, with its labels located in the text."""
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


def _period_of(label: dict[str, Any]) -> tuple[date, date] | None:
    period = label["period"]
    return None if period is None else (period["start"], period["end"])


def _agreement(label: dict[str, Any], figure: ExtractedFigure) -> tuple[bool, bool, bool]:
    period = None if figure.period is None else (figure.period.start, figure.period.end)
    subject = label["subject"]
    return (
        figure.qualifier == label["qualifier"],
        period == _period_of(label),
        (figure.subject.dimension, figure.subject.value)
        == (subject["dimension"], subject["value"]),
    )


def _same_figure(label: dict[str, Any], figure: ExtractedFigure) -> bool:
    start, end = label["span"]
    return (
        figure.unit == label["unit"]
        and abs(float(figure.value) - float(label["value"])) < 1e-6
        and figure.start < end
        and figure.end > start
    )


def score_document(name: str, document: dict[str, Any]) -> Tally:
    """Match predictions to labels one-to-one, preferring the closest agreement on attributes."""
    text = document["text"]
    predictions = extract_figures(text, document["published"])
    tally = Tally(documents=1, labels=len(document["figures"]), predictions=len(predictions))
    tally.language_ok = int(detect_language(text) == document["language"])
    free = list(range(len(predictions)))
    for label in document["figures"]:
        options = [i for i in free if _same_figure(label, predictions[i])]
        if not options:
            tally.problems.append(f"{name}: missed {label['value']} ({label['quote_contains']!r})")
            continue
        best = max(options, key=lambda i: (sum(_agreement(label, predictions[i])), -i))
        free.remove(best)
        qualifier, period, subject = _agreement(label, predictions[best])
        tally.matched += 1
        tally.qualifier_ok += qualifier
        tally.period_ok += period
        tally.subject_ok += subject
        for ok, what in ((qualifier, "qualifier"), (period, "period"), (subject, "subject")):
            if not ok:
                tally.problems.append(
                    f"{name}: {label['value']} wrong {what}: {_describe(predictions[best], what)}"
                )
    for index in free:
        tally.problems.append(
            f"{name}: spurious {predictions[index].value} "
            f"{predictions[index].unit} in {predictions[index].quote[:70]!r}"
        )
    _count_distractors(document, [predictions[i] for i in free], tally, name)
    return tally


def _describe(figure: ExtractedFigure, what: str) -> str:
    return repr(getattr(figure, what))


def _count_distractors(
    document: dict[str, Any], spurious: list[ExtractedFigure], tally: Tally, name: str
) -> None:
    for distractor in document["distractors"]:
        tally.distractors += 1
        probe = {"span": distractor["span"], "value": distractor["value"]}
        hit = any(_same_figure({**probe, "unit": f.unit}, f) for f in spurious)
        if hit:
            tally.distractor_errors += 1
            tally.problems.append(f"{name}: distractor reported: {distractor['contains']!r}")


def evaluate(directory: Path = DOCUMENTS) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Scores per language, per split and overall, plus a list of every mismatch."""
    languages: dict[str, Tally] = {}
    splits: dict[str, Tally] = {}
    overall = Tally()
    for name, document in load_documents(directory):
        tally = score_document(name, document)
        languages.setdefault(document["language"], Tally()).add(tally)
        # "dev" documents were written before the extractor was tuned, "holdout" ones after.
        splits.setdefault(document.get("split", "dev"), Tally()).add(tally)
        overall.add(tally)
    report = {key: languages[key].summary() for key in sorted(languages)}
    report |= {key: splits[key].summary() for key in sorted(splits)}
    report["overall"] = overall.summary()
    return report, overall.problems


def _print_table(report: dict[str, dict[str, Any]]) -> None:
    columns = ("documents", "labels", "predictions", *METRICS, "distractors", "distractor_errors")
    print(f"{'slice':<8}" + "".join(f"{c[:11]:>12}" for c in columns))
    for name, row in report.items():
        cells = "".join(
            f"{row[c]:>12.3f}" if isinstance(row[c], float) else f"{row[c]:>12}" for c in columns
        )
        print(f"{name:<8}{cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--errors", action="store_true", help="list every mismatch")
    args = parser.parse_args(argv)
    report, problems = evaluate()
    if args.json:
        print(json.dumps(report, indent=2, sort_keys=True))
    else:
        _print_table(report)
    if args.errors:
        print("\n".join(problems))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
