"""Benchmark: the table layer against Camelot and pdfplumber on the ICDAR 2013 Table Competition set.

    python benchmarks/icdar2013.py                      # every system (Camelot takes a few minutes)
    python benchmarks/icdar2013.py --only project       # the project alone (about half a minute)
    python benchmarks/icdar2013.py --only camelot-stream,pdfplumber-lines --json scores.json
    python benchmarks/icdar2013.py --only project --per-doc   # each PDF's numbers, weakest first

The competition's complete process is scored: find the tables, then read their structure. The data
(67 PDFs of EU and US government reports, X-str.xml structure and X-reg.xml region ground truth) is
read from ../shared/realdocs/tables/icdar2013 beside the project; without it the benchmark says so
and exits 0.

Scoring, for every system alike:
  * a ground-truth table region is matched to the predicted table on its page that covers the
    largest share of the region's area, at least half of it;
  * structure is compared as cell adjacency relations: every non-empty cell with its nearest
    non-empty neighbour to the right and below, cell texts lower-cased with everything but letters
    and digits removed. A ground-truth cell spanning rows or columns looks for neighbours along
    every row and column it spans, each distinct neighbour counted once;
  * recall = relations found / ground-truth relations; precision (structure) counts the relations
    of the matched predicted tables only, precision (complete) those of every predicted table,
    so that a table found where there is none counts against it;
  * a predicted table continued over several pages is scored page by page (its parts), as the
    ground truth gives one region per page.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from pipeline.pdf import PdfDocument  # noqa: E402
from pipeline.tables.pages import document_tables  # noqa: E402

DATA = PROJECT.parent / "shared" / "realdocs" / "tables" / "icdar2013"
PROJECT_NAME = "project"
MIN_COVERAGE = 0.5  # share of a ground-truth region a predicted table must cover to be its match

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in points, top-left origin
Relation = tuple[str, str, str]  # ('h' right of | 'v' below, cell text, neighbour text), both normalised
SpanCell = tuple[int, int, int, int, str]  # start row, start col, end row, end col (inclusive), text


@dataclass
class TruthTable:
    """One ground-truth table region: a table on one page."""

    page: int
    bbox: BBox
    relations: Counter[Relation]


@dataclass
class Predicted:
    """One table (or one page's part of a table) as a system found it."""

    page: int
    bbox: BBox
    relations: Counter[Relation]


@dataclass
class Counts:
    """Relation and table counts, summed over documents."""

    tables_gt: int = 0
    tables_found: int = 0
    gt_relations: int = 0
    found_relations: int = 0  # ground-truth relations present in the matched predicted table
    matched_relations: int = 0  # relations of the predicted tables matched to a ground-truth table
    predicted_relations: int = 0  # relations of every predicted table

    def add(self, other: Counts) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)


@dataclass
class Scores:
    """One system's numbers over the whole set."""

    tables_found: int
    tables_gt: int
    recall: float
    precision_structure: float
    f1_structure: float
    precision_complete: float
    f1_complete: float
    seconds: float
    failed: list[str] = field(default_factory=list)


# -- relations -----------------------------------------------------------------------------------

def normalise(text: str | None) -> str:
    """A cell's text as compared: lower-cased, letters and digits only."""
    return re.sub(r"[^0-9a-z]", "", (text or "").lower())


def grid_relations(grid: list[list[str]]) -> Counter[Relation]:
    """Adjacency relations of a predicted grid (rows of cell texts, '' where a cell is empty or covered
    by a spanning cell): each non-empty cell with the nearest non-empty cell to its right and below."""
    rows = [[normalise(text) for text in row] for row in grid]
    relations: Counter[Relation] = Counter()
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if not text:
                continue
            right = next((other for other in row[c + 1:] if other), None)
            if right:
                relations[("h", text, right)] += 1
            below = next((other[c] for other in rows[r + 1:] if c < len(other) and other[c]), None)
            if below:
                relations[("v", text, below)] += 1
    return relations


