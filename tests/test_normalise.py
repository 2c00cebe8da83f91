from decimal import Decimal

import pytest

from pipeline.normalise import clean_text, find_period, name_key, parse_date, parse_money, parse_percent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("£83,424", Decimal("83424")),
        ("£83,424.50", Decimal("83424.50")),
        ("83,424", Decimal("83424")),
        ("£ 10,000.00", Decimal("10000.00")),
        ("£75k", Decimal("75000")),
        ("£1.2m", Decimal("1200000")),
        ("£2 million", Decimal("2000000")),
        ("(1,500)", Decimal("-1500")),
        ("£0.45", Decimal("0.45")),
    ],
)
def test_money_is_exact(text: str, expected: Decimal) -> None:
    assert parse_money(text) == expected


@pytest.mark.parametrize("text", ["32%", "Dorset", "", "£", "12,34", None])
def test_not_money(text: str | None) -> None:
    assert parse_money(text) is None


def test_money_keeps_pence_exactly() -> None:
    # floats would make 0.1 + 0.2 != 0.3: the total checks rely on exact decimals
    assert parse_money("£0.10") + parse_money("£0.20") == parse_money("£0.30")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("32%", Decimal("32")), ("8.5 %", Decimal("8.5")), ("(26%)", Decimal("26")), ("32", None), ("x%", None)],
)
def test_percent(text: str, expected: Decimal | None) -> None:
    assert parse_percent(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020 to 2021 contribution:", "2020/21"),
        ("The PDSCP contributions for 2023/24 were as follows:", "2023/24"),
        ("2020/21 Statutory Partner Contributions", "2020/21"),
        ("Contributions 2022-2023", "2022/23"),
        ("FY2019/20 funding", "2019/20"),
        ("2021–22 partner shares", "2021/22"),
        ("Stinsford Neighbourhood Plan 2021 - 2038", None),  # a span of years, not a financial year
        ("between April 2023 – March 2024", "2023/24"),
        ("contributions for the year ending 31 March 2024", "2023/24"),
        ("no period here", None),
    ],
)
def test_period(text: str, expected: str | None) -> None:
    assert find_period(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17 May 2022", "2022-05-17"),
        ("Thursday, 30th January, 2025, at 10.00 am", "2025-01-30"),
        ("Date: Thursday, 19 May 2022", "2022-05-19"),
        ("6 Sep 2022", "2022-09-06"),
        ("September 6, 2022", "2022-09-06"),
        ("17/05/2022", "2022-05-17"),
        ("July 2022", "2022-07"),  # a month only: no day is invented
        ("31 February 2022", None),
        ("", None),
    ],
)
def test_dates(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_names() -> None:
    assert clean_text("  Dorset \n Police ") == "Dorset Police"
    assert name_key("Children’s  Services") == name_key("children's services")
    assert name_key("Dorset Police") != name_key("Dorset Council")
