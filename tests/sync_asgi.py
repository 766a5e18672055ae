"""A synchronous httpx transport onto an ASGI app, for code that takes an httpx.Client."""

import httpx
from anyio.from_thread import BlockingPortal


class PortalTransport(httpx.BaseTransport):
    """Sends each request through httpx.ASGITransport on the portal's event loop."""

    def __init__(self, portal: BlockingPortal, transport: httpx.ASGITransport) -> None:
        self.portal, self.transport = portal, transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()

        async def send() -> httpx.Response:
            copy = httpx.Request(request.method, request.url, headers=request.headers, content=body)
            response = await self.transport.handle_async_request(copy)
            content = b"".join([chunk async for chunk in response.aiter_raw()])  # still encoded
            return httpx.Response(response.status_code, headers=response.headers, content=content)

        return self.portal.call(send)
