"""Totals of any table checked against the figures they close: a 'Total' (or 'Subtotal', 'Net')
row against the rows above it, a 'Total' column against the columns before it.

Budget tables nest their totals ('TOTAL SPENDING' closes the rows under 'SPENDING'; 'TOTAL
SAVINGS, INCOME & GRANT' adds a line to 'TOTAL SAVINGS & INCOME'), so a total is accepted when
any reading of what it closes adds up: the rows since the last total, since the last heading, the
totals before it, or everything above. Figures printed rounded (to £000s, £m, whole pounds) may be
off by half a unit each, and no more.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from ..normalise import parse_amount
from .model import Column, Row, Table

_TOTAL = re.compile(r"^\W*(?:grand\s+|overall\s+|sub[- ]?|net\s+)?totals?\b|^\W*net\b", re.IGNORECASE)
_WORDS = re.compile(r"[A-Za-z]{2,}")
_NET = re.compile(r"^\W*net\b", re.IGNORECASE)
_TOTAL_HEADER = re.compile(r"^\W*totals?\b", re.IGNORECASE)
_DECIMALS = re.compile(r"\.(\d+)")
SUMMED_KINDS = ("money", "number")
MIN_SUMMED = 2  # a Total column beside a single figure checks nothing
MAX_SUBSET = 14  # rows of a section searched for a selection adding up to its total (2**14 sums)


@dataclass(frozen=True)
class TotalMismatch:
    """A printed total that no reading of the figures it closes adds up to."""

    page: int
    label: str  # the total row's label, or the total column's header
    where: str  # the column (for a total row) or the row (for a total column)
    printed: Decimal
    added: Decimal
    tolerance: Decimal
    unit: str | None = None  # '£' for money


@dataclass(frozen=True)
class _Figure:
    value: Decimal
    unit: Decimal  # the last printed digit's worth: half of it is the rounding a figure may carry


def total_mismatches(table: Table) -> Iterator[TotalMismatch]:
    """Every total row and total column of the table that does not add up."""
    yield from _row_totals(table)
    yield from _column_totals(table)


# -- total rows ---------------------------------------------------------------------------------------


def _row_totals(table: Table) -> Iterator[TotalMismatch]:
    """Total rows of each column of figures that no reading of the rows above adds up to. A column
    whose totals mostly follow no reading (totals of a logic of their own, a reference number
    column) is left alone: only a total that stands out against the others is reported."""
    summed = [i for i, column in enumerate(table.columns) if column.kind in SUMMED_KINDS]
    grid = [[_figure(row.cells[i].text, table.columns[i]) if i in summed else None for i in range(table.n_cols)]
            for row in table.body]
    headings = [not _is_total(row) and bool(_label(row)) and all(grid[r][i] is None for i in summed)
                for r, row in enumerate(table.body)]
    for index in summed:
        figures = [line[index] for line in grid]
        if _counts_rows(figures):
            continue
        checked = [(position, _readings(table.body, figures, headings, position))
                   for position, row in enumerate(table.body) if _is_total(row) and figures[position] is not None]
        checked = [(position, readings) for position, readings in checked if readings]
        wrong = [(p, r) for p, r in checked if not any(_adds_up(reading, figures[p]) for reading in r)]
        if len(checked) > 1:  # a budget of sections and totals of totals: a total may pick its lines
            wrong = [(p, r) for p, r in wrong if not _some_lines_add_up(figures, headings, p)]
        if len(checked) >= 2 and len(wrong) > len(checked) / 2:
            continue  # totals of a logic of their own
        for position, readings in wrong:
            if _may_close_rows_before(table, figures, position):
                continue
            row, printed, block = table.body[position], figures[position], readings[0]
            if not _NET.match(_label(row)):  # a net line may be a difference, not a sum
                yield TotalMismatch(row.page, _label(row), table.columns[index].header or f"column {index + 1}",
                                    printed.value, sum((f.value for f in block), Decimal(0)),
                                    _tolerance(block, printed), table.columns[index].unit)


def _readings(rows: list[Row], figures: list[_Figure | None], headings: list[bool],
              position: int) -> list[list[_Figure]]:
    """What the total at `position` may close: the rows since the last total (or heading) first (the
    one a message quotes); then any run of rows right above it (a subtotal and the lines after it, a
    section since its heading, an unnamed subtotal), the totals since the last heading, every
    total above, every row above that is not a total."""
    heading = max((i for i in range(position) if headings[i]), default=-1)
    totals = [i for i in range(position) if _is_total(rows[i]) and figures[i] is not None]
    members = [i for i in range(position) if not _is_total(rows[i]) and figures[i] is not None]
    block = [i for i in members if i > max(heading, totals[-1] if totals else -1)]
    runs = [[i for i in range(start, position) if figures[i] is not None] for start in range(position - 1, -1, -1)]
    choices = [block, *runs, [i for i in totals if i > heading], totals, members]
    return [[figures[i] for i in choice] for choice in choices if choice]  # type: ignore[misc]


def _some_lines_add_up(figures: list[_Figure | None], headings: list[bool], position: int) -> bool:
    """Some of the lines since the last heading add up to the total ('savings for delivery' =
    new savings + new income + savings rolled forward, other lines of the section left out)."""
    heading = max((i for i in range(position) if headings[i]), default=-1)
    lines = [figures[i] for i in range(heading + 1, position) if figures[i] is not None][-MAX_SUBSET:]
    total = figures[position]
    return any(_adds_up(list(combo), total) for size in range(2, len(lines) + 1)  # type: ignore[arg-type]
               for combo in combinations(lines, size))


def _may_close_rows_before(table: Table, figures: list[_Figure | None], position: int) -> bool:
    """A table at the top of its page with no header may carry on one from the page before: its
    first total may close rows printed there."""
    first_total = next(i for i, row in enumerate(table.body) if _is_total(row) and figures[i] is not None)
    return table.starts_page and not table.header and position == first_total


def _counts_rows(figures: list[_Figure | None]) -> bool:
    """A column of reference numbers (1, 2, 3 ...): nothing to add up."""
    values = [figure.value for figure in figures if figure is not None]
    steps = sum(1 for a, b in zip(values, values[1:], strict=False) if b - a == 1)
    return len(values) >= 3 and steps >= 0.6 * (len(values) - 1)


def _is_total(row: Row) -> bool:
    return bool(_TOTAL.match(_label(row)))


def _label(row: Row) -> str:
    """The row's first cell of words (a reference number or a figure may come before it)."""
    return next((cell.text for cell in row.cells if cell.text and _WORDS.search(cell.text)), "")


