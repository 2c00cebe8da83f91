"""One row per real-world fact: aliases, contribution conflicts, decisions across plans."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from pdfgen import Grid, Text, write_pdf
from typer.testing import CliRunner

from pipeline import db
from pipeline.cli import app
from pipeline.ingest import ingest
from pipeline.model import Extraction, Meeting
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
    facts = run_query(database_url, "SELECT partner, amount_pence, documents FROM contribution_facts ORDER BY partner")
    assert facts.rows == [("BCP Council", 8342400, 2), ("Dorset Council", 6893200, 2), ("Dorset Police", 2190600, 2)]
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


def test_a_decision_in_two_plans_is_one_decision_with_slippage(database_url: str, plan_extraction: Callable) -> None:
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


def report_version(sha: str, file: str, modified: str, police: str) -> Extraction:
    from pipeline.model import ContributionRow, ContributionTable

    rows = [ContributionRow("BCP Council", Decimal(100), None, 1),
            ContributionRow("Dorset Police", Decimal(police), None, 1)]
    table = ContributionTable("2020/21", 1, rows, stated_total=Decimal(100) + Decimal(police))
    return Extraction(file=file, sha256=sha, page_count=1, modified=modified,
                      meeting=Meeting("Dorset Council", "Cabinet", "2021-09-07"), contribution_tables=[table])


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_corrected_version_replaces_the_first_in_either_order(database_url: str, order: tuple[int, int]) -> None:
    versions = [report_version("e" * 64, "pdscp-report.pdf", "2021-09-01T10:00:00", "50"),
                report_version("f" * 64, "pdscp-report-v2.pdf", "2021-09-03T09:00:00", "60")]
    engine = db.connect(database_url)
    statuses = [db.store(engine, versions[index]).status for index in order]
    assert statuses == (["stored", "stored"] if order == (0, 1) else ["stored", "superseded"])
    assert db.store(engine, versions[order[0]]).status == "unchanged"
    current = run_query(database_url, "SELECT d.file_name, c.amount_pence FROM contributions c "
                                      "JOIN documents d ON d.id = c.document_id WHERE c.partner = 'Dorset Police'")
    assert current.rows == [("pdscp-report-v2.pdf", 6000)]
    history = run_query(database_url, "SELECT file_name, superseded_by FROM document_versions ORDER BY file_name")
    assert history.rows == [("pdscp-report-v2.pdf", None), ("pdscp-report.pdf", "f" * 64)]


def test_users_extend_the_aliases(tmp_path: Path, database_url: str) -> None:
    extra = tmp_path / "more-aliases.csv"
    extra.write_text("kind,name,alias\npartner,Wessex Police,Wessex Constabulary\n")
    folder = tmp_path / "docs"
    folder.mkdir()
    contributions_pdf(folder / "one.pdf", "21,906", police_name="Wessex Constabulary")
    result = runner.invoke(app, ["ingest", str(folder), "--db", database_url, "--aliases", str(extra),
                                 "--extracted", str(tmp_path / "x"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert run_query(database_url, "SELECT partner FROM contribution_facts ORDER BY partner").rows == [
        ("BCP Council",), ("Dorset Council",), ("Wessex Police",)]
    assert run_query(database_url, "SELECT count(*) FROM validation_issues WHERE check_code = 'new_partner'").rows == [
        (0,)]
