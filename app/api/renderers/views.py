"""Another view of an endpoint: the same function, one more dependency, its result re-rendered."""

import functools
import inspect
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response
from pydantic import TypeAdapter
from starlette.concurrency import run_in_threadpool

Finish = Callable[[Callable[[], Any], Any, Any], Any]


def with_view(
    endpoint: Callable[..., Any], view: Callable[..., Any], finish: Finish
) -> Callable[..., Awaitable[Any]]:
    """`endpoint` taking one more dependency, `view`; `finish(as_json, result, view_value)` shapes
    the answer, where `as_json()` is the result as the JSON view serialises it (the v1 contract,
    whatever the record holds inside)."""
    signature = inspect.signature(endpoint)
    adapter: TypeAdapter[Any] = TypeAdapter(signature.return_annotation)

    @functools.wraps(endpoint)
    async def rendered(*args: Any, view_of_result: Any, **kwargs: Any) -> Any:
        if inspect.iscoroutinefunction(endpoint):
            result = await endpoint(*args, **kwargs)
        else:
            result = await run_in_threadpool(endpoint, *args, **kwargs)

        def as_json() -> Any:
            return adapter.dump_python(
                adapter.validate_python(result, from_attributes=True), mode="json", by_alias=True
            )

        return finish(as_json, result, view_of_result)

    extra = inspect.Parameter(
        "view_of_result", inspect.Parameter.KEYWORD_ONLY, annotation=Annotated[Any, Depends(view)]
    )
    parameters = [*signature.parameters.values(), extra]
    rendered.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    return rendered


def add_twin(
    router: APIRouter,
    path: str,
    rendered: Callable[..., Awaitable[Any]],
    response_class: type[Response],
    *,
    summary: str,
    description: str,
    responses: dict[int | str, dict[str, Any]] | None = None,
    **options: Any,
) -> None:
    """Register a twin URL (`.csv`, `.txt`) as its own documented operation of one media type."""
    suffix = path.rsplit(".", 1)[-1]
    router.add_api_route(
        path,
        rendered,
        methods=["GET"],
        summary=summary,
        name=f"{rendered.__name__}_{suffix}",
        response_model=None,
        response_class=response_class,
        responses={**(responses or {}), 200: {"description": description}},
        **options,
    )
