"""Plain data objects of the table layer: cells in rows, typed columns, tables with their pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in points, top-left origin

_TOTAL_LABEL = re.compile(r"^\W*(?:grand\s+|overall\s+|sub[- ]?)?totals?\b", re.IGNORECASE)


@dataclass(frozen=True)
class CellLine:
    """One printed line of a cell's text (a cell wraps over several), and whether it is all bold."""

    text: str
    bold: bool = False


@dataclass
class Cell:
    """One cell. A cell spanning several columns or rows holds the text; the positions it covers
    hold empty cells marked `covered`. `lines` is the text as printed, line by line (where known)."""

    text: str = ""
    bbox: BBox | None = None
    col_span: int = 1
    row_span: int = 1
    covered: bool = False
    lines: list[CellLine] = field(default_factory=list, compare=False, repr=False)


@dataclass
class Row:
    cells: list[Cell]
    page: int
    bbox: BBox
    header: bool = False
    bold: bool = False  # every word of it set in bold: a header or a heading

    @property
    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]

    @property
    def label(self) -> str:
        """The first non-empty cell's text: what the row is about."""
        return next((cell.text for cell in self.cells if cell.text), "")

    @property
    def is_total(self) -> bool:
        """A 'Total' (or 'Grand total', 'Subtotal') row: it states a sum, it is not a member. The
        label may follow a reference number ('12 | Total')."""
        labels = [cell.text for cell in self.cells if cell.text][:2]
        return any(_TOTAL_LABEL.match(text) for text in labels)


@dataclass
class Column:
    """What a column holds, read from its cells and its header.

    `kind` is the type most body cells have: 'text', 'money', 'percent', 'number', 'date',
    'period' or 'empty'. `scale` is what a printed figure is multiplied by to give the value
    ('£000s' → 1000), `unit` the currency or '%'. `period` is the financial year the header names.
    """

    kind: str
    header: str = ""
    unit: str | None = None
    scale: Decimal = Decimal(1)
    period: str | None = None

    @property
    def numeric(self) -> bool:
        return self.kind in ("money", "percent", "number")


@dataclass
class TablePart:
    """The rows of a table printed on one page (a repeated header included)."""

    page: int
    bbox: BBox
    rows: list[Row]


@dataclass
class Table:
    """A table as printed: header rows first, then body rows, on one page or continued over several."""

    page: int
    bbox: BBox
    rows: list[Row]
    method: str  # 'ruled', 'aligned' (text alignment) or 'list' (a dash or bullet list)
    columns: list[Column] = field(default_factory=list)
    caption: str | None = None  # the line right above the table, when it is close enough to name it
    heading: str | None = None  # the heading it sits under ('Partner contributions 2022-23'), if any
    above: list[str] = field(default_factory=list)  # text lines above the table, nearest last
    below: list[str] = field(default_factory=list)  # text lines under it, nearest first
    parts: list[TablePart] = field(default_factory=list)
    starts_page: bool = False  # nothing but running headers and page numbers above it
    ends_page: bool = False  # nothing but page numbers and footers below it

    @property
    def n_cols(self) -> int:
        return len(self.rows[0].cells) if self.rows else 0

    @property
    def header_rows(self) -> int:
        count = 0
        while count < len(self.rows) and self.rows[count].header:
            count += 1
        return count

    @property
    def header(self) -> list[Row]:
        return self.rows[: self.header_rows]

    @property
    def body(self) -> list[Row]:
        return self.rows[self.header_rows :]

    @property
    def pages(self) -> list[int]:
        return [part.page for part in self.parts] or [self.page]

    def grid(self) -> list[list[str]]:
        """Cell texts row by row (a spanning cell's text in its top-left position, '' elsewhere)."""
        return [row.texts for row in self.rows]

    def column_text(self, column: int) -> list[str]:
        return [row.cells[column].text for row in self.body]

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "page": self.page,
            "bbox": _rounded(self.bbox),
            "header_rows": self.header_rows,
            "rows": self.grid(),
            "method": self.method,
            "columns": [_column_json(column) for column in self.columns],
        }
        if self.caption:
            data["caption"] = self.caption
        if len(self.parts) > 1:
            data["parts"] = [
                {"page": part.page, "bbox": _rounded(part.bbox), "rows": [row.texts for row in part.rows]}
                for part in self.parts
            ]
        return data


def _column_json(column: Column) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": column.kind}
    if column.unit:
        data["unit"] = column.unit
    if column.scale != 1:
        data["scale"] = int(column.scale)
    if column.period:
        data["period"] = column.period
    return data


def _rounded(bbox: BBox) -> list[float]:
    return [round(value, 1) for value in bbox]


def union(boxes: list[BBox]) -> BBox:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
