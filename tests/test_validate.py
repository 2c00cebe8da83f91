"""validate: scoped to paths or to the last ingest run, several formats in one run, and documents named by
their path below the folder given to ingest, so that two files of one name stay two documents."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import ExitCode

runner = CliRunner()


def cli(*args: str) -> object:
    return runner.invoke(app, list(args))


@pytest.fixture
def two_folders(tmp_path: Path, contributions_pdf: Callable[..., Path], duplicate_partner_pdf: Callable) -> Path:
    """repo/docs/2023/csp funding.pdf (clean) and repo/docs/2024/csp funding.pdf (a duplicate partner), and
    repo/other/duplicate.pdf (another error)."""
    repo = tmp_path / "repo"
    contributions_pdf(repo / "docs" / "2023" / "csp funding.pdf", [("BCP Council", "£60,000"),
                                                                  ("Dorset Police", "£40,000")], "£100,000")
    duplicate_partner_pdf(repo / "docs" / "2024" / "csp funding.pdf")
    duplicate_partner_pdf(repo / "other" / "duplicate.pdf")
    (repo / "other" / "duplicate.pdf").write_bytes((repo / "other" / "duplicate.pdf").read_bytes() + b"\n")
    return repo


@pytest.fixture
def ingested(two_folders: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """docs/ ingested, then other/, from the repository's root (as a CI job runs)."""
    monkeypatch.chdir(two_folders)
    for folder in ("docs", "other"):
        result = cli("ingest", folder, "--db", database_url, "--workers", "1", "--extracted", "extracted")
        assert result.exit_code == 0, result.output
    return database_url


def test_two_files_of_one_name_are_two_documents(ingested: str, two_folders: Path) -> None:
    issues = json.loads(cli("validate", "--db", ingested, "--format", "json", "--fail-on", "never").stdout)
    assert issues["documents"] == 3
    assert {(i["file"], i["check"]) for i in issues["issues"] if i["severity"] == "error"} == {
        ("2024/csp funding.pdf", "duplicate_partner"), ("duplicate.pdf", "duplicate_partner")}
    assert all(i["message"].startswith(i["file"] + " ") for i in issues["issues"])
    junit = ET.fromstring(cli("validate", "--db", ingested, "--format", "junit").stdout)
    assert sorted(suite.get("name") for suite in junit) == ["2023/csp funding.pdf", "2024/csp funding.pdf",
                                                            "duplicate.pdf"]
    assert sorted(p.relative_to(two_folders / "extracted").as_posix()
                  for p in (two_folders / "extracted").rglob("*.json")) == [
        "2023/csp funding.json", "2024/csp funding.json", "duplicate.json"]


def test_annotations_and_sarif_carry_the_path_from_the_repository_root(ingested: str, two_folders: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(two_folders))
    github = cli("validate", "--db", ingested, "--format", "github").stdout.splitlines()
    assert "::error file=docs/2024/csp funding.pdf,title=duplicate_partner::2024/csp funding.pdf page 1: " \
           "'Dorset Police' appears 2 times in the 2023/24 contributions" in github
    sarif = json.loads(cli("validate", "--db", ingested, "--format", "sarif").stdout)
    [run] = sarif["runs"]
    assert sarif["version"] == "2.1.0" and "duplicate_partner" in {r["id"] for r in run["tool"]["driver"]["rules"]}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
            if r["level"] == "error"}
    assert uris == {"docs/2024/csp funding.pdf", "other/duplicate.pdf"}


def test_paths_and_batch_scope_the_report(ingested: str) -> None:
    def errors(*scope: str) -> set[str]:
        result = cli("validate", "--db", ingested, "--format", "json", *scope)
        assert result.exit_code in (0, 1), result.output
        return {i["file"] for i in json.loads(result.stdout)["issues"] if i["severity"] == "error"}

    assert errors("docs/2023") == set()
    assert errors("--paths", "docs", "other") == {"2024/csp funding.pdf", "duplicate.pdf"}
    assert errors("--paths", "docs/2024/csp funding.pdf") == {"2024/csp funding.pdf"}
    assert errors("--batch", "last") == {"duplicate.pdf"}  # other/ was ingested last
    assert errors("--batch", "1") == {"2024/csp funding.pdf"}
    clean = cli("validate", "--db", ingested, "docs/2023")
    assert clean.exit_code == 0 and clean.output.endswith("1 documents, 0 errors, 0 warnings, 0 notes\n")
    nothing = cli("validate", "--db", ingested, "--paths", "docs/2025")
    assert nothing.exit_code == ExitCode.USAGE and "no documents under docs/2025" in nothing.output


def test_reingesting_unchanged_files_reports_their_findings(ingested: str) -> None:
    again = cli("ingest", "docs", "--db", ingested, "--workers", "1", "--fail-on", "error")
    assert again.exit_code == ExitCode.FINDINGS and "2 unchanged" in again.output and "1 errors" in again.output
    assert cli("validate", "--db", ingested, "--batch", "last", "--format", "json").exit_code == ExitCode.FINDINGS


def test_several_formats_in_one_run(ingested: str, two_folders: Path) -> None:
    result = cli("validate", "--db", ingested, "--format", "github", "--format", "junit:reports/validation.xml",
                 "--format", "markdown:reports/summary.md", "--format", "sarif:reports/validation.sarif")
    assert result.exit_code == ExitCode.FINDINGS
    assert result.stdout.startswith("::")
    reports = two_folders / "reports"
    assert ET.parse(reports / "validation.xml").getroot().tag == "testsuites"
    summary = (reports / "summary.md").read_text()
    assert summary.startswith("## council-tables validation") and "| error | `duplicate_partner` |" in summary
    assert json.loads((reports / "validation.sarif").read_text())["version"] == "2.1.0"
    # --output alone: the format its suffix names; the log still gets the counts
    to_file = cli("validate", "--db", ingested, "-o", "reports/out.xml", "--fail-on", "never")
    assert to_file.exit_code == 0 and to_file.output == "3 documents, 2 errors, 0 warnings, 0 notes\n"
    assert ET.parse(reports / "out.xml").getroot().tag == "testsuites"
