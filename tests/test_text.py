"""`.txt` twins: one figure as a sentence and its citation, in English or Spanish."""

import pytest

from tests.conftest import ApiClient


def test_a_year_reads_as_a_sentence_with_its_citation(client: ApiClient) -> None:
    figure = client.get("/v1/crossings/yearly/2023").json()
    response = client.get("/v1/crossings/yearly/2023.txt")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    said, cited = response.text.splitlines()
    assert said.startswith("520,085 people crossed the Darién Gap in 2023 (SNM, reported by ")
    assert figure["source"]["publisher"] in said
    assert cited == f"Source: {figure['citation']}"


def test_spanish_on_request(client: ApiClient) -> None:
    figure = client.get("/v1/crossings/monthly/2023/8").json()
    said, cited = client.get("/v1/crossings/monthly/2023/8.txt?lang=es").text.splitlines()
    assert said.startswith("81.946 personas cruzaron el Darién en agosto de 2023 (")
    assert said.endswith(f"según {figure['source']['publisher']}).")
    assert cited.startswith("Fuente: ")
    source = figure["source"]
    assert " as reported by " not in cited  # nothing left in English
    assert " wire)" not in cited
    assert f'"{source["title"]}"' in cited
    assert cited.endswith(f"cifra {figure['id']}.")


def test_a_spanish_citation_names_the_body_and_dates_the_page_in_spanish(
    client: ApiClient,
) -> None:
    figure = client.get("/v1/crossings/yearly/2023").json()  # credited to SNM, a dated page
    cited = client.get("/v1/crossings/yearly/2023.txt?lang=es").text.splitlines()[1]
    assert cited.startswith(
        "Fuente: El Servicio Nacional de Migración de Panamá (SNM), según "
        f"{figure['source']['publisher']}"
    )
    year, month, day = (int(part) for part in figure["source"]["published"].split("-"))
    months = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre")  # fmt: skip
    assert f", {day} de {months[month - 1]} de {year}" in cited


def test_any_figure_with_its_qualifier_and_group(client: ApiClient) -> None:
    figures = client.get("/v1/figures?dimension=nationality&qualifier=more_than&limit=1").json()
    first = figures["data"][0]
    text = client.get(f"/v1/figures/{first['id']}.txt").text
    assert text.startswith("More than ")
    assert " people from " in text.splitlines()[0]
    share = client.get("/v1/figures?unit=percent&limit=1").json()["data"][0]
    assert "% of those who crossed" in client.get(f"/v1/figures/{share['id']}.txt").text


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/v1/crossings/yearly/1850.txt", 404),
        ("/v1/figures/F9999.txt", 404),
        ("/v1/crossings/yearly/2023.txt?lang=fr", 422),
        ("/v1/crossings/monthly/2023/13.txt", 422),
    ],
)
def test_errors_are_problems_as_for_json(client: ApiClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"


def test_the_json_routes_still_answer_beside_their_twins(client: ApiClient) -> None:
    assert client.get("/v1/figures/F0066").json()["value"] == 520085
    assert client.get("/v1/figures/F0066.txt").text.startswith("520,085 people")
