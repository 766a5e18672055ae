"""The fixed vocabularies of the record: one StrEnum each, shared by storage, domain and the API."""

from enum import StrEnum


class SourceKind(StrEnum):
    official = "official"
    un_agency = "un_agency"
    ngo = "ngo"
    news = "news"
    research = "research"


class DatePrecision(StrEnum):
    day = "day"
    month = "month"
    approx = "approx"
    unknown = "unknown"


class Dimension(StrEnum):
    total = "total"
    nationality = "nationality"
    sex = "sex"
    age = "age"
    sex_age = "sex_age"


class Unit(StrEnum):
    people = "people"
    percent = "percent"


class Qualifier(StrEnum):
    exact = "exact"
    approximate = "approximate"
    more_than = "more_than"
    less_than = "less_than"


class SelectionMethod(StrEnum):
    """How a canonical figure was chosen."""

    editorial = "editorial"  # a recorded decision
    rule = "rule"  # the ranking rule


class PeriodMatch(StrEnum):
    """How another figure's period relates to the canonical figure's."""

    same = "same"
    near_complete = "near_complete"  # a cut that stops a little short of the period's end


class Verdict(StrEnum):
    """What the record says of a claim."""

    consistent = "consistent"
    inconsistent = "inconsistent"
    unverifiable = "unverifiable"


class Reading(StrEnum):
    """How a claim's figure was read when judged: its qualifier, or what an unhedged or
    "nearly" figure is taken to mean."""

    exact = "exact"
    approximate = "approximate"  # the values that round to it, half a step either way
    nearly = "nearly"  # the half step just below it
    more_than = "more_than"
    less_than = "less_than"


class FigureStatus(StrEnum):
    """Whether an editor has checked a figure: the seed's are reviewed, uploads provisional."""

    reviewed = "reviewed"
    provisional = "provisional"  # ingested through the API, not yet reviewed
