"""Rate limits per client: 429 problem+json with Retry-After and the RateLimit header fields,
stored answers counted too, a trusted proxy header, and a limit shared through Redis."""

import socket
import uuid
from typing import Any

import pytest

from tests.conftest import ApiClient

YEARLY = "/v1/crossings/yearly"
CLAIM = {"text": "nothing here"}


def redis_is_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def test_writes_beyond_the_limit_are_429_with_retry_after(make_client: Any) -> None:
    client: ApiClient = make_client(rate_limit_post="3/minute")
    answers = [client.post("/v1/claims/check", json=CLAIM) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.headers["ratelimit"] for a in answers[:3]] == [
        f'"writes";r={left};t={answers[n].headers["ratelimit"].rsplit("=", 1)[1]}'
        for n, left in enumerate((2, 1, 0))
    ]
    refused = answers[3]
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"] == "/v1/problems/too-many-requests"
    assert "3 writes per 60 s" in refused.json()["detail"]
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.headers["ratelimit-policy"] == '"writes";q=3;w=60'
    assert refused.headers["ratelimit"].startswith('"writes";r=0;t=')
    assert refused.headers["x-request-id"]
    assert client.get(YEARLY).status_code == 200  # reads have their own limit


def test_stored_answers_count_against_the_read_limit(make_client: Any) -> None:
    client: ApiClient = make_client(rate_limit_get="4/minute")
    answers = [client.get(YEARLY) for _ in range(5)]
    assert [a.status_code for a in answers] == [200, 200, 200, 200, 429]
    assert answers[3].headers["ratelimit-policy"] == '"reads";q=4;w=60'
    assert client.get("/healthz").status_code == 200  # probes are never limited


def test_reads_carry_the_header_fields_only_near_their_limit(make_client: Any) -> None:
    client: ApiClient = make_client(rate_limit_get="200/minute")
    answers = [client.get(YEARLY) for _ in range(201)]
    told = [n for n, a in enumerate(answers) if "ratelimit" in a.headers]
    assert told == list(range(180, 201))  # once fewer than 10% (20) are left, and the 429
    assert answers[199].headers["ratelimit"].startswith('"reads";r=0;t=')
    assert answers[200].status_code == 429


def test_the_defaults_are_generous_reads_and_60_writes_a_minute(client: ApiClient) -> None:
    assert "ratelimit" not in client.get(YEARLY).headers
    write = client.post("/v1/claims/check", json=CLAIM)
    assert write.headers["ratelimit-policy"] == '"writes";q=60;w=60'
    assert write.headers["ratelimit"].startswith('"writes";r=59;t=')


def test_clients_are_told_apart_by_the_trusted_proxy_header(make_client: Any) -> None:
    client: ApiClient = make_client(rate_limit_post="1/minute", client_ip_header="X-Forwarded-For")

    def post(chain: str) -> int:
        headers = {"X-Forwarded-For": chain}
        return client.post("/v1/claims/check", json=CLAIM, headers=headers).status_code

    assert post("198.51.100.7, 10.0.0.1") == 200
    assert post("203.0.113.9, 10.0.0.1") == 429  # the proxy's own entry, the last, is the client
    assert post("198.51.100.7, 10.0.0.2") == 200


def test_without_the_setting_the_header_is_ignored(make_client: Any) -> None:
    client: ApiClient = make_client(rate_limit_post="1/minute")
    for n, expected in enumerate((200, 429)):
        headers = {"X-Forwarded-For": f"198.51.100.{n}"}
        assert client.post("/v1/claims/check", json=CLAIM, headers=headers).status_code == expected


def test_switched_off_nothing_is_limited(make_client: Any) -> None:
    client: ApiClient = make_client(rate_limit=False, rate_limit_post="1/minute")
    answers = [client.post("/v1/claims/check", json=CLAIM) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert "ratelimit" not in answers[0].headers


@pytest.mark.skipif(not redis_is_up(), reason="no Redis on 127.0.0.1:6379")
def test_two_workers_share_a_limit_through_redis(make_client: Any) -> None:
    settings = {
        "rate_limit_post": "3/minute",
        "rate_limit_storage": "redis://127.0.0.1:6379",
        "client_ip_header": "X-Real-IP",
    }
    workers: list[ApiClient] = [make_client(**settings), make_client(**settings)]
    me = {"X-Real-IP": f"test-{uuid.uuid4()}"}  # a client no other run has used
    statuses = [
        workers[n % 2].post("/v1/claims/check", json=CLAIM, headers=me).status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


def test_a_bad_limit_is_refused_with_the_setting_named() -> None:
    from pydantic import ValidationError

    from app.config import Settings

    with pytest.raises(ValidationError, match="rate_limit_post"):
        Settings(rate_limit_post="lots")
