"""Ingest runs: each run of `ingest` and what became of every file it was given (`validate --batch`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, text


@dataclass(frozen=True)
class RunFile:
    """One file of a run: the name the user knows it by, where it was read from, and its bytes' hash."""

    run_id: int
    name: str
    source_path: str
    sha256: str | None  # None when the file could not be read at all


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def start_run(engine: Engine, paths: list[str], version: str) -> int:
    with engine.begin() as connection:
        return connection.execute(
            text("INSERT INTO ingest_runs (started_at, paths, tool_version) VALUES (:at, :paths, :version) "
                 "RETURNING id"),
            {"at": now(), "paths": "\n".join(paths), "version": version},
        ).scalar_one()


def record_file(connection: Connection, run: RunFile, status: str, error: str | None = None) -> None:
    """Within the transaction that stored the document (or found it stored), so that both or neither are kept."""
    connection.execute(
        text("INSERT INTO ingest_run_files (run_id, file_name, source_path, sha256, status, error) "
             "VALUES (:run, :name, :path, :sha, :status, :error)"),
        {"run": run.run_id, "name": run.name, "path": run.source_path, "sha": run.sha256, "status": status,
         "error": error},
    )


def record_outcome(engine: Engine, run: RunFile, status: str, error: str | None = None) -> None:
    with engine.begin() as connection:
        record_file(connection, run, status, error)


def finish_run(engine: Engine, run_id: int) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE ingest_runs SET finished_at = :at WHERE id = :id"), {"at": now(), "id": run_id})


def last_run_id(connection: Connection) -> int | None:
    return connection.execute(text("SELECT max(id) FROM ingest_runs")).scalar()
