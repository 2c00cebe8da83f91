"""Normalisation of the values councils print: money, percentages, periods, dates, names.

Every extractor goes through these functions, so '£83,424', '£83.4k' and '83,424.00' mean the
same everywhere. Money is a Decimal (never a float) so totals can be checked to the penny.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

_MONEY_RE = re.compile(
    r"""^(?P<neg>\(|-|−)?\s*(?P<cur>£|GBP\s?)?\s*
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
        \s*(?P<suffix>k|m|bn|million|billion|thousand)?\)?$""",
    re.IGNORECASE | re.VERBOSE,
)
_SUFFIX_FACTOR = {
    "k": Decimal(1_000), "thousand": Decimal(1_000),
    "m": Decimal(1_000_000), "million": Decimal(1_000_000),
    "bn": Decimal(1_000_000_000), "billion": Decimal(1_000_000_000),
}
# A money token inside a line of text: needs a £ sign, or pence, or thousands commas.
MONEY_TOKEN = r"(?:£\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn)\b)?|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?)"
PERCENT_TOKEN = r"\d{1,3}(?:\.\d+)?\s?%"

_PERCENT_RE = re.compile(r"^\(?(\d{1,3}(?:\.\d+)?)\s?%\)?$")
_PERIOD_PATTERNS = [
    # 2020/21, 2020-21, 2020–2021, 2020/2021, FY2020/21
    re.compile(r"\b(?:FY\s?)?(20\d{2})\s?[/\-–—]\s?(20\d{2}|\d{2})\b", re.IGNORECASE),
    # '2020 to 2021', 'April 2020 to March 2021', 'April 2020 - March 2021'
    re.compile(r"\b(?:April\s+)?(20\d{2})\s*(?:to|[-–—])\s*(?:March\s+)?(20\d{2})\b", re.IGNORECASE),
]
# 'the year ending 31 March 2024' is 2023/24
_YEAR_ENDING = re.compile(r"\byear end(?:ing|ed)\s+(?:31(?:st)?\s+)?March\s+(20\d{2})\b", re.IGNORECASE)
MONTHS = {
    name: index
    for index, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for name in names
}
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))  # a regex alternation, longest first
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_NAMES})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(rf"\b({MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b({MONTH_NAMES})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)


def parse_money(text: str | None) -> Decimal | None:
    """'£83,424' -> 83424; '£1.2m' -> 1200000; '(1,500)' -> -1500; anything else -> None."""
    if text is None:
        return None
    match = _MONEY_RE.match(re.sub(r"\s+", "", text))
    if not match:
        return None
    try:
        value = Decimal(match["num"].replace(",", ""))
    except InvalidOperation:
        return None
    if match["suffix"]:
        value *= _SUFFIX_FACTOR[match["suffix"].lower()]
    if match["neg"]:
        value = -value
    return value


# Units printed in a header or caption: '£000s', "£'000", '£k', '£m', '(£)', 'in thousands', '%'.
_UNITS = [
    (re.compile(r"£\s?['’]?\s?0{3}(?:['’]?s)?(?!\d)|£\s?k\b|£\s?thousands?\b|\bk£", re.IGNORECASE), "£",
     Decimal(1_000)),
    (re.compile(r"£\s?(?:m|mn|millions?)\b", re.IGNORECASE), "£", Decimal(1_000_000)),
    (re.compile(r"£\s?(?:bn|billions?)\b", re.IGNORECASE), "£", Decimal(1_000_000_000)),
    (re.compile(r"\bin\s+thousands\b|\b(?:thousands|['’]?000s)\b", re.IGNORECASE), None, Decimal(1_000)),
    (re.compile(r"\bin\s+millions\b", re.IGNORECASE), None, Decimal(1_000_000)),
    (re.compile(r"£"), "£", Decimal(1)),
    (re.compile(r"%|\bper\s?cent\b", re.IGNORECASE), "%", Decimal(1)),
]


def parse_unit(text: str | None) -> tuple[str | None, Decimal] | None:
    """The unit and scale a header or caption gives its figures: '£000s' -> ('£', 1000), '%' -> ('%', 1).

    None when the text names no unit."""
    if not text:
        return None
    for pattern, unit, scale in _UNITS:
        if pattern.search(text):
            return unit, scale
    return None


def parse_amount(text: str | None, scale: Decimal = Decimal(1)) -> Decimal | None:
    """A figure in a column whose header gives its scale: '1,250.0' under '£000s' -> 1250000.

    A figure with its own suffix ('£1.2m') keeps it and ignores the column's scale."""
    value = parse_money(text)
    if value is None or text is None:
        return None
    own_suffix = bool(re.search(r"\d\s*(?:k|m|bn|million|billion|thousand)\)?$", text.strip(), re.IGNORECASE))
    return value if own_suffix else value * scale


