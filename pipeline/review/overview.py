"""The batch at a glance: counts per document and per check, and the figures behind the charts
(contributions by partner across periods, planned dates of decisions across plans)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from .charts import Series, Sighting
from .data import CheckInfo, ContributionRow, ContributionTable, Document, PlanEntry, ReviewData
from .formatting import SEVERITY_ORDER

# Two tables are the same partnership's when they share this many partners (as the conflict check).
SHARED_PARTNERS = 2
# The slippage chart shows at most this many decisions, those whose dates moved most first.
MOST_DECISIONS = 40


@dataclass
class DocumentSummary:
    document: Document
    counts: dict[str, int]  # pages, and rows per kind: contributions, agenda_items, decisions, tables
    severities: Counter[str]
    checks: list[str]


@dataclass
class CheckSummary:
    check: CheckInfo
    findings: int
    documents: int


@dataclass
class Partnership:
    """Contributions tables that share partners, one per period (the latest document's when several)."""

    title: str
    periods: list[str]
    tables: list[ContributionTable]  # one per period, in the same order
    series: list[Series]


@dataclass
class DecisionDates:
    subject: str
    sightings: list[Sighting]

    @property
    def moved_days(self) -> int:
        dates = [sighting.when for sighting in self.sightings]
        return (max(dates) - min(dates)).days


def document_summaries(data: ReviewData) -> list[DocumentSummary]:
    summaries = []
    for document in data.documents:
        findings = data.findings_of(document)
        counts = {
            "pages": document.page_count,
            "contributions": sum(len(table.rows) for table in data.contribution_tables_of(document)),
            "agenda_items": len(data.agenda_items_of(document)),
            "decisions": len(data.plan_entries_of(document)),
            "tables": len(data.grids_of(document)),
        }
        summaries.append(DocumentSummary(document, counts, Counter(finding.severity for finding in findings),
                                         sorted({finding.check for finding in findings})))
    return summaries


def check_summaries(data: ReviewData) -> list[CheckSummary]:
    """Every check, those that found nothing included (a reader sees what was checked), then any code
    found in the database that the registry no longer knows."""
    known = {check.code for check in data.checks}
    extra = {finding.check: finding.severity for finding in data.findings if finding.check not in known}
    checks = data.checks + [CheckInfo(code, severity, "") for code, severity in sorted(extra.items())]
    summaries = []
    for check in checks:
        found = [finding for finding in data.findings if finding.check == check.code]
        summaries.append(CheckSummary(check, len(found), len({finding.document_id for finding in found})))
    order = {severity: rank for rank, severity in enumerate(SEVERITY_ORDER)}
    return sorted(summaries, key=lambda entry: (-min(entry.findings, 1), order.get(entry.check.severity, 9)))


def partnerships(tables: list[ContributionTable], documents: dict[int, Document]) -> list[Partnership]:
    """Tables grouped into partnerships (sharing partners), each one bar per period."""
    groups: list[list[ContributionTable]] = []
    for table in tables:
        partners = _partners(table)
        joined = [group for group in groups
                  if any(len(partners & _partners(other)) >= SHARED_PARTNERS for other in group)]
        merged = [table] + [member for group in joined for member in group]
        groups = [group for group in groups if not any(group is other for other in joined)] + [merged]
    found = []
    for group in groups:
        latest: dict[str, ContributionTable] = {}
        for table in sorted(group, key=lambda t: (documents[t.document_id].meeting_date or "", t.document_id)):
            latest[table.period or "no period"] = table
        periods = sorted(latest)
        chosen = [latest[period] for period in periods]
        names = list(dict.fromkeys(_name(row) for table in chosen for row in table.rows))
        series = [Series(name, [sum(row.amount_pence for row in table.rows if _name(row) == name) for table in chosen])
                  for name in names]
        found.append(Partnership(_partnership_title(series), periods, chosen, series))
    return sorted(found, key=lambda partnership: (-len(partnership.periods), partnership.title))


def _name(row: ContributionRow) -> str:
    return row.partner_name or row.partner


def _partners(table: ContributionTable) -> set[str]:
    return {_name(row) for row in table.rows}


def _partnership_title(series: list[Series]) -> str:
    ranked = [entry.name for entry in sorted(series, key=lambda entry: -sum(entry.values))]
    if len(ranked) <= 4:  # 'and 1 more' would say less than the name
        return ", ".join(ranked[:-1]) + (" and " if len(ranked) > 1 else "") + ranked[-1]
    return f"{', '.join(ranked[:3])} and {len(ranked) - 3} more"


def decision_dates(entries: list[PlanEntry], decision_ids: set[int]) -> list[DecisionDates]:
    """The planned dates of each decision listed in two plans or more, those that moved most first."""
    by_decision: dict[int, list[PlanEntry]] = {}
    for entry in entries:
        if entry.decision_id in decision_ids and _due(entry) is not None:
            by_decision.setdefault(entry.decision_id, []).append(entry)
    found = []
    for sightings in by_decision.values():
        if len(sightings) < 2:
            continue
        ordered = sorted(sightings, key=lambda entry: (entry.published or "", entry.document_id))
        found.append(DecisionDates(ordered[-1].subject, [
            Sighting(_due(entry), f"{entry.plan_title or 'A forward plan'} (published {entry.published or 'undated'})"
                                  f": due {entry.decision_date}", entry is ordered[-1])
            for entry in ordered]))
    found.sort(key=lambda decision: (-decision.moved_days, decision.subject))
    return found[:MOST_DECISIONS]


def _due(entry: PlanEntry) -> date | None:
    """The due date; a month alone ('2022-07') is put at its middle."""
    text = entry.decision_date or ""
    try:
        return date.fromisoformat(text) if len(text) == 10 else date.fromisoformat(f"{text}-15")
    except ValueError:
        return None
