"""ingest stores every table the table layer finds: the table, its typed columns, every cell with its figure."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pipeline import db
from pipeline.extract import extract_pdf
from pipeline.ingest import ingest
from pipeline.query import run_query

WILTSHIRE = "wiltshire-cabinet-2023-03-14-csp-funding.pdf"


@pytest.fixture
def stored(database_url: str, wiltshire_pdf: Path, outturn_pdf: Path, forward_plan_pdf: Path,
           monkeypatch: pytest.MonkeyPatch) -> str:
    """The database after ingesting three samples: money and shares, figures in £m, a table over pages.

    Ingested from raw_docs/, where files named directly are called by their base names."""
    monkeypatch.chdir(wiltshire_pdf.parent)
    summary = ingest([wiltshire_pdf, outturn_pdf, forward_plan_pdf], db.connect(database_url))
    assert [outcome.status for outcome in summary.outcomes] == ["stored"] * 3
    return database_url


def rows(database: str, sql: str) -> list[tuple]:
    return [tuple(row) for row in run_query(database, sql).rows]


def test_every_table_found_is_stored_as_a_whole_grid(stored: str, wiltshire_pdf: Path, outturn_pdf: Path,
                                                      forward_plan_pdf: Path) -> None:
    found = {path.name: extract_pdf(path).tables for path in (wiltshire_pdf, outturn_pdf, forward_plan_pdf)}
    tables = rows(stored, "SELECT d.file_name, t.page, t.last_page, t.n_rows, t.n_cols, t.header_rows, t.method "
                          "FROM tables t JOIN documents d ON d.id = t.document_id ORDER BY d.file_name, t.position")
    assert tables == [(name, t.page, t.pages[-1], len(t.rows), t.n_cols, t.header_rows, t.method)
                      for name in sorted(found) for t in found[name]]
    # one cell per row and column, one typed column per column
    assert rows(stored, "SELECT t.id FROM tables t WHERE t.n_rows * t.n_cols <> "
                        "(SELECT count(*) FROM table_cells c WHERE c.table_id = t.id) OR t.n_cols <> "
                        "(SELECT count(*) FROM table_columns k WHERE k.table_id = t.id)") == []


def test_cells_keep_their_text_and_figures(stored: str) -> None:
    wiltshire = rows(stored, "SELECT row_label, text, value, amount_pence, is_header, is_total "
                             f"FROM table_cells_with_document WHERE file_name = '{WILTSHIRE}' AND col_index > 0 "
                             "ORDER BY row_index, col_index")
    assert [(label, text, value, pence) for label, text, value, pence, *_ in wiltshire[:4]] == [
        ("Partner", "2022/23 contribution", None, None), ("Partner", "Share", None, None),
        ("Wiltshire Council", "£48,250.50", 48250.5, 4825050), ("Wiltshire Council", "45%", 45, None)]
    assert [bool(flag) for flag in wiltshire[0][4:]] == [True, False]  # the header row
    assert wiltshire[-2][:4] == ("Total", "£101,000.00", 101000, 10100000) and wiltshire[-2][5]
    columns = rows(stored, "SELECT k.col_index, k.header, k.kind, k.unit, k.scale, k.period FROM table_columns k "
                           f"JOIN tables t ON t.id = k.table_id JOIN documents d ON d.id = t.document_id "
                           f"WHERE d.file_name = '{WILTSHIRE}' ORDER BY k.col_index")
    assert columns == [(0, "Partner", "text", None, 1, None), (1, "2022/23 contribution", "money", "£", 1, "2022/23"),
                       (2, "Share", "percent", None, 1, None)]


def test_figures_in_millions_are_scaled(stored: str) -> None:
    adults = rows(stored, "SELECT column_header, text, amount_pence FROM table_cells_with_document "
                          "WHERE row_label = 'People - Adults' AND kind = 'money' ORDER BY col_index")
    assert adults == [("Budget £m", "£130.2", 13_020_000_000), ("Outturn £m", "£128.9", 12_890_000_000),
                      ("Variance £m", "(£1.3)", -130_000_000)]


def test_a_table_over_page_breaks_keeps_each_rows_page(stored: str) -> None:
    [(table_id, first, last)] = rows(stored, "SELECT id, page, last_page FROM tables WHERE last_page > page")
    assert last - first >= 2
    pages = rows(stored, f"SELECT DISTINCT page FROM table_cells WHERE table_id = {table_id} ORDER BY page")
    assert pages == [(page,) for page in range(first, last + 1)]
    assert rows(stored, f"SELECT row_label FROM table_cells_with_document WHERE table_id = {table_id} "
                        "AND text LIKE 'Youth Justice Plan%'") == [("14 Jul 2022",)]


COUNTS = ("SELECT (SELECT count(*) FROM tables), (SELECT count(*) FROM table_columns), "
          "(SELECT count(*) FROM table_cells)")


def test_ingesting_again_changes_nothing(stored: str, wiltshire_pdf: Path, outturn_pdf: Path,
                                         forward_plan_pdf: Path) -> None:
    before = rows(stored, COUNTS)
    again = ingest([wiltshire_pdf, outturn_pdf, forward_plan_pdf], db.connect(stored))
    assert [outcome.status for outcome in again.outcomes] == ["unchanged"] * 3
    assert rows(stored, COUNTS) == before and before[0][2] > 0


def test_a_newer_version_replaces_the_older_ones_tables(database_url: str, wiltshire_pdf: Path) -> None:
    first = extract_pdf(wiltshire_pdf)
    newer = replace(first, file=WILTSHIRE.replace(".pdf", "-v2.pdf"), sha256="f" * 64,
                    modified="2099-01-01T00:00:00")
    engine = db.connect(database_url)
    assert db.store(engine, first).status == "stored"
    one_document = rows(database_url, COUNTS)
    assert db.store(engine, newer).status == "stored"
    assert db.store(engine, first).status == "unchanged"
    assert rows(database_url, COUNTS) == one_document
    assert rows(database_url, "SELECT DISTINCT file_name FROM table_cells_with_document") == [(newer.file,)]
