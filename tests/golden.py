"""Golden files: exact expected answers under tests/golden/; UPDATE_GOLDEN=1 rewrites them."""

import json
import os
from typing import Any

from tests.conftest import GOLDEN_DIR


def golden_text(payload: Any) -> str:
    """The stored form of an answer: sorted keys, two-space indent, a final newline."""
    return json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def assert_golden(name: str, payload: Any) -> None:
    """Compare with tests/golden/<name>.json; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN_DIR / f"{name}.json"
    text = golden_text(payload)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"response differs from {path.name}"
