"""`cli.py tables`: every table of a PDF as the contract's JSON, or as CSV files, on the pages asked for."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.tables.export import parse_pages, read_pdf_tables

runner = CliRunner()


def tables_json(*args: str) -> dict:
    result = runner.invoke(app, ["tables", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_holds_the_contributions_table(wiltshire_pdf: Path) -> None:
    data = tables_json(str(wiltshire_pdf))
    assert (data["file"], data["page_count"]) == ("wiltshire-cabinet-2023-03-14-csp-funding.pdf", 1)
    [table] = data["tables"]
    assert table["page"] == 1 and table["header_rows"] == 1
    assert table["rows"][0] == ["Partner", "2022/23 contribution", "Share"]
    assert ["Wiltshire Council", "£48,250.50", "45%"] in table["rows"]
    assert table["rows"][-1][:2] == ["Total", "£101,000.00"]
    assert {len(row) for row in table["rows"]} == {3}
    x0, top, x1, bottom = table["bbox"]
    assert 0 <= x0 < x1 <= 595 and 0 <= top < bottom <= 842  # A4, in points from the top-left


def test_pages_selects_the_tables_read(scrutiny_pack_pdf: Path) -> None:
    data = tables_json(str(scrutiny_pack_pdf), "--pages", "7,6")
    assert data["page_count"] == 16
    assert [table["page"] for table in data["tables"]] == [6, 7]
    contributions = data["tables"][1]
    assert contributions["rows"][0] == ["2020/21 Statutory Partner Contributions", "Contribution", "% of total budget"]
    assert ["BCP Council", "£83,424", "32%"] in contributions["rows"]
    assert tables_json(str(scrutiny_pack_pdf), "--pages", "7")["tables"] == [contributions]


def test_a_table_over_a_page_break_is_reported_once_with_its_parts(forward_plan_pdf: Path) -> None:
    [table] = [table for table in tables_json(str(forward_plan_pdf))["tables"] if "parts" in table]
    parts = table["parts"]
    assert [part["page"] for part in parts] == list(range(table["page"], table["page"] + len(parts)))
    assert len(parts) >= 3 and parts[0]["bbox"] == table["bbox"]
    assert table["rows"][: len(parts[0]["rows"])] == parts[0]["rows"]
    assert table["rows"][-1] == parts[-1]["rows"][-1]
    # each later page repeats the header as printed; the merged rows hold it once
    header = table["rows"][: table["header_rows"]]
    assert header and all(part["rows"][: len(header)] == header for part in parts[1:])
    assert len(table["rows"]) == sum(len(part["rows"]) for part in parts) - len(header) * (len(parts) - 1)


@pytest.mark.parametrize(("selection", "reason"), [
    ("2", "page 2 is past the end (the PDF has 1 page)"),
    ("0", "there is no page 0"),
    ("1-x", "cannot read page selection '1-x'"),
    ("1,,1", "cannot read page selection"),
    ("3-1", "page range '3-1' runs backwards"),
])
def test_a_bad_selection_is_one_line_naming_the_file(wiltshire_pdf: Path, selection: str, reason: str) -> None:
    result = runner.invoke(app, ["tables", str(wiltshire_pdf), "--pages", selection])
    assert result.exit_code == 2 and result.stdout == ""  # a usage error
    [line] = result.output.splitlines()
    assert line.startswith("error: wiltshire-cabinet-2023-03-14-csp-funding.pdf: ") and reason in line


def test_csv_writes_one_file_per_table_with_its_header(scrutiny_pack_pdf: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out" / "tables"  # created
    result = runner.invoke(app, ["tables", str(scrutiny_pack_pdf), "--pages", "6-7", "--format", "csv", "-o",
                                 str(folder)])
    assert result.exit_code == 0, result.output
    names = [f"dorset-people-health-scrutiny-2022-05-19-pack-p{page}-t1.csv" for page in (6, 7)]
    assert result.stdout.splitlines() == [str(folder / name) for name in names]
    assert sorted(path.name for path in folder.iterdir()) == names
    with (folder / names[1]).open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows == tables_json(str(scrutiny_pack_pdf), "--pages", "7")["tables"][0]["rows"]
    assert rows[0][0] == "2020/21 Statutory Partner Contributions" and ["BCP Council", "£83,424", "32%"] in rows


def test_csv_needs_a_folder_and_json_takes_none(wiltshire_pdf: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["tables", str(wiltshire_pdf), "--format", "csv"]).exit_code == 2
    assert runner.invoke(app, ["tables", str(wiltshire_pdf), "-o", str(tmp_path)]).exit_code == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("content", "reason"), [(b"", "the file is empty"), (b"hello", "not a PDF (no %PDF header)")])
def test_a_file_that_is_no_pdf_is_one_line(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    result = runner.invoke(app, ["tables", str(path)])
    assert result.exit_code == 3 and result.output == f"error: report.pdf: {reason}\n"


def test_an_encrypted_pdf_needs_its_password(shared: Path) -> None:
    path = shared / "realdocs" / "tables" / "camelot" / "files" / "health_protected.pdf"
    if not path.exists():
        pytest.skip("camelot's health_protected.pdf is not in ../shared/realdocs")
    refused = runner.invoke(app, ["tables", str(path)])
    assert refused.exit_code == 3 and "give its password with --password" in refused.output
    data = tables_json(str(path), "--password", "userpass")
    assert data["tables"] and data["tables"][0]["page"] == 1


def test_page_selections() -> None:
    assert parse_pages("1,3-5", 5) == [1, 3, 4, 5]
    assert parse_pages(" 5, 2-3 ,2", 5) == [2, 3, 5]
    with pytest.raises(ValueError, match="past the end"):
        parse_pages("4-6", 5)


def test_the_library_reads_the_same_tables(scrutiny_pack_pdf: Path) -> None:
    found = read_pdf_tables(scrutiny_pack_pdf, pages=[6, 7])
    assert found.to_json() == tables_json(str(scrutiny_pack_pdf), "--pages", "6-7")
    assert found.csv_names() == ["dorset-people-health-scrutiny-2022-05-19-pack-p6-t1.csv",
                                 "dorset-people-health-scrutiny-2022-05-19-pack-p7-t1.csv"]
