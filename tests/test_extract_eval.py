"""The measured evaluation of app.extract must not regress below these floors, split by split."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "eval_extract.py"
# A little (about 0.02) under the scores measured when the floors were last raised. A figure is
# found only when its value, unit and period are all right. The held-out `test` split's floors
# come from its eighth measurement (F1 0.862), taken once after the round by someone who never
# tuned on it; they only say that later rounds must not lose what it measured.
FLOORS: dict[str, dict[str, dict[str, float]]] = {
    "test": {
        "all": {"precision": 0.83, "recall": 0.84, "f1": 0.84},
        "en": {"f1": 0.81},
        "es": {"f1": 0.87},
        "span": {"recall": 0.78},
        "percent": {"recall": 0.79},
    },
    "dev": {  # 263 documents since the eighth round's two batches (48 pages on interleaved
        # periods and breakdowns: 0.950 overall with them before their rules, 0.986 after, as
        # before them, so these floors stay); precision stays at 0.96, the least dev may show
        "all": {"precision": 0.96, "recall": 0.95, "f1": 0.96},
        "en": {"precision": 0.96, "recall": 0.95, "f1": 0.95},
        "es": {"precision": 0.97, "recall": 0.95, "f1": 0.96},
        "span": {"recall": 0.95},
        "percent": {"recall": 0.93},
    },
    "regression": {
        "all": {"precision": 0.96, "recall": 0.95, "f1": 0.95},
        "en": {"precision": 0.95, "recall": 0.94, "f1": 0.94},
        "es": {"precision": 0.97, "recall": 0.96, "f1": 0.96},
        "span": {"recall": 0.93},
        "percent": {"recall": 0.85},
    },
}
ACCURACY_FLOORS = {
    "dev": {"qualifier": 0.98, "subject": 0.96},
    "regression": {"qualifier": 0.98, "subject": 0.96},
}
# dev: 2 of 1350 distractors when last set (6 when batch 14's 12 pages came in; 2 after tune12's
# paired rates, misstated corrections, denials with other verbs and emigrants)
MAX_DISTRACTOR_ERRORS = {"test": 12, "dev": 2, "regression": 2}
SIZES = {"dev": (60, 300, 120), "regression": (52, 200, 100)}  # documents, labels, distractors
# Whoever tunes the extractor runs these tests with EVAL_SPLITS=dev,regression, so the held-out
# split is never even read; the default measures every split.
SPLITS = tuple(s for s in os.environ.get("EVAL_SPLITS", "test,dev,regression").split(",") if s)


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_extract", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    scores, _problems = _load_script().evaluate(resamples=100, splits=SPLITS)
    return scores  # type: ignore[no-any-return]


def _split(report: dict[str, Any], name: str) -> dict[str, Any]:
    if report.get(name) is None:
        pytest.skip(f"split {name!r} is absent")
    return report[name]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("split", "slice_name", "metric"),
    [(s, c, m) for s, slices in FLOORS.items() for c, metrics in slices.items() for m in metrics],
)
def test_metric_floor(report: dict[str, Any], split: str, slice_name: str, metric: str) -> None:
    assert _split(report, split)[slice_name][metric] >= FLOORS[split][slice_name][metric]


@pytest.mark.parametrize(
    ("split", "metric"), [(s, m) for s, ms in ACCURACY_FLOORS.items() for m in ms]
)
def test_attribute_accuracy(report: dict[str, Any], split: str, metric: str) -> None:
    assert _split(report, split)[metric] >= ACCURACY_FLOORS[split][metric]


@pytest.mark.parametrize("split", sorted(MAX_DISTRACTOR_ERRORS))
def test_distractors(report: dict[str, Any], split: str) -> None:
    assert _split(report, split)["distractor_errors"] <= MAX_DISTRACTOR_ERRORS[split]


@pytest.mark.parametrize("split", sorted(SIZES))
def test_split_is_large_enough(report: dict[str, Any], split: str) -> None:
    scores = _split(report, split)
    documents, labels, distractors = SIZES[split]
    assert scores["documents"] >= documents
    assert scores["all"]["labels"] >= labels
    assert scores["distractors"] >= distractors
    assert abs(scores["en"]["labels"] - scores["es"]["labels"]) <= 0.2 * scores["all"]["labels"]


@pytest.mark.parametrize("split", ["test", "dev", "regression"])
def test_language_detection(report: dict[str, Any], split: str) -> None:
    assert _split(report, split)["language_detection"] == 1.0


def test_intervals_bracket_the_estimate(report: dict[str, Any]) -> None:
    scores = _split(report, "regression")["all"]
    for metric in ("precision", "recall", "f1"):
        low, high = scores[f"{metric}_ci"]
        assert low <= scores[metric] <= high
        assert high - low > 0  # resampling documents does move the estimate


def test_missing_split_is_noted_not_failed(tmp_path: Path) -> None:
    scores, problems = _load_script().evaluate(tmp_path, resamples=10)
    assert scores == {"test": None, "dev": None, "regression": None}
    assert problems == []


def test_evaluation_is_deterministic() -> None:
    module = _load_script()
    first = module.evaluate(resamples=20, splits=SPLITS)
    assert first == module.evaluate(resamples=20, splits=SPLITS)
