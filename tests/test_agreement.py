"""The agreement rule a fact-checker can trust, on the fixture seed (2030: 1,000 crossed).

An approximate figure covers what rounds to it, half a step either way and at least 1%; "nearly X"
covers the half step just below X; a claim keeps its qualifier as written and says how it was read.
"""

from typing import Any

from tests.conftest import ApiClient
from tests.fixture_seed import fixture_seed_database  # noqa: F401  (this module's database)


def judged(client: ApiClient, text: str) -> list[tuple[Any, ...]]:
    response = client.post("/v1/claims/check", json={"text": text, "published": None})
    assert response.status_code == 200, response.text
    return [
        (c["value"], c["qualifier"], c["read_as"], c["verdict"]) for c in response.json()["claims"]
    ]


def test_an_unhedged_round_count_is_written_exact_and_read_approximate(client: ApiClient) -> None:
    claims = judged(client, "In 2030, 1,000 people crossed the Darién Gap.")
    assert claims == [(1000, "exact", "approximate", "consistent")]


def test_a_count_that_is_not_round_is_read_as_written(client: ApiClient) -> None:
    claims = judged(client, "In 2030, 1,013 people crossed the Darién Gap.")
    assert claims == [(1013, "exact", "exact", "inconsistent")]


def test_about_covers_half_a_rounding_step_not_a_whole_one(client: ApiClient) -> None:
    # "about 2,000" once covered 1,000 to 3,000; what rounds to 2,000 is 1,500 to 2,500.
    assert judged(client, "About 2,000 people crossed the Darién Gap in 2030.") == [
        (2000, "approximate", "approximate", "inconsistent")
    ]
    assert judged(client, "About 1,000 people crossed the Darién Gap in 2030.") == [
        (1000, "approximate", "approximate", "consistent")
    ]


def test_nearly_covers_only_the_half_step_below(client: ApiClient) -> None:
    assert judged(client, "Nearly 1,000 people crossed the Darién Gap in 2030.") == [
        (1000, "approximate", "nearly", "consistent")
    ]
    assert judged(client, "Casi 900 personas cruzaron el Darién en 2030.") == [
        (900, "approximate", "nearly", "inconsistent")
    ]


def test_the_explanation_says_how_the_claim_was_read(client: ApiClient) -> None:
    response = client.post(
        "/v1/claims/check", json={"text": "In 2030, 1,000 people crossed the Darién Gap."}
    )
    explanation = response.json()["claims"][0]["explanation"]
    assert explanation.startswith("Written exact and read as approximate, the claim allows 500 to")
