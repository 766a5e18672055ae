"""A TCP proxy the test controls, to take the database away from the API and give it back.

It runs its own asyncio loop in a thread. `cut()` drops every open connection and turns new ones
away (accepted, then closed at once, as a dead network path looks to a client); `restore()` lets
them through again. The database server itself is never touched.
"""

import asyncio
import contextlib
import threading
from collections.abc import Coroutine
from types import TracebackType
from typing import Any, TypeVar

T = TypeVar("T")


class TcpProxy:
    """127.0.0.1:<port> forwarding to target_host:target_port while not cut."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self._cut = False
        self._writers: set[asyncio.StreamWriter] = set()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None

    def __enter__(self) -> "TcpProxy":
        self._thread.start()
        self._server = self._call(asyncio.start_server(self._link, "127.0.0.1", 0))
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._call(self._shut())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()

    def cut(self) -> None:
        """Close every open connection and refuse new ones."""
        self._cut = True
        self._call(self._close_all())

    def restore(self) -> None:
        """Let connections through again."""
        self._cut = False

    def _call(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=10)

    async def _link(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        self._writers.add(client_w)
        try:
            if self._cut:
                return
            try:
                server_r, server_w = await asyncio.open_connection(*self.target)
            except OSError:
                return
            self._writers.add(server_w)
            try:
                await asyncio.gather(self._pipe(client_r, server_w), self._pipe(server_r, client_w))
            finally:
                await self._close(server_w)
        finally:
            await self._close(client_w)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()  # the other side hears the end, and its pipe ends too

    async def _close(self, writer: asyncio.StreamWriter) -> None:
        self._writers.discard(writer)
        writer.close()
        with contextlib.suppress(ConnectionError, OSError):
            await writer.wait_closed()

    async def _close_all(self) -> None:
        for writer in list(self._writers):
            writer.transport.abort()  # a reset, not a polite goodbye

    async def _shut(self) -> None:
        assert self._server is not None
        self._server.close()
        await self._close_all()
        await self._server.wait_closed()
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        await asyncio.gather(*tasks, return_exceptions=True)
