"""Everything the review shows, read from the database in one pass through a read-only engine.

The documents in scope and their findings are chosen exactly as `validate` chooses them
(`pipeline.findings`), so the report and the validation output always agree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from ..checks import all_checks
from ..findings import Scope, documents_in_scope, issues_of
from .formatting import severity_rank

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in points from the page's top-left corner


@dataclass(frozen=True)
class Document:
    id: int
    sha256: str
    name: str  # documents.file_name: what the findings' messages call it
    source_path: str | None
    page_count: int
    council: str | None
    committee: str | None
    meeting_date: str | None

    @property
    def pdf_path(self) -> Path | None:
        """Where the PDF is now: the stored path, relative ones taken from the working directory."""
        return Path(self.source_path).expanduser().resolve() if self.source_path else None

    @property
    def title(self) -> str:
        return Path(self.name).name


@dataclass(frozen=True)
class Finding:
    key: str  # unique in the report, for anchors and for tying highlights to their finding
    document_id: int
    check: str
    severity: str
    page: int | None
    subject: str | None
    message: str
    document_name: str

    @property
    def text(self) -> str:
        """The message without the file and page it starts with, for where the report already shows them."""
        for prefix in (f"{self.document_name} page {self.page}: ", f"{self.document_name}: "):
            if self.message.startswith(prefix):
                return self.message[len(prefix):]
        return self.message


@dataclass(frozen=True)
class ContributionRow:
    id: int
    position: int
    partner: str  # as printed
    partner_name: str | None  # the entity it resolved to, whatever the spelling
    amount_pence: int
    share_pct: Decimal | None
    page: int
    bbox: BBox | None


@dataclass(frozen=True)
class ContributionTable:
    id: int
    document_id: int
    agenda_item: str | None
    period: str | None
    page: int
    stated_total_pence: int | None
    layout: str
    caption: str | None
    bbox: BBox | None
    rows: tuple[ContributionRow, ...]

    @property
    def pages(self) -> list[int]:
        return sorted({self.page, *(row.page for row in self.rows)})

    @property
    def rows_pence(self) -> int:
        return sum(row.amount_pence for row in self.rows)


@dataclass(frozen=True)
class GridColumn:
    kind: str
    header: str
    scale: int


@dataclass(frozen=True)
class GridCell:
    text: str
    amount_pence: int | None


@dataclass(frozen=True)
class GridRow:
    index: int
    page: int
    is_header: bool
    is_total: bool
    cells: tuple[GridCell, ...]

    @property
    def label(self) -> str:
        """The first non-empty cell: what the row's figures are for."""
        return next((cell.text for cell in self.cells if cell.text), "")


@dataclass(frozen=True)
class Grid:
    """A table of the table layer, whatever it holds, with every cell as printed."""

    id: int
    document_id: int
    position: int
    page: int
    last_page: int
    bbox: BBox | None
    method: str
    caption: str | None
    columns: tuple[GridColumn, ...]
    rows: tuple[GridRow, ...]

    @property
    def pages(self) -> list[int]:
        return list(range(self.page, self.last_page + 1))


@dataclass(frozen=True)
class AgendaItem:
    document_id: int
    number: str
    title: str
    page_start: int | None  # printed pack pages, as on the front sheet
    page_end: int | None
    physical_start: int | None  # PDF pages where its report is stamped
    physical_end: int | None


@dataclass(frozen=True)
class PlanEntry:
    """One sighting of a decision in a forward plan."""

    document_id: int
    decision_id: int | None
    plan_title: str | None
    published: str | None
    subject: str
    decision_maker: str | None
    decision_date: str | None  # ISO date, or 'YYYY-MM'
    key_decision: bool | None
    page: int


@dataclass(frozen=True)
class Conflict:
    """Two documents giving one partner (or the total, partner None) different amounts for a period."""

    period: str | None
    partner: str | None
    file: str
    page: int
    amount_pence: int
    other_file: str
    other_page: int
    other_amount_pence: int


@dataclass(frozen=True)
class CheckInfo:
    code: str
    severity: str
    description: str


