"""Derived figures on hand-made canonical series (no database), and the property that every
derived figure recomputes from the inputs it lists."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from app.domain.cells import CanonicalFigure, months_between
from app.domain.derive import (
    DerivedFigure,
    Operation,
    change_of,
    change_on_year,
    rolling_12_months,
    year_to_date,
    year_to_date_change,
)
from app.domain.periods import month_span, parse_month, year_span
from app.domain.reports import Cell, ReportedFigure, SourceInfo
from app.domain.vocabulary import (
    DatePrecision,
    Dimension,
    Qualifier,
    SelectionMethod,
    SourceKind,
    Unit,
)

LEDGER = SourceInfo(
    id="T1",
    publisher="A test ledger",
    wire=None,
    title="Monthly crossings",
    url="https://example.org/ledger",
    published=date(2041, 1, 5),
    published_precision=DatePrecision.day,
    kind=SourceKind.official,
    language="en",
    origin="A test ledger",
)
MONTHS = months_between((2038, 1), (2040, 12))
QUALIFIERS = st.sampled_from(list(Qualifier))


def canonical(period: str, value: int, qualifier: Qualifier = Qualifier.exact) -> CanonicalFigure:
    """A canonical total for a year or a month, with an id made from its period."""
    start, end = year_span(int(period)) if len(period) == 4 else month_span(*parse_month(period))
    cell = Cell("crossings", Dimension.total, None, Unit.people, start, end)
    figure = ReportedFigure(
        f"F{period}", cell, value, qualifier, "SNM", LEDGER, 1, None, None, None, None
    )
    return CanonicalFigure(figure, SelectionMethod.rule, "test", 1, 0, ())


def recompute(derived: DerivedFigure) -> float | None:
    """The derived value worked out again from its listed inputs, by its operation."""
    values = [f.value for f in derived.inputs]
    a, b = sum(values[: derived.terms]), sum(values[derived.terms :])
    if derived.operation is Operation.sum:
        return a + b
    if derived.operation is Operation.difference:
        return a - b
    return round(100 * (a - b) / b, 1) if b else None


series = st.dictionaries(
    st.sampled_from(MONTHS),
    st.tuples(st.integers(min_value=0, max_value=500_000), QUALIFIERS),
    max_size=len(MONTHS),
)


def every_derivation(
    drawn: dict[str, tuple[int, Qualifier]],
) -> tuple[dict[str, CanonicalFigure], list[DerivedFigure]]:
    """A drawn series as canonical months, and every figure derived for its last two years."""
    months = {period: canonical(period, value, q) for period, (value, q) in drawn.items()}
    derived = [
        figure
        for month in MONTHS[12:]
        for figure in (
            *change_of(month, months),
            *change_on_year(month, months),
            year_to_date(month, months),
            rolling_12_months(month, months),
            *year_to_date_change(month, months),
        )
    ]
    return months, derived


@given(series)
def test_every_derived_figure_recomputes_from_its_listed_inputs(
    drawn: dict[str, tuple[int, Qualifier]],
) -> None:
    months, derived_figures = every_derivation(drawn)
    for derived in derived_figures:
        assert [f.id for f in derived.inputs] == [
            months[p].figure.id for p in derived.input_periods if p in months
        ]
        if derived.value is None:
            continue
        assert derived.value == recompute(derived)
        exact = all(f.qualifier == "exact" for f in derived.inputs)
        assert derived.qualifier == ("exact" if exact else "approximate")
        assert all(f.id in derived.formula for f in derived.inputs)


@given(series)
def test_a_derived_figure_is_absent_exactly_when_an_input_is_missing_or_a_bound(
    drawn: dict[str, tuple[int, Qualifier]],
) -> None:
    months, derived_figures = every_derivation(drawn)
    for derived in derived_figures:
        missing = [p for p in derived.input_periods if p not in months]
        bound = [f for f in derived.inputs if f.qualifier in ("more_than", "less_than")]
        assert list(derived.missing) == missing
        from_zero = derived.operation is Operation.percent_change and recompute(derived) is None
        assert (derived.value is None) == bool(missing or bound or from_zero)
        assert (derived.reason is None) == (derived.value is not None)


def test_year_to_date_names_the_gap_instead_of_filling_it() -> None:
    months = {p: canonical(p, 100) for p in ("2040-01", "2040-03")}
    derived = year_to_date("2040-03", months)
    assert (derived.value, derived.missing, derived.period) == (
        None,
        ("2040-02",),
        "2040-01-01/2040-03-31",
    )
    assert derived.reason == "no canonical figure for 2040-02"
    assert derived.formula == "2040-01 + 2040-02 + 2040-03"


def test_a_bound_is_not_summed() -> None:
    months = {p: canonical(p, 100) for p in months_between((2040, 1), (2040, 3))}
    months["2040-02"] = canonical("2040-02", 100, Qualifier.more_than)
    derived = year_to_date("2040-03", months)
    assert derived.value is None
    assert derived.reason == "an input is a bound, not a count: F2040-02 (more_than)"


def test_change_from_zero_has_no_percent() -> None:
    years = {"2039": canonical("2039", 0), "2040": canonical("2040", 50)}
    absolute, percent = change_of("2040", years)
    assert (absolute.value, absolute.formula) == (50, "F2040 - F2039")
    assert (percent.value, percent.unit) == (None, "percent")
    assert "zero" in (percent.reason or "")


def test_rolling_twelve_months_crosses_the_year() -> None:
    months = {p: canonical(p, 10) for p in months_between((2039, 4), (2040, 3))}
    derived = rolling_12_months("2040-03", months)
    assert (derived.value, derived.period) == (120, "2039-04-01/2040-03-31")
    assert derived.input_periods[0] == "2039-04"


def test_year_to_date_change_compares_the_same_months() -> None:
    months = {p: canonical(p, 10) for p in months_between((2039, 1), (2039, 2))}
    months |= {
        p: canonical(p, 15, Qualifier.approximate) for p in months_between((2040, 1), (2040, 2))
    }
    absolute, percent = year_to_date_change("2040-02", months)
    assert (absolute.value, percent.value, absolute.qualifier) == (10, 50.0, "approximate")
    assert absolute.formula == "(F2040-01 + F2040-02) - (F2039-01 + F2039-02)"
