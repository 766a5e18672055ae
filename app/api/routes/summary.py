"""The record at a glance: GET /v1/summary and its plain-text twin."""

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from fastapi.responses import PlainTextResponse

from app.api.deps import RecordDep
from app.api.present_derived import summary_public
from app.api.renderers.summary_text import summary_text
from app.api.renderers.text import Lang
from app.api.renderers.text_routes import language
from app.api.renderers.views import add_twin, with_view
from app.api.schemas_overview import SummaryPublic
from app.domain.summary import summarise

router = APIRouter(prefix="/v1", tags=["derived"])


async def get_summary(record: RecordDep) -> SummaryPublic:
    """The latest year and month with figures, year to date, the record year and month, and each
    one's change on a year earlier: every figure with its source, every derived one with its inputs
    and formula."""
    return summary_public(summarise(record.yearly, record.monthly), record.version)


def _as_text(as_json: Callable[[], Any], result: Any, lang: Lang) -> PlainTextResponse:
    return PlainTextResponse(summary_text(as_json(), lang))


# The twin first, so that it is matched before anything shaped like /summary{suffix} could be.
add_twin(
    router,
    "/summary.txt",
    with_view(get_summary, language, _as_text),
    PlainTextResponse,
    summary="The record at a glance, as sentences with their citations",
    description="UTF-8 text: each figure, its citation, and each derived figure's formula",
)
router.add_api_route("/summary", get_summary, methods=["GET"], summary="The record at a glance")