@dataclass
class ReviewData:
    documents: list[Document]  # the documents in scope, in the order the index lists them
    findings: list[Finding]  # the most severe first, then in the order of the documents
    contribution_tables: list[ContributionTable]  # of every document: conflicts name documents out of scope
    grids: list[Grid]  # of the documents in scope
    agenda_items: list[AgendaItem]
    plan_entries: list[PlanEntry]  # every sighting of a decision that a document in scope lists
    conflicts: list[Conflict]
    checks: list[CheckInfo]
    all_documents: dict[int, Document] = field(default_factory=dict)

    def documents_named(self, name: str) -> list[Document]:
        return [document for document in self.all_documents.values() if document.name == name]

    def findings_of(self, document: Document) -> list[Finding]:
        return [finding for finding in self.findings if finding.document_id == document.id]

    def contribution_tables_of(self, document: Document) -> list[ContributionTable]:
        return [table for table in self.contribution_tables if table.document_id == document.id]

    def grids_of(self, document: Document) -> list[Grid]:
        return [grid for grid in self.grids if grid.document_id == document.id]

    def agenda_items_of(self, document: Document) -> list[AgendaItem]:
        return [item for item in self.agenda_items if item.document_id == document.id]

    def plan_entries_of(self, document: Document) -> list[PlanEntry]:
        return [entry for entry in self.plan_entries if entry.document_id == document.id]


def read_review_data(connection: Connection, scope: Scope) -> ReviewData:
    in_scope = documents_in_scope(connection, scope)
    everything = {document.id: document for document in _documents(connection)}
    documents = sorted((everything[stored.id] for stored in in_scope), key=_index_order)
    ids = {document.id for document in documents}
    by_name = {document.name: document for document in reversed(documents)}  # the first of a name wins
    findings = []
    for number, issue in enumerate(issues_of(connection, in_scope), start=1):
        document = by_name.get(issue.file_name)
        if document is not None:
            findings.append(Finding(f"f{number}", document.id, issue.check, issue.severity, issue.page,
                                    issue.subject, issue.message, issue.file_name))
    position = {document.id: index for index, document in enumerate(documents)}
    findings.sort(key=lambda finding: (severity_rank(finding.severity), position[finding.document_id]))
    return ReviewData(
        documents=documents,
        findings=findings,
        contribution_tables=_contribution_tables(connection),
        grids=[grid for grid in _grids(connection) if grid.document_id in ids],
        agenda_items=[item for item in _agenda_items(connection) if item.document_id in ids],
        plan_entries=_plan_entries(connection, ids),
        conflicts=_conflicts(connection),
        checks=[CheckInfo(check.code, check.severity, check.description) for check in all_checks()],
        all_documents=everything,
    )


def _index_order(document: Document) -> tuple[str, str, str]:
    return (document.council or "~", document.meeting_date or "", document.name)


def _rows(connection: Connection, sql: str) -> list[Any]:
    return list(connection.execute(text(sql)))


def _bbox(x0: float | None, top: float | None, x1: float | None, bottom: float | None) -> BBox | None:
    if None in (x0, top, x1, bottom):
        return None
    return (float(x0), float(top), float(x1), float(bottom))


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _decimal(value: Any) -> Decimal | None:
    # SQLite gives NUMERIC back as a float, PostgreSQL as a Decimal: both become the printed figure
    return None if value is None else Decimal(str(value))


def _documents(connection: Connection) -> list[Document]:
    return [Document(row.id, row.sha256, row.file_name, row.source_path, int(row.page_count), row.council,
                     row.committee, row.meeting_date)
            for row in _rows(connection, "SELECT id, sha256, file_name, source_path, page_count, council, committee, "
                                         "meeting_date FROM documents ORDER BY id")]


