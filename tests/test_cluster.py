"""Dask as the engine: a real LocalCluster of two worker processes gives exactly what the local pool gives,
loses nothing when a worker is killed mid-task, and fails only the file that keeps killing its worker."""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")
cloudpickle = pytest.importorskip("cloudpickle")

from pipeline import db  # noqa: E402
from pipeline.cluster import DaskEngine  # noqa: E402
from pipeline.extract import extract_pdf  # noqa: E402
from pipeline.ingest import ingest  # noqa: E402
from pipeline.scheduler import BatchSettings, Scheduler  # noqa: E402
from pipeline.tasks import Source  # noqa: E402

# The plugins below run in the workers, which cannot import this test module: send them by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

TABLES = ("documents", "contribution_tables", "contributions", "agenda_items", "forward_plan_decisions", "tables")


class KillOnce(distributed.WorkerPlugin):
    """Kills its own worker process (SIGKILL) the first time, across restarts, one of its tasks starts."""

    def __init__(self, marker: str, key_part: str):
        self.marker, self.key_part = marker, key_part

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        if finish == "executing" and self.key_part in str(key) and not os.path.exists(self.marker):
            Path(self.marker).write_text("killed")
            os.kill(os.getpid(), signal.SIGKILL)


class KillAlways(distributed.WorkerPlugin):
    """A file that kills its worker every time: any task of it ends the worker process."""

    def __init__(self, name: str):
        self.name = name

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        if finish == "executing" and self.name in str(key):
            os._exit(1)


@pytest.mark.parametrize("corpus", ["raw_docs", "shared"])
def test_a_cluster_ingest_stores_exactly_what_a_local_ingest_stores(corpus: str, request: pytest.FixtureRequest,
                                                                    tmp_path: Path) -> None:
    folder = request.getfixturevalue("raw_docs") if corpus == "raw_docs" else \
        request.getfixturevalue("shared") / "corpus" / "docs"
    runs = {}
    for engine, settings in (("pool", BatchSettings(workers=2)),
                             ("dask", BatchSettings(workers=2, cluster="local", pages_per_task=2))):
        ingest([folder], db.connect(str(tmp_path / f"{engine}.db")), settings=settings,
               extracted_dir=tmp_path / engine)
        runs[engine] = (contents(tmp_path / f"{engine}.db"), json_files(tmp_path / engine))
    assert runs["dask"] == runs["pool"]
    assert runs["pool"][0]["documents"] and len(runs["pool"][1]) == len(list(folder.rglob("*.pdf")))


def test_a_worker_killed_during_a_task_loses_nothing(scrutiny_pack_pdf: Path, tmp_path: Path) -> None:
    engine = DaskEngine("local", 2, 2048, crash_tries=2)
    try:
        engine.client.register_plugin(KillOnce(str(tmp_path / "killed"), "read_page_range"), name="kill-once")
        [found] = Scheduler(engine, BatchSettings(pages_per_task=1)).run([Source("pack.pdf", str(scrutiny_pack_pdf))])
    finally:
        engine.close()
    assert (tmp_path / "killed").exists()  # a worker did die, in the middle of a page-range task
    assert found.error is None
    assert found.extraction.to_contract() == extract_pdf(scrutiny_pack_pdf, name="pack.pdf").to_contract()


def test_a_file_that_kills_its_worker_every_time_fails_and_the_rest_is_stored(raw_docs: Path, tmp_path: Path
                                                                              ) -> None:
    names = ["a.pdf", "b-crash.pdf", "c.pdf"]
    for name, sample in zip(names, sorted(raw_docs.glob("*.pdf"))[:3], strict=True):
        (tmp_path / name).write_bytes(sample.read_bytes())
    engine = DaskEngine("local", 2, 2048, crash_tries=1)
    try:
        engine.client.register_plugin(KillAlways("b-crash"), name="kill-always")
        found = list(Scheduler(engine, BatchSettings(crash_tries=1)).run(
            [Source(name, str(tmp_path / name)) for name in names]))
    finally:
        engine.close()
    outcome = {item.source.name: item.error for item in found}
    assert outcome.pop("b-crash.pdf").startswith("b-crash.pdf: the process reading it crashed 1 times")
    assert outcome == {"a.pdf": None, "c.pdf": None}


def contents(database: Path) -> dict[str, list[tuple]]:
    """Every row of the main tables, without the ids and times that depend on the order of storing."""
    with sqlite3.connect(database) as connection:
        found = {}
        for table in TABLES:
            cursor = connection.execute(f"SELECT * FROM {table}")
            keep = [index for index, column in enumerate(cursor.description)
                    if not (column[0] == "id" or column[0].endswith("_id") or column[0].endswith("_at"))]
            found[table] = sorted((tuple(row[index] for index in keep) for row in cursor), key=repr)
        return found


def json_files(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): path.read_text() for path in sorted(folder.rglob("*.json"))}
