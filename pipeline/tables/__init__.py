"""The table layer: every table on a page, ruled or not, read into rows of cells with typed columns.

Stages (each a public pure function, in the order they run):
text.text_lines → layout.text_columns → rules.ruled_grids / regions.aligned_blocks →
grid.column_boundaries → grid.line_pieces → grid.row_groups → grid.build_rows →
columns.mark_header_rows → columns.type_columns → pages.merge_continued.
"""

from .finder import find_tables, page_tables
from .model import Cell, Column, Row, Table, TablePart
from .settings import DEFAULT_SETTINGS, TableSettings

__all__ = ["DEFAULT_SETTINGS", "Cell", "Column", "Row", "Table", "TablePart", "TableSettings", "find_tables",
           "page_tables"]