def parse_percent(text: str | None) -> Decimal | None:
    """'32%' -> 32; '8.5 %' -> 8.5; text without a % sign -> None."""
    if text is None:
        return None
    match = _PERCENT_RE.match(text.strip())
    return Decimal(match.group(1)) if match else None


def find_period(text: str) -> str | None:
    """The first financial-year period in the text, as 'YYYY/YY' ('2020 to 2021' -> '2020/21')."""
    periods = find_periods(text)
    return periods[0] if periods else None


def find_periods(text: str) -> list[str]:
    """Every financial-year period in the text, in order ('2021/22 2022/23' -> both)."""
    found: list[tuple[int, str]] = []
    for pattern in _PERIOD_PATTERNS:
        for match in pattern.finditer(text):
            start, end = int(match.group(1)), int(match.group(2)[-2:])
            if (start + 1) % 100 == end:  # '2021-38' in 'Plan 2021 - 2038' is a span of years, not a year
                found.append((match.start(), f"{start}/{end:02d}"))
    for match in _YEAR_ENDING.finditer(text):
        end = int(match.group(1))
        found.append((match.start(), f"{end - 1}/{end % 100:02d}"))
    return [period for _, period in sorted(dict.fromkeys(found))]


def parse_date(text: str | None) -> str | None:
    """An ISO date from '17 May 2022', 'Thursday, 30th January, 2025', 'May 17, 2022', '17/05/2022'.

    A month with no day ('July 2022') gives 'YYYY-MM': no day is invented.
    """
    if not text:
        return None
    text = clean_text(text)
    if match := _DAY_MONTH_YEAR.search(text):
        return _iso(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
    if match := _MONTH_DAY_YEAR.search(text):
        return _iso(int(match.group(3)), MONTHS[match.group(1).lower()], int(match.group(2)))
    if match := _NUMERIC_DATE.search(text):
        year = int(match.group(3))
        year = year + 2000 if year < 100 else year
        return _iso(year, int(match.group(2)), int(match.group(1)))
    if match := _MONTH_YEAR.search(text):
        return f"{int(match.group(2)):04d}-{MONTHS[match.group(1).lower()]:02d}"
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def clean_text(text: str | None) -> str:
    """Whitespace collapsed to single spaces; the characters themselves kept as printed."""
    if text is None:
        return ""
    text = text.replace("\u00ad", "").replace("\ufffe", "").replace("\x02", "-")
    return re.sub(r"\s+", " ", text).strip()


def join_wrapped(parts: list[str]) -> str:
    """Lines of one wrapped cell joined into one string ('Dorset' + 'Council' -> 'Dorset Council')."""
    return clean_text(" ".join(part for part in parts if part and part.strip()))


def name_key(name: str) -> str:
    """A key to compare names: case, whitespace, quotes and dashes folded."""
    name = unicodedata.normalize("NFKC", clean_text(name)).casefold()
    name = name.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", name).strip(" .,:;")


def pounds(amount: Decimal | None) -> int | float | None:
    """A Decimal amount as the contract's JSON number: an int for whole pounds."""
    if amount is None:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)
