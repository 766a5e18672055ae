"""The ceiling for `make bench`: a bare ASGI app that replays byte-identical copies of the API's answers.

Run as `uvicorn scripts.bench_ceiling:app` with BENCH_CAPTURE pointing at the capture file written
by scripts/bench.py: one JSON object per captured answer, keyed by path, query, whether the request
accepted gzip and whether it revalidated (If-None-Match). The lookup is all this app does.
"""

import base64
import json
import os
from typing import Any

Key = tuple[str, bytes, bool, bool]
Captured = tuple[int, list[tuple[bytes, bytes]], bytes]


def _load() -> dict[Key, Captured]:
    answers: dict[Key, Captured] = {}
    with open(os.environ["BENCH_CAPTURE"], encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            key = (item["path"], item["query"].encode(), item["gzip"], item["revalidate"])
            headers = [(k.encode(), v.encode()) for k, v in item["headers"]]
            answers[key] = (item["status"], headers, base64.b64decode(item["body"]))
    return answers


ANSWERS = _load()


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Look the answer up by the request's path, query and headers, and send it."""
    if scope["type"] != "http":
        return
    gzip = revalidate = False
    for name, value in scope["headers"]:
        if name == b"accept-encoding":
            gzip = b"gzip" in value
        elif name == b"if-none-match":
            revalidate = True
    status, headers, body = ANSWERS[(scope["path"], scope["query_string"], gzip, revalidate)]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
