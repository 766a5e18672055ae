"""Unit and property tests for app.extract, one behaviour per test."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.extract import ExtractedFigure, Period, Subject, detect_language, extract_figures
from app.extract.numbers import find_numbers

PUBLISHED = date(2024, 5, 20)
YEAR_2023 = Period(date(2023, 1, 1), date(2023, 12, 31))
TOTAL = Subject("total", None)


def only(text: str, published: date | None = PUBLISHED) -> ExtractedFigure:
    figures = extract_figures(text, published)
    assert len(figures) == 1, figures
    return figures[0]


# Number forms ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("520,085", 520085),
        ("520.085", 520085),
        ("520 085", 520085),
        ("520\u00a0085", 520085),
        ("36, 001", 36001),
        ("520 mil 85", 520085),
        ("1.2 million", 1_200_000),
        ("1,2 millones de", 1_200_000),
        ("half a million", 500_000),
        ("medio millón de", 500_000),
        ("a quarter of a million", 250_000),
        ("un cuarto de millón de", 250_000),
        ("250 mil", 250_000),
        ("30.000", 30_000),
        ("cuarenta y cuatro mil", 44_000),
        ("forty-four thousand", 44_000),
        ("two hundred", 200),
        ("ciento veinte mil", 120_000),
        ("one hundred and twenty thousand", 120_000),
        ("dos millones y medio de", 2_500_000),
        ("un millón doscientos mil", 1_200_000),
    ],
)
def test_number_forms(phrase: str, value: int) -> None:
    figure = only(f"In 2023, {phrase} migrants crossed the Darién.")
    assert (figure.value, figure.unit) == (value, "people")


@pytest.mark.parametrize("phrase", ["63%", "63 %", "63 percent", "63 per cent", "63 por ciento"])
def test_percentages(phrase: str) -> None:
    figure = only(f"In 2023, {phrase} of the migrants who crossed the Darién were Venezuelans.")
    assert (figure.value, figure.unit) == (63, "percent")
    assert figure.subject == Subject("nationality", "VEN")


def test_years_and_small_spelled_numbers_are_not_figures() -> None:
    assert find_numbers("in 2023")[0].is_year
    assert extract_figures("Two migrants crossed the Darién in 2023.", PUBLISHED) == []


# Qualifiers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hedge", "qualifier"),
    [
        ("", "exact"),
        ("nearly", "approximate"),
        ("almost", "approximate"),
        ("about", "approximate"),
        ("around", "approximate"),
        ("some", "approximate"),
        ("roughly", "approximate"),
        ("casi", "approximate"),
        ("unos", "approximate"),
        ("alrededor de", "approximate"),
        ("cerca de", "approximate"),
        ("aproximadamente", "approximate"),
        ("more than", "more_than"),
        ("over", "more_than"),
        ("at least", "more_than"),
        ("upwards of", "more_than"),
        ("más de", "more_than"),
        ("al menos", "more_than"),
        ("less than", "less_than"),
        ("fewer than", "less_than"),
        ("under", "less_than"),
        ("menos de", "less_than"),
    ],
)
def test_qualifiers(hedge: str, qualifier: str) -> None:
    figure = only(f"In 2023, {hedge} 520,085 migrants crossed the Darién.")
    assert figure.qualifier == qualifier


@pytest.mark.parametrize(
    "sentence",
    [
        "En 2023 superan las 500.000 personas los migrantes que cruzaron el Darién.",
        "En 2023 las personas que cruzaron el Darién son superior a 500.000 personas.",
        "Los cruces del Darién en 2023 supera los 500.000 migrantes.",
    ],
)
def test_spanish_more_than_verbs(sentence: str) -> None:
    assert only(sentence).qualifier == "more_than"


def test_rounded_fraction_is_approximate() -> None:
    assert only("Half a million people crossed the Darién in 2023.").qualifier == "approximate"


# Periods -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("in 2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("en 2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("in August 2023", date(2023, 8, 1), date(2023, 8, 31)),
        ("en agosto de 2023", date(2023, 8, 1), date(2023, 8, 31)),
        ("in March", date(2024, 3, 1), date(2024, 3, 31)),
        ("en agosto", date(2023, 8, 1), date(2023, 8, 31)),
        ("from January to April", date(2024, 1, 1), date(2024, 4, 30)),
        ("entre enero y abril", date(2024, 1, 1), date(2024, 4, 30)),
        ("between January 1 and March 15, 2023", date(2023, 1, 1), date(2023, 3, 15)),
        ("el primer trimestre", date(2024, 1, 1), date(2024, 3, 31)),
        ("in the first half of the year", date(2024, 1, 1), date(2024, 6, 30)),
        ("en el primer semestre de 2023", date(2023, 1, 1), date(2023, 6, 30)),
        ("in the first eight months of 2023", date(2023, 1, 1), date(2023, 8, 31)),
        ("between 2021 and 2023", date(2021, 1, 1), date(2023, 12, 31)),
        ("so far this year", date(2024, 1, 1), PUBLISHED),
        ("en lo que va del año", date(2024, 1, 1), PUBLISHED),
        ("this year", date(2024, 1, 1), PUBLISHED),
        ("since January", date(2024, 1, 1), PUBLISHED),
        ("through April", date(2024, 1, 1), date(2024, 4, 30)),
        ("last year", date(2023, 1, 1), date(2023, 12, 31)),
        ("el año pasado", date(2023, 1, 1), date(2023, 12, 31)),
        ("last month", date(2024, 4, 1), date(2024, 4, 30)),
        ("el mes pasado", date(2024, 4, 1), date(2024, 4, 30)),
    ],
)
def test_periods(phrase: str, start: date, end: date) -> None:
    figure = only(f"Panama said 120,000 migrants crossed the Darién {phrase}.")
    assert figure.period == Period(start, end)


def test_period_without_publication_date_is_none_when_relative() -> None:
    assert only("120,000 migrants crossed the Darién last year.", None).period is None


def test_period_is_none_when_absent() -> None:
    assert only("Officials say 120,000 migrants crossed the Darién.").period is None


def test_previous_year_is_relative_to_the_year_in_context() -> None:
    figures = extract_figures(
        "In 2023, 520,085 people crossed the Darién, up from 248,284 the year before.", PUBLISHED
    )
    assert [f.period for f in figures] == [YEAR_2023, Period(date(2022, 1, 1), date(2022, 12, 31))]


def test_same_period_moves_the_earlier_period() -> None:
    figures = extract_figures(
        "Entre enero y marzo de 2023 cruzaron 87.390 personas el Darién, frente a 13.425 en el "
        "mismo periodo de 2022.",
        PUBLISHED,
    )
    assert figures[1].period == Period(date(2022, 1, 1), date(2022, 3, 31))


def test_period_is_inherited_within_a_paragraph() -> None:
    figures = extract_figures(
        "In 2023, 520,085 people crossed the Darién. Of those, 113,180 were minors.", PUBLISHED
    )
    assert [f.period for f in figures] == [YEAR_2023, YEAR_2023]


# Subjects ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "subject"),
    [
        ("people", TOTAL),
        ("Venezuelans", Subject("nationality", "VEN")),
        ("venezolanos", Subject("nationality", "VEN")),
        ("Haitians", Subject("nationality", "HTI")),
        ("haitianas", Subject("nationality", "HTI")),
        ("Ecuadorians", Subject("nationality", "ECU")),
        ("Chinese nationals", Subject("nationality", "CHN")),
        ("colombianos", Subject("nationality", "COL")),
        ("Cubans", Subject("nationality", "CUB")),
        ("Chileans", Subject("nationality", "CHL")),
        ("Indians", Subject("nationality", "IND")),
        ("people from Afghanistan", Subject("nationality", "AFG")),
        ("personas procedentes de Camerún", Subject("nationality", "CMR")),
        ("children", Subject("age", "minors")),
        ("niños, niñas y adolescentes", Subject("age", "minors")),
        ("menores de edad", Subject("age", "minors")),
        ("adults", Subject("age", "adults")),
        ("unaccompanied minors", Subject("age", "unaccompanied_minors")),
        ("menores no acompañados", Subject("age", "unaccompanied_minors")),
        ("men", Subject("sex_age", "men")),
        ("mujeres", Subject("sex_age", "women")),
        ("boys", Subject("sex_age", "boys")),
        ("girls", Subject("sex_age", "girls")),
        ("niños chilenos", Subject("nationality", "CHL")),
        ("migrants listed as Chileans", Subject("nationality", "CHL")),
        ("women and girls", Subject("sex", "women")),
    ],
)
def test_subjects_after_the_number(phrase: str, subject: Subject) -> None:
    assert only(f"In 2023, 12,500 {phrase} crossed the Darién.").subject == subject


def test_counts_listed_as_a_nationality() -> None:
    text = "Panama's 2021 Darién ledger lists 11,170 people as Chilean and 7,050 as Brazilian."
    assert [f.subject.value for f in extract_figures(text, PUBLISHED)] == ["CHL", "BRA"]


def test_as_before_a_clause_is_no_listing() -> None:
    figure = only("In 2023, crossings passed 400,000 as Venezuelans dominated the Darién flow.")
    assert figure.subject == Subject("total", None)


def test_subject_named_before_the_number() -> None:
    figures = extract_figures(
        "In 2023 Venezuelans led with 328,650, followed by Haitians (46,558).", PUBLISHED
    )
    assert [f.subject.value for f in figures] == ["VEN", "HTI"]


def test_percentage_base_is_not_its_subject() -> None:
    figure = only("Women accounted for 19% of adults who crossed the Darién in 2023.")
    assert figure.subject == Subject("sex_age", "women")


def test_percentage_without_a_subject_is_dropped() -> None:
    assert extract_figures("In 2023, 63% of the budget went to the Darién.", PUBLISHED) == []


# Distractors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Panama deported 1,200 Colombians on repatriation flights in 2023.",
        "Repatriation flights carried 1,200 Venezuelans and 800 Colombians in 2023.",
        "US Border Patrol recorded 2.4 million encounters in 2023.",
        "Agents made 250,000 apprehensions at the southern border in 2023.",
        "Some 14,000 migrants travelled south through Panama in 2024.",
        "Unas 9.000 personas han regresado hacia el sur en lo que llaman flujo inverso.",
        "At least 55 migrants died in the Darién in 2023.",
        "Rescuers recovered 36 bodies from the jungle in 2023.",
        "Smugglers charge $500 per person to cross the Darién.",
        "The trip costs 300 dollars per migrant in the Darién.",
        "The route covers 100 kilometres of the Darién jungle.",
        "The park spans 575,000 hectares of the Darién jungle.",
        "Officials expect the Darién flow could reach 600,000 people in 2024.",
        "Se prevé que 700.000 migrantes crucen el Darién en 2024.",
        "Darién crossings could even exceed 600,000 in 2024.",
        "Darién crossings could well reach 600,000 in 2024.",
        "Crossings rose by 85% in 2023 in the Darién.",
        "There was an increase of 85% in Darién crossings in 2023.",
        "Some 40,000 more people than last year crossed the Darién in 2023.",
        "Crossings saw a drop of 40,000 in the Darién in 2024.",
        "About 2,000 migrants a day crossed the Darién in August 2023.",
        "Llegan unos 2.000 migrantes diarios al Darién.",
        "The 120 pages of the Darién report were published in 2023.",
        "Panama's Darién station phone is +507 6123-4567.",
        "Esta nota sobre el Darién tiene 12.345 vistas.",
        "A 7-year-old girl crossed the Darién in 2023.",
        "Panama runs 12 shelters and 150 officers for Darién migrants.",
        "The ministry bought 20 buses for Darién migrants in 2023.",
        "About 3,500 migrants were stranded in Necoclí waiting to cross the Darién.",
        "Did 800,000 migrants cross the Darién in 2023?",
        "¿Cruzaron 800.000 migrantes el Darién en 2023? Falso.",
        "No, a million people did not cross the Darién in 2023.",
        'A viral post claims "ONE MILLION people crossed the Darién in 2023".',
        "In this village of about 400 people near the Darién, 2023 was hard.",
        "The Darién station, built for 1,500 people, was full in 2023.",
        "On the Costa Rican side, officials counted 87,000 people in 2023.",
    ],
)
def test_distractors_are_not_reported(sentence: str) -> None:
    assert extract_figures(sentence, PUBLISHED) == []


def test_a_question_why_keeps_its_figure() -> None:
    figure = extract_figures("Why did 500,000 people cross the Darién in 2023?", PUBLISHED)
    assert [f.value for f in figure] == [500_000]


def test_corrected_figure_replaces_the_original() -> None:
    figures = extract_figures(
        "The ministry initially reported 82,000 crossings of the Darién in August 2023, a figure "
        "later corrected to 81,946.",
        PUBLISHED,
    )
    assert [f.value for f in figures] == [81946]


def test_figure_marked_as_previously_reported_is_dropped() -> None:
    figures = extract_figures(
        "In August 2023, 81,946 people crossed the Darién, not 82,000 as previously reported.",
        PUBLISHED,
    )
    assert [f.value for f in figures] == [81946]


def test_spanish_quote_inside_english_story() -> None:
    figure = only(
        "“En lo que va del año han cruzado casi 80.000 personas”, the deputy director said."
    )
    assert (figure.value, figure.qualifier) == (80000, "approximate")
    assert figure.period == Period(date(2024, 1, 1), PUBLISHED)


def test_a_lone_figure_quotes_its_sentence_and_offsets_point_at_it() -> None:
    text = "Headline.\n\nIn 2023, 520,085 people crossed the Darién. Another sentence."
    figure = only(text)
    assert figure.quote == "In 2023, 520,085 people crossed the Darién."
    assert text[figure.start : figure.end] == figure.quote


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("In 2023, more than half a million people crossed the jungle.", "en"),
        ("En 2023, más de medio millón de personas cruzaron la selva.", "es"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_language_argument_is_accepted() -> None:
    assert extract_figures("En 2023 cruzaron 520.085 personas.", None, "es")[0].value == 520085


# Properties --------------------------------------------------------------------------------

_SEPARATORS = st.sampled_from([",", ".", " ", "\u00a0", ", "])


def _grouped(value: int, separator: str) -> str:
    return f"{value:,}".replace(",", separator)


@settings(database=None, max_examples=200, deadline=None)
@given(value=st.integers(min_value=1000, max_value=999_999_999), separator=_SEPARATORS)
def test_grouped_integers_parse_back(value: int, separator: str) -> None:
    numbers = find_numbers(f"Unos {_grouped(value, separator)} migrantes.")
    assert [n.value for n in numbers] == [value]


@settings(database=None, max_examples=100, deadline=None)
@given(value=st.integers(min_value=100, max_value=9_999_999), separator=_SEPARATORS)
def test_grouped_integers_become_figures(value: int, separator: str) -> None:
    figure = only(f"In 2023, {_grouped(value, separator)} migrants crossed the Darién.")
    assert figure.value == value


_PROSE = st.text(
    alphabet=st.sampled_from(list("abcdeñó AEIOU0123456789.,;:%$-–\n“”()")) | st.characters(),
    max_size=300,
)


@settings(database=None, max_examples=300, deadline=None)
@given(text=_PROSE)
def test_never_raises_and_offsets_hold(text: str) -> None:
    for figure in extract_figures(text, PUBLISHED):
        assert text[figure.start : figure.end] == figure.quote


@settings(database=None, max_examples=150, deadline=None)
@given(
    prefix=_PROSE,
    value=st.integers(min_value=100, max_value=10_000_000),
    suffix=_PROSE,
)
def test_offsets_hold_around_real_figures(prefix: str, value: int, suffix: str) -> None:
    text = f"{prefix}\n\nIn 2023, {value:,} migrants crossed the Darién.\n\n{suffix}"
    figures = extract_figures(text, PUBLISHED)
    assert any(f.value == value for f in figures)
    for figure in figures:
        assert text[figure.start : figure.end] == figure.quote


def test_absurdly_long_digit_runs_are_not_figures() -> None:
    text = "In 2023, " + "9" * 400 + " migrants crossed the Darién, and 12345678901234 more."
    assert extract_figures(text) == []
