"""Charts on the fixture seed: one Vega-Lite spec per chart, and that spec drawn as SVG and PNG."""

from xml.etree import ElementTree

import pytest

from app.api.renderers import chart_images
from tests import fixture_seed
from tests.conftest import ApiClient

# This module reads the fixture seed.
database_url = fixture_seed.fixture_seed_database
client = fixture_seed.fixture_seed_client

SVG = "{http://www.w3.org/2000/svg}"


def marks(svg: bytes, kind: str) -> list[ElementTree.Element]:
    """The items of every mark group of one kind (rect, text, rule) drawn from the data layers."""
    root = ElementTree.fromstring(svg)
    return [
        item
        for group in root.iter(f"{SVG}g")
        if f"mark-{kind} role-mark" in group.get("class", "")
        for item in group
    ]


def text_of(element: ElementTree.Element) -> str:
    return "".join(element.itertext())


def titles(svg: bytes) -> list[str]:
    root = ElementTree.fromstring(svg)
    return [
        text_of(group)
        for group in root.iter(f"{SVG}g")
        if "role-title-text" in group.get("class", "")
    ]


def test_monthly_svg_has_a_bar_per_figure_and_no_bar_for_a_missing_month(
    client: ApiClient,
) -> None:
    response = client.get("/v1/charts/monthly.svg?year=2030")
    assert response.headers["content-type"] == "image/svg+xml"
    svg = response.content
    assert titles(svg) == ["People crossing the Darién Gap, by month"]
    bars = [bar.get("aria-label", "") for bar in marks(svg, "rect")]
    assert [label.split(";")[0] for label in bars] == ["Month: 2030-01", "Month: 2030-03"]
    assert "People: 90" in bars[0]
    gaps = {item.get("aria-label"): text_of(item) for item in marks(svg, "text")}
    assert gaps["Month: 2030-02"] == "no figure"  # excluded by the editor: labelled, not zero
    assert len([text for text in gaps.values() if text == "no figure"]) == 10


def test_monthly_chart_marks_the_event_of_its_year_only(client: ApiClient) -> None:
    rules = marks(client.get("/v1/charts/monthly.svg?year=2030").content, "rule")
    assert [rule.get("aria-label", "").split(";")[0] for rule in rules] == ["period: 2030-07"]
    elsewhere = client.get("/v1/charts/monthly.svg?from=2030-01&to=2030-03").content
    assert marks(elsewhere, "rule") == []


def test_spec_is_the_source_with_data_inlined_and_source_line(client: ApiClient) -> None:
    spec = client.get("/v1/charts/yearly.vl.json").json()
    assert spec["$schema"].endswith("vega-lite/v5.json")
    assert spec["title"]["text"] == "People crossing the Darién Gap, by year"
    assert "Panama's National Migration Service (SNM)" in spec["title"]["subtitle"][0]
    assert [(row["period"], row["value"]) for row in spec["data"]["values"]] == [("2030", 1000)]
    bars = spec["layer"][0]["encoding"]
    assert (bars["y"]["title"], bars["y"]["axis"]["format"]) == ("People", ",.0f")
    assert bars["x"]["title"] == "Year"
    assert spec["config"]["locale"]["number"]["thousands"] == ","


def test_missing_month_is_a_null_row_in_the_spec(client: ApiClient) -> None:
    spec = client.get("/v1/charts/monthly.vl.json?from=2030-01&to=2030-03").json()
    assert [(row["period"], row["value"]) for row in spec["data"]["values"]] == [
        ("2030-01", 90),
        ("2030-02", None),
        ("2030-03", 80),
    ]


def test_nationality_chart_counts_people_largest_first(client: ApiClient) -> None:
    svg = client.get("/v1/charts/by-nationality.svg?year=2030").content
    assert titles(svg) == ["People crossing the Darién Gap in 2030, by nationality"]
    bars = [bar.get("aria-label", "") for bar in marks(svg, "rect")]
    assert [label.split("; ")[:2] for label in bars] == [
        ["People: 600", "Nationality: Venezuela"],
        ["People: 100", "Nationality: Other nationalities"],
    ]  # the 61 % share of Venezuelans is not a count, and Haiti's mid-December cut not the year
    spec = client.get("/v1/charts/by-nationality.vl.json?year=2030").json()
    assert [row["figure_id"] for row in spec["data"]["values"]] == ["T0501", "T0505"]


def test_nationality_bars_are_the_breakdown_tables_full_year_counts(client: ApiClient) -> None:
    table = client.get("/v1/crossings/by-nationality?year=2030").json()["data"]
    counts = [r for r in table if r["unit"] == "people" and not r["partial_period"]]
    assert len(counts) < len(table)  # the table also has a share and a part-year cut
    spec = client.get("/v1/charts/by-nationality.vl.json?year=2030").json()
    bars = spec["data"]["values"]
    assert sorted(bar["figure_id"] for bar in bars) == sorted(row["id"] for row in counts)


def test_nationality_chart_of_a_year_without_breakdown_is_404_naming_years(
    client: ApiClient,
) -> None:
    response = client.get("/v1/charts/by-nationality.svg?year=2029")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "Years with one: 2030." in response.json()["detail"]


def test_spanish_chart_writes_spanish_titles_and_separators(client: ApiClient) -> None:
    spec = client.get("/v1/charts/yearly.vl.json?lang=es").json()
    assert spec["title"]["text"] == "Personas que cruzaron el Darién, por año"
    assert spec["config"]["locale"]["number"]["thousands"] == "."
    svg = client.get("/v1/charts/yearly.svg?lang=es").content
    ticks = {text_of(t) for t in ElementTree.fromstring(svg).iter(f"{SVG}text")}
    assert "1.000" in ticks


def test_png_is_an_image_with_an_etag(client: ApiClient) -> None:
    response = client.get("/v1/charts/monthly.png?year=2030")
    assert response.headers["content-type"] == "image/png"
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")
    again = client.get(
        "/v1/charts/monthly.png?year=2030", headers={"If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304


@pytest.mark.parametrize(
    ("url", "param"),
    [
        ("/v1/charts/by-nationality.svg", "year"),
        ("/v1/charts/yearly.svg?lang=fr", "lang"),
    ],
)
def test_bad_chart_parameters_are_422_naming_them(client: ApiClient, url: str, param: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == param


def test_a_range_too_wide_to_draw_shows_its_latest_periods(client: ApiClient) -> None:
    spec = client.get("/v1/charts/monthly.vl.json?from=1900-01").json()
    periods = [row["period"] for row in spec["data"]["values"]]
    assert len(periods) == 120  # 1,572 months asked: the chart keeps the last 120
    assert (
        periods[-1]
        == client.get("/v1/charts/monthly.vl.json").json()["data"]["values"][-1]["period"]
    )


def test_a_spec_is_drawn_once_then_served_from_the_cache(client: ApiClient) -> None:
    spec = client.get("/v1/charts/yearly.vl.json?from=2030&to=2030").json()
    spec["title"]["text"] = "A chart drawn for this test alone"
    before = chart_images._render.cache_info()
    first = chart_images.render(spec, "svg")
    assert chart_images._render.cache_info().misses == before.misses + 1
    assert chart_images.render(spec, "svg") == first
    assert chart_images._render.cache_info().hits == before.hits + 1
