"""What a document's page of the report is made of: cards, each a group of findings with the page
regions they are about (what to mark on each) and the extracted rows beside them."""

from __future__ import annotations

from dataclasses import dataclass, field

from .crops import Crop
from .data import BBox, Document, Finding
from .formatting import severity_rank

# Pixels per point a table is drawn at: 2 draws 9-point figures about as sharp as print (144 dpi).
TABLE_SCALE = 2.0
# Whole pages are drawn and shown smaller: the point is where something is on the page, not every word.
PAGE_SCALE = 1.25
# CSS pixels per point each is shown at: a table a little larger than a PDF viewer's 100% (4/3), for
# reading; a whole page at about half that, so that two pages fit side by side.
TABLE_DISPLAY = 1.5
PAGE_DISPLAY = 0.75
# A picture wider than this (CSS pixels) does not fit beside the findings: it goes above them.
STACKED_WIDTH = 760


@dataclass
class Highlight:
    box: BBox  # points, on the region's page
    findings: list[Finding]
    label: str  # what it marks, in words: for alt text, captions and tooltips

    @property
    def severity(self) -> str:
        return min((finding.severity for finding in self.findings), key=severity_rank)


@dataclass
class Region:
    """A part of one page, and what to mark on it."""

    document: Document
    page: int
    box: BBox  # the part of the page shown, in points
    description: str  # what it shows: 'the 2022/23 contributions table'
    highlights: list[Highlight] = field(default_factory=list)
    scale: float = TABLE_SCALE
    crop: Crop | None = None  # the picture, once rendered

    @property
    def display_size(self) -> tuple[int, int]:
        """The picture's width and height on screen, in CSS pixels (it shrinks to fit narrower screens)."""
        per_point = PAGE_DISPLAY if self.scale == PAGE_SCALE else TABLE_DISPLAY
        return (round((self.box[2] - self.box[0]) * per_point), round((self.box[3] - self.box[1]) * per_point))

    @property
    def alt(self) -> str:
        text = f"Page {self.page} of {self.document.title}: {self.description}"
        marked = [highlight.label for highlight in self.highlights]
        return text + (f"; marked: {'; '.join(marked)}" if marked else "")

    def placed(self, highlight: Highlight) -> tuple[float, float, float, float]:
        """Where the highlight lies on the picture, in percent of its width and height (left, top, width,
        height), cut to the picture so that no mark ever falls outside it."""
        x0, top, x1, bottom = self.box
        width, height = x1 - x0, bottom - top
        left = min(max(highlight.box[0], x0), x1)
        right = min(max(highlight.box[2], x0), x1)
        upper = min(max(highlight.box[1], top), bottom)
        lower = min(max(highlight.box[3], top), bottom)
        return (100 * (left - x0) / width, 100 * (upper - top) / height,
                100 * (right - left) / width, 100 * (lower - upper) / height)


@dataclass
class TableRow:
    cells: list[str]
    kind: str = "body"  # 'body'; 'total' (a total the document prints); 'worked' (worked out by the report)
    findings: list[Finding] = field(default_factory=list)

    @property
    def severity(self) -> str | None:
        return min((finding.severity for finding in self.findings), key=severity_rank) if self.findings else None


@dataclass
class Tabulation:
    """Rows as they were extracted, to set beside the picture."""

    caption: str
    head: list[list[str]]  # header rows
    rows: list[TableRow]
    numeric: set[int] = field(default_factory=set)  # columns of figures, set right-aligned
    anchor: str | None = None  # an HTML id, for links from elsewhere in the report

    @property
    def flagged(self) -> bool:
        return any(row.findings for row in self.rows)


@dataclass
class Explained:
    """A finding with its working spelt out: the sum, the stated total, the difference."""

    finding: Finding
    working: list[str] = field(default_factory=list)


@dataclass
class Card:
    key: str  # unique in its page: the HTML id
    title: str
    regions: list[Region]
    findings: list[Explained] = field(default_factory=list)
    tabulations: list[Tabulation] = field(default_factory=list)
    no_picture: str | None = None  # why there is no picture, when there is none

    @property
    def severity(self) -> str | None:
        severities = [item.finding.severity for item in self.findings]
        return min(severities, key=severity_rank) if severities else None

    @property
    def stacked(self) -> bool:
        """Pictures too many or too wide to sit beside the findings: they take the card's width."""
        return len(self.regions) > 1 or any(region.display_size[0] > STACKED_WIDTH for region in self.regions)
