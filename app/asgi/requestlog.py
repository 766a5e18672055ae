"""One structured (JSON) log line per request, buffered so logging costs microseconds, not a write."""

import asyncio
import json
import sys
import time
from typing import TextIO


class RequestLog:
    """Collects request lines in memory and writes them in batches."""

    def __init__(
        self, stream: TextIO | None = None, enabled: bool = True, batch: int = 512
    ) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.batch = batch
        self.lines: list[str] = []

    def add(self, method: str, path: str, status: int, started: float, cache: str) -> None:
        """Record one request; a path is JSON-escaped only when it needs it (rare)."""
        if not self.enabled:
            return
        elapsed_us = int((time.perf_counter() - started) * 1_000_000)
        if '"' in path or "\\" in path or not path.isprintable():
            path = json.dumps(path)[1:-1]
        self.lines.append(
            f'{{"ts_ms":{int(time.time() * 1000)},"method":"{method}","path":"{path}",'
            f'"status":{status},"us":{elapsed_us},"cache":"{cache}"}}\n'
        )
        if len(self.lines) >= self.batch:
            self.flush()

    def flush(self) -> None:
        """Write what is buffered."""
        if self.lines:
            lines, self.lines = self.lines, []
            self.stream.write("".join(lines))
            self.stream.flush()

    async def run(self, interval: float = 0.5) -> None:
        """Flush periodically (a background task), so a quiet server's lines still appear."""
        try:
            while True:
                await asyncio.sleep(interval)
                self.flush()
        finally:
            self.flush()
