"""Document-level reading in app.extract: headlines, datelines, relative spans, context, shares."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract import ExtractedFigure, Period, Subject, extract_figures

MINORS = Subject("age", "minors")


def figures_of(text: str, published: date) -> list[tuple[float, Period | None]]:
    return [(f.value, f.period) for f in extract_figures(text, published)]


def only(text: str, published: date | None) -> ExtractedFigure:
    figures = extract_figures(text, published)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("phrase", "published", "start", "end"),
    [
        ("in the last three months", date(2024, 4, 2), date(2024, 1, 1), date(2024, 3, 31)),
        ("over the past 12 months", date(2024, 4, 2), date(2023, 4, 1), date(2024, 3, 31)),
        ("en los últimos tres meses", date(2024, 10, 4), date(2024, 7, 1), date(2024, 9, 30)),
        ("in the last quarter", date(2024, 1, 15), date(2023, 10, 1), date(2023, 12, 31)),
        ("from January to mid-October", date(2023, 10, 20), date(2023, 1, 1), date(2023, 10, 15)),
        ("en lo que va de año", date(2024, 3, 5), date(2024, 1, 1), date(2024, 3, 5)),
        ("en lo que va de agosto", date(2023, 8, 15), date(2023, 8, 1), date(2023, 8, 15)),
        ("in the second half of the year", date(2025, 1, 3), date(2024, 7, 1), date(2024, 12, 31)),
        ("over the March-to-May stretch", date(2023, 6, 5), date(2023, 3, 1), date(2023, 5, 31)),
        ("desde inicios de año", date(2024, 11, 4), date(2024, 1, 1), date(2024, 11, 4)),
        ("over January-to-mid-August", date(2024, 8, 20), date(2024, 1, 1), date(2024, 8, 15)),
    ],
)
def test_relative_spans(phrase: str, published: date, start: date, end: date) -> None:
    figure = only(f"Some 30,500 migrants crossed the Darién {phrase}.", published)
    assert figure.period == Period(start, end)


def test_a_dateline_date_is_not_the_period() -> None:
    text = (
        "GENEVA, April 2 (Reuters) - Some 30,000 children crossed the Darién jungle in the last "
        "three months, the agency said."
    )
    assert only(text, date(2024, 4, 2)).period == Period(date(2024, 1, 1), date(2024, 3, 31))


def test_a_headline_figure_takes_the_period_of_the_lead() -> None:
    text = (
        "Darien crossings pass 400,000\n\n"
        "PANAMA CITY, Oct 8 (Reuters) - More than 400,000 migrants have crossed the Darien Gap "
        "so far this year, officials said."
    )
    ytd = Period(date(2023, 1, 1), date(2023, 10, 8))
    assert figures_of(text, date(2023, 10, 8)) == [(400000, ytd), (400000, ytd)]


def test_those_three_months_points_back_to_the_span_not_the_comparison() -> None:
    text = (
        "Entre junio y agosto cruzaron 188.000 personas, frente a 104.000 de marzo a mayo.\n\n"
        "Los haitianos representaron el 9 % del trimestre."
    )
    share = extract_figures(text, date(2023, 9, 1))[-1]
    assert (share.value, share.period) == (9, Period(date(2023, 6, 1), date(2023, 8, 31)))


def test_a_year_in_a_relative_clause_does_not_date_the_figure() -> None:
    text = (
        "En el primer trimestre de 2022 cruzaron 13.425 personas.\n\n"
        "Los haitianos, que fueron mayoría en 2021, representaron apenas el 5 %."
    )
    share = extract_figures(text, date(2022, 4, 8))[-1]
    assert share.period == Period(date(2022, 1, 1), date(2022, 3, 31))


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Children accounted for a fifth of the total so far this year.", 20),
        ("Los niños fueron un cuarto del total en lo que va del año.", 25),
        ("En lo que va del año, uno de cada cinco migrantes es menor de edad.", 20),
        ("So far this year, roughly one in six crossers has been a minor.", 16.7),
        ("En lo que va del año, una cuarta parte eran menores.", 25),
        ("En lo que va del año, uno de cada diez, además, era menor de edad.", 10),
    ],
)
def test_shares_in_words(sentence: str, value: float) -> None:
    figure = only(sentence, date(2024, 5, 20))
    assert (figure.value, figure.unit, figure.subject) == (value, "percent", MINORS)


def test_a_quarter_of_a_million_stays_a_count() -> None:
    figure = only("In 2023, a quarter of a million migrants crossed the Darién.", date(2024, 1, 2))
    assert (figure.value, figure.unit) == (250000, "people")


def test_a_share_in_brackets_keeps_the_count_subject() -> None:
    text = "So far this year 211,000 migrants crossed; Venezuelans made up 150,300 of them (71.2%)."
    share = extract_figures(text, date(2022, 11, 4))[-1]
    assert (share.value, share.subject) == (71.2, Subject("nationality", "VEN"))


@pytest.mark.parametrize(
    "sentence",
    [
        "In Costa Rica, authorities counted 480,000 migrants entering from Panama in 2023.",
        "Officials said 2024 could see about 300,000 crossings.",
        "UNICEF is appealing for funds to support 400,000 people in transit countries in 2023.",
        "Panama flew 1,400 migrants back to Colombia in 2024.",
    ],
)
def test_counts_that_are_not_darien_crossings(sentence: str) -> None:
    assert extract_figures(sentence, date(2024, 12, 1)) == []


def test_two_figures_in_one_sentence_get_two_clauses() -> None:
    text = (
        "In 2023, 56,600 were Haitians and 12,800 Cubans, while Venezuelans numbered about 240,000."
    )
    figures = extract_figures(text, date(2024, 1, 5))
    assert [f.quote for f in figures] == [
        "In 2023, 56,600 were Haitians",
        "12,800 Cubans",
        "Venezuelans numbered about 240,000.",
    ]
    assert all(text[f.start : f.end] == f.quote for f in figures)


def test_a_share_in_brackets_shares_the_clause_of_its_count() -> None:
    text = "In 2022, Venezuelans made up 150,300 of them (71.2%)."
    assert {f.quote for f in extract_figures(text, date(2023, 1, 5))} == {text}


def test_without_a_publication_date_the_date_line_above_the_body_is_used() -> None:
    text = (
        "Caen los cruces\n\nPor Ana Gómez\nPublicado el 5 de marzo de 2024\n\n"
        "En lo que va de año, la cifra suma 65.800 migrantes."
    )
    figure = only(text, None)
    assert figure.period == Period(date(2024, 1, 1), date(2024, 3, 5))


def test_a_date_inside_the_body_is_not_a_publication_date() -> None:
    text = (
        "Caen los cruces\n\nEl 5 de marzo de 2024 se supo que en lo que va de año cruzaron 65.800."
    )
    assert only(text, None).period is None


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "PANAMA CITY, Oct 8 (Reuters) - More than 400,000 migrants have crossed the Darien "
            "Gap so far this year, Panama's migration service said on Sunday.",
            "More than 400,000 migrants have crossed the Darien Gap so far this year",
        ),
        (
            "Ciudad de Panamá, 3 sep (EFE).- Un total de 333.000 migrantes cruzaron la selva en lo "
            "que va de 2023, según las autoridades panameñas.",
            "Un total de 333.000 migrantes cruzaron la selva en lo que va de 2023",
        ),
    ],
)
def test_a_lone_figure_quote_leaves_out_dateline_and_attribution(text: str, quote: str) -> None:
    figure = only(text, date(2023, 10, 8))
    assert figure.quote == quote
    assert text[figure.start : figure.end] == quote


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("In 2023, two in five migrants who crossed the Darién were children.", 40),
        ("En 2023, tres de cada diez migrantes que cruzaron el Darién eran niños.", 30),
        ("In 2023, one out of every five people who crossed the Darién was a child.", 20),
        ("In 2023, 1 in 5 crossers was a child.", 20),
    ],
)
def test_shares_as_one_in_n(sentence: str, value: float) -> None:
    figure = only(sentence, date(2024, 5, 20))
    assert (figure.value, figure.subject, figure.period) == (
        value,
        MINORS,
        Period(date(2023, 1, 1), date(2023, 12, 31)),
    )


def test_a_publication_date_does_not_date_a_figure() -> None:
    text = "Its report, published in November, found that 4,000 migrants crossed the Darién."
    assert only(text, date(2023, 12, 1)).period is None


def test_a_count_restating_a_share_keeps_its_subject() -> None:
    text = "In 2023, Venezuelans made up a quarter of the total, or 97,500 (25%)."
    figures = extract_figures(text, date(2024, 1, 1))
    assert [(f.value, f.subject.value) for f in figures] == [
        (25, "VEN"),
        (97500, "VEN"),
        (25, "VEN"),
    ]
    assert figures[1].quote == "97,500 (25%)."


@pytest.mark.parametrize(
    "text",
    [
        "Between Jan. 1 and Sept. 30, 390,000 people crossed the Darién.",
        "From January through Sept. 30, 390,000 people crossed the Darién.",
    ],
)
def test_abbreviated_months_and_a_day_before_the_count(text: str) -> None:
    figure = only(text, date(2023, 10, 9))
    assert (figure.value, figure.period) == (390000, Period(date(2023, 1, 1), date(2023, 9, 30)))


def test_a_spanish_dateline_abbreviation_is_a_date() -> None:
    text = "Panamá, 3 ene (EFE).- Migración informó que 36.300 personas cruzaron el mes pasado."
    assert only(text, date(2024, 2, 3)).period == Period(date(2024, 1, 1), date(2024, 1, 31))


def test_a_paragraph_listing_counts_goes_on_with_the_one_before() -> None:
    text = (
        "En los últimos tres meses, 57.100 personas cruzaron el Darién.\n\n"
        "Mes a mes: julio, 21.700; agosto, 21.900; septiembre, 13.500.\n\n"
        "Vistas: 3.412 | Compartido: 1.204 veces"
    )
    figures = figures_of(text, date(2024, 10, 8))
    assert [value for value, _ in figures] == [57_100, 21_700, 21_900, 13_500]
    assert figures[1][1] == Period(date(2024, 7, 1), date(2024, 7, 31))


def test_a_dotted_list_gives_each_count_its_own_month() -> None:
    text = "In the last two months, 73,640 people crossed the Darién.\nJanuary: 36,001 · February: 37,639"
    assert figures_of(text, date(2024, 3, 6))[1:] == [
        (36_001, Period(date(2024, 1, 1), date(2024, 1, 31))),
        (37_639, Period(date(2024, 2, 1), date(2024, 2, 29))),
    ]


def test_same_months_of_last_year_keep_their_length() -> None:
    text = (
        "En enero cruzaron 20.000 personas. En el primer bimestre, 37.000. "
        "En los mismos dos meses del año pasado la cifra fue de 8.470."
    )
    assert figures_of(text, date(2023, 3, 6))[-1] == (
        8_470,
        Period(date(2022, 1, 1), date(2022, 2, 28)),
    )


def test_the_same_six_months_of_another_year_skip_a_year_named_between() -> None:
    text = (
        "In the first six months of 2023, 52,000 migrants crossed the Darién, more than in all "
        "of 2021. In the same six months of 2022, fewer than 49,000 had made the trek."
    )
    assert figures_of(text, date(2023, 7, 10))[-1] == (
        49_000,
        Period(date(2022, 1, 1), date(2022, 6, 30)),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Between January and April, 88,000 people crossed the Darién. Last year, in "
        "those same four months, Haitians made up 41% of the flow.",
        "Entre enero y abril cruzaron el Darién 88.000 personas. El año pasado, en esos mismos "
        "cuatro meses, los haitianos fueron el 41 % del flujo.",
    ],
)
def test_a_fronted_year_moves_the_same_months_into_it(text: str) -> None:
    assert figures_of(text, date(2023, 5, 8))[-1] == (
        41,
        Period(date(2022, 1, 1), date(2022, 4, 30)),
    )


def test_the_same_quarter_a_year_earlier_skips_a_week_named_in_between() -> None:
    text = (
        "In the second quarter, 61,200 migrants crossed the Darién; in the last week of June "
        "stations were full. The same quarter a year earlier saw 40,150 people make the trek."
    )
    assert figures_of(text, date(2023, 7, 12))[-1] == (
        40_150,
        Period(date(2022, 4, 1), date(2022, 6, 30)),
    )


def test_a_year_earlier_points_past_the_other_side_of_a_comparison() -> None:
    text = (
        "In 2023, 52,000 migrants crossed the Darién, against 31,000 in 2022. Of them, 9,000 were "
        "children. A year earlier, only 4,100 children had made the crossing."
    )
    assert figures_of(text, date(2024, 1, 15))[-1] == (
        4_100,
        Period(date(2022, 1, 1), date(2022, 12, 31)),
    )


def test_the_nine_month_flow_points_back_to_nine_months() -> None:
    text = (
        "Between January and September, 389,910 migrants crossed the Darién. In September "
        "alone, 75,140 crossed. Venezuelans made up two-thirds of the nine-month flow."
    )
    share = figures_of(text, date(2023, 10, 10))[-1]
    assert share == (66.7, Period(date(2023, 1, 1), date(2023, 9, 30)))


def test_a_year_in_another_groups_relative_clause_is_not_the_counts() -> None:
    text = (
        "En el primer semestre de 2022 cruzaron 49.452 personas. Más de 28.000 eran "
        "venezolanas, y los haitianos, que dominaban el flujo en 2021, fueron 5.710."
    )
    first_half = Period(date(2022, 1, 1), date(2022, 6, 30))
    assert figures_of(text, date(2022, 7, 12))[1] == (28_000, first_half)


def test_the_first_months_without_a_year_are_already_over() -> None:
    text = "In the first six months, more than 200,000 people crossed the Darién."
    assert only(text, date(2025, 1, 3)).period == Period(date(2024, 1, 1), date(2024, 6, 30))


def test_a_count_over_those_months_and_a_nationality_before_its_noun() -> None:
    text = (
        "From March through May, 117,358 migrants crossed the Darién. Minors numbered 23,600 "
        "over those three months. Chinese migrants, fewer than 3,000 in 2022, topped 9,000."
    )
    figures = extract_figures(text, date(2023, 6, 5))
    assert [(f.value, f.subject.value) for f in figures[:3]] == [
        (117_358, None),
        (23_600, "minors"),
        (3_000, "CHN"),
    ]
    assert figures[1].period == Period(date(2023, 3, 1), date(2023, 5, 31))


@pytest.mark.parametrize(
    "sentence",
    [
        "Venezuelans made up roughly 70% of that total, or about 152,900 people.",
        "Venezuelans accounted for 63 percent of this year's crossers, some 133,000 people.",
    ],
)
def test_a_count_restating_a_share_counts_its_group(sentence: str) -> None:
    text = f"So far this year, 218,430 people crossed the Darién. {sentence}"
    figures = extract_figures(text, date(2024, 8, 20))
    assert figures[-1].subject == Subject("nationality", "VEN")


@pytest.mark.parametrize(
    "text",
    [
        "En 2023 cruzaron 9.683 menores de edad. Unos 430 viajaban solos o separados.",
        "En 2024 los menores fueron 28.100 y, entre ellos, 1.950 viajaban sin la compañía de un adulto.",
    ],
)
def test_a_bare_count_travelling_alone_after_children(text: str) -> None:
    figures = extract_figures(text, date(2024, 5, 2))
    assert figures[-1].subject == Subject("age", "unaccompanied_minors")


def test_a_bare_count_travelling_alone_needs_children_before() -> None:
    text = "En 2023 cruzaron 9.683 personas. Unos 430 viajaban solos."
    assert [f.value for f in extract_figures(text, date(2024, 5, 2))] == [9_683]


def test_a_month_zoomed_in_on_holds_its_paragraph_until_it_widens_back() -> None:
    lead = "Panama recorded 389,910 migrants crossing the Darién between January and September."
    nine_months = Period(date(2023, 1, 1), date(2023, 9, 30))
    september = Period(date(2023, 9, 1), date(2023, 9, 30))
    zoom = f"{lead}\n\nIn September alone, 75,140 people crossed. Ecuadorians were about 9%."
    assert figures_of(zoom, date(2023, 10, 10))[-1] == (9, september)
    widened = (
        f"{lead}\n\nIn September alone, 75,140 people crossed. Venezuelans made up close to "
        "two-thirds of the nine-month flow. Ecuadorians were about 9%."
    )
    assert figures_of(widened, date(2023, 10, 10))[-1] == (9, nine_months)
    next_paragraph = f"{zoom}\n\nHaitians were 5%."
    assert figures_of(next_paragraph, date(2023, 10, 10))[-1] == (5, nine_months)


@pytest.mark.parametrize(
    "text",
    [
        "Since the new minister took office on March 4, about 21,000 migrants have crossed the "
        "Darién.",
        "Desde que el nuevo ministro asumió el 4 de marzo, unos 21.000 migrantes han cruzado el "
        "Darién.",
    ],
)
def test_since_an_event_on_a_day_runs_from_that_day(text: str) -> None:
    assert figures_of(text, date(2024, 5, 2)) == [
        (21_000, Period(date(2024, 3, 4), date(2024, 5, 2)))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In March, April and May, 64,300 people crossed the Darién.",
        "En marzo, abril y mayo cruzaron el Darién 64.300 personas.",
    ],
)
def test_a_list_of_months_is_one_stretch(text: str) -> None:
    assert figures_of(text, date(2024, 6, 20)) == [
        (64_300, Period(date(2024, 3, 1), date(2024, 5, 31)))
    ]


MARCH = Period(date(2024, 3, 1), date(2024, 3, 31))
QUARTER = Period(date(2024, 1, 1), date(2024, 3, 31))


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "In the first quarter, 81,000 people crossed the Darién, and in March alone 30,500. "
            "Of those, 60% were Venezuelans.",
            MARCH,
        ),
        (
            "En el primer trimestre cruzaron el Darién 81.000 personas, frente a 30.500 en marzo "
            "de 2023. De ellas, el 60 % eran venezolanas.",
            QUARTER,
        ),
        (
            "In the first quarter, 81,000 people crossed the Darién: 25,000 in January, 25,500 in "
            "February and 30,500 in March. Among them, 60% were Venezuelans.",
            QUARTER,
        ),
    ],
)
def test_of_those_takes_the_period_of_the_figure_just_given(text: str, period: Period) -> None:
    assert figures_of(text, date(2024, 4, 10))[-1] == (60, period)


def test_that_period_points_past_a_year_said_to_be_doubled() -> None:
    text = (
        "Entre el 1 de enero y el 30 de noviembre cruzaron 480.000 personas. Es más del doble "
        "que en todo 2022, cuando hubo 248.284 cruces.\n\nLos menores fueron el 21 % de quienes "
        "cruzaron en ese periodo."
    )
    assert figures_of(text, date(2023, 12, 5))[-1] == (
        21,
        Period(date(2023, 1, 1), date(2023, 11, 30)),
    )


@pytest.mark.parametrize(
    "text",
    [
        "From June 1 to mid-July, about 41,000 people crossed the Darién. In June alone the "
        "count was 27,300. In the same weeks of 2023, some 88,000 crossed.",
        "Del 1 de junio a mediados de julio cruzaron el Darién unas 41.000 personas. Solo en "
        "junio fueron 27.300. En las mismas semanas de 2023 cruzaron unas 88.000.",
    ],
)
def test_the_same_weeks_point_past_a_whole_month_zoomed_in_on(text: str) -> None:
    assert figures_of(text, date(2024, 7, 30))[-1] == (
        88_000,
        Period(date(2023, 6, 1), date(2023, 7, 15)),
    )


@pytest.mark.parametrize(
    "text",
    [
        "In January and February, 60,000 people crossed the Darién. In the previous year, when "
        "520,085 people crossed, the clinic saw 700 patients.",
        "En enero y febrero cruzaron el Darién 60.000 personas. Durante el año anterior, cuando "
        "cruzaron 520.085 personas, la clínica atendió a 700 pacientes.",
    ],
)
def test_in_the_previous_year_is_that_whole_year(text: str) -> None:
    assert (520_085, Period(date(2023, 1, 1), date(2023, 12, 31))) in figures_of(
        text, date(2024, 3, 5)
    )


@pytest.mark.parametrize(
    ("text", "year"),
    [
        (
            "Entre enero y marzo cruzaron 110.000 personas, un 9 % más que en el mismo periodo de "
            "2023, cuando el año terminó con 520.085 cruces.",
            2023,
        ),
        ("In the first quarter 110,000 people crossed. Panama ended the year with 520,085.", 2023),
    ],
)
def test_a_year_said_to_have_ended_is_that_whole_year(text: str, year: int) -> None:
    assert figures_of(text, date(2024, 4, 8))[-1] == (
        520_085,
        Period(date(year, 1, 1), date(year, 12, 31)),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Between June and August, 68,000 people crossed the Darién, compared with 97,000 in the "
        "previous three.",
        "Entre junio y agosto cruzaron el Darién 68.000 personas, frente a 97.000 en los tres "
        "anteriores.",
    ],
)
def test_the_previous_three_with_months_left_out(text: str) -> None:
    assert figures_of(text, date(2024, 9, 10))[-1] == (
        97_000,
        Period(date(2024, 3, 1), date(2024, 5, 31)),
    )


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "In 2022, 248,000 people crossed, more than in the previous four years combined, "
            "when about 60,000 made the trek.",
            Period(date(2018, 1, 1), date(2021, 12, 31)),
        ),
        (
            "En 2022 cruzaron 248.000 personas, frente a unas 60.000 en los cuatro años anteriores.",
            Period(date(2018, 1, 1), date(2021, 12, 31)),
        ),
    ],
)
def test_the_previous_years_are_whole_years_before_the_one_named(text: str, period: Period) -> None:
    figures = extract_figures(text, date(2023, 2, 1))
    assert [(f.value, f.period) for f in figures][-1] == (60000, period)
