"""Arithmetic on boxes (x0, top, x1, bottom, in points from the page's top-left corner)."""

from __future__ import annotations

from collections.abc import Iterable

from .data import BBox

# Room left round a table in its picture: enough to see the lines around it (and for the numbers of the
# marks, set in the left margin), not the whole page.
MARGIN = 20.0
# Above a caption and below a table: enough to breathe, too little to cut the next line of prose in half.
TIGHT = 6.0


def union(boxes: Iterable[BBox]) -> BBox | None:
    boxes = list(boxes)
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def padded(box: BBox, horizontal: float = MARGIN, above: float = MARGIN, below: float = MARGIN) -> BBox:
    return (box[0] - horizontal, box[1] - above, box[2] + horizontal, box[3] + below)


def clipped(box: BBox, page: BBox) -> BBox:
    return (max(box[0], page[0]), max(box[1], page[1]), min(box[2], page[2]), min(box[3], page[3]))


def overlaps(a: BBox, b: BBox) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def band(box: BBox, across: BBox, grow: float = 2.0) -> BBox:
    """The strip of `across` at the height of `box`: a whole row or line, from a word found in it."""
    return (across[0], box[1] - grow, across[2], box[3] + grow)


def table_region(parts: Iterable[BBox], caption: BBox | None, page: BBox) -> BBox:
    """The part of the page to show for a table: its boxes and its caption's line when it was found."""
    parts = list(parts)
    if caption is None:
        return region_box(parts, page, below=TIGHT)
    return region_box([*parts, caption], page, above=TIGHT, below=TIGHT)


def region_box(parts: Iterable[BBox], page: BBox, horizontal: float = MARGIN, above: float = MARGIN,
               below: float = MARGIN) -> BBox:
    """The part of the page to show for these boxes: all of them, with some room round, on the page."""
    joined = union(parts)
    if joined is None:
        return page
    shown = clipped(padded(joined, horizontal, above, below), page)
    # a stored box off the page (a damaged PDF, a page box that changed) leaves nothing: show the page
    return shown if shown[2] - shown[0] >= 1 and shown[3] - shown[1] >= 1 else page
