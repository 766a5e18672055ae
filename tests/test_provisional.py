"""Ingested figures are provisional until reviewed: shown, compared, never over a reviewed figure.

On the fixture seed: January 2030 has a reviewed SNM count of 90 (T0002) and no editorial choice,
so the rule decides it; April 2030 has no figure at all.
"""

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from click.testing import Result
from sqlalchemy import text

from app.storage.engine import downgrade, migrate
from tests.conftest import ApiClient
from tests.databases import engine_for
from tests.fixture_seed import fixture_seed_database  # noqa: F401  (this module's database)

KEY = "test-key"
UPLOAD = {
    "text": "In January 2030, 95 people crossed the Darién Gap, Panama said. "
    "In April 2030, 70 people crossed the Darién Gap.",
    "publisher": "Example Wire",
    "title": "Early 2030",
    "published": "2031-02-01",  # later than the seed's count: the rule alone would prefer it
    "language": "en",
    "attributed_to": "SNM",
}


@pytest.fixture
def ingested(make_client: Any) -> tuple[ApiClient, dict[str, Any]]:
    """A client, and the figures of one upload by id (D00003-001 for January, -002 for April)."""
    client: ApiClient = make_client(api_keys=KEY)
    response = client.post("/v1/documents", json=UPLOAD, headers={"Authorization": f"Bearer {KEY}"})
    assert response.status_code == 201, response.text
    figures = {f["period"]: f for f in response.json()["figures"]}
    assert set(figures) == {"2030-01", "2030-04"}
    return client, figures


def test_an_upload_is_provisional_and_the_seed_reviewed(
    ingested: tuple[ApiClient, dict[str, Any]],
) -> None:
    client, figures = ingested
    assert {f["status"] for f in figures.values()} == {"provisional"}
    seed_figure = client.get("/v1/figures/T0002").json()
    assert seed_figure["status"] == "reviewed"
    january_id = figures["2030-01"]["id"]
    assert client.get(f"/v1/figures/{january_id}").json()["status"] == "provisional"


def test_a_provisional_figure_never_displaces_a_reviewed_one(
    ingested: tuple[ApiClient, dict[str, Any]],
) -> None:
    client, figures = ingested
    january = client.get("/v1/crossings/monthly/2030/1").json()
    assert (january["id"], january["status"], january["selection"]["method"]) == (
        "T0002",
        "reviewed",
        "rule",
    )
    also = {o["id"]: o for o in january["also_reported"]}
    upload = also[figures["2030-01"]["id"]]
    assert (upload["status"], upload["agrees"], upload["difference"]) == ("provisional", False, 5)


def test_a_cell_without_a_reviewed_figure_shows_the_provisional_one(
    ingested: tuple[ApiClient, dict[str, Any]],
) -> None:
    client, figures = ingested
    april = client.get("/v1/crossings/monthly/2030/4").json()
    assert (april["id"], april["value"], april["status"]) == (
        figures["2030-04"]["id"],
        70,
        "provisional",
    )


def test_csv_and_text_say_which_figures_are_provisional(
    ingested: tuple[ApiClient, dict[str, Any]],
) -> None:
    client, figures = ingested
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(client.get("/v1/figures.csv").text))}
    assert rows[figures["2030-04"]["id"]]["status"] == "provisional"
    assert rows["T0002"]["status"] == "reviewed"
    april = client.get("/v1/crossings/monthly/2030/4.txt").text
    assert "Provisional: ingested, not yet reviewed" in april
    assert "Provisional" not in client.get("/v1/crossings/monthly/2030/1.txt").text


def test_review_lets_the_rule_choose_the_upload_and_bumps_the_version(
    ingested: tuple[ApiClient, dict[str, Any]],
    darien: Callable[..., Result],
    database_url: str,
) -> None:
    client, figures = ingested
    january_id = figures["2030-01"]["id"]
    before = client.get("/healthz").json()["dataset_version"]
    result = darien(database_url, "review", january_id)
    assert result.exit_code == 0, result.output
    assert f"reviewed: {january_id}" in result.output
    assert client.get("/readyz").status_code == 200  # the worker catches up with the database
    assert client.get("/healthz").json()["dataset_version"] == before + 1
    body = client.get("/v1/crossings/monthly/2030/1").json()
    assert (body["id"], body["status"]) == (january_id, "reviewed")
    again = darien(database_url, "review", january_id)
    assert (again.exit_code, "already reviewed" in again.output) == (0, True)


def test_review_of_an_unknown_figure_changes_nothing(
    ingested: tuple[ApiClient, dict[str, Any]],
    darien: Callable[..., Result],
    database_url: str,
) -> None:
    _, figures = ingested
    result = darien(database_url, "review", figures["2030-01"]["id"], "D99999-001")
    assert result.exit_code == 1
    assert "D99999-001" in result.output
    with engine_for(database_url) as engine, engine.connect() as conn:
        statuses = conn.execute(text("SELECT DISTINCT status FROM figure WHERE id LIKE 'D%'"))
        assert statuses.scalars().all() == ["provisional"]


def test_rows_stored_before_the_status_column_are_reviewed(database_url: str) -> None:
    with engine_for(database_url) as engine:
        downgrade(engine, "c2b92dba7f03")
        migrate(engine)
        with engine.connect() as conn:
            statuses = conn.execute(text("SELECT DISTINCT status FROM figure")).scalars().all()
    assert statuses == ["reviewed"]
