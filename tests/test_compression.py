"""Compression in the fast path: gzip and brotli copies made once, each with its own ETag."""

import gzip

import brotli
import pytest

from app.asgi.encoding import chosen_coding
from tests.conftest import ApiClient

FIGURES = "/v1/figures?limit=500"


def raw_get(client: ApiClient, url: str, coding: str | None) -> tuple[int, dict[str, str], bytes]:
    """A GET whose body is left as sent (httpx would decompress it)."""

    async def call() -> tuple[int, dict[str, str], bytes]:
        headers = {"Accept-Encoding": coding} if coding else {"Accept-Encoding": "identity"}
        request = client.client.build_request("GET", url, headers=headers)
        response = await client.client.send(request, stream=True)
        body = b"".join([chunk async for chunk in response.aiter_raw()])
        await response.aclose()
        return response.status_code, dict(response.headers), body

    return client.portal.call(call)


@pytest.mark.parametrize(
    ("coding", "decode"), [("gzip", gzip.decompress), ("br", brotli.decompress)]
)
def test_large_bodies_are_compressed_when_asked(
    client: ApiClient, coding: str, decode: object
) -> None:
    _, plain_headers, plain = raw_get(client, FIGURES, None)
    status, headers, body = raw_get(client, FIGURES, coding)
    assert status == 200
    assert headers["content-encoding"] == coding
    assert decode(body) == plain  # type: ignore[operator]
    assert len(body) < len(plain) / 5
    assert int(headers["content-length"]) == len(body)
    assert headers["etag"] != plain_headers["etag"]
    assert "content-encoding" not in plain_headers
    assert headers["vary"] == "Accept, Accept-Encoding, Origin"


def test_a_compressed_copy_is_made_once_and_answers_304(client: ApiClient) -> None:
    _, first_headers, first = raw_get(client, FIGURES, "gzip")
    store = client.client._transport.app.store  # type: ignore[attr-defined]
    (prepared,) = store.entries.values()
    copy = prepared.codings[b"gzip"]
    _, _again_headers, again = raw_get(client, FIGURES, "gzip")
    assert again == first
    assert prepared.codings[b"gzip"] is copy
    assert store.generation.used_bytes == prepared.size
    etag = first_headers["etag"]
    assert (
        client.get(FIGURES, headers={"If-None-Match": etag, "Accept-Encoding": "gzip"}).status_code
        == 304
    )
    assert (
        client.get(FIGURES, headers={"If-None-Match": etag, "Accept-Encoding": "br"}).status_code
        == 200
    )


def test_small_bodies_are_sent_as_they_are(client: ApiClient) -> None:
    _, headers, body = raw_get(client, "/v1/problems/not-found", "gzip, br")
    assert "content-encoding" not in headers
    assert body.startswith(b"{")


def test_csv_is_compressed_too(client: ApiClient) -> None:
    _, headers, body = raw_get(client, "/v1/figures.csv?limit=500", "br")
    assert headers["content-encoding"] == "br"
    assert brotli.decompress(body).startswith(b"id,metric,period,")


@pytest.mark.parametrize(
    ("header", "chosen"),
    [
        (b"gzip, deflate, br", b"br"),
        (b"gzip", b"gzip"),
        (b"br;q=0.5, gzip", b"gzip"),
        (b"gzip;q=0, br;q=0", b""),
        (b"*", b"br"),
        (b"identity", b""),
        (b"", b""),
        (b"gzip;q=abc", b""),
    ],
)
def test_the_accepted_coding_with_the_highest_weight_is_chosen(
    header: bytes, chosen: bytes
) -> None:
    assert chosen_coding(header) == chosen


@pytest.mark.parametrize("url", ["/v1/download.zip", "/v1/charts/yearly.png"])
def test_answers_compressed_already_are_sent_as_they_are(client: ApiClient, url: str) -> None:
    _, _, plain = raw_get(client, url, None)
    for coding in ("gzip", "br"):
        status, headers, body = raw_get(client, url, coding)
        assert status == 200
        assert "content-encoding" not in headers
        assert body == plain
    store = client.client._transport.app.store  # type: ignore[attr-defined]
    (prepared,) = store.entries.values()
    assert len(plain) >= 1024  # large enough that anything else would be compressed
    assert prepared.codings == {}
