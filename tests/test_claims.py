"""POST /v1/claims/check and `darien check`: verdicts, references (stored, nearby, derived), limits."""

from collections.abc import Callable
from typing import Any

import pytest
from click.testing import Result

from app.extract.records import DIMENSIONS
from tests.conftest import ApiClient


def check(client: ApiClient, text: str, published: str | None = None) -> list[dict[str, Any]]:
    response = client.post(
        "/v1/claims/check", json={"text": text, "published": published, "language": None}
    )
    assert response.status_code == 200, response.text
    claims: list[dict[str, Any]] = response.json()["claims"]
    return claims


def only(claims: list[dict[str, Any]]) -> dict[str, Any]:
    assert len(claims) == 1, claims
    return claims[0]


def test_more_than_half_a_million_is_consistent_with_520085(client: ApiClient) -> None:
    claim = only(check(client, "Más de medio millón de migrantes cruzaron el Darién en 2023."))
    assert (claim["value"], claim["qualifier"], claim["verdict"]) == (
        500000,
        "more_than",
        "consistent",
    )
    assert claim["period"] == {"start": "2023-01-01", "end": "2023-12-31"}
    assert claim["subject"] == {"dimension": "total", "value": None}
    assert claim["reference"]["id"] == "F0087"  # F0066's value, cited from the wire's own page
    assert claim["reference"]["derived"] is False
    assert "520,085" in claim["explanation"]


def test_nearly_and_mid_december_cut(client: ApiClient) -> None:
    text = "Nearly 250,000 people crossed the Darién Gap in 2022, and 511,103 crossed it in 2023."
    first, second = check(client, text)
    assert (first["value"], first["verdict"]) == (250000, "consistent")
    assert (second["value"], second["verdict"]) == (511103, "inconsistent")
    assert second["reference"]["value"] == 520085


def test_subject_dimension_is_an_enum_in_openapi(client: ApiClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    dimension = schemas["SubjectPublic"]["properties"]["dimension"]
    if "$ref" in dimension:  # a shared enum schema, referenced
        dimension = schemas[dimension["$ref"].rsplit("/", 1)[-1]]
    assert sorted(dimension["enum"]) == sorted(DIMENSIONS)


def test_quote_offsets_point_into_the_text(client: ApiClient) -> None:
    text = "Migration officials said 81,946 migrants crossed the Darién in August 2023."
    claim = only(check(client, text))
    assert text[claim["start"] : claim["end"]] == claim["quote"]
    assert claim["verdict"] == "consistent"
    assert claim["reference"]["id"] == "F0159"


def test_the_discredited_9002_for_early_january_2025_is_never_a_reference(
    client: ApiClient,
) -> None:
    # F0670 (1-14 Jan 2025) was called a statistical error; the editor keeps it from its cell.
    claim = only(
        check(client, "So far this year, 9,002 migrants have crossed the Darién.", "2025-01-15")
    )
    assert claim["period"] == {"start": "2025-01-01", "end": "2025-01-15"}
    assert (claim["verdict"], claim["reference"]) == ("unverifiable", None)


def test_so_far_this_year_uses_the_nearby_cut(client: ApiClient) -> None:
    claim = only(
        check(client, "So far this year, 248,901 migrants have crossed the Darién.", "2023-07-31")
    )
    assert claim["period"] == {"start": "2023-01-01", "end": "2023-07-31"}
    assert claim["verdict"] == "consistent"
    assert "closest period" in claim["reference"]["method"]


def test_a_span_of_whole_months_is_checked_against_their_derived_sum(client: ApiClient) -> None:
    claim = only(
        check(
            client, "Between July and September 2023, 212,601 migrants crossed the Darién jungle."
        )
    )
    reference = claim["reference"]
    assert reference["derived"] is True
    assert reference["value"] == 55387 + 81946 + 75268
    assert reference["derived_from"] == ["F0156", "F0159", "F0161"]
    assert claim["verdict"] == "consistent"


def test_no_figure_in_the_record_is_unverifiable(client: ApiClient) -> None:
    claim = only(check(client, "In 2005, 1,200 migrants crossed the Darién jungle."))
    assert (claim["verdict"], claim["reference"]) == ("unverifiable", None)


@pytest.mark.parametrize(
    ("body", "status", "param"),
    [
        ({"text": ""}, 422, "text"),
        ({"text": "   "}, 422, "text"),
        ({"text": "x", "language": "fr"}, 422, "language"),
        ({"text": "x", "published": "2023-02-30"}, 422, "published"),
        ({"text": "x", "extra": 1}, 422, "extra"),
        ({}, 422, "text"),
    ],
)
def test_bad_bodies(client: ApiClient, body: dict[str, Any], status: int, param: str) -> None:
    response = client.post("/v1/claims/check", json=body)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["param"] == param


def test_text_over_the_limit_is_413(make_client: Any) -> None:
    client: ApiClient = make_client(max_text_bytes=1000)
    response = client.post("/v1/claims/check", json={"text": "a" * 1001})
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert "1,000" in response.json()["detail"]
    assert client.post("/v1/claims/check", json={"text": "a" * 1000}).status_code == 200


def test_cli_check_prints_a_table_and_json(
    database_url: str, darien: Callable[..., Result]
) -> None:
    table = darien(
        database_url, "check", "Más de medio millón de migrantes cruzaron el Darién en 2023."
    )
    as_json = darien(
        database_url, "check", "--json", "In 2022, nearly 250,000 people crossed the Darién."
    )
    assert table.exit_code == 0
    assert "consistent" in table.output
    assert "520,085 (F0087)" in table.output
    assert as_json.exit_code == 0
    assert '"verdict": "consistent"' in as_json.output


def test_published_dates_out_of_range_are_422(client: ApiClient) -> None:
    response = client.post(
        "/v1/claims/check",
        json={"text": "So far this year 100,000 crossed.", "published": "9999-12-31"},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "published"


def test_invalid_json_names_the_body(client: ApiClient) -> None:
    response = client.post(
        "/v1/claims/check", content=b'{"text": ', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "/v1/problems/malformed-json"


def test_a_body_that_is_not_json_is_415(client: ApiClient) -> None:
    response = client.post(
        "/v1/claims/check", content=b"text=hello", headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 415
    assert response.headers["content-type"] == "application/problem+json"
    assert "application/json" in response.json()["detail"]


def test_about_300000_agrees_with_the_2024_count_and_says_how_it_was_read(
    client: ApiClient,
) -> None:
    claim = only(check(client, "About 300,000 people crossed the Darién Gap in 2024."))
    assert (claim["qualifier"], claim["read_as"], claim["verdict"]) == (
        "approximate",
        "approximate",
        "consistent",
    )
    assert claim["reference"]["value"] == 302203
    assert "250,000 to 350,000" in claim["explanation"]
