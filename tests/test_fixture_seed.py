"""Behaviour of the crossings endpoints on a small seed written for the tests (tests/fixtures/seed)."""

from tests import fixture_seed
from tests.conftest import ApiClient

# This module's clients read a database seeded from the fixture seed, not the real one.
database_url = fixture_seed.database_url


def test_year_is_the_editorial_choice_with_the_others_judged(client: ApiClient) -> None:
    body = client.get("/v1/crossings/yearly/2030").json()
    assert (body["id"], body["value"], body["selection"]["method"]) == ("T0001", 1000, "editorial")
    assert body["selection"]["reason"] == "The final count of the test year."
    others = {o["id"]: o for o in body["also_reported"]}
    assert (others["T0005"]["agrees"], others["T0005"]["period_match"]) == (True, "same")
    cut = others["T0004"]
    assert (cut["agrees"], cut["period_match"], cut["difference"]) == (False, "near_complete", -50)
    assert body["citation"].startswith("Panama's National Migration Service (SNM), as reported by")


def test_excluded_month_is_listed_as_missing(client: ApiClient) -> None:
    body = client.get("/v1/crossings/monthly?year=2030").json()
    assert [f["period"] for f in body["data"]] == ["2030-01", "2030-03"]
    assert "2030-02" in body["meta"]["missing"]
    assert client.get("/v1/crossings/monthly/2030/2").status_code == 404


def test_sources_count_their_figures(client: ApiClient) -> None:
    body = client.get("/v1/sources").json()
    counts = [(s["id"], s["figure_count"]) for s in body["data"]]
    assert counts == [("T001", 3), ("T002", 3), ("T003", 4)]


def test_claims_are_judged_against_the_fixture_record(client: ApiClient) -> None:
    text = "In 2030, 1,000 people crossed the Darién. In 2031, 5,000 people crossed."
    claims = client.post("/v1/claims/check", json={"text": text}).json()["claims"]
    assert [(c["value"], c["verdict"]) for c in claims] == [
        (1000, "consistent"),
        (5000, "unverifiable"),
    ]
    assert claims[0]["reference"]["id"] == "T0001"
