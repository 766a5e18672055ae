"""Check the figures a sentence or an article states against the record."""

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, Request
from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.claims import judge_all
from app.extract import extract_figures
from app.problems import Problem
from app.public import ClaimsPublic
from app.routes import RecordDep

router = APIRouter(prefix="/v1/claims", tags=["claims"])


class ClaimCheckRequest(BaseModel):
    """A text to check."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        min_length=1, examples=["Más de medio millón de migrantes cruzaron el Darién en 2023."]
    )
    published: date | None = Field(
        default=None, description="Publication date; resolves 'last year', 'so far this year'"
    )
    language: Literal["en", "es"] | None = Field(default=None, description="Detected when null")

    @field_validator("text")
    @classmethod
    def not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("text is empty")
        return text


async def within_size_limit(request: Request) -> None:
    """413 before reading a body that is larger than the limit allows."""
    limit = request.app.state.settings.max_text_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > 2 * limit + 4096:
        raise too_large(limit)


def too_large(limit: int) -> Problem:
    return Problem(
        413, "too-large", "Text too large", f"text is limited to {limit:,} bytes (UTF-8)"
    )


@router.post(
    "/check", summary="Check the figures a text states", dependencies=[Depends(within_size_limit)]
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
    limit = request.app.state.settings.max_text_bytes
    if len(body.text.encode("utf-8")) > limit:
        raise too_large(limit)
    claims = extract_figures(body.text, body.published, body.language)
    return ClaimsPublic(claims=judge_all(record, claims))
