"""CSV twins of the list endpoints: read back with the csv module and pandas, compared with the JSON."""

import csv
import io
import re
from typing import Any

import pandas as pd
import pytest
from fastapi import APIRouter
from pydantic import BaseModel

from app.api.renderers.csv import Columns, cell, render_csv
from app.api.renderers.lists import listed
from tests.conftest import ApiClient

LISTS = [
    ("/v1/crossings/yearly", "", "darien-crossings-yearly.csv"),
    ("/v1/crossings/monthly", "?year=2023", "darien-crossings-monthly-2023.csv"),
    ("/v1/figures", "?year=2023&dimension=nationality", "darien-figures-2023-nationality.csv"),
    ("/v1/sources", "?limit=500", "darien-sources.csv"),
    ("/v1/documents", "?limit=500", "darien-documents.csv"),
    ("/v1/crossings/by-nationality", "?year=2023", "darien-crossings-by-nationality-2023.csv"),
    ("/v1/crossings/demographics", "?year=2023", "darien-crossings-demographics-2023.csv"),
]
# Lists whose rows are about the record rather than one figure: no provenance columns of their own.
RECORD_LISTS = [
    ("/v1/nationalities", "code"),
    ("/v1/coverage", "year"),
    ("/v1/checks", "id"),
]


def rows_of(response_text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response_text)))


@pytest.mark.parametrize(("path", "query", "name"), LISTS)
def test_each_list_has_a_csv_twin_that_matches_its_json(
    client: ApiClient, path: str, query: str, name: str
) -> None:
    data = client.get(path + query).json()["data"]
    response = client.get(f"{path}.csv{query}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == f'attachment; filename="{name}"'
    assert response.content.endswith(b"\r\n")  # RFC 4180 line ends
    rows = rows_of(response.text)
    assert len(rows) == len(data) > 0
    header = next(csv.reader(io.StringIO(response.text)))
    assert all(name.isidentifier() and name == name.lower() for name in header)
    for row, item in zip(rows, data, strict=True):
        assert row["id"] == str(item["id"])
        source = item.get("source", item)  # a source row is its own source
        assert row["publisher"] == (source or {}).get("publisher", "")
        if "source" in item:
            assert row["source_id"] == (source or {}).get("id", "")
        if "value" in item:
            assert float(row["value"]) == item["value"]
            assert (row["qualifier"], row["citation"]) == (item["qualifier"], item["citation"])
            assert row["note"] == (item["note"] or "")
            assert row["source_url"] == (item["source"]["url"] or "")
            assert row["published"] == (item["source"]["published"] or "")
    frame = pd.read_csv(io.StringIO(response.text), keep_default_na=False)
    assert list(frame.columns) == header
    assert frame["id"].astype(str).tolist() == [str(item["id"]) for item in data]
    if "value" in frame:
        assert frame["value"].tolist() == [item["value"] for item in data]


@pytest.mark.parametrize(("path", "key"), RECORD_LISTS)
def test_record_lists_have_csv_twins_row_for_row(client: ApiClient, path: str, key: str) -> None:
    data = client.get(path).json()["data"]
    text = client.get(f"{path}.csv").text
    assert [row[key] for row in rows_of(text)] == [str(item[key]) for item in data]
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False, dtype=str)
    assert len(frame) == len(data) > 0


def test_every_way_of_asking_gives_the_same_csv(client: ApiClient) -> None:
    by_suffix = client.get("/v1/crossings/monthly.csv?year=2023")
    by_format = client.get("/v1/crossings/monthly?year=2023&format=csv")
    by_accept = client.get("/v1/crossings/monthly?year=2023", headers={"Accept": "text/csv"})
    assert by_suffix.content == by_format.content == by_accept.content
    assert by_suffix.content.startswith(b"id,metric,period,")
    lower = client.get("/v1/crossings/monthly?year=2023", headers={"Accept": "text/csv;q=0.5, */*"})
    assert lower.headers["content-type"] == "application/json"
    forced = client.get(
        "/v1/crossings/monthly?year=2023&format=json", headers={"Accept": "text/csv"}
    )
    assert forced.headers["content-type"] == "application/json"


def test_the_2023_months_sum_to_the_year_in_csv(client: ApiClient) -> None:
    frame = pd.read_csv(io.StringIO(client.get("/v1/crossings/monthly.csv?year=2023").text))
    assert frame["value"].sum() == 520085
    assert frame["period"].tolist() == [f"2023-{m:02d}" for m in range(1, 13)]


def test_bom_for_excel(client: ApiClient) -> None:
    plain = client.get("/v1/crossings/yearly.csv").content
    excel = client.get("/v1/crossings/yearly.csv?bom=1").content
    assert excel == "\ufeff".encode() + plain
    assert not plain.startswith(b"\xef\xbb\xbf")


def test_paginated_csv_carries_the_link_header(client: ApiClient) -> None:
    csv_page = client.get("/v1/sources.csv?limit=7")
    assert csv_page.headers["link"] == '</v1/sources.csv?limit=7&cursor=S007>; rel="next"'
    following = client.get("/v1/sources.csv?limit=7&cursor=S007")
    assert rows_of(following.text)[0]["id"] == "S008"
    assert 'filename="darien-sources-after-S007.csv"' in following.headers["content-disposition"]


