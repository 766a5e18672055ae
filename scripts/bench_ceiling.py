"""The ceiling for `make bench`: a bare ASGI app that replays byte-identical copies of the API's answers.

Run as `uvicorn scripts.bench_ceiling:app` with BENCH_CAPTURE pointing at the capture file written
by scripts/bench.py (one JSON object per captured response).
"""

import json
import os
from typing import Any

Captured = tuple[list[tuple[bytes, bytes]], bytes, bytes]


def _load() -> dict[tuple[str, bytes], Captured]:
    answers: dict[tuple[str, bytes], Captured] = {}
    with open(os.environ["BENCH_CAPTURE"], encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            headers = [(k.encode(), v.encode()) for k, v in item["headers"]]
            etag = next((v for k, v in headers if k == b"etag"), b"")
            answers[(item["path"], item["query"].encode())] = (headers, item["body"].encode(), etag)
    return answers


ANSWERS = _load()


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Look the answer up and send it; honour If-None-Match like the real app does."""
    if scope["type"] != "http":
        return
    headers, body, etag = ANSWERS[(scope["path"], scope["query_string"])]
    for name, value in scope["headers"]:
        if name == b"if-none-match" and value == etag:
            await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", etag)]})
            await send({"type": "http.response.body", "body": b""})
            return
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})
