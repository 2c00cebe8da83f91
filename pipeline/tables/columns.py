"""Header rows told from body rows, and each column typed from its cells, with the unit and scale
its header (or the table's caption) gives: '1,250.0' under '(£000s)' is £1,250,000."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from ..normalise import find_period, parse_date, parse_money, parse_percent, parse_unit
from .model import Column, Row, Table

_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_BLANK_FIGURE = re.compile(r"^[-–—]$|^nil$|^n/?a$", re.IGNORECASE)
_CURRENCY_SIGN = re.compile(r"^[£$€]$")
KINDS_FOR_NUMBERS = ("money", "percent", "number")


def cell_kind(text: str) -> str:
    """What one cell holds: 'empty', 'percent', 'money', 'number', 'period', 'date' or 'text'."""
    text = text.strip()
    if not text or _BLANK_FIGURE.match(text) or _CURRENCY_SIGN.match(text):
        return "empty"  # a '£' in a column of its own holds no value: it is the unit of the column beside it
    if parse_percent(text) is not None:
        return "percent"
    if _YEAR.match(text):
        return "period"
    if parse_money(text) is not None:
        return "money" if "£" in text else "number"
    if find_period(text) and len(text) <= 12:
        return "period"
    if parse_date(text) and len(text) <= 20:
        return "date"
    return "text"


def mark_header_rows(table: Table) -> None:
    """Rows above the first row that has a figure under a column of figures are header rows;
    in a table of text only, a bold first row over rows mostly not bold is its header."""
    kinds = _body_kinds(table.rows)
    figure_columns = [index for index, kind in enumerate(kinds) if kind in KINDS_FOR_NUMBERS]
    count = 0
    if figure_columns:
        for row in table.rows[: max(1, len(table.rows) - 1)]:
            if any(cell_kind(row.cells[i].text) in KINDS_FOR_NUMBERS for i in figure_columns):
                break
            count += 1
    elif len(table.rows) > 2 and table.rows[0].bold and sum(row.bold for row in table.rows[1:]) < 0.5 * len(table.rows):
        count = 1
    for index, row in enumerate(table.rows):
        row.header = index < count


def _body_kinds(rows: list[Row]) -> list[str]:
    """Each column's usual kind over the lower rows (where headers are not)."""
    if not rows:
        return []
    lower = rows[max(1, len(rows) // 3) :] if len(rows) >= 2 else rows
    kinds = []
    for column in range(len(rows[0].cells)):
        found = Counter(cell_kind(row.cells[column].text) for row in lower)
        found.pop("empty", None)
        kinds.append(found.most_common(1)[0][0] if found else "empty")
    return kinds


def type_columns(table: Table, context: str = "") -> list[Column]:
    """The table's columns typed from their body cells, with unit and scale from the header text,
    else from the context (the caption and lines around the table)."""
    context_unit = parse_unit(context)
    columns = []
    for index in range(table.n_cols):
        header = " ".join(row.cells[index].text for row in table.header if row.cells[index].text)
        header = header or _spanning_header(table, index)
        found = Counter(cell_kind(row.cells[index].text) for row in table.body if not row.is_total)
        found.pop("empty", None)
        kind = _column_kind(found)
        unit = parse_unit(header)
        if unit is None and kind in ("money", "number") and context_unit and context_unit[0] != "%":
            unit = context_unit
        if unit is None and kind in ("money", "number") and index and _signs_only(table, index - 1):
            unit = (_signs_only(table, index - 1), Decimal(1))
        column = Column(kind, header=header, period=find_period(header))
        if unit:
            column.unit, column.scale = unit
            if kind == "number" and column.unit == "£":
                column.kind = "money"
            elif kind == "number" and column.unit == "%":
                column.kind = "percent"
        elif kind == "money":
            column.unit = "£"
        columns.append(column)
    return columns


def _signs_only(table: Table, index: int) -> str | None:
    """The currency sign printed alone in every filled body cell of a column, if that is all it holds."""
    signs = {row.cells[index].text.strip() for row in table.body if row.cells[index].text.strip()}
    return signs.pop() if len(signs) == 1 and _CURRENCY_SIGN.match(next(iter(signs))) else None


def _column_kind(found: Counter[str]) -> str:
    if not found:
        return "empty"
    numbers = sum(found[kind] for kind in KINDS_FOR_NUMBERS)
    if numbers >= 0.6 * sum(found.values()):
        return max(KINDS_FOR_NUMBERS, key=lambda kind: found[kind])
    return found.most_common(1)[0][0]


def _spanning_header(table: Table, index: int) -> str:
    """The text of a header cell spanning over this column from the left."""
    for row in table.header:
        for start in range(index, -1, -1):
            cell = row.cells[start]
            if not cell.covered:
                if cell.text and start + cell.col_span > index:
                    return cell.text
                break
    return ""
