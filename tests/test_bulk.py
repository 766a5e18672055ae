"""The bulk download: the data package validates, each table matches its list, the zip holds all."""

import csv
import io
import zipfile
from pathlib import Path

import orjson
import pytest
from frictionless import Package

from app.api.bulk.tables import TABLES
from tests.conftest import ApiClient
from tests.fixture_seed import fixture_seed_database  # noqa: F401  (this module's database)

TABLE_LISTS = {
    "yearly": "/v1/crossings/yearly.csv",
    "monthly": "/v1/crossings/monthly.csv",
    "figures": "/v1/figures.csv?limit=500",
    "sources": "/v1/sources.csv?limit=500",
    "documents": "/v1/documents.csv?limit=500",
    "nationalities": "/v1/nationalities.csv",
    "coverage": "/v1/coverage.csv",
    "checks": "/v1/checks.csv",
}
BREAKDOWN_LISTS = {
    "by_nationality": "/v1/crossings/by-nationality.csv",
    "demographics": "/v1/crossings/demographics.csv",
}


def all_pages(client: ApiClient, url: str) -> list[dict[str, str]]:
    """Every row of a CSV list, following its Link header page by page."""
    rows: list[dict[str, str]] = []
    next_url: str | None = url
    while next_url:
        response = client.get(next_url)
        rows += csv.DictReader(io.StringIO(response.text))
        link = response.headers.get("link")
        next_url = link.split(">")[0].lstrip("<") if link else None
    return rows


def test_the_datapackage_lists_every_table_and_validates_with_frictionless(
    client: ApiClient, tmp_path: Path
) -> None:
    package = client.get("/v1/datapackage.json")
    assert package.status_code == 200
    descriptor = package.json()
    assert {r["name"] for r in descriptor["resources"]} == {*TABLE_LISTS, *BREAKDOWN_LISTS}
    assert descriptor["licenses"]
    assert descriptor["sources"]
    (tmp_path / "datapackage.json").write_bytes(package.content)
    (tmp_path / "data").mkdir()
    for resource in descriptor["resources"]:
        answer = client.get(f"/v1/{resource['path']}")
        (tmp_path / resource["path"]).write_bytes(answer.content)
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


@pytest.mark.parametrize(("table", "list_url"), TABLE_LISTS.items())
def test_each_table_holds_every_row_of_its_list(
    client: ApiClient, table: str, list_url: str
) -> None:
    response = client.get(f"/v1/data/{table}.csv")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert f'filename="darien-{table}.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows == all_pages(client, list_url)
    assert len(rows) > 0


@pytest.mark.parametrize(("table", "list_url"), BREAKDOWN_LISTS.items())
def test_a_breakdown_table_is_each_years_list_one_after_another(
    client: ApiClient, table: str, list_url: str
) -> None:
    years = [row["period"] for row in client.get("/v1/crossings/yearly").json()["data"]]
    rows = list(csv.DictReader(io.StringIO(client.get(f"/v1/data/{table}.csv").text)))
    assert rows == [row for year in years for row in all_pages(client, f"{list_url}?year={year}")]
    assert len(rows) > 0


def test_an_unknown_table_is_a_404_naming_the_tables(client: ApiClient) -> None:
    response = client.get("/v1/data/people.csv")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "yearly, monthly, figures, sources, documents" in response.json()["detail"]


def test_the_zip_holds_the_tables_the_datapackage_and_a_readme(client: ApiClient) -> None:
    response = client.get("/v1/download.zip")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert {"README.md", "datapackage.json"} <= set(names)
    assert archive.read("datapackage.json") == client.get("/v1/datapackage.json").content
    for table in TABLE_LISTS:
        assert archive.read(f"data/{table}.csv") == client.get(f"/v1/data/{table}.csv").content
    assert "citation" in archive.read("README.md").decode()
    descriptor = orjson.loads(archive.read("datapackage.json"))
    assert descriptor["dataset_version"] == client.get("/healthz").json()["dataset_version"]


def test_the_zip_is_cached_per_version_with_an_etag(client: ApiClient) -> None:
    first = client.get("/v1/download.zip")
    etag = first.headers["etag"]
    again = client.get("/v1/download.zip", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert client.get("/v1/download.zip").content == first.content


def test_every_list_served_as_csv_is_a_bulk_table(client: ApiClient) -> None:
    """A new CSV list must join the bulk download (a Table in app/api/bulk/tables.py)."""
    twins = {p for p in client.get("/openapi.json").json()["paths"] if p.endswith(".csv")}
    twins.discard("/v1/data/{table}.csv")
    missing = twins - {table.endpoint for table in TABLES.values()}
    assert not missing, f"add a Table to app/api/bulk/tables.py for each of {sorted(missing)}"
    assert {table.endpoint for table in TABLES.values()} <= twins
