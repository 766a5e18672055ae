"""Real-page patterns in app.extract, each shown by a small example written for it."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract import ExtractedFigure, Period, Subject, extract_figures


def read(text: str, published: date) -> list[tuple[float, str, Period | None, Subject]]:
    return [(f.value, f.unit, f.period, f.subject) for f in extract_figures(text, published)]


def only(text: str, published: date) -> ExtractedFigure:
    figures = extract_figures(text, published)
    assert len(figures) == 1, figures
    return figures[0]


TOTAL = Subject("total", None)
MINORS = Subject("age", "minors")


def test_the_half_in_first_half_of_the_year_is_a_period_not_a_share() -> None:
    text = "In the first half of the year 88,000 people crossed the jungle, more than in 2021."
    first_half = Period(date(2022, 1, 1), date(2022, 6, 30))
    assert read(text, date(2022, 7, 9)) == [(88000, "people", first_half, TOTAL)]


def test_a_year_still_running_at_publication_ends_on_the_publication_date() -> None:
    text = "Nearly 61,000 migrants have crossed the Darién in 2025, officials said."
    assert only(text, date(2025, 5, 2)).period == Period(date(2025, 1, 1), date(2025, 5, 2))


def test_a_year_end_review_counts_the_whole_year() -> None:
    text = "In 2022 a total of 248,000 people crossed the Darién, the ministry said."
    assert only(text, date(2022, 12, 29)).period == Period(date(2022, 1, 1), date(2022, 12, 31))


def test_spanish_thirds_and_sixths_of_a_year() -> None:
    text = "En el primer cuatrimestre de 2022 cruzaron 39.000 personas y en el tercer bimestre, 21.000."
    assert [f.period for f in extract_figures(text, date(2022, 9, 1))] == [
        Period(date(2022, 1, 1), date(2022, 4, 30)),
        Period(date(2022, 5, 1), date(2022, 6, 30)),
    ]


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("in the two months to June", date(2022, 5, 1), date(2022, 6, 30)),
        ("in the 12 months through March 2022", date(2021, 4, 1), date(2022, 3, 31)),
        ("in the year to August", date(2022, 1, 1), date(2022, 8, 31)),
        ("between mid-February and the end of May", date(2022, 2, 15), date(2022, 5, 31)),
        ("de mediados de enero a finales de marzo", date(2022, 1, 15), date(2022, 3, 31)),
    ],
)
def test_stretches_that_end_in_a_named_month(phrase: str, start: date, end: date) -> None:
    figure = only(f"Some 18,250 migrants crossed the Darién {phrase}.", date(2022, 9, 14))
    assert figure.period == Period(start, end)


def test_a_time_after_and_in_opens_the_next_clause() -> None:
    text = "In the first quarter 14,100 Haitians crossed and in April another 6,200 did."
    periods = [f.period for f in extract_figures(text, date(2021, 6, 1))]
    assert periods[0] == Period(date(2021, 1, 1), date(2021, 3, 31))


YTD_2021 = Period(date(2021, 1, 1), date(2021, 9, 3))


def test_a_bracketed_share_between_a_count_and_its_noun() -> None:
    text = "So far this year 95,000 people crossed. Of them, 41,800 (44%) were Haitians."
    haitians = Subject("nationality", "HTI")
    assert read(text, date(2021, 9, 3))[1:] == [
        (41800, "people", YTD_2021, haitians),
        (44, "percent", YTD_2021, haitians),
    ]


def test_one_in_every_n_is_a_share_and_a_minor_is_a_child() -> None:
    text = "So far this year 95,000 people crossed. About one in every four crossers was a minor."
    assert read(text, date(2021, 9, 3))[1:] == [(25, "percent", YTD_2021, Subject("age", "minors"))]


def test_a_short_aside_between_a_nationality_and_its_count() -> None:
    text = (
        "So far this year 95,000 people crossed. Cubans, a small group until then, numbered 3,050."
    )
    assert read(text, date(2021, 9, 3))[1:] == [
        (3050, "people", YTD_2021, Subject("nationality", "CUB"))
    ]


def test_a_country_listed_with_its_count_in_brackets() -> None:
    text = (
        "So far this year 95,000 people crossed; the top three were Cuba (7,400) and Peru (2,100)."
    )
    subjects = [f.subject for f in extract_figures(text, date(2021, 9, 3))]
    assert subjects[1:] == [Subject("nationality", "CUB"), Subject("nationality", "PER")]


def test_a_country_and_colon_opening_a_headline_is_no_subject() -> None:
    text = "Colombia: 95,000 people crossed the Darién so far this year"
    assert only(text, date(2021, 9, 3)).subject == TOTAL


def test_an_age_bound_is_no_count_and_keeps_the_group_with_its_count() -> None:
    text = "So far this year 95,000 people crossed. Children under 18 numbered 19,700."
    assert read(text, date(2021, 9, 3))[1:] == [
        (19700, "people", YTD_2021, Subject("age", "minors"))
    ]


def test_more_than_half_followed_by_a_verb_is_a_share() -> None:
    text = "En lo que va del año cruzaron 95.000 personas. Más de la mitad eran venezolanos."
    figure = extract_figures(text, date(2021, 9, 3))[1]
    assert (figure.value, figure.qualifier, figure.subject) == (
        50,
        "more_than",
        Subject("nationality", "VEN"),
    )


def test_a_later_clause_opened_by_and_in_takes_its_own_month() -> None:
    text = "En enero cruzaron 25.000 y en lo que va de febrero, 11.000."
    assert [f.period for f in extract_figures(text, date(2024, 2, 20))] == [
        Period(date(2024, 1, 1), date(2024, 1, 31)),
        Period(date(2024, 2, 1), date(2024, 2, 20)),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Every day, about 1,300 people board buses for the border.",
        "En Necoclí, unas 9.000 personas esperan embarcarse hacia la frontera.",
        "Costa Rica, por su parte, registró el paso de 110.000 extranjeros.",
    ],
)
def test_rates_waiting_crowds_and_other_countries_are_not_crossings(sentence: str) -> None:
    text = f"So far this year 95,000 people crossed the Darién. {sentence}"
    assert [f.value for f in extract_figures(text, date(2021, 9, 3))] == [95000]


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        (
            "In the first 12 days of March, 9,150 people crossed.",
            date(2022, 3, 1),
            date(2022, 3, 12),
        ),
        (
            "En los primeros diez días de junio cruzaron 9.150 personas.",
            date(2022, 6, 1),
            date(2022, 6, 10),
        ),
        ("Desde febrero a la fecha cruzaron 9.150 personas.", date(2022, 2, 1), date(2022, 9, 14)),
    ],
)
def test_days_of_a_month_and_a_month_to_date(sentence: str, start: date, end: date) -> None:
    assert only(sentence, date(2022, 9, 14)).period == Period(start, end)


def test_the_same_months_of_an_earlier_year() -> None:
    text = (
        "Entre enero y mayo cruzaron 41.000 personas, frente a 33.000 en los mismos meses de 2020."
    )
    assert [f.period for f in extract_figures(text, date(2021, 6, 2))] == [
        Period(date(2021, 1, 1), date(2021, 5, 31)),
        Period(date(2020, 1, 1), date(2020, 5, 31)),
    ]


@pytest.mark.parametrize(
    ("sentence", "value", "subject"),
    [
        ("Six in ten of March's crossers were Haitian.", 60, Subject("nationality", "HTI")),
        ("Ocho de cada diez eran venezolanos.", 80, Subject("nationality", "VEN")),
        ("The share of women rose to 27%.", 27, Subject("sex_age", "women")),
        ("Children accounted for about a third.", 33.3, Subject("age", "minors")),
    ],
)
def test_shares_in_words_and_levels_reached(sentence: str, value: float, subject: Subject) -> None:
    text = f"In March 31,000 people crossed the Darién. {sentence}"
    figure = extract_figures(text, date(2022, 4, 6))[1]
    assert (figure.value, figure.unit, figure.subject) == (value, "percent", subject)


@pytest.mark.parametrize(
    "sentence",
    [
        "The agency has 85 people working in the province.",
        "Some 6.1 million people have left their country since 2015.",
    ],
)
def test_staff_and_emigration_are_not_crossings(sentence: str) -> None:
    text = f"In March 31,000 people crossed the Darién. {sentence}"
    assert [f.value for f in extract_figures(text, date(2022, 4, 6))] == [31000]


def test_a_later_paragraph_continues_the_furthest_period_of_the_one_before() -> None:
    text = (
        "Last month 11,200 people crossed. This year 140,000 have crossed, against 180,000 "
        "in all of 2022.\n\nHaitians make up about 40 percent."
    )
    share = extract_figures(text, date(2023, 7, 3))[-1]
    assert share.period == Period(date(2023, 1, 1), date(2023, 7, 3))


def test_the_month_before_the_month_just_named() -> None:
    text = "En marzo cruzaron 9.800 personas, menos que el mes anterior, cuando la cifra fue de 12.100."
    assert [f.period for f in extract_figures(text, date(2021, 4, 20))] == [
        Period(date(2021, 3, 1), date(2021, 3, 31)),
        Period(date(2021, 2, 1), date(2021, 2, 28)),
    ]


def test_a_share_whose_verb_is_left_out_after_a_comma() -> None:
    text = "En lo que va del año, el 58 % son haitianos y el 9 %, cubanos."
    assert [f.subject for f in extract_figures(text, date(2021, 9, 3))] == [
        Subject("nationality", "HTI"),
        Subject("nationality", "CUB"),
    ]


def test_a_hedge_covers_the_next_count_only_across_a_single_noun() -> None:
    text = "So far this year nearly 60% were Haitians and one in five were children."
    assert [f.qualifier for f in extract_figures(text, date(2021, 9, 3))] == [
        "approximate",
        "exact",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mexico, which registered 90,000 migrants entering from Guatemala, will add buses.",
        "Panama says it turned back 700 people at the border.",
    ],
)
def test_another_country_and_people_turned_back_are_not_crossings(sentence: str) -> None:
    text = f"So far this year 95,000 people crossed the Darién. {sentence}"
    assert [f.value for f in extract_figures(text, date(2021, 9, 3))] == [95000]


def test_a_when_clause_between_a_time_and_its_count_does_not_reject_it() -> None:
    text = "Since March, when Mexico began deporting Haitians by air, 18,400 people have crossed."
    figure = only(text, date(2022, 6, 1))
    assert (figure.value, figure.period) == (18400, Period(date(2022, 3, 1), date(2022, 6, 1)))


def test_a_ranked_nationality_with_its_count() -> None:
    text = "So far this year 95,000 people crossed; Cubans came second with 7,400."
    assert extract_figures(text, date(2021, 9, 3))[1].subject == Subject("nationality", "CUB")


def test_a_pronoun_carries_the_group_of_the_sentence_before() -> None:
    text = "So far this year 60,000 Haitians crossed the jungle. They make up 41% of all crossers."
    assert extract_figures(text, date(2021, 9, 3))[1].subject == Subject("nationality", "HTI")


def test_the_quarter_points_back_past_a_comparison_from_a_number() -> None:
    text = (
        "Crossings rose in the July-September quarter to 61,000, from 48,000 in the first three "
        "months of the year. Haitians were 52% of the quarter's crossers."
    )
    share = extract_figures(text, date(2021, 10, 8))[-1]
    assert share.period == Period(date(2021, 7, 1), date(2021, 9, 30))


def test_a_list_of_countries_one_a_line() -> None:
    text = "En 2022 cruzaron 248.000 personas. Por país:\n\nCuba: 5.900\nPerú: 1.100\n"
    subjects = [f.subject for f in extract_figures(text, date(2023, 1, 10))]
    assert subjects[1:] == [Subject("nationality", "CUB"), Subject("nationality", "PER")]


def test_the_accumulated_year_is_the_year_so_far() -> None:
    text = "En el acumulado del año, la cifra de migrantes llega a 71.300."
    assert only(text, date(2022, 5, 4)).period == Period(date(2022, 1, 1), date(2022, 5, 4))


@pytest.mark.parametrize(
    "sentence",
    [
        "Before 2019 the jungle saw about 9,000 crossers a year.",
        "Ese mes, los guardas rescataron a 70 personas en el río.",
    ],
)
def test_yearly_rates_and_rescues_are_not_crossings(sentence: str) -> None:
    text = f"So far this year 95,000 people crossed the Darién. {sentence}"
    assert [f.value for f in extract_figures(text, date(2021, 9, 3))] == [95000]


def test_the_month_before_a_span_that_is_not_a_whole_month() -> None:
    text = (
        "Between May 10 and June 10, 8,100 people crossed, against 9,900 in the month before that."
    )
    assert extract_figures(text, date(2022, 6, 20))[1].period == Period(
        date(2022, 4, 10), date(2022, 5, 9)
    )


def test_last_week_is_monday_to_sunday_before_publication() -> None:
    text = "La semana pasada cruzaron el Darién unas 6.400 personas."
    # published on Wednesday 12 April 2023
    assert only(text, date(2023, 4, 12)).period == Period(date(2023, 4, 3), date(2023, 4, 9))


@pytest.mark.parametrize(
    "sentence",
    [
        "About 900 of the children were travelling unaccompanied.",
        "Unos 900 niños viajaban sin sus padres.",
    ],
)
def test_children_said_to_travel_alone_are_unaccompanied(sentence: str) -> None:
    text = f"So far this year 95,000 people crossed the Darién. {sentence}"
    assert extract_figures(text, date(2021, 9, 3))[1].subject == Subject(
        "age", "unaccompanied_minors"
    )


def test_people_who_worked_in_a_trade_are_not_crossings() -> None:
    text = "So far this year 95,000 people crossed. Some 30,000 Colombians worked as guides."
    assert [f.value for f in extract_figures(text, date(2021, 9, 3))] == [95000]


def test_a_share_of_a_count_takes_the_noun_after_the_count_and_the_count_is_everyone() -> None:
    text = "So far this year, 38% of the 95,000 people who crossed the jungle were Haitians."
    assert [(f.value, f.subject) for f in extract_figures(text, date(2021, 9, 3))] == [
        (38, Subject("nationality", "HTI")),
        (95000, TOTAL),
    ]


def test_a_stated_end_beats_the_publication_date_in_the_next_paragraph() -> None:
    text = (
        "So far this year 95,000 people crossed the jungle: 94,100 until August 30.\n\n"
        "Haitians were 44 percent."
    )
    share = extract_figures(text, date(2021, 9, 3))[-1]
    assert share.period == Period(date(2021, 1, 1), date(2021, 8, 30))


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("A court sentenced 14 people for smuggling last year.", [95000]),
        ("Cubans numbered barely 2,100.", [95000, 2100]),
    ],
)
def test_sentences_and_barely(sentence: str, values: list[int]) -> None:
    text = f"So far this year 95,000 people crossed the Darién. {sentence}"
    assert [f.value for f in extract_figures(text, date(2021, 9, 3))] == values


def test_a_count_restating_a_share_after_a_comma_and_a_hedge() -> None:
    text = (
        "So far this year 95,000 people crossed. Children were a fifth of the total, about 19,000."
    )
    assert extract_figures(text, date(2021, 9, 3))[-1].subject == Subject("age", "minors")


@pytest.mark.parametrize(
    "row",
    ["Haiti 41,230 (17.5%)", "Haití — 41.230 — 17,5 %", "3. Haiti – 41,230 – 17.5%"],
)
def test_a_flattened_table_row_names_its_country_without_a_separator(row: str) -> None:
    text = f"Crossings of the Darién by nationality, January-June 2023\n{row}\nCuba 9,800 (4.1%)\n"
    haiti = Subject("nationality", "HTI")
    assert [(f.value, f.subject) for f in extract_figures(text, date(2023, 7, 4))][:2] == [
        (41_230, haiti),
        (17.5, haiti),
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Between January and May, 150,000 migrants crossed the Darién. Colombians were the "
            "fourth group. They numbered 6,300, a record for them.",
            "COL",
        ),
        (
            "Entre enero y mayo cruzaron el Darién 150.000 migrantes. Los cubanos quedaron "
            "terceros. Sumaron 6.300 en esos meses.",
            "CUB",
        ),
    ],
)
def test_a_count_opened_by_a_pronoun_or_bare_verb_counts_the_group_before(
    text: str, code: str
) -> None:
    figure = extract_figures(text, date(2023, 6, 12))[-1]
    assert (figure.value, figure.subject) == (6_300, Subject("nationality", code))


@pytest.mark.parametrize(
    "text",
    [
        "Entre enero y mayo cruzaron 150.000 migrantes.\n\nLos cubanos fueron terceros. Sumaron "
        "6.300, muy por debajo de las cifras del año pasado. Los menores fueron el 18 % de los "
        "migrantes en ese periodo.",
        "Between January and May, 150,000 migrants crossed.\n\nCubans came third. They numbered "
        "6,300, well below the levels of last year. Minors were 18% of the migrants over that "
        "period.",
    ],
)
def test_a_time_said_to_be_below_or_above_is_the_other_side_of_a_comparison(text: str) -> None:
    may = Period(date(2023, 1, 1), date(2023, 5, 31))
    assert [(f.value, f.period) for f in extract_figures(text, date(2023, 6, 12))][1:] == [
        (6_300, may),
        (18, may),
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("In 2023, 8,200 were Haitians, which is to say close to 15% of the year's flow.", 15),
        ("En 2023 los haitianos fueron 8.200, cerca del 15 % de las personas registradas.", 15),
        ("In 2023, 8,200 were Haitians, in other words about 15% of the flow.", 15),
    ],
)
def test_a_share_restating_a_count_keeps_its_group(sentence: str, value: float) -> None:
    haiti = Subject("nationality", "HTI")
    assert [(f.value, f.subject) for f in extract_figures(sentence, date(2024, 2, 1))] == [
        (8_200, haiti),
        (value, haiti),
    ]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("In 2023, Brazilians, many of them children of Haitian couples, numbered 5,100.", "BRA"),
        ("So far in 2023, Indians have accounted for 5,100 of the crossers.", "IND"),
    ],
)
def test_the_group_counted_before_an_aside_or_a_perfect_tense(sentence: str, code: str) -> None:
    assert only(sentence, date(2023, 11, 2)).subject == Subject("nationality", code)


@pytest.mark.parametrize(
    "text",
    [
        "In 2023, 84,000 children crossed the Darién. Of that total, 2,900 were making the "
        "journey without their parents.",
        "En 2023 cruzaron el Darién 84.000 niños. Entre ellos, 2.900 hacían el viaje sin sus "
        "padres.",
    ],
)
def test_a_fronted_part_of_the_minors_travelling_alone_is_unaccompanied(text: str) -> None:
    figure = extract_figures(text, date(2024, 1, 20))[-1]
    assert (figure.value, figure.subject) == (2_900, Subject("age", "unaccompanied_minors"))


def test_a_group_with_its_participle_before_a_count_travelling_alone() -> None:
    text = (
        "Entre enero y marzo cruzaron 90.000 personas.\n\nDe los niños registrados en esos tres "
        "meses, 1.100 viajaban solos."
    )
    figure = extract_figures(text, date(2024, 4, 8))[-1]
    assert (figure.value, figure.subject) == (1_100, Subject("age", "unaccompanied_minors"))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "En 2023 figuran los migrantes de nacionalidad china, con 25.600 o un 4,9 % del flujo.",
            "CHN",
        ),
        (
            "Los cubanos que han cruzado la selva en lo que va de 2023 suman 8.200, apenas el 2 % del total.",
            "CUB",
        ),
    ],
)
def test_a_share_after_or_or_barely_restates_the_count(text: str, code: str) -> None:
    group = Subject("nationality", code)
    assert [(f.unit, f.subject) for f in extract_figures(text, date(2023, 11, 2))] == [
        ("people", group),
        ("percent", group),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Indian nationals alone numbered more than 9,000 in 2023, a share of about 2%.",
        "Indians, the largest new group since 2022, numbered 9,000, just 2% of the total.",
        "Indians, like Rahul's family, were 9,000 in 2023, a share of about 2%.",
    ],
)
def test_a_year_between_a_group_its_count_and_their_share(text: str) -> None:
    india = Subject("nationality", "IND")
    assert [(f.value, f.subject) for f in extract_figures(text, date(2024, 1, 9))] == [
        (9_000, india),
        (2, india),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2024 women make up a quarter of all crossers; in 2023 the figure was 19%.",
        "En 2024 las mujeres son la cuarta parte de quienes cruzan; en 2023 la cifra era del 19 %.",
    ],
)
def test_the_figure_named_again_after_a_share_keeps_its_group(sentence: str) -> None:
    figures = extract_figures(sentence, date(2024, 6, 3))
    assert [f.value for f in figures] == [25, 19]
    assert figures[1].subject == figures[0].subject != Subject("total", None)


def test_a_count_restating_a_share_after_a_semicolon_and_es_decir() -> None:
    text = "En 2022 los menores representaron el 17 % del total; es decir, unos 42.000."
    figures = extract_figures(text, date(2023, 2, 1))
    assert [(f.value, f.subject) for f in figures] == [(17, MINORS), (42_000, MINORS)]


def test_of_them_travelling_alone_in_a_paragraph_of_its_own() -> None:
    text = (
        "Entre enero y junio cruzaron el Darién 52.000 niños.\n\nUnos 2.100 de ellos viajaban "
        "sin sus padres."
    )
    figure = extract_figures(text, date(2023, 7, 5))[-1]
    assert (figure.value, figure.subject) == (2_100, Subject("age", "unaccompanied_minors"))


def test_a_country_that_follows_with_its_count() -> None:
    text = "In 2023, 328,000 Venezuelans crossed the Darién; Ecuador follows with 57,000."
    figure = extract_figures(text, date(2024, 1, 9))[-1]
    assert (figure.value, figure.subject) == (57_000, Subject("nationality", "ECU"))


@pytest.mark.parametrize(
    "text",
    [
        "Los haitianos siguen siendo el tercer grupo, aunque su peso ha caído: fueron el 9 % de "
        "los que llegaron en octubre de 2024.",
        "Haitians are still the third group, though their weight has fallen: they were 9% of "
        "those who arrived in October 2024.",
    ],
)
def test_a_share_whose_copula_sits_far_from_the_group_opening_the_sentence(text: str) -> None:
    assert only(text, date(2024, 11, 12)).subject == Subject("nationality", "HTI")


def test_the_proportion_named_again_a_clause_away_from_its_share() -> None:
    text = (
        "In 2023, about one in five crossers was a child. The proportion was higher in the first "
        "half of the year, when it reached 23%."
    )
    figures = extract_figures(text, date(2024, 1, 9))
    assert [(f.value, f.subject) for f in figures] == [(20, MINORS), (23, MINORS)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("In 2023, Haitians made up the bulk of that group, at 41,000.", "HTI"),
        (
            "En el primer semestre de 2023 cruzaron 200.000 personas. Los cubanos encabezaron el "
            "flujo en ese semestre, con 9.700 personas.",
            "CUB",
        ),
    ],
)
def test_a_group_linked_to_its_count_through_the_group_or_the_period(text: str, code: str) -> None:
    assert extract_figures(text, date(2024, 1, 9))[-1].subject == Subject("nationality", code)


@pytest.mark.parametrize(
    "text",
    [
        "REPORTERA: ¿Cuántos van en lo que va de 2024?\n\nMINISTRO: Llevamos 181.300, pero el ritmo "
        "ha bajado.",
        "REPORTER: How many so far in 2024?\n\nMINISTER: We are at 181,300, but the pace has slowed.",
    ],
)
def test_a_bare_count_answering_how_many_counts_everyone(text: str) -> None:
    figure = only(text, date(2024, 6, 4))
    assert (figure.value, figure.subject) == (181_300, TOTAL)


@pytest.mark.parametrize(
    "text",
    [
        "In 2023, 520,085 people crossed, more than double the 248,284 logged in 2022.",
        "En 2023 cruzaron 520.085 personas, más del doble que el récord de 248.284 alcanzado en "
        "2022.",
    ],
)
def test_the_other_side_of_a_comparison_logged_or_reached_in_its_year(text: str) -> None:
    assert [(f.value, f.period) for f in extract_figures(text, date(2024, 1, 9))][1] == (
        248_284,
        Period(date(2022, 1, 1), date(2022, 12, 31)),
    )


def test_a_group_that_became_the_majority_again_with_its_count() -> None:
    text = "En marzo de 2024, los haitianos volvieron a ser mayoría, con 3.150."
    assert only(text, date(2024, 4, 2)).subject == Subject("nationality", "HTI")


def test_a_bare_count_travelling_unaccompanied_after_minors_were_counted() -> None:
    text = "En 2023, 113.000 eran niños, niñas y adolescentes, y de ellos 4.100 viajaban no acompañados."
    assert extract_figures(text, date(2024, 1, 9))[-1].subject == Subject(
        "age", "unaccompanied_minors"
    )


def test_the_count_named_again_in_a_paragraph_of_its_own() -> None:
    text = (
        "Between January and May, 150,000 migrants crossed the Darién.\n\n"
        "In the same months of 2023 the count was 166,600."
    )
    assert [(f.value, f.period) for f in extract_figures(text, date(2024, 6, 10))][-1] == (
        166_600,
        Period(date(2023, 1, 1), date(2023, 5, 31)),
    )


@pytest.mark.parametrize(
    "text",
    [
        "En 2023 los menores suponen el 21 % del flujo, cuando en 2019 eran apenas el 4 %.",
        "In 2023 minors made up 21% of the flow, when in 2019 they were barely 4%.",
    ],
)
def test_a_share_in_a_when_clause_is_the_same_groups_at_that_time(text: str) -> None:
    figures = extract_figures(text, date(2024, 1, 9))
    assert [(f.value, f.subject, f.period.start.year if f.period else None) for f in figures] == [
        (21, MINORS, 2023),
        (4, MINORS, 2019),
    ]


def test_a_count_of_them_reads_past_a_hedged_share_in_brackets_to_its_noun() -> None:
    text = (
        "In 2023, 520,000 people crossed. Some 113,000 of them (about one in five) were children."
    )
    figures = extract_figures(text, date(2024, 1, 9))
    assert [(f.value, f.subject) for f in figures][1:] == [(113_000, MINORS), (20, MINORS)]


def test_a_count_restating_a_share_of_a_total_named_with_its_length() -> None:
    text = "In 2023, Cubans made up about 4% of the 11-month total, or some 15,600 people."
    cuba = Subject("nationality", "CUB")
    assert [(f.value, f.subject) for f in extract_figures(text, date(2023, 10, 9))] == [
        (4, cuba),
        (15_600, cuba),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # a place's size, a camp, a shelter's load and one traveller's sighting
        '"This is a nation of five million people," the minister said.',
        "About 2,400 Haitians are camped near the bus terminal.",
        "The station at San Vicente was hosting some 1,800 people last night.",
        "My cousin said she saw perhaps 400 people on the trail.",
        # people on their way back south, and a flight's passengers
        "Colombia counted 3,100 migrants arriving from Panama by boat.",
        "El avión aterrizó en Caracas con 95 venezolanos a bordo.",
        # a fare's range, and a forecast whose group names a part of itself
        "Los lancheros cobran entre 150 y 300 dólares por persona.",
        "Up to 900,000 people, including 180,000 children, could cross next year, UNICEF said.",
    ],
)
def test_busy_page_distractors_are_not_crossings(sentence: str) -> None:
    text = f"So far this year 95,000 people crossed the Darién. {sentence}"
    assert [f.value for f in extract_figures(text, date(2021, 9, 3))] == [95000]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a headline's present tense, and a clause of its own after "as"
        ("Over 40,000 cross the Darién in January, officials say", 40000),
        ("Darién crossings top 100,000 in four months as deportations rise", 100000),
        # the other side of a drop, read from "the"
        ("A 90% drop from the 60,000 recorded a year earlier.", 60000),
        ("March alone saw 512 northbound crossings.", 512),
        # a share of the population the agency counted
        ("Adult men were 55% of the population registered by the SNM.", 55),
    ],
)
def test_counts_that_busy_pages_state_in_passing(text: str, value: int) -> None:
    lead = "So far this year 95,000 people crossed the Darién jungle."
    values = [f.value for f in extract_figures(f"{text}\n\n{lead}", date(2024, 4, 3))]
    assert value in values


def test_a_share_after_or_of_everyone_is_the_group_of_the_count_before() -> None:
    text = (
        "About 80,000 Haitians were counted between March and June by the agency, or 40% of "
        "everyone who crossed."
    )
    share = extract_figures(text, date(2021, 9, 3))[-1]
    assert (share.value, share.subject) == (40, Subject("nationality", "HTI"))


@pytest.mark.parametrize(
    "sentence",
    [
        # a sentence that opens on another country, however late its number comes
        "México, por su parte, informó este lunes de que su instituto de migración contó en el "
        "estado sureño de Chiapas a 80.000 personas.",
        "In neighbouring Costa Rica, officials in the town of Los Chiles, near the northern edge "
        "of the country, counted 85,000 people this year.",
        # a revision's size, and the villages that receive the migrants
        "Two of the months were revised by fewer than 300 people.",
        "Nadie cuenta a los 3.000 panameños de las comunidades receptoras.",
        "The aid reached some 3,000 people in the host communities of the province.",
        # vaccinations, that country's own count, and people already further north or
        # leaving Panama by boat
        "Los equipos de salud vacunaron a 12.000 niños en las estaciones.",
        "Allí las autoridades de ese país reportaron unas 4.000 llegadas en una semana.",
        "Officials say some 1,700 migrants who had reached Mexico are now heading home.",
        "Desde agosto, unas 1.900 personas han tomado lanchas en Panamá hacia el sur.",
    ],
)
def test_other_countries_revisions_and_host_villages_are_not_crossings(sentence: str) -> None:
    text = f"So far this year 95,000 people crossed the Darién. {sentence}"
    assert [f.value for f in extract_figures(text, date(2021, 9, 3))] == [95000]


@pytest.mark.parametrize(
    "text",
    [
        "Costa Rica worries as Darién crossings approach 400,000",
        # a country named as where they head is no other country's count
        "Mexico-bound migrants keep coming: 400,000 crossed the Darién so far this year.",
    ],
)
def test_a_country_opening_a_sentence_about_the_crossing_keeps_the_count(text: str) -> None:
    assert [f.value for f in extract_figures(text, date(2023, 10, 2))] == [400000]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # a clause after "but" is not described by the one before it
        (
            "Deaths rose after the expulsions ended, but the count in May, 31,000, was lower.",
            [31000],
        ),
        # unless it only lists another group for the same verb
        ("The US deported 12,000 Venezuelans this year, but just 300 Colombians.", []),
        # a share of the month's flow is no monthly rate
        ("Los colombianos fueron el 12 % del flujo mensual.", [12]),
        # the other side of "twice"/"el doble" is a count of its own
        (
            "Se espera que el año cierre con 600.000, casi el doble de los 310.000 de 2022.",
            [310000],
        ),
    ],
)
def test_contrasts_monthly_flows_and_doubles(sentence: str, values: list[float]) -> None:
    text = f"So far this year 95,000 people crossed the Darién. {sentence}"
    assert [f.value for f in extract_figures(text, date(2023, 6, 3))] == [95000, *values]


@pytest.mark.parametrize(
    "sentence",
    [
        # room in a station, aid given to people, people stuck, and the journey back south
        "The station has room for 700 people.",
        "El albergue tiene cupo para 450 personas.",
        "UNICEF provided drinking water to 38,000 people this year.",
        "About 1,700 people were stuck at the northern border on Sunday.",
        "Some 3,500 people have made the journey in reverse since March.",
        # people held, sleeping out, waiting or moved between shelters
        "The number of migrants held in detention reached 1,400.",
        "About 1,300 people, many of them children, slept outside the station.",
        "Cerca de 2.700 personas aguardaban los autobuses.",
        "Last year 11,000 migrants were relocated to other shelters.",
    ],
)
def test_capacity_aid_and_the_reverse_journey_are_not_crossings(sentence: str) -> None:
    text = f"So far this year 95,000 people crossed the Darién. {sentence}"
    assert [f.value for f in extract_figures(text, date(2023, 10, 3))] == [95000]


def test_data_provided_by_an_agency_is_still_a_crossing_count() -> None:
    text = "Data provided by the migration service show 30,000 people crossed in September."
    assert [f.value for f in extract_figures(text, date(2023, 10, 3))] == [30000]


@pytest.mark.parametrize(
    "text",
    [
        "Despite the drownings, 28,000 people crossed the jungle in July.",
        "A pesar de las muertes, 28.000 personas cruzaron la selva en julio.",
    ],
)
def test_a_concession_before_a_count_does_not_describe_it(text: str) -> None:
    assert [f.value for f in extract_figures(text, date(2023, 8, 3))] == [28000]


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        # the figure compared with, named with its article and all its digits, is exact
        ("La cifra ya supera a los 133.726 registrados en todo 2021.", "exact"),
        ("El total se acerca a los 133.726 migrantes de 2021.", "exact"),
        # a round one is still a hedge
        ("En 2021 superaron los 133.000 migrantes.", "more_than"),
    ],
)
def test_a_compared_figure_after_its_article_is_exact(sentence: str, qualifier: str) -> None:
    figures = extract_figures(
        f"En lo que va del año cruzaron 95.000 personas. {sentence}", date(2022, 9, 3)
    )
    assert figures[-1].qualifier == qualifier


@pytest.mark.parametrize(
    "sentence",
    [
        # "while" or "as" going on about the same people does not end their clause
        "Some 3,000 migrants stayed in Necoclí while waiting for boats.",
        "Some 3,000 migrants stayed in town as they waited for boats.",
    ],
)
def test_the_same_people_going_on_after_while_or_as(sentence: str) -> None:
    text = f"So far this year 95,000 people crossed the Darién. {sentence}"
    assert [f.value for f in extract_figures(text, date(2023, 10, 3))] == [95000]


@pytest.mark.parametrize(
    "sentence",
    [
        # a rate per day or per week, a fare per person
        "Eso equivale a unas 1.700 personas por jornada.",
        "The weekly average rose to 9,500.",
        "Los coyotes cobran unos 2.000 por persona.",
        # a record day, a planning figure, next year's forecast
        "On its busiest day, the station received 4,000 people.",
        "UNHCR's planning figure for next year is 650,000 arrivals.",
        "El próximo año hasta un millón de personas intentarían cruzar.",
        # a shipwreck, one group's story, one person's sighting
        "Una lancha con 25 migrantes naufragó cerca de Capurganá.",
        "His group of 40 people was robbed on the second day.",
        "Dijo que vio a unas 100 personas en el campamento.",
        "She said she had seen around 100 people in the camp.",
    ],
)
def test_rates_forecasts_and_single_stories_are_not_crossings(sentence: str) -> None:
    text = f"So far this year 95,000 people crossed the Darién. {sentence}"
    assert [f.value for f in extract_figures(text, date(2023, 10, 3))] == [95000]


@pytest.mark.parametrize(
    "sentence",
    [
        # a pair of numbers sharing a rate: the first is a daily figure as much as the second
        "En los días de más afluencia llegaban entre 2.500 y 3.500 migrantes diarios.",
        "Peaks of 2,000 and 2,500 arrivals a day have faded since then.",
        # a figure a correction note says was misstated
        "This story was updated: the July figure was misstated as 31,200.",
        # a denial with the trek's own verb
        "No, 2 million Haitians did not walk through the jungle last year.",
        "Es falso: 900.000 cubanos no caminaron por la selva en 2023.",
        # emigration from a country, not the crossing
        "Son 6 millones los venezolanos que han dejado su país.",
    ],
)
def test_pairs_corrections_denials_and_emigrants_are_not_crossings(sentence: str) -> None:
    text = f"So far this year 95,000 people crossed the Darién. {sentence}"
    assert [f.value for f in extract_figures(text, date(2023, 10, 3))] == [95000]


def test_a_month_ranked_as_the_lowest_monthly_count_is_still_a_crossing_count() -> None:
    text = "In 2024 crossings fell. March's 6,120 was the lowest monthly count in two years."
    figures = extract_figures(text, date(2024, 6, 1))
    assert [(f.value, f.period) for f in figures] == [
        (6120, Period(date(2024, 3, 1), date(2024, 3, 31)))
    ]


def test_small_counts_in_a_table_under_a_crossing_header_are_figures() -> None:
    text = (
        "Crossings of the Darién in 2025 by month:\n\n"
        "Month | People crossing\nMarch | 310\nApril | 58\n\n"
        "The shelter has 30 beds and 12 staff."
    )
    figures = extract_figures(text, date(2025, 6, 1))
    assert [(f.value, f.period.start.month) for f in figures if f.period] == [(310, 3), (58, 4)]


def test_minors_without_the_company_of_an_adult_are_unaccompanied() -> None:
    text = (
        "En febrero cruzaron el Darién 30.500 migrantes. Entre los menores, 840 viajaban sin la "
        "compañía de sus padres."
    )
    figures = extract_figures(text, date(2024, 3, 5))
    assert [(f.value, f.subject) for f in figures][-1] == (
        840,
        Subject("age", "unaccompanied_minors"),
    )


def test_women_and_girls_with_their_articles_are_every_female_crosser() -> None:
    text = "En 2023 cruzaron 520.085 personas; las mujeres y las niñas fueron el 30 % del total."
    figures = extract_figures(text, date(2024, 1, 10))
    assert [(f.value, f.subject) for f in figures][-1] == (30, Subject("sex", "women"))


@pytest.mark.parametrize(
    "text",
    [
        "In March 2024, 37,000 people crossed the Darién; in March this year, just 14, officials said.",
        "En marzo de 2024 cruzaron el Darién 37.000 personas; en marzo de este año, apenas 14.",
    ],
)
def test_a_small_count_set_against_the_one_before_is_a_figure(text: str) -> None:
    figures = extract_figures(text, date(2025, 4, 20))
    assert [(f.value, f.period) for f in figures][-1] == (
        14,
        Period(date(2025, 3, 1), date(2025, 3, 31)),
    )


def test_a_small_number_in_a_later_clause_without_a_contrast_is_not_a_figure() -> None:
    text = "In March 2024, 37,000 people crossed the Darién, and 14 shelters opened."
    assert [f.value for f in extract_figures(text, date(2025, 4, 20))] == [37000]


def test_a_count_set_against_a_groups_count_keeps_the_group() -> None:
    text = (
        "In 2023 Panama registered 9,800 Ecuadorian migrants, and over the five years before "
        "that it registered only 640."
    )
    figures = extract_figures(text, date(2024, 2, 1))
    assert [(f.value, f.subject) for f in figures] == [
        (9800, Subject("nationality", "ECU")),
        (640, Subject("nationality", "ECU")),
    ]


@pytest.mark.parametrize(
    "sentence",
    ["March's count of 41 was the lowest on record.", "La cifra de marzo fue de apenas 41."],
)
def test_a_small_count_named_as_a_months_count_is_a_figure(sentence: str) -> None:
    text = f"Only 1,210 people crossed the Darién in the first quarter of 2025. {sentence}"
    figures = extract_figures(text, date(2025, 5, 2))
    assert [(f.value, f.period) for f in figures][-1] == (
        41,
        Period(date(2025, 3, 1), date(2025, 3, 31)),
    )
