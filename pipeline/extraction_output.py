"""What `extract` prints: the contract JSON of one or more PDFs (on the pages asked for), as one
object (one file) or an array, as JSON lines, or as CSV files of contributions, agenda items,
forward-plan decisions and findings, one row each, with the file they came from."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from .extract import extract_pdf
from .model import Extraction
from .tables.export import PageSelectionError, parse_pages

FORMATS = ("json", "jsonl", "csv")
CSV_FILES = ("contributions", "agenda_items", "forward_plan_decisions", "issues")


def extract_files(paths: Sequence[Path], pages: str | None = None, password: str | None = None) -> list[Extraction]:
    """Each PDF's extraction; with `pages` ('1,3-5'), only what is printed on those pages.

    The meeting and the agenda items are the whole document's (the front sheet lists them), so they
    are kept; tables, contributions, forward-plan decisions and the findings about them are kept when
    printed on a page asked for. Raises PdfError (one line) for a file that cannot be read, and
    PageSelectionError for pages the PDF does not have."""
    extractions = [extract_pdf(path, password=password) for path in paths]
    if pages is not None:
        for path, extraction in zip(paths, extractions, strict=True):
            try:
                _keep_pages(extraction, set(parse_pages(pages, extraction.page_count)))
            except ValueError as error:
                raise PageSelectionError(path, str(error)) from None
    return extractions


def _keep_pages(extraction: Extraction, pages: set[int]) -> None:
    extraction.tables = [table for table in extraction.tables if pages & set(table.pages)]
    extraction.contribution_tables = [table for table in extraction.contribution_tables if table.page in pages]
    for plan in extraction.forward_plans:
        plan.decisions = [decision for decision in plan.decisions if decision.page in pages]
    extraction.forward_plans = [plan for plan in extraction.forward_plans if plan.decisions]
    extraction.issues = [issue for issue in extraction.issues if issue.page is None or issue.page in pages]


def write_json(extractions: Sequence[Extraction], fmt: str, stream: TextIO) -> None:
    """'json': one object for one file, an array for several; 'jsonl': one object a line."""
    contracts = [extraction.to_contract() for extraction in extractions]
    if fmt == "jsonl":
        stream.writelines(json.dumps(contract, ensure_ascii=False) + "\n" for contract in contracts)
        return
    stream.write(json.dumps(contracts[0] if len(contracts) == 1 else contracts, indent=2, ensure_ascii=False) + "\n")


def write_csv(extractions: Sequence[Extraction], directory: Path) -> list[Path]:
    """DIR/contributions.csv, agenda_items.csv, forward_plan_decisions.csv and issues.csv."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in CSV_FILES:
        records = [{"file": e.file, **record} for e in extractions for record in _records(e.to_contract(), name)]
        path = directory / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=_columns(records, name), lineterminator="\n")
            writer.writeheader()
            writer.writerows({key: _cell(value) for key, value in record.items()} for record in records)
        written.append(path)
    return written


def _records(contract: dict[str, Any], name: str) -> list[dict[str, Any]]:
    if name == "contributions":
        return [{"period": table["period"], "table_page": table["page"], "stated_total": table["stated_total"],
                 "agenda_item": table["agenda_item"], **row}
                for table in contract["contribution_tables"] for row in table["rows"]]
    return list(contract["forward_plan" if name == "forward_plan_decisions" else name])


_EMPTY_COLUMNS = {
    "contributions": ["file", "period", "table_page", "stated_total", "agenda_item", "partner", "amount", "share_pct",
                      "page", "bbox"],
    "agenda_items": ["file", "number", "title", "description", "page_start", "page_end", "physical_start",
                     "physical_end"],
    "forward_plan_decisions": ["file", "subject", "decision_maker", "decision_date", "key_decision", "page"],
    "issues": ["file", "check", "severity", "message", "page", "subject"],
}


def _columns(records: list[dict[str, Any]], name: str) -> list[str]:
    # a file with no rows still gets its header, so that a script can read every file the same way
    return list(dict.fromkeys(key for record in records for key in record)) or _EMPTY_COLUMNS[name]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(map(str, value))
    return value
