"""The `nationality=` and `group=` filters of the yearly and monthly series: codes in any case,
several at once, and a 422 naming where the valid ones are listed."""

from typing import Annotated

import pycountry
from fastapi import Depends, Query

from app.api.deps import RecordDep
from app.api.problems import invalid
from app.domain.groups import (
    DEMOGRAPHIC_GROUPS,
    NATIONALITY_GROUPS,
    Subject,
    demographic_subject,
    nationality_code,
)
from app.domain.vocabulary import Dimension


def listed_pattern(names: list[str]) -> str:
    """A pattern for a comma-separated list of these names (stated in the OpenAPI for clients and
    generators; the route checks the list itself, so that a 422 can say what is valid)."""
    one = "|".join(names)
    return f"^({one})(,({one}))*$"


def nationality_names() -> list[str]:
    """Every code a nationality filter takes: ISO 3166 alpha-3 (upper or lower case), group codes."""
    codes = sorted(country.alpha_3 for country in pycountry.countries)
    return [*codes, *(code.lower() for code in codes), *NATIONALITY_GROUPS]


def group_names() -> list[str]:
    """Every demographic group a filter takes, bare (`minors`) or with its dimension (`sex:women`)."""
    bare = dict.fromkeys(subject.code for subject in DEMOGRAPHIC_GROUPS)
    full = [f"{subject.dimension}:{subject.code}" for subject in DEMOGRAPHIC_GROUPS]
    return [*full, *bare]


NationalityParam = Annotated[
    str | None,
    Query(
        max_length=200,
        json_schema_extra={"pattern": listed_pattern(nationality_names())},
        examples=["VEN,HTI"],
        description="Comma-separated ISO 3166 alpha-3 codes or group codes (any case): the series "
        "of those nationalities instead of the total; see /v1/nationalities",
    ),
]
GroupParam = Annotated[
    str | None,
    Query(
        max_length=200,
        json_schema_extra={"pattern": listed_pattern(group_names())},
        examples=["minors"],
        description="Comma-separated demographic groups (adults, minors, men, women, boys, girls, "
        "unaccompanied_minors, or dimension:value such as sex:women): their series instead of "
        "the total",
    ),
]


def group_filter(
    record: RecordDep, nationality: NationalityParam = None, group: GroupParam = None
) -> list[Subject] | None:
    """The groups a series is filtered to, nationalities first, each in the order given; None for
    the total."""
    if nationality is None and group is None:
        return None
    known = record.breakdowns.subjects
    chosen = nationalities_named(nationality, known) if nationality is not None else []
    return chosen + (groups_named(group, known) if group is not None else [])


def nationalities_named(text: str, known: frozenset[Subject]) -> list[Subject]:
    """Nationality subjects from a comma-separated list, or a 422 pointing to the valid codes."""
    group_codes = frozenset(s.code for s in known if s.dimension == Dimension.nationality)
    names = [name for name in (part.strip() for part in text.split(",")) if name]
    codes = {name: nationality_code(name, group_codes) for name in names}
    unknown = [name for name, code in codes.items() if code is None]
    if unknown or not names:
        message = (
            f"unknown nationality code(s) {', '.join(unknown) or '(none given)'}; valid codes are "
            "ISO 3166-1 alpha-3 codes and the group codes listed at /v1/nationalities"
        )
        raise invalid("nationality", message, text)
    chosen = dict.fromkeys(code for code in codes.values() if code)
    return [Subject(Dimension.nationality, code) for code in chosen]


def groups_named(text: str, known: frozenset[Subject]) -> list[Subject]:
    """Demographic subjects from a comma-separated list, or a 422 naming the valid groups."""
    names = [name for name in (part.strip() for part in text.split(",")) if name]
    subjects = {name: demographic_subject(name, known) for name in names}
    unknown = [name for name, subject in subjects.items() if subject is None]
    if unknown or not names:
        valid = sorted({f"{s.dimension}:{s.code}" for s in (*known, *DEMOGRAPHIC_GROUPS)})
        valid = [v for v in valid if not v.startswith("nationality:")]
        message = (
            f"unknown group(s) {', '.join(unknown) or '(none given)'}; valid groups: "
            f"{', '.join(valid)} (the part before the colon may be left out)"
        )
        raise invalid("group", message, text)
    return list(dict.fromkeys(s for s in subjects.values() if s))


GroupFilter = Annotated[list[Subject] | None, Depends(group_filter)]
