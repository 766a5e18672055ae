"""The OpenAPI description is a promise: keys are only ever added. A checked-in snapshot guards it.

A deliberate change rewrites tests/golden/openapi.json with UPDATE_GOLDEN=1, so it shows in review.
"""

import copy
import json
from collections.abc import Iterator
from typing import Any

from app.config import Settings
from app.main import create_app
from tests.conftest import GOLDEN_DIR
from tests.golden import assert_golden

SNAPSHOT = GOLDEN_DIR / "openapi.json"


def live_openapi() -> dict[str, Any]:
    """The description the app serves at /openapi.json (built without a database)."""
    api = create_app(Settings(database_url="sqlite://")).app
    spec: dict[str, Any] = api.openapi()
    return spec


def key_paths(node: Any, prefix: str = "") -> Iterator[str]:
    """Every key of a JSON document as a path; list items named by their `name` (parameters)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield f"{prefix}/{key}"
            yield from key_paths(value, f"{prefix}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            name = item.get("name", index) if isinstance(item, dict) else index
            yield f"{prefix}[{name}]"
            yield from key_paths(item, f"{prefix}[{name}]")


def removed_keys(snapshot: dict[str, Any], live: dict[str, Any]) -> list[str]:
    """Keys of the snapshot that the live description lacks."""
    return sorted(set(key_paths(snapshot)) - set(key_paths(live)))


def test_no_key_of_the_snapshot_is_removed_or_renamed() -> None:
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    missing = removed_keys(snapshot, live_openapi())
    assert not missing, f"removed or renamed in /openapi.json: {missing[:20]}"


def test_openapi_matches_the_snapshot() -> None:
    assert_golden("openapi", live_openapi())


def test_a_renamed_property_or_parameter_is_caught() -> None:
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    live = copy.deepcopy(snapshot)
    properties = live["components"]["schemas"]["FigurePublic"]["properties"]
    properties["unit_name"] = properties.pop("unit")
    live["paths"]["/v1/figures"]["get"]["parameters"][0]["name"] = "dim"
    missing = removed_keys(snapshot, live)
    assert "/components/schemas/FigurePublic/properties/unit" in missing
    assert "/paths//v1/figures/get/parameters[dimension]" in missing
    assert not removed_keys(snapshot, snapshot)


def test_fixed_vocabularies_are_enums() -> None:
    schemas = live_openapi()["components"]["schemas"]
    for name in ("Unit", "Qualifier", "Dimension", "SourceKind", "Verdict", "PeriodMatch"):
        assert schemas[name]["type"] == "string", name
        assert schemas[name]["enum"], name
    assert schemas["SelectionMethod"]["enum"] == ["editorial", "rule"]
    figure = schemas["FigurePublic"]["properties"]
    assert figure["unit"]["$ref"] == "#/components/schemas/Unit"