# -- total columns --------------------------------------------------------------------------------------


def _column_totals(table: Table) -> Iterator[TotalMismatch]:
    """A column headed 'Total' against the run of figure columns before it that adds up to it in
    most rows (Core | External | Total): rows where that run does not add up are reported."""
    for index, column in enumerate(table.columns):
        if column.kind not in SUMMED_KINDS or not _TOTAL_HEADER.match(column.header or _header_of(table, index)):
            continue
        run = _usual_run(table, index)
        if run is None:
            continue
        for row in table.body:
            printed = _figure(row.cells[index].text, column)
            parts = [_figure(row.cells[i].text, table.columns[i]) for i in run]
            present = [part for part in parts if part is not None]
            if printed is None or len(present) < MIN_SUMMED or _adds_up(present, printed):
                continue
            yield TotalMismatch(row.page, column.header or "Total", _label(row), printed.value,
                                sum((p.value for p in present), Decimal(0)), _tolerance(present, printed), column.unit)


def _usual_run(table: Table, index: int) -> range | None:
    """The columns just left of the total column that add up to it in most rows, if any do."""
    best: tuple[int, range] | None = None
    for start in range(index - 1, -1, -1):
        if table.columns[start].kind not in SUMMED_KINDS:
            break
        run = range(start, index)
        if len(run) < MIN_SUMMED:
            continue
        matched = sum(1 for row in table.body if _row_adds_up(table, row, run, index))
        if matched >= 0.5 * len(table.body) and (best is None or matched > best[0]):
            best = (matched, run)
    return best[1] if best else None


def _row_adds_up(table: Table, row: Row, run: range, index: int) -> bool:
    printed = _figure(row.cells[index].text, table.columns[index])
    parts = [_figure(row.cells[i].text, table.columns[i]) for i in run]
    present = [part for part in parts if part is not None]
    return printed is not None and len(present) >= MIN_SUMMED and _adds_up(present, printed)


def _header_of(table: Table, index: int) -> str:
    return " ".join(row.cells[index].text for row in table.header)


# -- figures ---------------------------------------------------------------------------------------------


def _figure(text: str, column: Column) -> _Figure | None:
    """The figure in a cell, scaled, with the worth of its last printed digit."""
    value = parse_amount(text, column.scale)
    if value is None:
        return None
    decimals = _DECIMALS.search(text)
    unit = Decimal(1).scaleb(-len(decimals.group(1))) if decimals else Decimal(1)
    return _Figure(value, unit * column.scale)


def _tolerance(parts: list[_Figure], total: _Figure) -> Decimal:
    return sum((part.unit for part in parts), total.unit) / 2


def _adds_up(parts: list[_Figure], total: _Figure) -> bool:
    return abs(sum((part.value for part in parts), Decimal(0)) - total.value) <= _tolerance(parts, total)
