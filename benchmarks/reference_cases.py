"""Benchmark: the table layer against Camelot's and tabula-java's own test cases.

    python benchmarks/reference_cases.py                  # per-case table, then totals
    python benchmarks/reference_cases.py --json out.json  # the numbers as JSON too
    python benchmarks/reference_cases.py --show row_span  # expected and found grids of matching cases
    python benchmarks/reference_cases.py --ascii          # letters a-z only, as the ICDAR benchmark

The cases are read from ../shared/realdocs/tables beside the project (without it the benchmark says
so and exits 0):
  * camelot/expected.json: 63 cases from Camelot's tests, each a PDF (under camelot/files), the
    read_pdf keyword arguments as written in the test, a table index and the expected grid. Lattice
    cases (no flavor, or flavor lattice) are the most tool-independent; the stream, hybrid and network
    grids follow Camelot's own heuristics, so they are totalled apart and weigh half as much;
  * tabula-java/cases.json: tabula-java's test cases, each a PDF, a page, an optional area and the
    expected CSV or JSON output. A JSON file of several tables, or a CSV of several tables one after
    the other (each table is a rectangle of one width), gives one case a table.

For each case the project's layer reads the case's page(s). Where the case gives areas (tabula's area,
Camelot's table_areas or table_regions), only the tables overlapping an area are candidates; of those,
the one whose grid matches the expected grid best (highest relation F1) is the project's answer. With
several areas and one expected grid (tabula writes the areas' tables one after the other), the best
table of each area is taken and their grids stacked.

Scoring is the ICDAR benchmark's (benchmarks/icdar2013.py): cell adjacency relations, each non-empty
cell with its nearest non-empty neighbour to the right and below, texts lower-cased with everything
but letters and digits removed. Letters of any script are kept here (after NFKC), so that the
Japanese, Arabic and Hebrew cases are scored on their text; --ascii keeps a-z and 0-9 only, as the
ICDAR benchmark does. Expected grids are taken as written, except that two Camelot output options are
undone: copy_text (a spanning cell's text copied into every cell it spans) and flag_size (<s></s>
round superscripts). Options that change where Camelot puts text (shift_text, split_text, columns)
are listed in the `options` column: the project's grid keeps a spanning cell's text in its first cell.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from benchmarks.icdar2013 import f1, grid_relations  # noqa: E402
from benchmarks.icdar2013 import normalise as ascii_normalise  # noqa: E402
from pipeline.pdf import PdfDocument  # noqa: E402
from pipeline.tables.model import Table  # noqa: E402
from pipeline.tables.pages import document_tables  # noqa: E402

DATA = PROJECT.parent / "shared" / "realdocs" / "tables"
BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in points, top-left origin
Grid = list[list[str]]
Relations = Counter[tuple[str, str, str]]
LATTICE = "lattice"
WEIGHTS = {LATTICE: 1.0, "stream": 0.5, "hybrid": 0.5, "network": 0.5}  # heuristic grids weigh less
# Expected files that are no table: tabula's stream mode run on a whole page of prose, without guessing.
SKIPPED_FILES = {
    "csv/TestCommandLineApp_testGuessOption_no_guessing.csv":
        "tabula's stream mode on the whole page without table detection: the page's prose as one grid",
}
# read_pdf options that only tune Camelot's own detection: nothing to say about the expected grid.
TUNING = {"pages", "flavor", "password", "table_areas", "table_regions", "line_scale", "process_background",
          "edge_tol", "row_tol", "layout_kwargs", "backend", "engine", "use_fallback", "header_text",
          "strip_text", "copy_text", "flag_size"}


@dataclass
class Case:
    """One expected table: where to look, how the reference tool read it, and the grid it gave."""

    set: str  # 'camelot' or 'tabula'
    name: str  # the test (and table) it comes from
    pdf: Path
    pages: list[int]
    method: str  # 'lattice', 'stream', 'hybrid' or 'network'
    expected: Grid
    areas: list[BBox] = field(default_factory=list)
    password: str | None = None
    options: str = ""  # options of the reference tool the expected grid depends on



@dataclass
class Result:
    """The project's best table for one case, and how well its grid matches the expected one."""

    set: str
    name: str
    pdf: str
    page: str
    method: str
    expected_shape: str
    found_shape: str = "-"
    tables_on_page: int = 0
    candidates: int = 0  # tables overlapping the case's areas (all tables when it gives none)
    expected_relations: int = 0
    found_relations: int = 0  # relations of the chosen table(s)
    matched_relations: int = 0
    recall: float = 0.0
    precision: float = 0.0
    f1: float = 0.0
    options: str = ""
    note: str = ""
    error: str = ""
    found: Grid = field(default_factory=list)