def test_fields_trim_json_and_csv_rows(client: ApiClient) -> None:
    full = client.get("/v1/crossings/yearly")
    trimmed = client.get("/v1/crossings/yearly?fields=period,value,qualifier")
    body = trimmed.json()
    assert [set(row) for row in body["data"]] == [{"period", "value", "qualifier"}] * 16
    assert [row["value"] for row in body["data"]] == [r["value"] for r in full.json()["data"]]
    assert body["meta"] == full.json()["meta"]
    assert len(trimmed.content) < 2048 < len(full.content)
    table = client.get("/v1/crossings/yearly.csv?fields=value,period")
    assert table.text.splitlines()[0] == "value,period"
    assert "520085,2023" in table.text.splitlines()


def test_fields_take_json_keys_and_csv_columns_in_either_format(client: ApiClient) -> None:
    as_json = client.get("/v1/crossings/yearly?fields=period,publisher").json()["data"]
    full = client.get("/v1/crossings/yearly").json()["data"]
    assert as_json[0] == {"period": full[0]["period"], "publisher": full[0]["source"]["publisher"]}
    header = client.get("/v1/crossings/yearly.csv?fields=period,source").text.splitlines()[0]
    assert header.startswith("period,source_id,publisher,")
    spec = client.get("/openapi.json").json()
    fields = next(
        p for p in spec["paths"]["/v1/sources"]["get"]["parameters"] if p["name"] == "fields"
    )
    assert re.search(fields["schema"]["pattern"], "id,publisher")
    assert not re.search(fields["schema"]["pattern"], "id,period")


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("/v1/crossings/yearly?fields=period,valeu", "source"),  # JSON keys named
        ("/v1/crossings/yearly.csv?fields=period,sauce", "source_id"),  # CSV columns named
        ("/v1/crossings/yearly?fields=period, value", "qualifier"),  # exactly the pattern
        ("/v1/figures?fields=", "citation"),
        ("/v1/sources?format=xml", "csv"),
    ],
)
def test_unknown_fields_and_formats_are_422_naming_the_valid_ones(
    client: ApiClient, url: str, named: str
) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert named in response.json()["detail"]


def test_the_fast_path_stores_csv_apart_from_json(client: ApiClient) -> None:
    json_first = client.get("/v1/crossings/yearly")
    csv_first = client.get("/v1/crossings/yearly", headers={"Accept": "text/csv"})
    csv_again = client.get("/v1/crossings/yearly", headers={"Accept": "text/csv"})
    json_again = client.get("/v1/crossings/yearly")
    assert csv_again.content == csv_first.content != json_first.content
    assert json_again.content == json_first.content
    assert csv_again.headers["etag"] != json_again.headers["etag"]
    assert csv_again.headers["content-disposition"] == csv_first.headers["content-disposition"]


def test_openapi_documents_csv_for_every_list(client: ApiClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path, _, _ in LISTS:
        assert "text/csv" in paths[path]["get"]["responses"]["200"]["content"]
        twin = paths[f"{path}.csv"]["get"]
        assert list(twin["responses"]["200"]["content"]) == ["text/csv"]
        assert {"fields", "bom"} <= {p["name"] for p in twin["parameters"]}


def test_columns_are_unique_snake_case_names() -> None:
    with pytest.raises(ValueError, match="snake_case"):
        Columns("Period")
    with pytest.raises(ValueError, match="unique"):
        Columns("value", ("value", "source.id"))


class ShareRow(BaseModel):
    period: str
    share: float
    source: dict[str, str]


class ShareList(BaseModel):
    data: list[ShareRow]
    meta: dict[str, int]


def test_a_new_list_gets_csv_by_declaring_its_columns(make_client: Any) -> None:
    client: ApiClient = make_client()
    router = APIRouter(prefix="/v1/shares")

    columns = Columns("period", "share", ("source_id", "source.id"))
    gone = {404: {"description": "No shares"}}

    @listed(router, "", columns, summary="Shares", responses=gone)
    def list_shares() -> ShareList:
        rows = [ShareRow(period="2023", share=12.5, source={"id": "S001"})]
        return ShareList(data=rows, meta={"count": 1})

    api = client.client._transport.app.app  # type: ignore[attr-defined]
    api.include_router(router)
    api.openapi_schema = None
    assert client.get("/v1/shares.csv").text == "period,share,source_id\r\n2023,12.5,S001\r\n"
    assert client.get("/v1/shares?fields=share").json()["data"] == [{"share": 12.5}]
    assert client.get("/v1/shares").json()["meta"] == {"count": 1}
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/v1/shares", "/v1/shares.csv"):
        assert paths[path]["get"]["responses"]["404"]["description"] == "No shares"


def test_text_a_spreadsheet_would_run_is_defused_and_numbers_are_not() -> None:
    columns = Columns("note", "change")
    rows = [{"note": "=HYPERLINK(1)", "change": -42}, {"note": "@SUM(A1)", "change": 3}]
    lines = render_csv(rows, columns).decode().splitlines()
    assert lines[1:] == ["'=HYPERLINK(1),-42", "'@SUM(A1),3"]
    assert cell("plain text") == "plain text"
