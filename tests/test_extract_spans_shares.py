"""Multi-month spans carried from a lead, and shares found with their group and period."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract import Period, Subject, extract_figures

VEN = Subject("nationality", "VEN")
MINORS = Subject("age", "minors")


def read(text: str, published: date) -> list[tuple[float, Subject, Period | None]]:
    return [(f.value, f.subject, f.period) for f in extract_figures(text, published)]


def period(start: str, end: str) -> Period:
    return Period(date.fromisoformat(start), date.fromisoformat(end))


@pytest.mark.parametrize(
    ("text", "published", "value", "expected"),
    [
        # a part of last year
        (
            "Durante el último trimestre del año pasado cruzaron 122.600 personas.",
            date(2024, 1, 16),
            122_600,
            period("2023-10-01", "2023-12-31"),
        ),
        (
            "In the first half of last year 200,000 people crossed.",
            date(2024, 3, 16),
            200_000,
            period("2023-01-01", "2023-06-30"),
        ),
        # the months before the period just named
        (
            "En el último trimestre de 2023 cruzaron 122.600 personas, menos que en los tres "
            "meses anteriores, cuando fueron 211.000.",
            date(2024, 1, 16),
            211_000,
            period("2023-07-01", "2023-09-30"),
        ),
        # weeks of a month
        (
            "About 6,500 people crossed in the first two weeks of July.",
            date(2024, 7, 15),
            6_500,
            period("2024-07-01", "2024-07-14"),
        ),
        # since the day just named
        (
            "Mulino took office on July 1. About 93,000 people have crossed since then.",
            date(2024, 11, 20),
            93_000,
            period("2024-07-01", "2024-11-20"),
        ),
        # the same date a year before
        (
            "Some 252,800 migrants crossed by October 15, against 430,000 at the same point "
            "last year.",
            date(2024, 10, 21),
            430_000,
            period("2023-01-01", "2023-10-15"),
        ),
        # "the period" is the story's, not the month just zoomed in on
        (
            "Some 427,300 migrants crossed between January and mid-October. September alone saw "
            "74,400. Haitians numbered about 45,000 over the period.",
            date(2023, 10, 19),
            45_000,
            period("2023-01-01", "2023-10-15"),
        ),
        # a pointer back skips the other side of a comparison
        (
            "A total of 196,000 people crossed between January and June, 3% fewer than the "
            "202,000 people recorded in the first half of 2023. Venezuelans accounted for 66% "
            "of the six-month total.",
            date(2024, 7, 3),
            66,
            period("2024-01-01", "2024-06-30"),
        ),
        # "the same period" with no year of its own is the story's too
        (
            "Between January 1 and October 15, 19,820 Chinese nationals crossed. In all of 2022, "
            "2,005 had. Over the same period, 4,950 Indians crossed.",
            date(2023, 10, 17),
            4_950,
            period("2023-01-01", "2023-10-15"),
        ),
        # "that month": the month the period just named ends in
        (
            "Hasta octubre el flujo no paró de crecer: en ese mes cruzaron 59.800 personas.",
            date(2022, 12, 1),
            59_800,
            period("2022-10-01", "2022-10-31"),
        ),
        # a figure in a relative clause does not set its paragraph's period
        (
            "Haitians, who had made up about 60 percent of crossers in 2021, fell to roughly 9 "
            "percent last year. Ecuadorians climbed to 29,356.",
            date(2023, 2, 14),
            29_356,
            period("2022-01-01", "2022-12-31"),
        ),
    ],
)
def test_periods(text: str, published: date, value: float, expected: Period) -> None:
    found = {v: p for v, _, p in read(text, published)}
    assert found[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        ("A quarter of the people recorded in 2023 were minors.", 25, MINORS),
        ("Unos tres de cada diez migrantes contabilizados en 2023 eran niños.", 30, MINORS),
        ("One in five people stepping off the canoes in 2023 was a minor.", 20, MINORS),
        (
            "Venezuelans were 61 percent of the more than 400,000 people who crossed in 2023.",
            61,
            VEN,
        ),
        ("El 61 % de los más de 400.000 migrantes que cruzaron en 2023 eran venezolanos.", 61, VEN),
        (
            "Venezuelans have led the flow since 2022. They made up about 70 percent in 2023.",
            70,
            VEN,
        ),
        ("More than 24,000 Venezuelans crossed in 2023, making up about 5% of the total.", 5, VEN),
        ("Unos 15.000 venezolanos cruzaron en 2022, lo que representa el 6 % del total.", 6, VEN),
        ("In 2023 more than half, el 51 %, eran venezolanos.", 50, VEN),
        ("Más de uno de cada cinco migrantes, el 21,7 %, era menor de edad en 2021.", 20, MINORS),
        ("In 2023 Venezuelans were the largest group and accounted for 41% of crossers.", 41, VEN),
        ("How many children crossed in 2023?\nRoughly one in five.", 20, MINORS),
    ],
)
def test_share_groups(text: str, value: float, subject: Subject) -> None:
    found = {v: s for v, s, _ in read(text, date(2024, 1, 10))}
    assert found[value] == subject


def test_a_share_set_against_one_past_its_base_keeps_the_group() -> None:
    text = (
        "Women made up 35% of the 520,085 people who crossed last year, up from 29% in 2022. "
        "In January, the share rose to 38%."
    )
    women = {v: s for v, s, _ in read(text, date(2024, 3, 5)) if v in (29, 38)}
    assert set(women.values()) == {Subject("sex_age", "women")}


@pytest.mark.parametrize(
    "text",
    [
        "A survey of 1,100 people at the reception centres found most were robbed.",
        "Neighbouring Costa Rica, the next stop for most migrants, said 58,000 entered.",
        "Costa Rica, por su parte, informó que 70.000 migrantes pasaron por su territorio.",
        "The government has sent 1,200 people home on 29 flights.",
        "La cifra de este año ya supera en más de 130.000 personas la de todo 2022.",
        "Por la ruta marítima intentaron pasar unas 3.400 personas.",
    ],
)
def test_not_crossings(text: str) -> None:
    lead = "Panama counted 100,000 crossers in the first quarter of 2024. "
    assert [f.value for f in extract_figures(lead + text, date(2024, 5, 1))] == [100_000]


def test_leader_dots_and_key_figures() -> None:
    text = (
        "Panama published its bulletin on crossings through the Darien.\n\n"
        "Venezuela ..... 248,120 ..... (62.4%)\n"
        "Haiti ..... 41,230\n\n"
        "Third quarter (July-September 2023): 211,980\n"
        "Daily average, September: 2,470\n"
    )
    found = read(text, date(2023, 10, 3))
    assert [(v, s.value) for v, s, _ in found] == [
        (248_120, "VEN"),
        (62.4, "VEN"),
        (41_230, "HTI"),
        (211_980, None),
    ]
    assert found[-1][2] == period("2023-07-01", "2023-09-30")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a year's final months, named by its number or as last year
        (
            "In the final two months of 2022, 61,000 people crossed.",
            period("2022-11-01", "2022-12-31"),
        ),
        (
            "En los cuatro últimos meses del año pasado cruzaron 61.000 personas.",
            period("2023-09-01", "2023-12-31"),
        ),
        # a span of months in last year, with or without a noun before the year
        (
            "From March to mid-June last year, 61,000 people crossed.",
            period("2023-03-01", "2023-06-15"),
        ),
        (
            "Entre febrero y abril del año pasado cruzaron 61.000 personas.",
            period("2023-02-01", "2023-04-30"),
        ),
    ],
)
def test_final_months_and_spans_of_an_earlier_year(sentence: str, expected: Period) -> None:
    assert [p for v, _, p in read(sentence, date(2024, 5, 20)) if v == 61000] == [expected]


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # an adverb between the group and its share, and a singular verb after "que ..."
        ("Los haitianos suman así el 38 % del flujo.", 38, Subject("nationality", "HTI")),
        ("Uno de cada tres de los que llegaron en marzo era menor de edad.", 33.3, MINORS),
        # a ranked group: a runner-up with an adjective, a leader of a noun phrase
        ("Colombians were a close second with about 9,000.", 9000, Subject("nationality", "COL")),
        ("Haitians topped the April arrivals with 12,400.", 12400, Subject("nationality", "HTI")),
        # a part of the children said to be unaccompanied with no verb of travel
        (
            "About 30,000 children crossed, including 1,100 who were unaccompanied.",
            1100,
            Subject("age", "unaccompanied_minors"),
        ),
    ],
)
def test_groups_linked_across_adverbs_ranks_and_relatives(
    text: str, value: float, expected: Subject
) -> None:
    lead = "So far this year 95,000 people crossed the Darién jungle.\n\n"
    found = [s for v, s, _ in read(lead + text, date(2023, 6, 1)) if v == value]
    assert found == [expected]


def test_in_n_months_is_the_year_so_far_only_when_that_many_months_are_over() -> None:
    text = "Some 41,000 children crossed the jungle in seven months, the agency said."
    assert read(text, date(2024, 8, 5))[0][2] == period("2024-01-01", "2024-07-31")
    # a length of time, not the year so far: the period of the lead carries on
    text = "In the last three months 90,000 people crossed. Children were 20,000 in three months."
    assert [p for _, _, p in read(text, date(2024, 8, 5))] == [
        period("2024-05-01", "2024-07-31")
    ] * 2


@pytest.mark.parametrize(
    "text",
    [
        "Between January and March, 100,000 people crossed the Darién. In the last week of March, "
        "9,000 did. The same quarter a year earlier saw 80,000 people cross.",
        "Entre enero y marzo cruzaron 100.000 personas. En la última semana de marzo fueron 9.000. "
        "En el mismo trimestre del año anterior cruzaron 80.000 personas.",
    ],
)
def test_the_same_quarter_a_year_earlier_keeps_the_quarter_past_a_week(text: str) -> None:
    assert read(text, date(2024, 4, 9))[-1][2] == period("2023-01-01", "2023-03-31")


def test_en_el_trimestre_points_back_to_the_quarter_not_the_longer_span_since() -> None:
    text = (
        "En el último trimestre cruzaron 90.000 migrantes. Entre enero y septiembre ya suman "
        "150.000. En el trimestre, los menores representaron el 21 % de quienes cruzaron."
    )
    assert read(text, date(2022, 10, 4))[-1][2] == period("2022-07-01", "2022-09-30")


@pytest.mark.parametrize(
    "text",
    [
        "In March, 30,000 people crossed. In the previous year, 250,000 people crossed.",
        "En marzo cruzaron 30.000 personas. En el año anterior, 250.000 personas cruzaron.",
    ],
)
def test_a_fronted_previous_year_is_the_whole_year_before(text: str) -> None:
    assert read(text, date(2024, 4, 9))[-1][2] == period("2023-01-01", "2023-12-31")


@pytest.mark.parametrize(
    "text",
    [
        "From May to July, 41,000 people crossed, against 77,000 in the preceding three.",
        "Entre mayo y julio cruzaron 41.000 personas, frente a 77.000 en los tres anteriores.",
    ],
)
def test_the_previous_n_with_months_left_out_are_the_months_before(text: str) -> None:
    assert read(text, date(2024, 8, 20))[-1][2] == period("2024-02-01", "2024-04-30")


def test_the_year_that_ended_with_a_count_is_the_whole_year_named() -> None:
    text = (
        "Entre enero y abril cruzaron 110.000 personas, un 10 % más que en el mismo periodo de "
        "2023, cuando el año terminó con 520.085 cruces."
    )
    assert read(text, date(2024, 5, 3))[-1][2] == period("2023-01-01", "2023-12-31")


def test_a_count_named_as_the_count_and_a_daily_count() -> None:
    text = (
        "So far this year 300,000 people crossed the Darién.\n\n"
        "In the same months of 2022 the count was 150,000.\n\n"
        "Within a week the daily count at the stations fell to around 900."
    )
    assert [v for v, _, _ in read(text, date(2023, 9, 1))] == [300000, 150000]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Hasta finales de agosto cruzaron 61.000 personas este año.",
            period("2024-01-01", "2024-08-31"),
        ),
        ("En el último mes cruzaron 61.000 personas.", period("2024-08-01", "2024-08-31")),
    ],
)
def test_the_end_of_a_month_as_cutoff_and_the_last_month(sentence: str, expected: Period) -> None:
    assert [p for v, _, p in read(sentence, date(2024, 9, 10)) if v == 61000] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Almost half were Cubans.",
        "Cubans, 2,480, made up almost half, followed by Haitians.",
        "Los cubanos, 2.480, representan casi la mitad, seguidos de haitianos.",
    ],
)
def test_a_half_without_article_or_after_a_count_aside(sentence: str) -> None:
    text = f"In the first five months of 2024, 5,010 people crossed the Darién. {sentence}"
    shares = [f for f in extract_figures(text, date(2024, 6, 10)) if f.unit == "percent"]
    assert [(f.value, f.subject) for f in shares] == [(50, Subject("nationality", "CUB"))]