@dataclass
class Skipped:
    """A reference case left out, with the reason."""

    set: str
    name: str
    reason: str


# -- text and relations --------------------------------------------------------------------------

def unicode_normalise(text: str | None) -> str:
    """A cell's text as compared: NFKC, case-folded, letters and digits of any script only."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return "".join(char for char in folded if char.isalnum())


def relations(grid: Grid, normalise: Callable[[str | None], str] = unicode_normalise) -> Relations:
    """The grid's adjacency relations (icdar2013.grid_relations) with texts normalised by `normalise`
    first: grid_relations' own ASCII normalisation then leaves a-z and 0-9 as they are and drops the
    rest, so characters of other scripts are spelled out as their code points."""
    return grid_relations([[_spelled(normalise(text)) for text in row] for row in grid])


def _spelled(text: str) -> str:
    """Non-ASCII letters and digits as 'u' + code point, which the ASCII normalisation keeps."""
    return "".join(char if char.isascii() else f"u{ord(char):x}" for char in text)


def match_scores(expected: Relations, found: Relations) -> tuple[int, float, float, float]:
    """Relations in common, recall, precision and F1."""
    common = sum((expected & found).values())
    recall = common / sum(expected.values()) if expected else 0.0
    precision = common / sum(found.values()) if found else 0.0
    return common, recall, precision, f1(precision, recall)


def shape(grid: Grid) -> str:
    """'rows x columns' of a grid (its widest row), or '-' for none."""
    return f"{len(grid)}x{max((len(row) for row in grid), default=0)}" if grid else "-"


# -- Camelot's cases -----------------------------------------------------------------------------

def camelot_cases(folder: Path) -> list[Case]:
    """The cases of camelot/expected.json; PDF paths are relative to camelot/files (where the
    tabula/ and icdar2013-dataset/ folders of Camelot's tests are kept as they were)."""
    data = json.loads((folder / "expected.json").read_text())
    return [_camelot_case(raw, folder / "files") for raw in data["cases"]]


def _camelot_case(raw: dict[str, Any], files: Path) -> Case:
    """One case: read_pdf's arguments (Python source text) evaluated as literals."""
    kwargs = {key: ast.literal_eval(value) for key, value in raw["read_pdf_kwargs"].items()}
    pdf = files / raw["pdf"]
    pages = _page_numbers(str(kwargs.get("pages", "1")))
    areas = [area for key in ("table_areas", "table_regions") for area in kwargs.get(key, [])]
    boxes = _camelot_boxes(pdf, pages[0], areas, kwargs.get("password")) if areas else []
    test = raw["test"].split("::")[-1]
    return Case("camelot", f"{test}[{raw['table_index']}]", pdf, pages, kwargs.get("flavor", LATTICE),
                camelot_expected(raw["expected_rows"], kwargs), boxes, kwargs.get("password"), _options(kwargs))


def _page_numbers(pages: str) -> list[int]:
    """Camelot's pages string ('1', '2,4', '3-5') as page numbers."""
    numbers: list[int] = []
    for part in pages.split(","):
        first, _, last = part.strip().partition("-")
        numbers.extend(range(int(first), int(last or first) + 1))
    return numbers


def _camelot_boxes(pdf: Path, page: int, areas: list[str], password: str | None) -> list[BBox]:
    """Camelot's 'x1,y1,x2,y2' areas (PDF space, y up) as top-left-origin boxes."""
    with PdfDocument(pdf, password=password) as document:
        height = document.page(page).height
    boxes = []
    for area in areas:
        x1, y1, x2, y2 = (float(value) for value in area.split(","))
        boxes.append((min(x1, x2), height - max(y1, y2), max(x1, x2), height - min(y1, y2)))
    return boxes


def camelot_expected(rows: Grid, kwargs: dict[str, Any]) -> Grid:
    """The expected grid with Camelot's output options undone: flag_size's <s></s> marks dropped,
    copy_text's copies blanked (a spanning cell's text kept in its first cell only)."""
    grid = [[re.sub(r"</?s>", "", text) for text in row] for row in rows]
    directions = kwargs.get("copy_text") or []
    if "v" in directions:
        grid = _uncopied_down(grid)
    if "h" in directions:
        grid = [_uncopied_across(row) for row in grid]
    return grid


def _uncopied_down(grid: Grid) -> Grid:
    """Each cell repeating the text of the cell right above it blanked."""
    return [[text if r == 0 or not text or c >= len(grid[r - 1]) or grid[r - 1][c] != text else ""
             for c, text in enumerate(row)] for r, row in enumerate(grid)]


def _uncopied_across(row: list[str]) -> list[str]:
    """Each cell repeating the text of the cell to its left blanked."""
    return [text if c == 0 or not text or row[c - 1] != text else "" for c, text in enumerate(row)]


def _options(kwargs: dict[str, Any]) -> str:
    """The read_pdf options that shape the expected grid beyond detection tuning."""
    return " ".join(f"{key}={value}".replace(" ", "") for key, value in kwargs.items() if key not in TUNING)


# -- tabula-java's cases -------------------------------------------------------------------------

def tabula_cases(folder: Path) -> tuple[list[Case], list[Skipped]]:
    """The cases of tabula-java/cases.json, one a table of each expected file."""
    data = json.loads((folder / "cases.json").read_text())
    cases: list[Case] = []
    skipped: list[Skipped] = []
    for raw in data["cases"]:
        pdf = folder / raw["pdf"]
        for name in re.findall(r"(?:csv|json)/[\w.\-]+\.(?:csv|json)", raw["expected"]):
            if name in SKIPPED_FILES:
                skipped.append(Skipped("tabula", f"{pdf.name} {name}", SKIPPED_FILES[name]))
            elif not (name.endswith(".csv") and _json_beside(name, raw["expected"])):
                cases.extend(_tabula_file_cases(raw, pdf, folder / name))
    return cases, skipped


def _json_beside(csv_name: str, expected: str) -> bool:
    """A CSV whose tables the case's JSON file gives too (with each table apart): the JSON is read."""
    return f"json/{Path(csv_name).stem}.json" in expected


def _tabula_file_cases(raw: dict[str, Any], pdf: Path, path: Path) -> list[Case]:
    """One case a table of the expected file: tables paired with areas when there are as many of
    each; one table with several areas is the areas' tables stacked."""
    method = re.findall(r"[a-z]+", raw["method"])[0]  # 'lattice (-r) with ...', 'stream, whole page ...'
    tables = read_json_tables(path) if path.suffix == ".json" else [(method, grid) for grid in read_csv_tables(path)]
    areas = tabula_areas(raw["area_top_left_bottom_right"], pdf, int(raw["page"]))
    options = " ".join(f"{key}={value}".replace(" ", "") for key, value in raw.items() if key == "columns_x")
    cases = []
    for index, (used, grid) in enumerate(tables, 1):
        own = [areas[index - 1]] if len(tables) == len(areas) > 1 else areas
        note = f"{options} (tabula chose {used})".strip() if used != method else options
        name = f"{path.name}[{index - 1}]" if len(tables) > 1 else path.name
        cases.append(Case("tabula", name, pdf, [int(raw["page"])], used, grid, own, None, note))
    return cases


def tabula_areas(area: Any, pdf: Path, page_number: int) -> list[BBox]:
    """The case's areas as boxes: [top, left, bottom, right] in points, or text giving areas in
    percent of the page ('%0,0,100,50': top, left, bottom, right)."""
    if area is None:
        return []
    if isinstance(area, list):
        top, left, bottom, right = (float(value) for value in area)
        return [(left, top, right, bottom)]
    with PdfDocument(pdf) as document:
        page = document.page(page_number)
        width, height = page.width, page.height
    boxes = []
    for found in re.findall(r"%([\d.]+),([\d.]+),([\d.]+),([\d.]+)", str(area)):
        top, left, bottom, right = (float(value) / 100 for value in found)
        boxes.append((left * width, top * height, right * width, bottom * height))
    return boxes


def read_csv_tables(path: Path) -> list[Grid]:
    """The tables of a tabula CSV (CRLF rows, '\\r' inside quoted multi-line cells). Tabula writes
    several tables one after the other, each padded to one width: a new table starts where the
    width changes or the first row of the table comes again."""
    with path.open(newline="", encoding="utf-8") as stream:
        rows = [row for row in csv.reader(stream) if row]
    tables: list[Grid] = []
    for row in rows:
        current = tables[-1] if tables else None
        if current is None or len(row) != len(current[0]) or (len(current) > 1 and row == current[0]):
            tables.append([row])
        else:
            current.append(row)
    return tables


def read_json_tables(path: Path) -> list[tuple[str, Grid]]:
    """The tables of a tabula JSON file, with the extraction method tabula used for each."""
    data = json.loads(path.read_text(encoding="utf-8"))
    tables = data if isinstance(data, list) else [data]
    return [(table.get("extraction_method", LATTICE), [[cell["text"] for cell in row] for row in table["data"]])
            for table in tables]


# -- running -------------------------------------------------------------------------------------

class Layer:
    """The project's tables of each PDF and pages asked for, read once."""

    def __init__(self) -> None:
        self._tables: dict[tuple[Path, tuple[int, ...], str | None], list[Table]] = {}

    def tables(self, pdf: Path, pages: list[int], password: str | None) -> list[Table]:
        """The tables the layer finds on these pages of the PDF."""
        key = (pdf, tuple(pages), password)
        if key not in self._tables:
            with PdfDocument(pdf, password=password) as document:
                self._tables[key] = document_tables(document, pages)
        return self._tables[key]


def overlaps(table: Table, area: BBox) -> bool:
    """True when the table (any of its pages' parts) and the area share some of the page."""
    boxes = [part.bbox for part in table.parts] or [table.bbox]
    return any(min(box[2], area[2]) > max(box[0], area[0]) and min(box[3], area[3]) > max(box[1], area[1])
               for box in boxes)


def best_table(expected: Relations, tables: list[Table], normalise: Callable[[str | None], str]) -> Table | None:
    """The table whose grid matches the expected relations best (F1, then relations in common)."""
    scored = [(match_scores(expected, relations(table.grid(), normalise)), index) for index, table in enumerate(tables)]
    if not scored:
        return None
    return tables[max(scored, key=lambda item: (item[0][3], item[0][0], -item[1]))[1]]


def chosen_grid(case: Case, tables: list[Table], normalise: Callable[[str | None], str]) -> tuple[Grid | None, int]:
    """The project's answer for the case, and how many tables were candidates. With several areas,
    each area's best table not already taken for an earlier area, their grids stacked."""
    expected = relations(case.expected, normalise)
    if not case.areas:
        table = best_table(expected, tables, normalise)
        return (table.grid() if table else None), len(tables)
    chosen: list[Table] = []
    candidates: set[int] = set()
    for area in case.areas:
        inside = [table for table in tables if overlaps(table, area)]
        candidates.update(id(table) for table in inside)
        table = best_table(expected, [t for t in inside if all(t is not c for c in chosen)], normalise)
        chosen.extend([table] if table else [])
    return ([row for table in chosen for row in table.grid()] or None), len(candidates)


def run_case(case: Case, layer: Layer, normalise: Callable[[str | None], str] = unicode_normalise) -> Result:
    """The case scored; an error reading the PDF is recorded in the result, not raised."""
    result = Result(case.set, case.name, case.pdf.name, ",".join(map(str, case.pages)), case.method,
                    shape(case.expected), options=case.options)
    expected = relations(case.expected, normalise)
    result.expected_relations = sum(expected.values())
    try:
        tables = layer.tables(case.pdf, case.pages, case.password)
    except Exception as exc:  # noqa: BLE001  (a failure costs this case only, and is reported)
        result.error = f"{type(exc).__name__}: {' '.join(str(exc).split())[:120]}"
        result.note = "crashed"
        return result
    result.tables_on_page = len(tables)
    grid, result.candidates = chosen_grid(case, tables, normalise)
    if grid is None:
        result.note = "no table found" if not tables else "no table in the area"
    else:
        _score(result, expected, grid, normalise)
    return result


def _score(result: Result, expected: Relations, grid: Grid, normalise: Callable[[str | None], str]) -> None:
    """The result's numbers for the chosen grid."""
    found = relations(grid, normalise)
    result.found, result.found_shape = grid, shape(grid)
    result.found_relations = sum(found.values())
    result.matched_relations, result.recall, result.precision, result.f1 = match_scores(expected, found)
    if not result.matched_relations:
        result.note = "no relation in common with any table"


def load_cases(data: Path) -> tuple[list[Case], list[Skipped]]:
    """Every case of both sets that is present under `data`."""
    cases: list[Case] = []
    skipped: list[Skipped] = []
    if (data / "camelot" / "expected.json").exists():
        cases.extend(camelot_cases(data / "camelot"))
    if (data / "tabula-java" / "cases.json").exists():
        found, skipped = tabula_cases(data / "tabula-java")
        cases.extend(found)
    return cases, skipped


# -- totals --------------------------------------------------------------------------------------

def total(results: list[Result]) -> dict[str, Any]:
    """Mean recall, precision and F1 over the cases, and F1 of the relations pooled over them."""
    count = len(results)
    matched = sum(r.matched_relations for r in results)
    recall = matched / max(sum(r.expected_relations for r in results), 1)
    precision = matched / max(sum(r.found_relations for r in results), 1)
    return {"cases": count, "found": sum(1 for r in results if r.found),
            "recall": round(sum(r.recall for r in results) / max(count, 1), 4),
            "precision": round(sum(r.precision for r in results) / max(count, 1), 4),
            "f1": round(sum(r.f1 for r in results) / max(count, 1), 4),
            "pooled_f1": round(f1(precision, recall), 4)}


def totals(results: list[Result]) -> dict[str, dict[str, Any]]:
    """Totals by set and method, by method family (lattice; Camelot's and tabula's heuristic
    modes), by set, overall, and a weighted mean F1 in which heuristic grids weigh half."""
    groups: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        family = LATTICE if r.method == LATTICE else "stream/hybrid/network"
        for key in (f"{r.set} {r.method}", f"all {family}", f"{r.set} all", "all all"):
            groups[key].append(r)
    out = {key: total(groups[key]) for key in sorted(groups, key=_group_order)}
    weights = [WEIGHTS.get(r.method, 0.5) for r in results]
    out["all all"]["weighted_f1"] = round(sum(w * r.f1 for w, r in zip(weights, results, strict=True))
                                          / max(sum(weights), 1e-9), 4)
    return out


def _group_order(key: str) -> tuple[int, str]:
    """Set and method first, then method families, then sets, then everything."""
    first, second = key.split(" ", 1)
    return (first == "all") * 2 + (second == "all"), key


# -- printing ------------------------------------------------------------------------------------

CASE_HEADER = (f"{'set':7s} {'case':40s} {'pdf':32s} {'page':>4s} {'method':8s} {'expected':>8s} {'ours':>7s} "
               f"{'tables':>6s} {'R':>5s} {'P':>5s} {'F1':>5s}  note")


def case_line(r: Result) -> str:
    """One case's line of the report."""
    tables = f"{r.candidates}/{r.tables_on_page}"
    note = "; ".join(part for part in (r.note, r.options, r.error) if part)
    where = f"{r.set:7s} {_clipped(r.name, 40):40s} {_clipped(r.pdf, 32):32s} {r.page:>4s} {r.method:8s}"
    return (f"{where} {r.expected_shape:>8s} {r.found_shape:>7s} "
            f"{tables:>6s} {r.recall:5.2f} {r.precision:5.2f} {r.f1:5.2f}  {note}")


def _clipped(text: str, width: int) -> str:
    """The text cut in the middle to fit the width: its start and its end are what tell cases apart."""
    if len(text) <= width:
        return text
    head = (width - 1) // 2
    return f"{text[:head]}~{text[len(text) - (width - 1 - head):]}"


def print_report(results: list[Result], skipped: list[Skipped], summary: dict[str, dict[str, Any]]) -> None:
    """Every case's line, the cases left out, then the totals."""
    print(CASE_HEADER)
    for r in results:
        print(case_line(r))
    print("tables: candidates (overlapping the case's areas) / tables the layer found on the page(s)")
    for s in skipped:
        print(f"skipped {s.set} {s.name}: {s.reason}")
    print(f"\n{'totals':30s} {'cases':>5s} {'found':>5s} {'R':>6s} {'P':>6s} {'F1':>6s} {'pooled F1':>9s}")
    for key, t in summary.items():
        print(f"{key:30s} {t['cases']:5d} {t['found']:5d} {t['recall']:6.3f} {t['precision']:6.3f} "
              f"{t['f1']:6.3f} {t['pooled_f1']:9.3f}")
    weighted = summary.get("all all", {}).get("weighted_f1")
    if weighted is not None:
        print(f"weighted mean F1 (lattice x1, stream/hybrid/network x0.5): {weighted:.3f}")
    print("R, P, F1: means over the cases; pooled F1: of the relations summed over the cases")


def print_grids(results: list[Result], cases: list[Case], pattern: str) -> None:
    """The expected and found grids of the cases whose name or PDF contains `pattern`."""
    for case, r in zip(cases, results, strict=True):
        if pattern in case.name or pattern in case.pdf.name:
            print(f"\n== {case.set} {case.name} ({case.pdf.name} p{r.page}, {case.method}) F1 {r.f1:.2f}")
            _print_grid("expected", case.expected)
            _print_grid("ours", r.found)


def _print_grid(title: str, grid: Grid) -> None:
    """A grid, one row a line, each cell's text on one line and cut short."""
    print(f"-- {title} {shape(grid)}")
    for row in grid:
        print("   | " + " | ".join(" ".join(text.split())[:28] for text in row))


def main(argv: Iterable[str] | None = None) -> int:
    """Run every case and print (and optionally write) the results; 0 also when the data is absent."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, default=None, metavar="OUT", help="write the results to OUT as JSON")
    parser.add_argument("--data", type=Path, default=DATA, help="the tables folder (default %(default)s)")
    parser.add_argument("--show", default=None, metavar="TEXT", help="print both grids of cases matching TEXT")
    parser.add_argument("--ascii", action="store_true", help="compare letters a-z and digits only")
    args = parser.parse_args(list(argv) if argv is not None else None)
    cases, skipped = load_cases(args.data)
    if not cases:
        print(f"reference cases not found in {args.data} (optional: they live in ../shared/realdocs); "
              "nothing to benchmark")
        return 0
    layer = Layer()
    normalise = ascii_normalise if args.ascii else unicode_normalise
    results = [run_case(case, layer, normalise) for case in cases]
    summary = totals(results)
    print_report(results, skipped, summary)
    if args.show:
        print_grids(results, cases, args.show)
    if args.json:
        report = {"data": str(args.data), "totals": summary, "skipped": [asdict(s) for s in skipped],
                  "cases": [{k: v for k, v in asdict(r).items() if k != "found"} for r in results]}
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
