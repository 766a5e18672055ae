"""The typed client (darien_client) against the app in-process, on the fixture seed."""

from datetime import date
from typing import Any

import httpx
import pytest

from darien_client import CanonicalDetail, DarienClient, DarienError, Series
from tests.conftest import ApiClient
from tests.fixture_seed import fixture_seed_database  # noqa: F401  (this module's database)
from tests.sync_asgi import PortalTransport

KEY = "client-key"


@pytest.fixture
def http(make_client: Any) -> httpx.Client:
    """A plain httpx.Client on the app in-process (lifespan included), as a user would inject."""
    app: ApiClient = make_client(api_keys=KEY)
    transport = PortalTransport(app.portal, app.client._transport)  # type: ignore[arg-type]
    return httpx.Client(transport=transport, base_url="http://testserver")


@pytest.fixture
def darien(http: httpx.Client) -> DarienClient:
    return DarienClient(http)


def test_a_year_comes_back_typed_with_its_other_reports(darien: DarienClient) -> None:
    year = darien.year(2030)
    assert isinstance(year, CanonicalDetail)
    assert (year.id, year.value, year.selection.method) == ("T0001", 1000, "editorial")
    assert year.period_start == date(2030, 1, 1)
    assert {other.id for other in year.also_reported} >= {"T0004", "T0005"}


def test_series_list_their_figures_and_their_gaps(darien: DarienClient) -> None:
    months = darien.monthly(year=2030)
    assert isinstance(months, Series)
    assert [m.period for m in months.data] == ["2030-01", "2030-03"]
    assert "2030-02" in months.meta.missing
    assert [y.period for y in darien.yearly(2030, 2030).data] == ["2030"]
    assert darien.month(2030, 3).value == 80


def test_figures_follow_the_link_header_across_pages(
    darien: DarienClient, http: httpx.Client
) -> None:
    every = [row["id"] for row in http.get("/v1/figures?limit=500").json()["data"]]
    assert len(every) > 2
    assert [f.id for f in darien.figures(page_size=2)] == every
    assert [s.id for s in darien.sources(page_size=1)] == ["T001", "T002", "T050", "T051"]
    assert {f.source.id for f in darien.figures(page_size=2, source="T002")} == {"T002"}


def test_one_figure(darien: DarienClient) -> None:
    figure = darien.figure("T0003")
    assert (figure.period, figure.value, figure.source.id) == ("2030-03", 80, "T001")


def test_errors_raise_one_type_carrying_the_problem_fields(darien: DarienClient) -> None:
    with pytest.raises(DarienError) as missing:
        darien.year(1850)
    assert missing.value.status == 404
    assert missing.value.type == "/v1/problems/not-found"
    assert "2030" in (missing.value.detail or "")
    with pytest.raises(DarienError) as invalid:
        list(darien.figures(unit="furlongs"))
    assert invalid.value.status == 422
    assert [e["param"] for e in invalid.value.errors] == ["unit"]


def test_a_claim_is_checked(darien: DarienClient) -> None:
    [claim] = darien.check_claim("1,000 people crossed the Darién in 2030.", date(2031, 1, 5))
    assert (claim.value, claim.verdict) == (1000, "consistent")
    assert claim.reference is not None
    assert claim.reference.id == "T0001"


def test_ingest_and_remove_need_the_key(http: httpx.Client) -> None:
    text = "Panama's migration service said 2,500 people crossed the Darién in 2031."
    metadata = {"published": date(2032, 1, 5), "language": "en", "attributed_to": "SNM"}
    with pytest.raises(DarienError) as refused:
        DarienClient(http).ingest(text, publisher="Wire", title="2031", **metadata)
    assert refused.value.status == 401
    writer = DarienClient(http, api_key=KEY)
    stored = writer.ingest(text, publisher="Wire", title="2031", **metadata)
    assert stored.created
    assert [(f.period, f.value) for f in stored.figures] == [("2031", 2500)]
    assert writer.year(2031).value == 2500
    assert writer.remove(stored.document.id).removed


def route_exists(http: httpx.Client, path: str) -> bool:
    return path in http.get("/openapi.json").json()["paths"]


def test_breakdowns_and_summary_when_the_app_serves_them(
    darien: DarienClient, http: httpx.Client
) -> None:
    if not route_exists(http, "/v1/summary") or not route_exists(
        http, "/v1/crossings/by-nationality"
    ):
        pytest.skip("this app has no breakdown or summary endpoints yet")
    nationalities = darien.by_nationality(2030)
    assert all(row.dimension == "nationality" for row in nationalities.data)
    assert all(row.dimension != "nationality" for row in darien.demographics(2030).data)
    summary = darien.summary()
    assert summary.latest_year is not None
