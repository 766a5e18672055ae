"""Check the figures a sentence or an article states against the record."""

import asyncio
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, Request
from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.api.deps import RecordDep, check_text_size, require_json
from app.api.present import claim_public
from app.api.schemas_text import ClaimsPublic
from app.domain.claims import judge_all
from app.extract import extract_figures
from app.ingest.uploads import YEARS_1900_TO_2100, calendar_date
from app.record.build import Record

router = APIRouter(prefix="/v1/claims", tags=["claims"])
# Texts up to this many characters are checked on the event loop (a few milliseconds at most).
INLINE_CHARS = 8_000


class ClaimCheckRequest(BaseModel):
    """A text to check."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        min_length=1,
        json_schema_extra={"pattern": r"\S"},  # not blank: what not_blank checks
        examples=["Más de medio millón de migrantes cruzaron el Darién en 2023."],
    )
    published: date | None = Field(
        default=None,
        ge=date(1900, 1, 1),
        le=date(2100, 12, 31),
        json_schema_extra={"pattern": YEARS_1900_TO_2100},
        description="Publication date; resolves 'last year', 'so far this year'",
    )
    language: Literal["en", "es"] | None = Field(default=None, description="Detected when null")

    _published_is_a_date = field_validator("published", mode="before")(calendar_date)

    @field_validator("text")
    @classmethod
    def not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("text is empty")
        return text


@router.post(
    "/check", summary="Check the figures a text states", dependencies=[Depends(require_json)]
)
async def check_claims(
    request: Request, record: RecordDep, body: Annotated[ClaimCheckRequest, Body()]
) -> ClaimsPublic:
    """Find every Darién crossing figure the text states and judge it against the canonical record.

    A claim is *consistent* when the values its wording allows overlap the reference's (so "more
    than half a million" fits 520,085, and an unhedged round "520,000" is read as rounded);
    *inconsistent* when they do not; *unverifiable* when its period cannot be resolved or the record
    has no figure, reported or derived, for that period and subject.
    """
    check_text_size(request, body.text)
    return await checked_claims(record, body.text, body.published, body.language)


async def checked_claims(
    record: Record, text: str, published: date | None, language: str | None
) -> ClaimsPublic:
    """The figures a text states, each judged against the record (also used by the explorer)."""
    if len(text) <= INLINE_CHARS:
        claims = extract_figures(text, published, language)
    else:  # a long text would hold up every other request on this worker's event loop
        claims = await asyncio.to_thread(extract_figures, text, published, language)
    return ClaimsPublic(claims=[claim_public(j) for j in judge_all(record, claims)])
