"""No leaks: whoever opens a database connection closes it, also when an ingest fails or is refused."""

from typing import Any

import pytest

from tests.conftest import ApiClient

KEY = "pool-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
DOC = {
    "text": "Panama's migration service said 302,203 people crossed the Darién in 2024.",
    "publisher": "Example Wire",
    "title": "Darién crossings",
    "published": "2025-02-10",
    "language": "en",
}


# The version watcher checks out a connection for a moment every poll: keep it asleep, so a
# connection counted here can only be one that a request left behind.
QUIET = {"api_keys": KEY, "version_poll_seconds": 3600}


def checked_out(client: ApiClient) -> int:
    engine = client.client._transport.app.app.state.engine  # type: ignore[attr-defined]
    return int(engine.pool.checkedout())


def test_no_connection_stays_checked_out_after_a_failed_ingest(
    make_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.ingest.uploads as uploads

    def broken(*args: Any, **kwargs: Any) -> int:
        raise RuntimeError("disk full")

    writer: ApiClient = make_client(**QUIET)
    monkeypatch.setattr(uploads.queries, "bump_dataset_version", broken)
    assert writer.post("/v1/documents", json=DOC, headers=AUTH).status_code == 500
    assert checked_out(writer) == 0


def test_no_connection_stays_checked_out_after_a_refused_nul_document(make_client: Any) -> None:
    writer: ApiClient = make_client(**QUIET)
    refused = writer.post("/v1/documents", json={**DOC, "text": "a \u0000 b"}, headers=AUTH)
    assert refused.status_code == 422
    assert checked_out(writer) == 0


@pytest.mark.parametrize(
    ("limits", "status"),
    [({"max_text_bytes": 100}, 413), ({"max_body_bytes": 300}, 413)],
    ids=["text over max_text_bytes", "body over max_body_bytes"],
)
def test_no_connection_stays_checked_out_after_an_oversized_ingest(
    make_client: Any, limits: dict[str, int], status: int
) -> None:
    writer: ApiClient = make_client(**QUIET, **limits)
    response = writer.post("/v1/documents", json={**DOC, "text": "x" * 400}, headers=AUTH)
    assert response.status_code == status
    assert checked_out(writer) == 0