def span_relations(cells: list[SpanCell]) -> Counter[Relation]:
    """Adjacency relations of ground-truth cells with spans: a cell's neighbour to the right is looked
    for along every row it spans, its neighbour below along every column it spans; each distinct
    neighbour is counted once. Cells whose text normalises to nothing are empty."""
    owner: dict[tuple[int, int], int] = {}
    for index, (r0, c0, r1, c1, _) in enumerate(cells):
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                owner[(r, c)] = index
    if not owner:
        return Counter()
    last_row = max(r for r, _ in owner)
    last_col = max(c for _, c in owner)
    texts = [normalise(cell[4]) for cell in cells]

    def first_filled(positions: Iterable[tuple[int, int]], index: int) -> int | None:
        for position in positions:
            other = owner.get(position)
            if other is not None and other != index and texts[other]:
                return other
        return None

    relations: Counter[Relation] = Counter()
    for index, (r0, c0, r1, c1, _) in enumerate(cells):
        if not texts[index]:
            continue
        right = {first_filled(((r, c) for c in range(c1 + 1, last_col + 1)), index) for r in range(r0, r1 + 1)}
        below = {first_filled(((r, c) for r in range(r1 + 1, last_row + 1)), index) for c in range(c0, c1 + 1)}
        for kind, neighbours in (("h", right), ("v", below)):
            for other in neighbours - {None}:
                relations[(kind, texts[index], texts[other])] += 1
    return relations


# -- ground truth --------------------------------------------------------------------------------

def page_heights(pdf: Path) -> list[float]:
    """Each page's height in points (to turn the ground truth's bottom-up y into top-down)."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        return [document[index].get_size()[1] for index in range(len(document))]
    finally:
        document.close()


def xml_box(element: ElementTree.Element, height: float) -> BBox:
    """A <bounding-box x1 y1 x2 y2> (y bottom-up) as (x0, top, x1, bottom) from the page's top. A
    number with a stray character after it (us-018 has x1='26ß') is read up to that character."""
    x1, y1, x2, y2 = (_number(element.get(key, "0")) for key in ("x1", "y1", "x2", "y2"))
    return (x1, height - y2, x2, height - y1)


def _number(text: str) -> float:
    found = re.match(r"\s*-?\d+(?:\.\d*)?", text)
    return float(found.group()) if found else 0.0


def region_boxes(reg_xml: Path, heights: list[float]) -> dict[tuple[str, int], list[BBox]]:
    """The region file's boxes by (table id, page), in the file's order."""
    boxes: dict[tuple[str, int], list[BBox]] = {}
    for table in ElementTree.parse(reg_xml).getroot().iter("table"):
        for region in table.iter("region"):
            page = int(region.get("page", 1))
            boxes.setdefault((table.get("id", ""), page), []).append(
                xml_box(region.find("bounding-box"), heights[page - 1]))
    return boxes


def load_ground_truth(pdf: Path) -> list[TruthTable]:
    """The ground-truth tables of `pdf` (from X-str.xml and X-reg.xml beside it), one per region.

    A region's box comes from the region file (the k-th structure region of a table on a page takes
    the k-th region box of that table on that page), or else from the union of its cells' boxes."""
    stem = pdf.with_suffix("")
    heights = page_heights(pdf)
    boxes = region_boxes(Path(f"{stem}-reg.xml"), heights)
    tables: list[TruthTable] = []
    for table in ElementTree.parse(f"{stem}-str.xml").getroot().iter("table"):
        seen: Counter[int] = Counter()
        for region in table.iter("region"):
            page = int(region.get("page", 1))
            cells: list[SpanCell] = []
            for cell in region.iter("cell"):
                r0, c0 = int(cell.get("start-row", 0)), int(cell.get("start-col", 0))
                r1, c1 = int(cell.get("end-row", r0)), int(cell.get("end-col", c0))
                cells.append((r0, c0, r1, c1, cell.findtext("content") or ""))
            candidates = boxes.get((table.get("id", ""), page), [])
            cell_boxes = [xml_box(box, heights[page - 1]) for box in region.iterfind("cell/bounding-box")]
            if candidates:
                bbox = candidates[min(seen[page], len(candidates) - 1)]
            elif cell_boxes:
                bbox = union(cell_boxes)
            else:
                continue
            seen[page] += 1
            tables.append(TruthTable(page, bbox, span_relations(cells)))
    return tables


