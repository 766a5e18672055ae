"""Pure reconciliation: pick one canonical figure per cell and judge whether the others agree.

A *cell* is (metric, period_start, period_end, dimension, dimension_value, unit). Nothing here
touches the database or HTTP: callers pass plain values and get plain values back.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.periods import near_complete_period

# Panama's own counting bodies come first: they produce the count everyone else repeats.
OFFICIAL = frozenset({"SNM", "MinSeg", "SENAFRONT", "SENNIAF", "Panama-gov"})
# UN and international agencies usually cite the SNM count, sometimes with their own scope.
AGENCY = frozenset({"IOM", "UNICEF", "UNHCR", "UNHCR/IOM", "OCHA", "OHCHR", "IFRC"})
# NGOs, research bodies, the Colombian ombudsman and foreign governments (US-DHS) count by other
# methods or repeat Panama's count at second hand.
OTHER_BODY = frozenset({"HRW", "ICG", "Defensoria-Colombia", "US-DHS"})

QUALIFIER_RANK = {"exact": 0, "approximate": 1, "more_than": 2, "less_than": 2}

RULE_TEXT = (
    "Where no editorial choice is recorded, the canonical figure is the first after sorting by: "
    "reviewed figures before provisional ones (ingested and not yet reviewed); attribution (Panama's official bodies, then UN and international agencies, then other "
    "bodies, then the press without a named body); exact before rounded or bounded; the later "
    "publication before an earlier, preliminary one; more independent origins for the same value "
    "before fewer (syndicated copies of one wire story count once); then the figure id."
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the reconciler needs to know about one reported figure."""

    figure_id: str
    value: float
    unit: str
    qualifier: str
    attributed_to: str
    published: date | None
    origin: str
    provisional: bool = False  # ingested and not yet reviewed: never chosen over a reviewed one


@dataclass(frozen=True, slots=True)
class Choice:
    """A recorded editorial decision for a cell; figure_id None means no figure is canonical."""

    figure_id: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """Another figure of the cell, judged against the canonical one."""

    figure_id: str
    agrees: bool | None  # None when the cell has no canonical figure to compare with


@dataclass(frozen=True, slots=True)
class Reconciled:
    """The outcome for one cell."""

    canonical_id: str | None
    method: str  # "editorial" | "rule" | "excluded"
    reason: str
    others: tuple[Comparison, ...]


def attribution_rank(attributed_to: str) -> int:
    """0 official, 1 agency, 2 other body, 3 press or unattributed."""
    if attributed_to in OFFICIAL:
        return 0
    if attributed_to in AGENCY:
        return 1
    if attributed_to in OTHER_BODY:
        return 2
    return 3


def rounding_step(value: float) -> float:
    """The place value of the last significant digit as written (250,000 -> 10,000; 63.4 -> 0.1)."""
    if value <= 0:
        return 1.0
    if value != int(value):
        # repr gives the shortest decimal that reads back as this float: the digits as written.
        exponent = Decimal(repr(float(value))).as_tuple().exponent
        return float(Decimal(1).scaleb(exponent)) if isinstance(exponent, int) else 1.0
    step = 1
    whole = int(value)
    while whole % (step * 10) == 0:
        step *= 10
    return float(step)


def rounding_slack(value: float) -> float:
    """Half a rounding step of the value as written, and at least 1% of it."""
    return max(rounding_step(value) / 2, 0.01 * abs(value))


def bounds(value: float, qualifier: str, unit: str) -> tuple[float, float]:
    """The interval of true values a figure is compatible with (qualifier, or a claim's reading).

    exact: the value itself (a share in percent is itself rounded, so +/- 0.5 points);
    approximate: the values that round to it at the precision it is written in, half a step
    either way, and at least 1% of it ("about 300,000" -> 250,000..350,000; "250,000" read as
    rounded -> 245,000..255,000; "about 30,000" -> 29,700..30,300);
    nearly: the half step just below it ("nearly 250,000" -> 245,000..250,000);
    more_than: [value, inf); less_than: (-inf, value].
    """
    if qualifier == "more_than":
        return value, math.inf
    if qualifier == "less_than":
        return -math.inf, value
    if qualifier == "approximate":
        slack = rounding_slack(value)
        return value - slack, value + slack
    if qualifier == "nearly":
        return value - rounding_slack(value), value
    slack = 0.5 if unit == "percent" else 0.0
    return value - slack, value + slack


