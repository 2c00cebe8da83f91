"""The table layer's settings, in one place: every threshold the stages use, with its reason."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TableSettings:
    """Distances are in multiples of the text's line height unless named in points."""

    # Text: words on one line part into segments (one cell's text) at a gap this wide.
    segment_gap: float = 0.55
    # ... and at least this many characters wide (a typewriter font's space is a whole character).
    segment_gap_chars: float = 1.2
    # Rulings: lines shorter than this (points) are underlines or glyph parts, not table rules.
    min_rule_length: float = 6.0
    # Rulings this close (points) are one line: Word draws cell borders twice, side by side.
    rule_snap: float = 2.0
    # Columns: a gap between columns is crossed by at most this share of the table's lines
    # (spanning headings, an over-long label).
    gap_crossing_share: float = 0.12
    # Columns: a gap is narrower than this (points) only where many lines confirm it.
    min_column_gap: float = 4.0
    # Regions: a table has at least this many lines that hold two or more cells.
    min_table_lines: int = 3
    # Regions: a vertical gap wider than this many line heights ends a table.
    max_row_gap: float = 2.6
    # Regions: a line of one segment at least this wide (share of the text column) with this
    # many words is prose, which ends a table.
    prose_width: float = 0.6
    prose_words: int = 7
    # Page layout: text columns are parted by a gutter free of text over this share of the lines.
    gutter_coverage: float = 0.8
    # Rows: a wrapped line is this close (line heights) under the line it continues.
    wrap_gap: float = 0.55
    # A table's cells are mostly filled and its text covers a fair share of its box; a chart's
    # gridlines and axis labels (or an empty form) are not a table.
    min_fill: float = 0.35
    min_text_density: float = 0.07
    # Across pages: a table continues on the next page when its columns' edges match this close (points).
    continuation_tolerance: float = 6.0


DEFAULT_SETTINGS = TableSettings()
