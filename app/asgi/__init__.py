"""The ASGI edge in front of FastAPI: the fast path, its response store and the request log."""
