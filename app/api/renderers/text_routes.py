"""`.txt` twins of single-figure URLs: `GET /v1/crossings/yearly/2023.txt?lang=es`."""

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse

from app.api.renderers.text import Lang, figure_text
from app.api.renderers.views import add_twin, with_view

Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])


def language(
    lang: Annotated[Lang, Query(description="en (default) or es", examples=["es"])] = "en",
) -> Lang:
    return lang


def text_twin(router: APIRouter, path: str, *, summary: str) -> Callable[[Endpoint], Endpoint]:
    """Register `path.txt`, answering the endpoint's figure as a sentence and its citation.

    Apply it below the route's own decorator: the twin must be registered first, or `{id}` of the
    JSON route would swallow the `.txt` suffix.
    """

    def register(endpoint: Endpoint) -> Endpoint:
        def finish(as_json: Callable[[], Any], result: Any, lang: Lang) -> PlainTextResponse:
            return PlainTextResponse(figure_text(as_json(), lang))

        add_twin(
            router,
            f"{path}.txt",
            with_view(endpoint, language, finish),
            PlainTextResponse,
            summary=f"{summary}, as a sentence with its citation",
            description="Two lines of UTF-8 text: the figure, then its citation",
        )
        return endpoint

    return register