def union(boxes: list[BBox]) -> BBox:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


# -- matching and scoring ------------------------------------------------------------------------

def coverage(truth: BBox, predicted: BBox) -> float:
    """The share of the ground-truth box's area that the predicted box covers."""
    width = min(truth[2], predicted[2]) - max(truth[0], predicted[0])
    height = min(truth[3], predicted[3]) - max(truth[1], predicted[1])
    area = max((truth[2] - truth[0]) * (truth[3] - truth[1]), 1e-6)
    return max(width, 0.0) * max(height, 0.0) / area


def match(truth: TruthTable, predicted: list[Predicted]) -> int | None:
    """The index of the predicted table on the truth's page covering most of it (at least
    MIN_COVERAGE), or None. Of tables covering equal shares the later one wins, as in the
    reference scorer (it only matters for nested or repeated predictions)."""
    best: tuple[float, int] | None = None
    for index, table in enumerate(predicted):
        if table.page != truth.page:
            continue
        share = coverage(truth.bbox, table.bbox)
        if share >= MIN_COVERAGE and (best is None or share >= best[0]):
            best = (share, index)
    return None if best is None else best[1]


def score_document(truths: list[TruthTable], predicted: list[Predicted]) -> Counts:
    """One PDF's counts. A predicted table matched by several truths counts its relations once in
    precision (structure), but may supply relations to each of them."""
    counts = Counts(tables_gt=len(truths), predicted_relations=sum(sum(t.relations.values()) for t in predicted))
    used: set[int] = set()
    for truth in truths:
        counts.gt_relations += sum(truth.relations.values())
        index = match(truth, predicted)
        if index is None:
            continue
        counts.tables_found += 1
        if index not in used:
            used.add(index)
            counts.matched_relations += sum(predicted[index].relations.values())
        counts.found_relations += sum((truth.relations & predicted[index].relations).values())
    return counts


def f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def scores(counts: Counts, seconds: float, failed: list[str] | None = None) -> Scores:
    """Recall, precisions and F1s from summed counts."""
    recall = counts.found_relations / counts.gt_relations if counts.gt_relations else 0.0
    structure = counts.found_relations / counts.matched_relations if counts.matched_relations else 0.0
    complete = counts.found_relations / counts.predicted_relations if counts.predicted_relations else 0.0
    return Scores(counts.tables_found, counts.tables_gt, round(recall, 4), round(structure, 4),
                  round(f1(structure, recall), 4), round(complete, 4), round(f1(complete, recall), 4),
                  round(seconds, 1), failed or [])


# -- systems -------------------------------------------------------------------------------------
# Each reads one PDF and returns its tables as (page, bbox top-left origin, rows of cell texts).

RawTable = tuple[int, BBox, list[list[str]]]


def project_tables(pdf: Path) -> list[RawTable]:
    """The project's table layer, in process; a table continued over pages gives one entry a page."""
    with PdfDocument(pdf) as document:
        tables = document_tables(document)
    out: list[RawTable] = []
    for table in tables:
        for part in table.parts or []:
            out.append((part.page, tuple(part.bbox), [row.texts for row in part.rows]))
        if not table.parts:
            out.append((table.page, tuple(table.bbox), table.grid()))
    return out


