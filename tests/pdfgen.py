"""Small council-style PDFs drawn with reportlab, for tests that need one exact layout."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

LEFT, LINE = 57, 16


@dataclass
class Text:
    lines: Sequence[str]


@dataclass
class Grid:
    """A table: rows of cells at column x offsets; ruled draws cell borders like Word does."""

    rows: Sequence[Sequence[str]]
    columns: Sequence[float] = (0, 250, 370)
    ruled: bool = True


@dataclass
class PageBreak:
    pass


@dataclass
class Footer:
    """Text at the foot of the current page (a 'Page N' footer), leaving the flow where it is."""

    text: str


def write_pdf(path: Path, blocks: Sequence[Text | Grid | PageBreak | Footer], turned: bool = False) -> Path:
    """The blocks drawn on A4 pages; `turned` draws each page sideways on a landscape sheet (the text
    runs up the page), as a report's landscape table is often printed."""
    canvas = Canvas(str(path), pagesize=(A4[1], A4[0]) if turned else A4, invariant=1)
    _new_page(canvas, turned)
    y = A4[1] - 60
    for block in blocks:
        if isinstance(block, PageBreak):
            canvas.showPage()
            _new_page(canvas, turned)
            y = A4[1] - 60
        elif isinstance(block, Footer):
            canvas.drawString(A4[0] / 2 - 20, 40, block.text)
        elif isinstance(block, Text):
            for line in block.lines:
                canvas.drawString(LEFT, y, line)
                y -= LINE
        else:
            y = _draw_grid(canvas, block, y)
    canvas.save()
    return path


def _new_page(canvas: Canvas, turned: bool) -> None:
    canvas.setFont("Helvetica", 11)
    if turned:
        canvas.translate(A4[1], 0)
        canvas.rotate(90)


def _draw_grid(canvas: Canvas, grid: Grid, y: float) -> float:
    right = LEFT + grid.columns[-1] + 130
    for row in grid.rows:
        cell_lines = [cell.split("\n") for cell in row]
        height = LINE * max(len(lines) for lines in cell_lines) + 4
        if grid.ruled:
            canvas.rect(LEFT - 4, y - height + 12, right - LEFT, height)
            for x in grid.columns[1:]:
                canvas.line(LEFT + x - 4, y + 12, LEFT + x - 4, y - height + 12)
        for x, lines in zip(grid.columns, cell_lines, strict=False):
            for offset, text in enumerate(lines):
                canvas.drawString(LEFT + x, y - offset * LINE, text)
        y -= height
    return y - LINE
