"""Mark ingested figures reviewed (`darien review`): all of them or, when one is unknown, none."""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session

from app.storage import queries


@dataclass(frozen=True, slots=True)
class ReviewReport:
    """What a review changed: the ids now reviewed, those already were, and the new version."""

    reviewed: list[str]
    already: list[str]
    version: int | None  # None when nothing changed, so the version was not bumped


class UnknownFigures(Exception):
    """Some of the figures to review do not exist; nothing was changed."""


def review_committed(engine: Engine, figure_ids: Sequence[str]) -> ReviewReport:
    """Mark provisional figures reviewed in one transaction and bump the dataset version.

    Workers reload on the new version, so a reviewed figure may become canonical at once.
    """
    wanted = list(dict.fromkeys(figure_ids))
    with Session(engine) as session, session.begin():
        statuses = queries.list_figure_statuses(session, figure_ids=wanted)
        missing = [figure_id for figure_id in wanted if figure_id not in statuses]
        if missing:
            raise UnknownFigures(f"no such figure: {', '.join(missing)}; nothing was changed")
        changed = queries.mark_reviewed(session, figure_ids=wanted)
        version = None
        if changed:
            change = f"marked reviewed: {', '.join(changed)}"
            version = queries.bump_dataset_version(session, change)
    already = [figure_id for figure_id in wanted if figure_id not in changed]
    return ReviewReport(reviewed=changed, already=already, version=version)
