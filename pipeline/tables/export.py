"""Every table of one PDF for the `tables` command: pages selected, tables read, JSON or CSV out.

Also the figure a cell holds under its typed column, which the database stores beside the text.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..normalise import parse_amount, parse_percent
from ..pdf import PdfDocument, PdfError
from .model import Column, Table
from .pages import document_tables

_RANGE = re.compile(r"^(\d+)(?:\s*-\s*(\d+))?$")


class PageSelectionError(PdfError):
    """Pages asked for that the PDF does not have, or a selection that cannot be read.

    A PdfError, so that it prints as the other bad-input errors do: one line naming the file."""


def parse_pages(selection: str, page_count: int) -> list[int]:
    """'1,3-5' -> [1, 3, 4, 5]: 1-based pages in order, each once, all within the document.

    Raises ValueError with the reason for a malformed selection or a page past the end."""
    pages: set[int] = set()
    for item in selection.split(","):
        match = _RANGE.match(item.strip())
        if not match:
            raise ValueError(f"cannot read page selection {selection!r}: use numbers and ranges such as 1,3-5")
        first, last = int(match[1]), int(match[2] or match[1])
        if first < 1:
            raise ValueError("there is no page 0: pages count from 1")
        if last < first:
            raise ValueError(f"page range {item.strip()!r} runs backwards")
        if last > page_count:
            raise ValueError(f"page {last} is past the end (the PDF has {page_count} page{'s' * (page_count != 1)})")
        pages.update(range(first, last + 1))
    return sorted(pages)


@dataclass
class PdfTables:
    """The tables found in one PDF, with what the contract's `tables` JSON says about the file."""

    file: str
    page_count: int
    tables: list[Table]

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "page_count": self.page_count, "tables": [t.to_json() for t in self.tables]}

    def csv_names(self) -> list[str]:
        """One file name per table, '<pdf stem>-p<page>-t<k>.csv', k counting the tables starting on that page."""
        stem = Path(self.file).stem
        seen: Counter[int] = Counter()
        names = []
        for table in self.tables:
            seen[table.page] += 1
            names.append(f"{stem}-p{table.page}-t{seen[table.page]}.csv")
        return names

    def write_csv(self, directory: Path) -> list[Path]:
        """Each table to its own CSV file in `directory` (created), header rows first as printed."""
        directory.mkdir(parents=True, exist_ok=True)
        written = []
        for table, name in zip(self.tables, self.csv_names(), strict=True):
            path = directory / name
            with path.open("w", newline="", encoding="utf-8") as handle:
                csv.writer(handle).writerows(table.grid())
            written.append(path)
        return written


def read_pdf_tables(path: Path | str, pages: str | Sequence[int] | None = None,
                    password: str | None = None) -> PdfTables:
    """Every table on every page of the PDF (or on the pages selected: '1,3-5' or a list of numbers).

    Raises PdfError, one line naming the file, when the file cannot be read, the selection names
    pages it does not have, or the table layer fails on it."""
    with PdfDocument(path, password=password) as document:
        selected = _selected_pages(document, pages)
        try:
            tables = document_tables(document, selected)
        except PdfError:
            raise
        except Exception as error:  # a damaged page can break the parsers in many ways: one line, not a traceback
            raise PdfError(document.path, f"tables cannot be read ({type(error).__name__}: {error})") from None
        return PdfTables(document.name, document.page_count, tables)


def _selected_pages(document: PdfDocument, pages: str | Sequence[int] | None) -> list[int] | None:
    if pages is None:
        return None
    selection = pages if isinstance(pages, str) else ",".join(map(str, pages))
    try:
        return parse_pages(selection, document.page_count)
    except ValueError as error:
        raise PageSelectionError(document.path, str(error)) from None


def cell_value(text: str, column: Column) -> Decimal | None:
    """The figure a body cell holds under a money, number or percent column, the column's scale
    applied ('1,250' under '£000s' -> 1250000; '45%' -> 45); None for text, blanks and dashes."""
    if column.kind == "percent":  # never scaled: a share may be printed without its % sign ('45' under '%')
        return parse_percent(text) if parse_percent(text) is not None else parse_amount(text)
    if column.numeric:
        return parse_amount(text, column.scale)
    return None
