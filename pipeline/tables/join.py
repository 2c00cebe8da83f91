"""Parts of one table found apart on a page: the row labels to the left of a ruled (or shaded)
block of figures are read as a table of their own; put side by side, row against row, they are
one table."""

from __future__ import annotations

from .columns import mark_header_rows
from .grid import is_numeric
from .model import Cell, Row, Table, union

MAX_GAP = 12.0  # points between the two parts
MIN_MATCHED = 0.7  # share of the smaller part's rows that must face a row of the other


def join_side_by_side(tables: list[Table]) -> list[Table]:
    """Tables that sit side by side with their rows on the same lines, joined into one."""
    joined = sorted(tables, key=lambda table: table.bbox[0])
    changed = True
    while changed:
        changed = False
        for left in joined:
            right = next((other for other in joined if other is not left and _beside(left, other)), None)
            if right is not None:
                joined.remove(right)
                joined[joined.index(left)] = _joined(left, right)
                changed = True
                break
    return sorted(joined, key=lambda table: (table.bbox[1], table.bbox[0]))


def _beside(left: Table, right: Table) -> bool:
    """`right` is a block of figures with no labels of its own, next to `left`, row facing row."""
    gap = right.bbox[0] - left.bbox[2]
    if not -2 <= gap <= MAX_GAP or "list" in (left.method, right.method) or _has_labels(right):
        return False
    smaller = min(len(left.rows), len(right.rows))
    return len(_facing(left.rows, right.rows)) >= MIN_MATCHED * smaller


def _has_labels(table: Table) -> bool:
    body = table.body or table.rows
    return any(cell.text and not is_numeric(cell.text) for row in body for cell in row.cells[:1])


def _facing(left: list[Row], right: list[Row]) -> dict[int, int]:
    """Row of `left` -> the row of `right` printed on the same line."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            overlap = min(a.bbox[3], b.bbox[3]) - max(a.bbox[1], b.bbox[1])
            if j not in used and overlap >= 0.5 * min(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1]):
                pairs[i] = j
                used.add(j)
                break
    return pairs


def _joined(left: Table, right: Table) -> Table:
    pairs = _facing(left.rows, right.rows)
    faced = set(pairs.values())
    blank_left, blank_right = len(left.rows[0].cells), len(right.rows[0].cells)
    rows: list[tuple[float, Row]] = []
    for i, row in enumerate(left.rows):
        other = right.rows[pairs[i]].cells if i in pairs else [Cell() for _ in range(blank_right)]
        rows.append((row.bbox[1], Row(row.cells + other, row.page, union([row.bbox, *(
            [right.rows[pairs[i]].bbox] if i in pairs else [])]), bold=row.bold)))
    for j, row in enumerate(right.rows):
        if j not in faced:
            rows.append((row.bbox[1], Row([Cell() for _ in range(blank_left)] + row.cells, row.page, row.bbox,
                                          bold=row.bold)))
    table = Table(left.page, union([left.bbox, right.bbox]), [row for _, row in sorted(rows, key=lambda r: r[0])],
                  method=right.method if right.method == "ruled" else left.method)
    mark_header_rows(table)
    return table
