"""The table layer on Camelot's and tabula-java's own test cases (benchmarks/reference_cases.py),
read from ../shared/realdocs/tables: a floor on the lattice cases, and no case may crash."""

from __future__ import annotations

import importlib
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

PROJECT = Path(__file__).resolve().parents[1]
CAMELOT_CASES = 63
TABULA_CASES = 20  # tabula-java's 14 cases, one a table of each expected file, less the whole-page dump
# Mean relation F1 over the 27 lattice cases (14 Camelot, 13 tabula-java) measured 0.828 when this
# test was written (Camelot lattice 0.792, tabula lattice 0.867; the two rotated Camelot pages score 0).
LATTICE_FLOOR = 0.80


def benchmark() -> ModuleType:
    """benchmarks/reference_cases.py, imported from the project's root."""
    if str(PROJECT) not in sys.path:
        sys.path.insert(0, str(PROJECT))
    return importlib.import_module("benchmarks.reference_cases")


@cache
def run_all(data: Path) -> list:
    """Every reference case scored (once for all the tests)."""
    module = benchmark()
    cases, _ = module.load_cases(data)
    layer = module.Layer()
    return [module.run_case(case, layer) for case in cases]


def test_every_case_is_loaded_and_none_crashes(shared: Path) -> None:
    results = run_all(shared / "realdocs" / "tables")
    assert sum(r.set == "camelot" for r in results) == CAMELOT_CASES
    assert sum(r.set == "tabula" for r in results) == TABULA_CASES
    assert [f"{r.name}: {r.error}" for r in results if r.error] == []


def test_lattice_cases_keep_their_f1(shared: Path) -> None:
    results = [r for r in run_all(shared / "realdocs" / "tables") if r.method == "lattice"]
    mean = sum(r.f1 for r in results) / len(results)
    assert len(results) == 27
    assert mean >= LATTICE_FLOOR, f"lattice mean F1 {mean:.3f} fell below {LATTICE_FLOOR}"


def test_without_the_data_the_benchmark_says_so_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert benchmark().main(["--data", str(tmp_path)]) == 0
    assert "nothing to benchmark" in capsys.readouterr().out


def test_a_tabula_csv_of_several_tables_is_split(tmp_path: Path) -> None:
    """Tabula writes the tables of a page one after the other: a new one starts where the width
    changes or the first row comes again."""
    path = tmp_path / "tables.csv"
    path.write_text('"",to air,to water\r\nA,1,2\r\n"",Head\r\nB,3\r\n"",Head\r\nC,4\r\n', encoding="utf-8")
    assert benchmark().read_csv_tables(path) == [[["", "to air", "to water"], ["A", "1", "2"]],
                                                [["", "Head"], ["B", "3"]], [["", "Head"], ["C", "4"]]]


def test_camelot_output_options_are_undone() -> None:
    """copy_text's copies are blanked (the text stays in the spanning cell's first cell) and
    flag_size's <s></s> marks dropped."""
    expected = benchmark().camelot_expected([["GMC", "Sacramento", "1<s>2</s>"], ["GMC", "Sacramento", "3"],
                                             ["GMC", "San Diego", "4"]], {"copy_text": ["v"]})
    assert expected == [["GMC", "Sacramento", "12"], ["", "", "3"], ["", "San Diego", "4"]]
    assert benchmark().camelot_expected([["Total", "Total", "5"]], {"copy_text": ["h"]}) == [["Total", "", "5"]]
