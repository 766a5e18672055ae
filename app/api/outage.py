"""When the database does not answer: a 503 problem with Retry-After instead of a 500.

Reads answered from the in-memory record never reach the database, so they keep working.
"""

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError

from app.api.problems import Problem, problem_response

log = logging.getLogger("darien")
RETRY_AFTER = {"Retry-After": "5"}


async def _on_database_down(request: Request, exc: Exception) -> JSONResponse:
    # OperationalError is the driver's "cannot talk to the database" family: a refused or lost
    # connection, a locked SQLite file. A bad statement is a ProgrammingError and stays a 500.
    log.warning("database unavailable on %s %s: %s", request.method, request.url.path, exc)
    detail = "The database does not answer; nothing was changed. Retry later."
    problem = Problem(
        503, "database-unavailable", "Database unavailable", detail, headers=RETRY_AFTER
    )
    return problem_response(request, problem)


def install(app: FastAPI) -> None:
    """Answer database outages with 503 problem+json and Retry-After."""
    app.add_exception_handler(OperationalError, _on_database_down)
