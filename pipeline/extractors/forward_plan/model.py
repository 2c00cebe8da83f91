"""What the forward-plan reader works on: a table's rows on one page, each cell the list of its
printed lines (the table layer's `CellLine`: text, and whether it is set in bold)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...tables.model import BBox, CellLine

Cell = list[CellLine]
Span = tuple[float, float]  # a column's left and right edges (points)


@dataclass
class PlanRow:
    """One row of a plan's table as printed on one page."""

    page: int
    cells: list[Cell]
    spanning: bool = False  # one cell runs across several columns (a heading row)
    top: float | None = None
    bottom: float | None = None

    @property
    def filled(self) -> list[Cell]:
        return [cell for cell in self.cells if cell]

    @property
    def text(self) -> str:
        return " ".join(line.text for cell in self.cells for line in cell)


@dataclass
class PageGrid:
    """A table as read from one page (or one page's part of a table the layer merged over pages)."""

    page: int
    bbox: BBox
    spans: list[Span]  # where each column is across the page
    rows: list[PlanRow]
    above: list[str] = field(default_factory=list)  # the page's text lines above the table
    method: str = "ruled"  # the layer's 'ruled' or 'aligned', or 'own' (read by the fallback)
    cut_short: bool = False  # short lines of text right under it: the layer may have left its last lines out

    @property
    def top(self) -> float:
        return self.bbox[1]


def cells_of(texts: list[list[str]]) -> list[Cell]:
    """Cells from their lines' texts (for tests and for readers that know no weights)."""
    return [[CellLine(text) for text in cell] for cell in texts]
