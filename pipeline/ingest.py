"""Batch ingest: find PDFs, extract each (in worker processes), store each in one transaction.

Workers only extract; the parent process alone writes to the database, so SQLite never sees
two writers from one batch, and a document is either stored whole or not at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from . import db
from .extract import extract_pdf
from .model import Extraction
from .pdf import PdfError


@dataclass
class FileOutcome:
    path: Path
    status: str  # "stored", "unchanged" (same bytes seen before), "superseded" (older version) or "failed"
    extraction: Extraction | None = None
    error: str | None = None


@dataclass
class IngestSummary:
    outcomes: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(outcome.status == status for outcome in self.outcomes)

    @property
    def failures(self) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]

    @property
    def extractions(self) -> list[Extraction]:
        return [outcome.extraction for outcome in self.outcomes if outcome.extraction]

    @property
    def pages(self) -> int:
        return sum(extraction.page_count for extraction in self.extractions)

    def rows(self) -> dict[str, int]:
        found = self.extractions
        return {
            "agenda_items": sum(len(e.agenda_items) for e in found),
            "contributions": sum(len(t.rows) for e in found for t in e.contribution_tables),
            "forward_plan_decisions": sum(len(e.decisions) for e in found),
        }

    def findings(self) -> dict[str, int]:
        issues = [issue for e in self.extractions for issue in e.issues]
        return {severity: sum(i.severity == severity for i in issues) for severity in ("error", "warning")}


def find_pdfs(paths: Iterable[Path | str]) -> list[Path]:
    """PDF files named directly, and every *.pdf under folders (recursively), in a stable order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() == ".pdf" and p.is_file()))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def file_sha256(path: Path) -> str | None:
    try:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


def _extract_one(path: Path, password: str | None) -> tuple[Extraction | None, str | None]:
    """Runs in a worker: the extraction, or a one-line reason why the file cannot be read."""
    try:
        return extract_pdf(path, password=password), None
    except PdfError as error:
        return None, str(error)
    except Exception as error:  # a damaged PDF can break the parsers in many ways
        return None, f"{path.name}: cannot be read ({type(error).__name__}: {str(error)[:120]})"


def ingest(
    paths: Iterable[Path | str],
    engine: Engine,
    *,
    workers: int = 1,
    password: str | None = None,
    extracted_dir: Path | None = None,
    on_outcome: Callable[[FileOutcome], None] | None = None,
) -> IngestSummary:
    """Extract, validate and store every PDF under `paths`; already-stored files are skipped by hash."""
    started = time.perf_counter()
    summary = IngestSummary()
    pending = []
    for path in find_pdfs(paths):
        sha = file_sha256(path)
        if sha is not None and db.is_stored(engine, sha):
            _report(summary, FileOutcome(path, "unchanged"), on_outcome)
        else:
            pending.append(path)
    for path, (extraction, error) in _extract_all(pending, workers, password):
        _report(summary, _store(engine, path, extraction, error, extracted_dir), on_outcome)
    summary.seconds = time.perf_counter() - started
    return summary


def _report(summary: IngestSummary, outcome: FileOutcome, on_outcome: Callable | None) -> None:
    summary.outcomes.append(outcome)
    if on_outcome:
        on_outcome(outcome)


def _extract_all(paths: list[Path], workers: int, password: str | None) -> Iterator[tuple[Path, tuple]]:
    if workers <= 1 or len(paths) <= 1:
        for path in paths:
            yield path, _extract_one(path, password)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures: list[tuple[Path, Future]] = [(path, pool.submit(_extract_one, path, password)) for path in paths]
        for done, (path, future) in enumerate(futures):
            try:
                result = future.result()
            except BrokenProcessPool:
                # A worker died (a parser crashed in C, or memory ran out) and took the pool down
                # with it: we cannot tell which file did it, so each unfinished one is retried alone.
                unfinished = [path for path, _ in futures[done:]]
                break
            yield path, result
        else:
            return
    for path in unfinished:
        yield path, _extract_isolated(path, password)


def _extract_isolated(path: Path, password: str | None) -> tuple[Extraction | None, str | None]:
    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(_extract_one, path, password).result()
        except BrokenProcessPool:
            return None, f"{path.name}: the process reading it crashed"


def _store(engine: Engine, path: Path, extraction: Extraction | None, error: str | None,
           extracted_dir: Path | None) -> FileOutcome:
    if extraction is None:
        return FileOutcome(path, "failed", error=error)
    try:
        result = db.store(engine, extraction, source_path=str(path))
    except Exception as exc:  # the transaction was rolled back: nothing of this file is stored
        reason = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
        return FileOutcome(path, "failed", error=f"{path.name}: not stored ({reason})")
    if extracted_dir is not None:
        write_contract_json(extraction, extracted_dir)
    return FileOutcome(path, result.status, extraction)


def write_contract_json(extraction: Extraction, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / (Path(extraction.file).stem + ".json")
    target.write_text(json.dumps(extraction.to_contract(), indent=2, ensure_ascii=False) + "\n")
    return target


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)
