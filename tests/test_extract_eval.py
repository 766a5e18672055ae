"""The measured evaluation of app.extract must not regress below these floors."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "eval_extract.py"
# A little (0.02) under the scores measured when the floors were last raised.
FLOORS: dict[str, dict[str, float]] = {
    "overall": {
        "precision": 0.97,
        "recall": 0.96,
        "f1": 0.97,
        "qualifier": 0.98,
        "period": 0.95,
        "subject": 0.95,
    },
    "en": {
        "precision": 0.98,
        "recall": 0.97,
        "f1": 0.97,
        "qualifier": 0.98,
        "period": 0.93,
        "subject": 0.95,
    },
    "es": {
        "precision": 0.97,
        "recall": 0.96,
        "f1": 0.96,
        "qualifier": 0.98,
        "period": 0.98,
        "subject": 0.96,
    },
    "holdout": {
        "precision": 0.98,
        "recall": 0.98,
        "f1": 0.98,
        "qualifier": 0.98,
        "period": 0.91,
        "subject": 0.91,
    },
}
MAX_DISTRACTOR_ERRORS = 2


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_extract", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report() -> dict[str, dict[str, Any]]:
    scores, _problems = _load_script().evaluate()
    return scores  # type: ignore[no-any-return]


def test_corpus_is_large_enough(report: dict[str, dict[str, Any]]) -> None:
    overall = report["overall"]
    assert overall["documents"] >= 40
    assert overall["labels"] >= 150
    assert overall["distractors"] >= 60
    assert abs(report["en"]["documents"] - report["es"]["documents"]) <= 4


@pytest.mark.parametrize(
    ("slice_name", "metric"), [(s, m) for s, metrics in FLOORS.items() for m in metrics]
)
def test_metric_floor(report: dict[str, dict[str, Any]], slice_name: str, metric: str) -> None:
    assert report[slice_name][metric] >= FLOORS[slice_name][metric]


def test_distractors(report: dict[str, dict[str, Any]]) -> None:
    assert report["overall"]["distractor_errors"] <= MAX_DISTRACTOR_ERRORS


def test_language_detection(report: dict[str, dict[str, Any]]) -> None:
    assert report["overall"]["language_detection"] == 1.0


def test_evaluation_is_deterministic() -> None:
    module = _load_script()
    assert module.evaluate() == module.evaluate()
