"""Undoing an ingest: DELETE /v1/documents/{id} and `darien ingest --remove`, seed documents kept."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from tests.conftest import ApiClient
from tests.test_documents_api import AUTH, DOC, counts, markdown_upload


@pytest.fixture
def writer(make_client: Any) -> ApiClient:
    return make_client(api_keys="test-key-1")  # type: ignore[no-any-return]


def test_delete_removes_the_document_its_figures_and_source_at_once(
    writer: ApiClient, database_url: str
) -> None:
    before = counts(database_url)
    version = writer.get("/v1").json()["dataset_version"]
    stored = writer.post("/v1/documents", json=DOC, headers=AUTH).json()
    figure_url = f"/v1/figures/{stored['figures'][0]['id']}"
    assert writer.get(figure_url).status_code == 200
    answer = writer.request("DELETE", stored["document"]["url"], headers=AUTH)
    assert answer.status_code == 200
    assert answer.json() == {
        "id": stored["document"]["id"],
        "removed": True,
        "dataset_version": version + 2,
    }
    assert counts(database_url) == before
    assert writer.get("/v1").json()["dataset_version"] == version + 2
    assert writer.get(stored["document"]["url"]).status_code == 404
    assert writer.get(figure_url).status_code == 404
    assert writer.get("/v1/crossings/monthly/2021/5").status_code == 404
    again = writer.post("/v1/documents", json=DOC, headers=AUTH)
    assert again.status_code == 201  # gone for good: the same text is new again


def test_seed_and_unknown_documents_are_refused_and_nothing_changes(
    writer: ApiClient, database_url: str
) -> None:
    before = counts(database_url)
    seed_document = writer.request("DELETE", "/v1/documents/1", headers=AUTH)
    assert seed_document.status_code == 409
    assert seed_document.json()["type"] == "/v1/problems/seed-document"
    unknown = writer.request("DELETE", "/v1/documents/99999", headers=AUTH)
    assert unknown.status_code == 404
    assert writer.request("DELETE", "/v1/documents/1").status_code == 401
    assert counts(database_url) == before
    assert writer.get("/v1").json()["dataset_version"] == 1


def test_a_failure_mid_removal_removes_nothing(
    writer: ApiClient, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.ingest.uploads as uploads

    stored = writer.post("/v1/documents", json=DOC, headers=AUTH).json()
    after_ingest = counts(database_url)

    def broken(*args: Any, **kwargs: Any) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(uploads.queries, "bump_dataset_version", broken)
    assert writer.request("DELETE", stored["document"]["url"], headers=AUTH).status_code == 500
    assert counts(database_url) == after_ingest


def test_cli_removes_an_ingested_document_but_not_a_seed_one(
    database_url: str, tmp_path: Path, darien: Callable[..., Result]
) -> None:
    before = counts(database_url)
    upload = markdown_upload(tmp_path / "upload.md")
    stored = darien(database_url, "ingest", str(upload))
    document_id = stored.output.split("as document ")[1].split()[0]
    removed = darien(database_url, "ingest", "--remove", document_id)
    assert removed.exit_code == 0, removed.output
    assert "removed with its figures; dataset version 3" in removed.output
    assert counts(database_url) == before
    refused = darien(database_url, "ingest", "--remove", "1")
    assert refused.exit_code == 1
    assert "comes from the seed" in refused.output
    assert darien(database_url, "ingest", "--remove", "1", str(upload)).exit_code == 2
    assert counts(database_url) == before