def _contribution_tables(connection: Connection) -> list[ContributionTable]:
    rows_of: dict[int, list[ContributionRow]] = defaultdict(list)
    for row in _rows(connection, "SELECT c.id, c.table_id, c.position, c.partner, e.name AS partner_name, "
                                 "c.amount_pence, c.share_pct, c.page, c.x0, c.top, c.x1, c.bottom "
                                 "FROM contributions c LEFT JOIN entities e ON e.id = c.partner_id "
                                 "ORDER BY c.table_id, c.position"):
        rows_of[row.table_id].append(ContributionRow(
            row.id, row.position, row.partner, row.partner_name, int(row.amount_pence), _decimal(row.share_pct),
            int(row.page), _bbox(row.x0, row.top, row.x1, row.bottom)))
    return [ContributionTable(row.id, row.document_id, row.agenda_item_number, row.period, int(row.page),
                              _int(row.stated_total_pence), row.layout, row.caption,
                              _bbox(row.x0, row.top, row.x1, row.bottom), tuple(rows_of[row.id]))
            for row in _rows(connection, "SELECT id, document_id, agenda_item_number, period, page, "
                                         "stated_total_pence, layout, caption, x0, top, x1, bottom "
                                         "FROM contribution_tables ORDER BY document_id, page, id")]


def _grids(connection: Connection) -> list[Grid]:
    columns_of: dict[int, list[GridColumn]] = defaultdict(list)
    for row in _rows(connection, "SELECT table_id, kind, header, scale FROM table_columns "
                                 "ORDER BY table_id, col_index"):
        columns_of[row.table_id].append(GridColumn(row.kind, row.header, int(row.scale)))
    cells_of: dict[int, dict[int, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for row in _rows(connection, "SELECT table_id, row_index, text, page, is_header, is_total, amount_pence "
                                 "FROM table_cells ORDER BY table_id, row_index, col_index"):
        cells_of[row.table_id][row.row_index].append(row)
    grids = []
    for row in _rows(connection, "SELECT id, document_id, position, page, last_page, x0, top, x1, bottom, method, "
                                 "caption FROM tables ORDER BY document_id, position"):
        grid_rows = tuple(
            GridRow(index, int(cells[0].page), bool(cells[0].is_header), bool(cells[0].is_total),
                    tuple(GridCell(cell.text, _int(cell.amount_pence)) for cell in cells))
            for index, cells in sorted(cells_of[row.id].items()))
        grids.append(Grid(row.id, row.document_id, row.position, int(row.page), int(row.last_page),
                          _bbox(row.x0, row.top, row.x1, row.bottom), row.method, row.caption,
                          tuple(columns_of[row.id]), grid_rows))
    return grids


def _agenda_items(connection: Connection) -> list[AgendaItem]:
    return [AgendaItem(row.document_id, row.number, row.title, _int(row.page_start), _int(row.page_end),
                       _int(row.physical_start), _int(row.physical_end))
            for row in _rows(connection, "SELECT document_id, number, title, page_start, page_end, physical_start, "
                                         "physical_end FROM agenda_items ORDER BY document_id, id")]


def _plan_entries(connection: Connection, document_ids: set[int]) -> list[PlanEntry]:
    entries = [PlanEntry(row.document_id, row.decision_id, row.title, row.published, row.subject,
                         row.decision_maker, row.decision_date,
                         None if row.key_decision is None else bool(row.key_decision), int(row.page))
               for row in _rows(connection, "SELECT f.document_id, f.decision_id, p.title, p.published, f.subject, "
                                            "f.decision_maker, f.decision_date, f.key_decision, f.page "
                                            "FROM forward_plan_decisions f JOIN forward_plans p ON p.id = f.plan_id "
                                            "ORDER BY f.document_id, f.plan_id, f.position")]
    listed = {entry.decision_id for entry in entries if entry.document_id in document_ids}
    return [entry for entry in entries if entry.document_id in document_ids
            or (entry.decision_id is not None and entry.decision_id in listed)]


def _conflicts(connection: Connection) -> list[Conflict]:
    return [Conflict(row.period, row.partner, row.file, int(row.page), int(row.amount_pence), row.other_file,
                     int(row.other_page), int(row.other_amount_pence))
            for row in _rows(connection, "SELECT period, partner, file, page, amount_pence, other_file, other_page, "
                                         "other_amount_pence FROM contribution_conflicts")]
