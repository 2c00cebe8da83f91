"""The findings `validate` reports: those stored with the documents in scope, and the checks across
documents that concern them. A scope is every document, the documents under some paths, or those
of one ingest run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from . import db, runs
from .checks import run_database_checks
from .errors import UsageError
from .model import StoredIssue


@dataclass(frozen=True)
class StoredDocument:
    id: int
    name: str  # its path below the folder given to ingest: what messages call it
    source_path: str | None  # the absolute path it was read from


@dataclass(frozen=True)
class Scope:
    """Which documents to report on: all of them, those under `paths`, or those of one ingest run."""

    paths: tuple[Path, ...] = ()
    batch: str | None = None  # 'last', or an ingest run's id

    def __post_init__(self) -> None:
        if self.batch is not None and self.batch != "last" and not self.batch.isdigit():
            raise UsageError(f"--batch takes 'last' or an ingest run's number, not {self.batch!r}")

    def describe(self) -> str:
        parts = [f"under {', '.join(map(str, self.paths))}"] if self.paths else []
        parts += [f"of ingest run {self.batch}"] if self.batch else []
        return " and ".join(parts) or "in the database"


@dataclass
class Findings:
    documents: list[StoredDocument]
    issues: list[StoredIssue] = field(default_factory=list)
    scope: Scope = field(default_factory=Scope)


def validate(database: str, scope: Scope) -> Findings:
    """The findings on the documents in scope, read without writing (the database must exist).

    Raises UsageError when no document is in scope: a CI job pointed at the wrong database or folder
    must not pass because it found nothing to check."""
    engine = db.read_only_engine(database)
    try:
        with engine.connect() as connection:
            documents = documents_in_scope(connection, scope)
            if not documents:
                raise UsageError(f"no documents {scope.describe()} ({database}): nothing to validate")
            return Findings(documents, issues_of(connection, documents), scope)
    finally:
        engine.dispose()


def batch_findings(engine: Engine, run_id: int) -> Findings:
    """The findings on the documents of one ingest run, those it found already stored included."""
    with engine.connect() as connection:
        documents = documents_in_scope(connection, Scope(batch=str(run_id)))
        return Findings(documents, issues_of(connection, documents), Scope(batch=str(run_id)))


def documents_in_scope(connection: Connection, scope: Scope) -> list[StoredDocument]:
    rows = connection.execute(text("SELECT id, file_name, source_path, sha256 FROM documents ORDER BY file_name, id"))
    documents = [(StoredDocument(row[0], row[1], row[2]), row[3]) for row in rows]
    if scope.batch is not None:
        hashes = _run_hashes(connection, scope.batch)
        documents = [(document, sha) for document, sha in documents if sha in hashes]
    if scope.paths:
        roots = [path.expanduser().resolve() for path in scope.paths]
        documents = [(document, sha) for document, sha in documents if _under(document.source_path, roots)]
    return [document for document, _ in documents]


def _run_hashes(connection: Connection, batch: str) -> set[str]:
    run_id = runs.last_run_id(connection) if batch == "last" else int(batch)
    if run_id is None:
        raise UsageError("no ingest run is recorded in this database: run council-tables ingest first")
    return set(connection.execute(text("SELECT sha256 FROM ingest_run_files WHERE run_id = :id AND sha256 IS NOT NULL"),
                                  {"id": run_id}).scalars())


def _under(source_path: str | None, roots: Sequence[Path]) -> bool:
    if source_path is None:
        return False
    path = Path(source_path)
    return any(path == root or root in path.parents for root in roots)


def issues_of(connection: Connection, documents: Sequence[StoredDocument]) -> list[StoredIssue]:
    """The findings stored with these documents, then the checks across documents that name one of them."""
    ids = {document.id for document in documents}
    names = {document.name for document in documents}
    rows = connection.execute(text(
        "SELECT d.id, d.file_name, v.check_code, v.severity, v.page, v.subject, v.message "
        "FROM validation_issues v JOIN documents d ON d.id = v.document_id "
        "ORDER BY d.file_name, v.page, v.check_code, v.message"
    ))
    stored = [StoredIssue(*row[1:]) for row in rows if row[0] in ids]
    return stored + [issue for issue in run_database_checks(connection) if issue.file_name in names]
