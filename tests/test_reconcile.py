"""One row per real-world fact: aliases, contribution conflicts, decisions across plans."""

from __future__ import annotations

from pathlib import Path

from pdfgen import Grid, Text, write_pdf
from typer.testing import CliRunner

from cli import app
from pipeline import db
from pipeline.ingest import ingest
from pipeline.model import Extraction, ForwardPlan, ForwardPlanDecision, Meeting
from pipeline.query import run_query

runner = CliRunner()


def contributions_pdf(path: Path, police: str, police_name: str = "Dorset Police") -> Path:
    total = 83424 + 68932 + int(police.replace(",", ""))
    return write_pdf(path, [
        Text(["Dorset Council", "Cabinet", "7 September 2021", "2020 to 2021 contribution:"]),
        Grid([("Partner", "Contribution"), ("BCP Council", "£83,424"), ("Dorset Council", "£68,932"),
              (police_name, f"£{police}"), ("Total", f"£{total:,}")]),
    ])


def test_same_figures_in_two_documents_are_one_fact(tmp_path: Path, database_url: str) -> None:
    contributions_pdf(tmp_path / "cabinet.pdf", "21,906")
    contributions_pdf(tmp_path / "scrutiny.pdf", "21,906", police_name="Dorset Constabulary")
    ingest([tmp_path], db.connect(database_url))
    facts = run_query(database_url, "SELECT partner, amount, documents FROM contribution_facts ORDER BY partner")
    assert [(p, float(a), n) for p, a, n in facts.rows] == [
        ("BCP Council", 83424.0, 2), ("Dorset Council", 68932.0, 2), ("Dorset Police", 21906.0, 2)]
    result = runner.invoke(app, ["validate", "--db", database_url])
    assert result.exit_code == 0, result.output


def test_planted_disagreement_raises_contribution_conflict(tmp_path: Path, database_url: str) -> None:
    contributions_pdf(tmp_path / "a-cabinet.pdf", "21,906")
    contributions_pdf(tmp_path / "b-scrutiny.pdf", "22,906")
    ingest([tmp_path], db.connect(database_url))
    result = runner.invoke(app, ["validate", "--db", database_url, "--format", "json"])
    assert result.exit_code == 1
    assert "contribution_conflict" in result.stdout and "Dorset Police" in result.stdout
    assert "£22,906" in result.stdout and "£21,906" in result.stdout
    assert "the total" in result.stdout  # the stated totals differ too


def test_unknown_partner_is_reported_once(tmp_path: Path, database_url: str) -> None:
    contributions_pdf(tmp_path / "one.pdf", "21,906", police_name="Wessex Police")
    contributions_pdf(tmp_path / "two.pdf", "21,907", police_name="Wessex Police")
    ingest([tmp_path], db.connect(database_url))
    notes = run_query(database_url, "SELECT subject FROM validation_issues WHERE check_code = 'new_partner'").rows
    assert notes == [("Wessex Police",)]


def plan_extraction(sha: str, published: str, subject: str, due: str) -> Extraction:
    decision = ForwardPlanDecision(subject=subject, page=2, decision_maker="Cabinet", decision_date=due)
    plan = ForwardPlan(council="Dorset Council", title="Cabinet Forward Plan", published=published,
                       decisions=[decision, ForwardPlanDecision(subject="Youth Justice Plan", page=3,
                                                                decision_maker="Dorset Council",
                                                                decision_date="2022-07-14")])
    return Extraction(file=f"plan-{published}.pdf", sha256=sha, page_count=4,
                      meeting=Meeting("Dorset Council", "Cabinet", published), forward_plans=[plan])


def test_a_decision_in_two_plans_is_one_decision_with_slippage(database_url: str) -> None:
    engine = db.connect(database_url)
    db.store(engine, plan_extraction("a" * 64, "2022-04-14", "Finance report - outturn 2021/2022", "2022-06-21"))
    db.store(engine, plan_extraction("b" * 64, "2022-05-12", "Finance Report – Outturn 2021/22", "2022-07-26"))
    rows = run_query(database_url, "SELECT sightings, due_dates, earliest_due, latest_due FROM decision_slippage "
                                   "ORDER BY subject").rows
    assert rows == [(2, 2, "2022-06-21", "2022-07-26"), (2, 1, "2022-07-14", "2022-07-14")]


def test_council_aliases_give_one_meeting(database_url: str) -> None:
    engine = db.connect(database_url)
    for sha, council in (("c" * 64, "BCP Council"), ("d" * 64, "Bournemouth, Christchurch and Poole Council")):
        db.store(engine, Extraction(file=f"{sha[0]}.pdf", sha256=sha, page_count=1,
                                    meeting=Meeting(council, "Cabinet", "2024-07-17")))
    assert run_query(database_url, "SELECT council FROM meetings").rows == [("BCP Council",)]