def camelot_tables(flavor: str) -> Callable[[Path], list[RawTable]]:
    """Camelot on every page with the given flavor ('lattice' or 'stream'), its boxes turned top-down."""

    def run(pdf: Path) -> list[RawTable]:
        import camelot

        heights = page_heights(pdf)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no tables found on page N" and the like
            tables = camelot.read_pdf(str(pdf), pages="all", flavor=flavor)
        out: list[RawTable] = []
        for table in tables:
            page = int(table.page)
            x1, y1, x2, y2 = table._bbox  # PDF space, y bottom-up
            height = heights[page - 1]
            out.append((page, (x1, height - y2, x2, height - y1), table.df.values.tolist()))
        return out

    return run


def pdfplumber_tables(strategy: str) -> Callable[[Path], list[RawTable]]:
    """pdfplumber's find_tables on every page: default settings ('lines') or text alignment ('text')."""
    settings = {} if strategy == "lines" else {"vertical_strategy": "text", "horizontal_strategy": "text"}

    def run(pdf: Path) -> list[RawTable]:
        import pdfplumber

        out: list[RawTable] = []
        with pdfplumber.open(str(pdf)) as document:
            for number, page in enumerate(document.pages, 1):
                for table in page.find_tables(settings):
                    rows = [[text or "" for text in row] for row in table.extract()]
                    out.append((number, tuple(table.bbox), rows))
                page.close()
        return out

    return run


SYSTEMS: dict[str, Callable[[Path], list[RawTable]]] = {
    PROJECT_NAME: project_tables,
    "camelot-lattice": camelot_tables("lattice"),
    "camelot-stream": camelot_tables("stream"),
    "pdfplumber-lines": pdfplumber_tables("lines"),
    "pdfplumber-text": pdfplumber_tables("text"),
}


def predicted(raw: list[RawTable]) -> list[Predicted]:
    """A system's tables with their relations."""
    return [Predicted(page, bbox, grid_relations(rows)) for page, bbox, rows in raw]


# -- running -------------------------------------------------------------------------------------

@dataclass
class DocumentResult:
    """One system's counts on one PDF."""

    name: str
    counts: Counts
    tables_predicted: int

    def row(self) -> dict[str, object]:
        c = self.counts
        recall = c.found_relations / c.gt_relations if c.gt_relations else 0.0
        complete = c.found_relations / c.predicted_relations if c.predicted_relations else 0.0
        return {"pdf": self.name, "tables_found": c.tables_found, "tables_gt": c.tables_gt,
                "tables_predicted": self.tables_predicted, "gt_relations": c.gt_relations,
                "found_relations": c.found_relations, "predicted_relations": c.predicted_relations,
                "recall": round(recall, 4), "precision_complete": round(complete, 4),
                "f1_complete": round(f1(complete, recall), 4)}


def evaluate(name: str, system: Callable[[Path], list[RawTable]], pdfs: list[Path],
             truths: dict[Path, list[TruthTable]]) -> tuple[Scores, list[DocumentResult]]:
    """Run one system on every PDF and score it. `seconds` is the system's own time (ground truth is
    loaded once beforehand); a PDF it raises on scores as no tables found, logged in one line."""
    total = Counts()
    documents: list[DocumentResult] = []
    failed: list[str] = []
    seconds = 0.0
    for pdf in pdfs:
        started = time.perf_counter()
        try:
            raw = system(pdf)
        except Exception as exc:  # noqa: BLE001  (any library error costs that PDF only)
            message = " ".join(str(exc).split())[:160]
            print(f"{name} failed on {pdf.name}: {type(exc).__name__}: {message}", file=sys.stderr)
            failed.append(pdf.name)
            raw = []
        seconds += time.perf_counter() - started
        tables = predicted(raw)
        counts = score_document(truths[pdf], tables)
        total.add(counts)
        documents.append(DocumentResult(pdf.stem, counts, len(tables)))
    return scores(total, seconds, failed), documents


