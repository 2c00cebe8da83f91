"""Plain data objects for what the extractors find, and their contract JSON form (CONTRACT.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .normalise import pounds

if TYPE_CHECKING:
    from .pack import PackStructure
    from .tables import Table

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in points, top-left origin


@dataclass
class Meeting:
    council: str | None = None
    committee: str | None = None
    date: str | None = None  # ISO

    def to_contract(self) -> dict[str, Any] | None:
        if not (self.committee and self.date):
            return None  # no body and day, no meeting: a forward plan's publication date is not one
        return {"council": self.council, "committee": self.committee, "date": self.date}


@dataclass
class ContributionRow:
    partner: str
    amount: Decimal
    share_pct: Decimal | None
    page: int
    bbox: BBox | None = None

    def to_contract(self) -> dict[str, Any]:
        return {
            "partner": self.partner,
            "amount": pounds(self.amount),
            "share_pct": pounds(self.share_pct),
            "page": self.page,
            "bbox": list(self.bbox) if self.bbox else None,
        }


@dataclass
class ContributionTable:
    period: str | None
    page: int
    rows: list[ContributionRow]
    stated_total: Decimal | None = None
    layout: str = "table"  # "table" (ruled or borderless) or "list" (dash/bullet list)
    caption: str | None = None
    bbox: BBox | None = None
    agenda_item: str | None = None  # number of the agenda item whose report holds it

    def to_contract(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "page": self.page,
            "stated_total": pounds(self.stated_total),
            "rows": [row.to_contract() for row in self.rows],
            "layout": self.layout,
            "caption": self.caption,
            "bbox": list(self.bbox) if self.bbox else None,
            "agenda_item": self.agenda_item,
        }


@dataclass
class AgendaItem:
    number: str
    title: str
    description: str | None = None
    page_start: int | None = None  # printed pack page numbers, as on the front sheet
    page_end: int | None = None
    physical_start: int | None = None  # 1-based PDF page where its 'Agenda Item N' stamp is
    physical_end: int | None = None

    def to_contract(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ForwardPlanDecision:
    subject: str
    page: int
    description: str | None = None
    decision_maker: str | None = None
    decision_date: str | None = None  # ISO date, or 'YYYY-MM' when only a month is printed
    key_decision: bool | None = None
    public_access: str | None = None
    consultees: str | None = None
    portfolio_holder: str | None = None
    officer_name: str | None = None
    officer_title: str | None = None
    officer_email: str | None = None
    agenda_item: str | None = None

    @property
    def officer_contact(self) -> str | None:
        parts = [part for part in (self.officer_name, self.officer_title) if part]
        return ", ".join(parts) or self.officer_email

    def to_contract(self) -> dict[str, Any]:
        data = asdict(self)
        data["officer_contact"] = self.officer_contact
        return data


@dataclass
class ForwardPlan:
    council: str | None = None
    title: str | None = None
    period: str | None = None
    published: str | None = None  # ISO date
    page: int | None = None
    decisions: list[ForwardPlanDecision] = field(default_factory=list)

    def to_contract(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if key != "decisions"}


@dataclass(frozen=True)
class Finding:
    """What a check found; the registry adds the check's code and severity to make it an Issue."""

    message: str
    page: int | None = None
    subject: str | None = None


@dataclass
class Issue:
    check: str
    severity: str  # "error" or "warning"
    message: str
    page: int | None = None
    subject: str | None = None  # the partner, agenda item or table the finding is about

    def to_contract(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class StoredIssue:
    """A finding as read back from the database, with the file it belongs to."""

    file_name: str
    check: str
    severity: str
    page: int | None
    subject: str | None
    message: str


@dataclass
class Extraction:
    """Everything found in one PDF: the contract object, plus provenance."""

    file: str
    sha256: str
    page_count: int
    modified: str | None = None  # the PDF's own modification date: which of two versions is newer
    meeting: Meeting = field(default_factory=Meeting)
    agenda_items: list[AgendaItem] = field(default_factory=list)
    contribution_tables: list[ContributionTable] = field(default_factory=list)
    forward_plans: list[ForwardPlan] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    pack: PackStructure | None = None  # where each agenda item's report is, for the page-range check
    unreadable_pages: list[int] = field(default_factory=list)  # image-only pages no OCR could read
    plan_pages: list[int] = field(default_factory=list)  # pages whose text prints a forward plan's header
    lost_text_pages: list[int] = field(default_factory=list)  # pages whose words hold far less than their text
    tables: list[Table] = field(default_factory=list)  # every table the table layer found

    @property
    def decisions(self) -> list[ForwardPlanDecision]:
        return [decision for plan in self.forward_plans for decision in plan.decisions]

    def to_contract(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "page_count": self.page_count,
            "modified": self.modified,
            "meeting": self.meeting.to_contract(),
            "agenda_items": [item.to_contract() for item in self.agenda_items],
            "contribution_tables": [table.to_contract() for table in self.contribution_tables],
            "forward_plan": [decision.to_contract() for decision in self.decisions],
            "forward_plans": [plan.to_contract() for plan in self.forward_plans],
            "issues": [issue.to_contract() for issue in self.issues],
        }
