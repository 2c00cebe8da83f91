"""The database is the same whatever order documents arrive in, and re-ingesting changes nothing."""

from __future__ import annotations

from pathlib import Path

from pipeline import db
from pipeline.ingest import ingest
from pipeline.query import run_query

VIEWS = {
    "contributions_by_period": "period, partner, amount_pence, share_pct, file_name, page",
    "contribution_facts": "period, partner, amount_pence, documents, first_file, last_file",
    "agenda_items_with_meeting": "council, committee, meeting_date, number, title, page_start, page_end, file_name",
    "forward_plan_decisions_with_plan": "council, plan_title, subject, decision_maker, decision_date, file_name, page",
    "decision_slippage": "subject, council, decision_maker, sightings, due_dates, earliest_due, latest_due",
}


def snapshot(database: str) -> dict[str, list[tuple]]:
    tables = {name: run_query(database, f"SELECT {columns} FROM {name} ORDER BY {columns}").rows
              for name, columns in VIEWS.items()}
    tables["issues"] = run_query(database, "SELECT d.file_name, v.check_code, v.message FROM validation_issues v "
                                           "JOIN documents d ON d.id = v.document_id ORDER BY 1, 2, 3").rows
    return tables


def test_either_order_twice_gives_identical_results(shared: Path, raw_docs: Path, tmp_path: Path) -> None:
    corpus = shared / "corpus" / "docs"
    results = []
    for order, folders in (("a", [corpus, raw_docs]), ("b", [raw_docs, corpus])):
        database = str(tmp_path / f"{order}.db")
        for _ in range(2):
            for folder in folders:
                ingest([folder], db.connect(database))
        results.append(snapshot(database))
    assert results[0] == results[1]
    assert results[0]["contributions_by_period"]
    # the same plan in the pack and in the standalone plan: one decision, two sightings
    youth = [row for row in results[0]["decision_slippage"] if row[0] == "Youth Justice Plan"]
    assert [(row[3], row[4]) for row in youth] == [(2, 1)]
