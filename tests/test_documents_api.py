"""Ingesting documents: authentication, idempotence, atomicity, and figures joining the record."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from sqlalchemy import text

from tests.conftest import ApiClient
from tests.databases import engine_for

KEY = "test-key-1"
AUTH = {"Authorization": f"Bearer {KEY}"}
DOC = {
    "text": "Panama's migration service said 302,203 people crossed the Darién in 2024. "
    "In May 2021, 3,456 migrants crossed the jungle, officials added.",
    "publisher": "Example Wire",
    "title": "Darién crossings, a look back",
    "url": "https://example.org/darien",
    "published": "2025-02-10",
    "language": "en",
    "attributed_to": "SNM",
    "kind": "news",
}


@pytest.fixture
def writer(make_client: Any) -> ApiClient:
    return make_client(api_keys=f"{KEY},other-key")  # type: ignore[no-any-return]


def markdown_upload(path: Path) -> Path:
    """A Markdown upload with one figure (302,203 people in 2024), written at path."""
    path.write_text(
        "---\npublisher: Example Wire\ntitle: t\npublished: 2025-02-10\nlanguage: en\n---\n"
        "Panama said 302,203 people crossed the Darién in 2024.\n"
    )
    return path


def counts(database_url: str) -> tuple[int, int, int]:
    with engine_for(database_url) as engine, engine.connect() as conn:
        return tuple(  # type: ignore[return-value]
            conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("document", "figure", "source")
        )


def test_no_key_is_401_and_a_wrong_key_403(writer: ApiClient, database_url: str) -> None:
    before = counts(database_url)
    missing = writer.post("/v1/documents", json=DOC)
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"].startswith("Bearer")
    assert (
        writer.post("/v1/documents", json=DOC, headers={"Authorization": "Bearer nope"}).status_code
        == 403
    )
    assert (
        writer.post(
            "/v1/documents", json=DOC, headers={"Authorization": f"Basic {KEY}"}
        ).status_code
        == 401
    )
    assert counts(database_url) == before


@pytest.mark.parametrize(
    ("method", "url"), [("POST", "/v1/documents"), ("DELETE", "/v1/documents/1")]
)
def test_writes_are_503_without_configured_keys(
    client: ApiClient, database_url: str, method: str, url: str
) -> None:
    before = counts(database_url)
    answer = client.request(method, url, json=DOC, headers=AUTH)
    assert answer.status_code == 503
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["type"] == "/v1/problems/ingestion-disabled"
    assert "ingestion is disabled on this server" in answer.json()["detail"]
    assert counts(database_url) == before


def test_ingest_stores_document_and_figures_with_offsets(
    writer: ApiClient, database_url: str
) -> None:
    before = counts(database_url)
    response = writer.post("/v1/documents", json=DOC, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["created"] is True
    values = {f["value"]: f for f in body["figures"]}
    assert set(values) == {302203, 3456}
    for figure in body["figures"]:
        assert DOC["text"][figure["quote_start"] : figure["quote_end"]] == figure["quote"]
        assert figure["attributed_to"] == "SNM"
        assert figure["source"]["publisher"] == "Example Wire"
    assert counts(database_url) == (before[0] + 1, before[1] + 2, before[2] + 1)
    detail = writer.get(body["document"]["url"]).json()
    assert detail["text"] == DOC["text"]
    assert [f["id"] for f in detail["figures"]] == [f["id"] for f in body["figures"]]


def test_the_same_content_again_is_200_and_changes_nothing(
    writer: ApiClient, database_url: str
) -> None:
    first = writer.post("/v1/documents", json=DOC, headers=AUTH).json()
    after_first = counts(database_url)
    again = writer.post("/v1/documents", json=DOC, headers=AUTH)
    assert again.status_code == 200
    assert again.json()["created"] is False
    assert again.json()["document"]["id"] == first["document"]["id"]
    assert counts(database_url) == after_first


def test_ingested_figures_join_the_record_at_once(writer: ApiClient) -> None:
    before = writer.get("/v1/crossings/yearly/2024")
    assert writer.get("/v1/crossings/monthly/2021/5").status_code == 404
    writer.post("/v1/documents", json=DOC, headers=AUTH)
    after = writer.get("/v1/crossings/yearly/2024")
    assert after.headers["etag"] != before.headers["etag"]
    new = [o for o in after.json()["also_reported"] if o["source"]["publisher"] == "Example Wire"]
    assert [(o["value"], o["agrees"]) for o in new] == [(302203, True)]
    may = writer.get("/v1/crossings/monthly/2021/5")
    assert may.status_code == 200
    assert (may.json()["value"], may.json()["selection"]["method"]) == (3456, "rule")


@pytest.mark.parametrize(
    ("change", "param"),
    [
        ({"published": "10/02/2025"}, "published"),
        ({"language": "pt"}, "language"),
        ({"kind": "blog"}, "kind"),
        ({"url": "not a url"}, "url"),
        ({"publisher": ""}, "publisher"),
        ({"text": ""}, "text"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_metadata_is_422_and_stores_nothing(
    writer: ApiClient, database_url: str, change: dict[str, str], param: str
) -> None:
    before = counts(database_url)
    response = writer.post("/v1/documents", json={**DOC, **change}, headers=AUTH)
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == param
    assert counts(database_url) == before


def test_markdown_upload_with_front_matter(writer: ApiClient) -> None:
    markdown = (
        "---\npublisher: Example Wire\ntitle: Crossings in August\npublished: 2023-09-05\n"
        "language: en\nattributed_to: SNM\n---\n"
        "In August 2023, 81,946 migrants crossed the Darién jungle.\n"
    )
    response = writer.post(
        "/v1/documents",
        content=markdown.encode(),
        headers={**AUTH, "Content-Type": "text/markdown"},
    )
    assert response.status_code == 201, response.text
    assert [f["value"] for f in response.json()["figures"]] == [81946]
    unsupported = writer.post(
        "/v1/documents", content=b"x", headers={**AUTH, "Content-Type": "image/png"}
    )
    assert unsupported.status_code == 415


def test_oversized_document_is_413(make_client: Any, database_url: str) -> None:
    writer: ApiClient = make_client(api_keys=KEY, max_text_bytes=100)
    before = counts(database_url)
    response = writer.post("/v1/documents", json={**DOC, "text": "x" * 101}, headers=AUTH)
    assert response.status_code == 413
    assert counts(database_url) == before


def test_a_failure_mid_ingest_leaves_no_rows(
    writer: ApiClient, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.ingest.uploads as uploads

    def broken(*args: Any, **kwargs: Any) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(uploads.queries, "bump_dataset_version", broken)
    before = counts(database_url)
    response = writer.post("/v1/documents", json=DOC, headers=AUTH)
    assert response.status_code == 500
    assert "disk" not in response.text
    assert counts(database_url) == before


def test_documents_are_listed_and_paginated(client: ApiClient) -> None:
    body = client.get("/v1/documents?limit=100").json()
    assert body["meta"]["total"] == 212
    assert len(body["data"]) == 100
    nxt = client.get(body["meta"]["next_url"].removeprefix("http://testserver")).json()
    assert len(nxt["data"]) == 100
    assert client.get("/v1/documents/9999").status_code == 404


def test_cli_ingest_uses_the_same_path(
    database_url: str, tmp_path: Path, darien: Callable[..., Result]
) -> None:
    good = markdown_upload(tmp_path / "good.md")
    bad = tmp_path / "bad.md"
    bad.write_text("---\npublisher: Example Wire\ntitle: t\npublished: someday\n---\ntext\n")
    first = darien(database_url, "ingest", str(good))
    again = darien(database_url, "ingest", str(good))
    failed = darien(database_url, "ingest", str(bad))
    assert first.exit_code == 0
    assert "stored as document" in first.output
    assert "with 1 figures" in first.output
    assert "already stored" in again.output
    assert failed.exit_code == 1
    assert "published" in failed.output


def test_language_is_detected_when_absent(writer: ApiClient) -> None:
    upload = {
        **DOC,
        "language": None,
        "text": "Más de 300.000 migrantes cruzaron la selva del Darién en 2024.",
    }
    body = writer.post("/v1/documents", json=upload, headers=AUTH).json()
    assert body["document"]["source"]["language"] == "es"


def test_a_concurrent_duplicate_upload_is_answered_as_already_stored(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ingest import uploads

    upload = uploads.DocumentUpload.model_validate(DOC)
    with engine_for(database_url) as engine:
        first, first_id = uploads.ingest_committed(engine, upload, lambda _, r: r.document.id)
        real_lookup = uploads.queries.get_document_by_hash
        calls = {"n": 0}

        def lookup_misses_once(session: Any, *, content_hash: str) -> Any:
            # The second upload looks before the first commits: it sees nothing, then collides.
            calls["n"] += 1
            return None if calls["n"] == 1 else real_lookup(session, content_hash=content_hash)

        monkeypatch.setattr(uploads.queries, "get_document_by_hash", lookup_misses_once)
        second, second_id = uploads.ingest_committed(engine, upload, lambda _, r: r.document.id)
    assert calls["n"] == 2
    assert first.created is True
    assert second.created is False
    assert second_id == first_id


def test_nul_characters_are_refused_on_every_backend(writer: ApiClient, database_url: str) -> None:
    before = counts(database_url)
    response = writer.post(
        "/v1/documents", json={**DOC, "text": "a \u0000 b " + DOC["text"]}, headers=AUTH
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "text"
    assert counts(database_url) == before
