"""The release feed: an Atom entry per dataset version, written by seed, ingest and removal."""

from typing import Any
from xml.etree import ElementTree

from sqlalchemy import text

from app.storage.engine import migrate
from tests.conftest import ApiClient
from tests.databases import engine_for
from tests.fixture_seed import FIXTURE_SEED, fixture_seed_database  # noqa: F401

ATOM = "{http://www.w3.org/2005/Atom}"
KEY = "release-key"
DOC = {
    "text": "Panama's migration service said 2,500 people crossed the Darién in 2031.",
    "publisher": "Example Wire",
    "title": "A count for 2031",
    "url": "https://example.org/2031",
    "published": "2032-01-05",
    "language": "en",
    "attributed_to": "SNM",
    "kind": "news",
}


def entries(client: ApiClient) -> list[tuple[str, str]]:
    response = client.get("/v1/releases.atom")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/atom+xml"
    feed = ElementTree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    return [
        (e.findtext(f"{ATOM}title", ""), e.findtext(f"{ATOM}content", ""))
        for e in feed.iter(f"{ATOM}entry")
    ]


def test_the_seed_is_the_first_release_and_names_its_documents(client: ApiClient) -> None:
    documents = len(list(FIXTURE_SEED.rglob("*.md")))
    [(title, content)] = entries(client)
    assert title == "Dataset version 1"
    assert f"Seed documents added {documents}:" in content
    assert "sources/T001.md" in content
    assert f"Now {documents} documents" in content


def test_an_ingest_and_its_removal_each_add_an_entry_newest_first(make_client: Any) -> None:
    writer: ApiClient = make_client(api_keys=KEY)
    auth = {"Authorization": f"Bearer {KEY}"}
    created = writer.post("/v1/documents", json=DOC, headers=auth)
    assert created.status_code == 201
    document_id = created.json()["document"]["id"]
    assert writer.request("DELETE", f"/v1/documents/{document_id}", headers=auth).status_code == 200
    (removed, removed_text), (ingested, ingested_text), (first, _) = entries(writer)
    assert (removed, ingested, first) == (
        "Dataset version 3",
        "Dataset version 2",
        "Dataset version 1",
    )
    assert f"Ingested document {document_id} (“A count for 2031”, Example Wire)" in ingested_text
    assert "documents (+1)" in ingested_text
    assert "figures (+1)" in ingested_text
    assert f"Removed ingested document {document_id}" in removed_text
    assert "documents (-1)" in removed_text


def test_a_database_seeded_before_the_feed_gets_one_release_for_its_version(
    empty_database_url: str,
) -> None:
    with engine_for(empty_database_url) as engine:
        migrate(engine, "c2b92dba7f03")  # the schema before the release table
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO dataset_version (id, version, updated_at) "
                    "VALUES (1, 7, '2026-01-02 03:04:05')"
                )
            )
        migrate(engine)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version, documents, figures FROM release")).all()
    assert [tuple(row) for row in rows] == [(7, 0, 0)]


def test_a_title_with_characters_xml_cannot_carry_still_gives_a_valid_feed(
    make_client: Any,
) -> None:
    # Found by the schema fuzzer: an upload's title with a vertical tab made the feed a 500.
    writer: ApiClient = make_client(api_keys=KEY)
    auth = {"Authorization": f"Bearer {KEY}"}
    title = "Tab\x0bbed \x1f title"
    created = writer.post("/v1/documents", json={**DOC, "title": title}, headers=auth)
    assert created.status_code == 201
    newest_title, newest_text = entries(writer)[0]
    assert newest_title == "Dataset version 2"
    assert "Tab\ufffdbed \ufffd title" in newest_text