HEADER = (f"{'system':18s} {'tables':>9s} {'recall':>7s} {'P(str)':>7s} {'F1(str)':>8s} "
          f"{'P(all)':>7s} {'F1(all)':>8s} {'seconds':>8s}")


def score_line(name: str, s: Scores) -> str:
    tables = f"{s.tables_found}/{s.tables_gt}"
    return (f"{name:18s} {tables:>9s} {s.recall:7.3f} {s.precision_structure:7.3f} {s.f1_structure:8.3f} "
            f"{s.precision_complete:7.3f} {s.f1_complete:8.3f} {s.seconds:8.1f}")


def print_per_doc(documents: list[DocumentResult]) -> None:
    """The project's numbers per PDF, weakest F1 (complete) first, then most relations lost."""
    rows = sorted((document.row() for document in documents),
                  key=lambda r: (r["f1_complete"], -(r["gt_relations"] - r["found_relations"])))
    print(f"\n{PROJECT_NAME} per PDF, weakest first: tables found/gt (predicted), relations found/gt/predicted")
    print(f"{'pdf':10s} {'tables':>7s} {'pred':>5s} {'found':>6s} {'gt':>6s} {'pred':>6s} "
          f"{'recall':>7s} {'P(all)':>7s} {'F1(all)':>8s}")
    for r in rows:
        tables = f"{r['tables_found']}/{r['tables_gt']}"
        print(f"{r['pdf']:10s} {tables:>7s} {r['tables_predicted']:>5d} {r['found_relations']:>6d} "
              f"{r['gt_relations']:>6d} {r['predicted_relations']:>6d} {r['recall']:7.3f} "
              f"{r['precision_complete']:7.3f} {r['f1_complete']:8.3f}")


def chosen_systems(only: str | None) -> list[str]:
    """The systems to run: all of them, or those --only names (the project always, unless --only names a
    subset without it)."""
    if only is None:
        return list(SYSTEMS)
    names = [name.strip() for name in only.split(",") if name.strip()]
    unknown = [name for name in names if name not in SYSTEMS]
    if unknown:
        sys.exit(f"unknown system(s) {', '.join(unknown)}: choose from {', '.join(SYSTEMS)}")
    return [name for name in SYSTEMS if name in names]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=None,
                        help=f"comma list of systems to run (default all: {', '.join(SYSTEMS)})")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT", help="write the numbers to OUT as JSON")
    parser.add_argument("--per-doc", action="store_true", help=f"print the {PROJECT_NAME}'s numbers for each PDF")
    parser.add_argument("--data", type=Path, default=DATA, help="the icdar2013 folder (default %(default)s)")
    args = parser.parse_args()
    names = chosen_systems(args.only)
    pdfs = sorted(args.data.glob("competition-dataset-*/*.pdf"))
    if not pdfs:
        print(f"ICDAR 2013 data not found in {args.data} (optional: it lives in ../shared/realdocs); "
              "nothing to benchmark")
        return
    truths = {pdf: load_ground_truth(pdf) for pdf in pdfs}
    tables = sum(len(found) for found in truths.values())
    print(f"ICDAR 2013 Table Competition, complete process: {len(pdfs)} PDFs, {tables} ground-truth tables")
    print(HEADER, flush=True)
    results: dict[str, Scores] = {}
    per_doc: list[DocumentResult] = []
    for name in names:
        results[name], documents = evaluate(name, SYSTEMS[name], pdfs, truths)
        if name == PROJECT_NAME:
            per_doc = documents
        print(score_line(name, results[name]), flush=True)
    print("tables: ground-truth tables matched; P/F1(str): matched tables only; P/F1(all): every table found; "
          "seconds: extraction only")
    if args.per_doc and per_doc:
        print_per_doc(per_doc)
    if args.json:
        report = {"data": str(args.data), "pdfs": len(pdfs), "systems": {k: asdict(v) for k, v in results.items()}}
        if per_doc:
            report["per_doc"] = [document.row() for document in per_doc]
        args.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
