"""Partner contribution tables: who paid how much, their share, the stated total and the period.

Read from the tables the table layer finds (ruled, borderless, dash and bullet lists alike): a
contributions table is one whose columns mean partner + amount (one column per period) [+ share]
[+ anything else], told by header words and column types, never by a column's position. A
'Total' row gives the stated total; the period comes from the amount column's header, the
table's header, the total row, its caption, or the text around it.

What keeps budget tables and prose out: at least two partner rows, talk of contributions or
partners in or around the table, amounts in pounds, and several amount columns only when each
is a period's (budget tables have Budget | Outturn | Variance, not periods).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..model import ContributionRow, ContributionTable
from ..normalise import clean_text, find_period, parse_amount, parse_percent
from ..pdf import PdfDocument
from ..tables import Column, Row, Table
from ..tables.columns import type_columns
from ..tables.lists import LEADING_MARKER
from ..tables.pages import document_tables, table_pages

_CONTEXT_WORDS = re.compile(r"contribut|partner|funding|funded", re.IGNORECASE)
_CONTRIBUTION = re.compile(r"contribut", re.IGNORECASE)
_NAMING_HEADER = re.compile(r"contribut|partner|\bshares?\b", re.IGNORECASE)
_HEADER_WORDS = re.compile(r"contribut|partner|funding|funded|\bshares?\b", re.IGNORECASE)
_PARTNER_HEADING = re.compile(r"partner|organi[sz]ation|agency|agencies|body|contributor|funder|\bname\b|"
                              r"authorit|council|ward|\bby\b", re.IGNORECASE)
_AMOUNT_HEADING = re.compile(r"contribut|amount|funding|£|\bvalue\b|\bsum\b", re.IGNORECASE)
_SHARE_HEADING = re.compile(r"%|per ?cent|share|proportion", re.IGNORECASE)
_TRAILING_SEPARATOR = re.compile(r"\s*[-–—:=]+\s*$")
_SENTENCE_END = re.compile(r"[.;,!?]$")
_FIGURE = re.compile(r"\d")
_NIL = re.compile(r"^(?:nil|[-–—]|£?\s?0(?:\.00)?)$", re.IGNORECASE)
_SUBTOTAL = re.compile(r"^\W*sub[- ]?totals?\b", re.IGNORECASE)
MAX_NAME_WORDS = 16  # "Office of the Police and Crime Commissioner for Leicester, Leicestershire and Rutland"
MIN_PARTNER_ROWS = 2
NEAR_LINES = 6  # lines above a table that may be its caption


def extract_contributions(document: PdfDocument) -> list[ContributionTable]:
    """Every contributions table in the document."""
    return contributions_in(document_tables(document, table_pages(document)))


def contributions_in(tables: list[Table]) -> list[ContributionTable]:
    """The contributions tables among the tables the layer found."""
    return [found for table in tables for found in read_contributions(table)]


def read_contributions(table: Table) -> list[ContributionTable]:
    """The table as contributions, one per period column; [] when it is not a contributions table."""
    columns = _with_pounds(table)
    partner = _partner_column(table, columns)
    amounts = _amount_columns(columns)
    if partner is None or not amounts or not _about_contributions(table, [columns[i] for i in [partner, *amounts]]):
        return []
    share = next((i for i, column in enumerate(columns) if column.kind == "percent" or
                  (column.kind == "number" and _SHARE_HEADING.search(column.header))), None)
    periods = [columns[i].period for i in amounts] if len(amounts) > 1 else [_period(table, columns[amounts[0]])]
    found = []
    for column, period in zip(amounts, periods, strict=True):
        read = _read(table, partner, column, share, columns[column])
        if read is not None:
            read.period = period
            found.append(read)
    return found


def about_contributions(table: Table) -> bool:
    """A table of pounds whose header names partners, contributions or shares, or that sits under a
    heading naming contributions, partners or funding: one the reader should have read, if it reads
    nothing from it. (A sentence is not a heading: 'contributions are reported separately.' above a
    budget table.)"""
    headers = [cell.text for row in table.header for cell in row.cells]
    named = any(_NAMING_HEADER.search(text) for text in headers) or bool(
        table.heading and _CONTEXT_WORDS.search(table.heading))
    return named and any(column.kind == "money" for column in _with_pounds(table))


def _about_contributions(table: Table, columns: list[Column]) -> bool:
    """The partner or amount column's header, the total row, the caption or the text just around the
    table speaks of contributions or partners (another column's header or a row label does not:
    'District Contributions' is one line of a capital programme's funding)."""
    texts = [table.caption or "", *table.above[-3:], *table.below, *(row.label for row in table.rows if row.is_total)]
    return (any(_CONTEXT_WORDS.search(text) for text in texts)
            or any(_HEADER_WORDS.search(column.header) for column in columns))


def _with_pounds(table: Table) -> list[Column]:
    """The table's columns; figures without a £ sign are pounds when the caption or the text just
    under the table names the unit ('All figures £000s')."""
    if any(column.kind == "money" for column in table.columns):
        return table.columns
    return type_columns(table, " ".join([*table.above[-2:], *table.below[:1]]))


def _partner_column(table: Table, columns: list[Column]) -> int | None:
    text_columns = [i for i, column in enumerate(columns) if column.kind == "text"]
    named = [i for i in text_columns if _PARTNER_HEADING.search(columns[i].header)]
    return (named or text_columns or [None])[0]


def _amount_columns(columns: list[Column]) -> list[int]:
    """The amount column, or one per period ('2023/24 | 2024/25 | Change': the periods); none when
    several figures per row are not periods and none is named an amount."""
    money = [i for i, column in enumerate(columns) if column.kind == "money" and column.unit == "£"]
    if len(money) <= 1:
        return money
    by_period = [i for i in money if columns[i].period]
    if len(by_period) >= 2 and len({columns[i].period for i in by_period}) == len(by_period):
        return by_period
    named = [i for i in money if _AMOUNT_HEADING.search(columns[i].header) and not columns[i].period]
    return named if len(named) == 1 else []


def _read(table: Table, partner: int, amount: int, share: int | None, column: Column) -> ContributionTable | None:
    rows: list[ContributionRow] = []
    total: Decimal | None = None
    for row in table.body:
        value = _amount(row.cells[amount].text, column)
        if row.is_total:
            if _SUBTOTAL.match(row.label) or _SUBTOTAL.match(row.cells[partner].text):
                continue  # the partners above add up to it; more partners and the total follow
            total = value if value is not None else total
            break  # what follows a total is not a partner's
        name = _partner_name(row.cells[partner].text)
        if value is None or value < 0 or name is None:
            continue
        rows.append(ContributionRow(name, value, _share(row, share), row.page, row.bbox))
    names = [row.partner for row in rows]
    if len(rows) < MIN_PARTNER_ROWS or len(set(names)) < 0.5 * len(names):
        return None  # the same few labels over and over: line items of a budget, not partners
    first_page = table.parts[0] if table.parts else None
    return ContributionTable(
        period=None, page=table.page, rows=rows, stated_total=total,
        layout="list" if table.method == "list" else "table", caption=_caption(table),
        bbox=tuple(round(v, 1) for v in (first_page.bbox if first_page else table.bbox)),
    )


def _amount(text: str, column: Column) -> Decimal | None:
    """The cell's amount in pounds; 'Nil' or a dash is a partner that paid nothing this time."""
    if _NIL.match(text.strip()):
        return Decimal(0)
    return parse_amount(text, column.scale)


def _partner_name(text: str) -> str | None:
    name = clean_text(_TRAILING_SEPARATOR.sub("", LEADING_MARKER.sub("", text)))
    if not name or not name[0].isupper() or _SENTENCE_END.search(name) or len(name.split()) > MAX_NAME_WORDS:
        return None
    return name


def _share(row: Row, share: int | None) -> Decimal | None:
    if share is None:
        return None
    text = row.cells[share].text.strip()
    value = parse_percent(text)
    if value is None and _FIGURE.search(text):
        try:
            value = Decimal(text)
        except InvalidOperation:
            return None
    return value


def _period(table: Table, column: Column) -> str | None:
    """The period from the amount column's header, the table's header or its total row; else from
    the text around the table (its caption, the lines under it, the lines just above), a line that
    speaks of contributions first, then one that speaks of partners or funding, then any; else from
    further up the page (the report's title)."""
    own = [column.header, *(cell.text for row in table.header for cell in row.cells)]
    own += [row.label for row in table.body if row.is_total]
    near = [table.caption or "", *table.below, *reversed(table.above[-NEAR_LINES:])]
    far = list(reversed(table.above[:-NEAR_LINES]))
    tiers = [own, [t for t in near if _CONTRIBUTION.search(t)], [t for t in near if _CONTEXT_WORDS.search(t)],
             near, far]
    for tier in tiers:
        for text in tier:
            if period := find_period(text):
                return period
    return None


def _caption(table: Table) -> str | None:
    """The nearest line above the table that names it (its period or what it is)."""
    for text in [table.caption or "", *reversed(table.above[-NEAR_LINES:])]:
        if find_period(text) or _CONTEXT_WORDS.search(text):
            return clean_text(text)
    return None
