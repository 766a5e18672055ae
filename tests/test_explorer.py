"""The HTML explorer at / on the fixture seed: what a journalist sees, in English and Spanish."""

from html.parser import HTMLParser

from tests import fixture_seed
from tests.conftest import ApiClient

# This module reads the fixture seed.
database_url = fixture_seed.fixture_seed_database
client = fixture_seed.fixture_seed_client

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


class Page(HTMLParser):
    """What a page is made of: the text of each table row, and what it loads or links to."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.rows: list[str] = []
        self.loads: list[str] = []  # src of images, href of stylesheets
        self.links: list[str] = []
        self.forms: list[tuple[str, str]] = []
        self._row: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {name: value or "" for name, value in attrs}
        if tag == "tr":
            self._row = []
        elif tag in ("img", "script") and "src" in named:
            self.loads.append(named["src"])
        elif tag == "link":
            self.loads.append(named.get("href", ""))
        elif tag == "a":
            self.links.append(named.get("href", ""))
        elif tag == "form":
            self.forms.append((named.get("method", "get"), named.get("action", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self._row is not None:
            self.rows.append(" ".join("".join(self._row).split()))
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._row is not None:
            self._row.append(data)


def page(client: ApiClient, url: str = "/", **headers: str) -> tuple[str, Page]:
    response = client.get(url, headers={**BROWSER, **headers})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    return response.text, Page(response.text)


def test_browser_gets_figures_with_citations_charts_and_tables(client: ApiClient) -> None:
    text, parsed = page(client, "/?year=2030")
    assert "1,000" in text
    assert "Panama&#39;s National Migration Service (SNM), as reported by Test Wire" in text
    assert "/v1/charts/yearly.svg?lang=en" in parsed.loads
    assert "/v1/charts/monthly.svg?year=2030&lang=en" in parsed.loads
    assert "2030 1,000 SNM, Test Wire (T0001)" in parsed.rows
    assert "2030-02 no figure" in parsed.rows  # excluded by the editor: marked, not zero
    assert {"/v1/crossings/monthly.csv?year=2030", "/v1/crossings/monthly?year=2030"} <= set(
        parsed.links
    )
    assert "Venezuela 600 SNM, Test Migration Office (T0501)" in parsed.rows
    assert "/v1/charts/by-nationality.svg?year=2030&lang=en" in parsed.loads
    assert ("post", "/check") in parsed.forms


def test_page_loads_nothing_from_another_host(client: ApiClient) -> None:
    response = client.get("/", headers=BROWSER)
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "form-action 'self'" in policy
    assert all(
        url.startswith("/") and not url.startswith("//") for url in Page(response.text).loads
    )
    css = client.get("/assets/explorer.css")
    assert css.headers["content-type"].startswith("text/css")
    assert "http" not in css.text


def test_json_client_still_gets_the_index_whatever_came_first(client: ApiClient) -> None:
    index = client.get("/v1").json()
    assert client.get("/").json() == index
    assert client.get("/", headers=BROWSER).text.startswith("<!doctype html>")
    assert client.get("/", headers={"Accept": "application/json"}).json() == index


def test_spanish_by_accept_language_or_lang(client: ApiClient) -> None:
    text, _ = page(client, "/?year=2030", **{"Accept-Language": "es-PA,es;q=0.9,en;q=0.5"})
    assert '<html lang="es">' in text
    assert "Cruces del Darién" in text
    assert "1.000" in text
    assert "sin cifra" in text
    assert ", según " in text  # the headline figures' citations are Spanish too
    assert ", as reported by " not in text
    english, _ = page(client, "/?lang=en", **{"Accept-Language": "es"})
    assert '<html lang="en">' in english
    assert ", as reported by " in english


def test_year_without_nationalities_says_so(client: ApiClient) -> None:
    text, parsed = page(client, "/?year=2029")
    assert "No count by nationality for this year." in text
    assert "2029-01 no figure" in parsed.rows


def test_claim_check_form_answers_with_a_page(client: ApiClient) -> None:
    form = {"text": "In 2030, 1,000 people crossed the Darién.", "published": "", "lang": "en"}
    response = client.post("/check", data=form)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "form-action 'self'" in response.headers["content-security-policy"]
    assert "consistent" in response.text
    assert 'href="/v1/figures/T0001"' in response.text
    assert "In 2030, 1,000 people crossed the Darién.</textarea>" in response.text


def test_claim_check_form_in_spanish_and_without_text(client: ApiClient) -> None:
    spanish = client.post("/check", data={"text": "En 2031 cruzaron 5.000 personas.", "lang": "es"})
    assert "no verificable" in spanish.text
    empty = client.post("/check", data={"text": "  ", "lang": "en"})
    assert empty.status_code == 422
    assert "Paste a text to check first." in empty.text