def agrees(a: Candidate, b: Candidate) -> bool:
    """Two figures agree when the intervals they are compatible with overlap."""
    if a.unit != b.unit:
        return False
    a_lo, a_hi = bounds(a.value, a.qualifier, a.unit)
    b_lo, b_hi = bounds(b.value, b.qualifier, b.unit)
    return a_lo <= b_hi and b_lo <= a_hi


def independent_origins(candidates: Iterable[Candidate]) -> dict[tuple[float, str], int]:
    """How many distinct origins (wire or outlet) report each (value, qualifier)."""
    seen: dict[tuple[float, str], set[str]] = {}
    for c in candidates:
        seen.setdefault((c.value, c.qualifier), set()).add(c.origin)
    return {key: len(origins) for key, origins in seen.items()}


def rank_candidates(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Candidates in order of preference under the stated rule (RULE_TEXT)."""
    origins = independent_origins(candidates)

    def key(c: Candidate) -> tuple[bool, int, int, int, int, str]:
        published = c.published.toordinal() if c.published else 0
        return (
            c.provisional,
            attribution_rank(c.attributed_to),
            QUALIFIER_RANK.get(c.qualifier, 3),
            -published,
            -origins[(c.value, c.qualifier)],
            c.figure_id,
        )

    return sorted(candidates, key=key)


def choose_canonical(
    candidates: Sequence[Candidate],
    choice: Choice | None = None,
    near: Sequence[Candidate] = (),
) -> Reconciled:
    """Pick the canonical figure of one cell and compare every other figure with it.

    `near` are figures for a slightly shorter span (a mid-December cut reported as the year):
    they are compared with the canonical figure but can never be chosen.
    """
    if not candidates:
        return Reconciled(None, "rule", "no figure reported", ())
    by_id = {c.figure_id: c for c in candidates}
    if choice is not None and choice.figure_id is None:
        ranked = [*rank_candidates(candidates), *rank_candidates(near)]
        return Reconciled(
            None, "excluded", choice.reason, tuple(Comparison(c.figure_id, None) for c in ranked)
        )
    if choice is not None and choice.figure_id in by_id:
        canonical, method, reason = by_id[choice.figure_id], "editorial", choice.reason
    else:
        canonical, method, reason = rank_candidates(candidates)[0], "rule", RULE_TEXT
    ranked = [*rank_candidates(candidates), *rank_candidates(near)]
    others = tuple(
        Comparison(c.figure_id, agrees(c, canonical))
        for c in ranked
        if c.figure_id != canonical.figure_id
    )
    return Reconciled(canonical.figure_id, method, reason, others)


SPAN_RULE_TEXT = (
    "A breakdown is taken from the figures whose period starts with the period asked for and ends "
    "within it: a figure for the full period first; failing that, the cut that covers most of it "
    "(the latest end), which is then marked as partial. Within the chosen period the canonical "
    "figure follows the ranking rule."
)


def choose_span(
    spans: Iterable[tuple[date, date]], full: tuple[date, date], *, near_only: bool = False
) -> tuple[date, date] | None:
    """The period to read a breakdown from: `full` itself first, else the longest cut of it that
    starts with it (SPAN_RULE_TEXT). near_only keeps only cuts a little short of the full period
    (periods.near_complete_period), for series that must not mix in half-year cuts."""
    inside = [s for s in spans if s[0] == full[0] and s[1] <= full[1]]
    if near_only:
        inside = [s for s in inside if s == full or near_complete_period(*s) == full]
    if full in inside:
        return full
    return max(inside, key=lambda s: s[1], default=None)
