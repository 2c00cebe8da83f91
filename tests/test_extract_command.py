"""extract: several PDFs, a page selection, JSON, JSON lines or CSV files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import ExitCode

runner = CliRunner()


def extract(*args: str) -> object:
    return runner.invoke(app, ["extract", *args])


def test_several_pdfs_as_an_array_or_json_lines(sample_docs: Path) -> None:
    files = [str(sample_docs / "clean.pdf"), str(sample_docs / "nested" / "duplicate.pdf")]
    array = json.loads(extract(*files).stdout)
    assert [item["file"] for item in array] == ["clean.pdf", "duplicate.pdf"]
    lines = extract(*files, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == array


def test_pages_keep_what_is_printed_on_them(scrutiny_pack_pdf: Path) -> None:
    whole = json.loads(extract(str(scrutiny_pack_pdf)).stdout)
    page_7 = json.loads(extract(str(scrutiny_pack_pdf), "--pages", "7").stdout)
    assert [t["page"] for t in page_7["contribution_tables"]] == [7] and page_7["forward_plan"] == []
    assert whole["forward_plan"] and page_7["agenda_items"] == whole["agenda_items"]
    assert all(issue["page"] in (None, 7) for issue in page_7["issues"])
    refused = extract(str(scrutiny_pack_pdf), "--pages", "40")
    assert refused.exit_code == ExitCode.USAGE and "past the end" in refused.output


def test_csv_files_one_row_each_with_the_file(sample_docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    result = extract(str(sample_docs / "clean.pdf"), str(sample_docs / "nested" / "duplicate.pdf"),
                     "--format", "csv", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["agenda_items.csv", "contributions.csv",
                                                     "forward_plan_decisions.csv", "issues.csv"]
    contributions = list(csv.DictReader((out / "contributions.csv").open()))
    assert [(r["file"], r["partner"], r["amount"]) for r in contributions][:2] == [
        ("clean.pdf", "BCP Council", "60000"), ("clean.pdf", "Dorset Police", "40000")]
    issues = list(csv.DictReader((out / "issues.csv").open()))
    assert [(r["file"], r["check"]) for r in issues if r["severity"] == "error"] == [
        ("duplicate.pdf", "duplicate_partner")]
    assert (out / "forward_plan_decisions.csv").read_text().startswith("file,subject,")
    assert extract(str(sample_docs / "clean.pdf"), "--format", "csv").exit_code == ExitCode.USAGE
