"""datasette metadata and the schema's descriptions come from schema.sql's comments."""

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline import db
from pipeline.cli import app
from pipeline.metadata import datasette_metadata


def test_every_table_and_view_is_described(tmp_path: Path) -> None:
    tables = datasette_metadata()["databases"]["council"]["tables"]
    engine = db.connect(str(tmp_path / "m.db"))
    with engine.connect() as connection:
        names = [row[0] for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'search_index_%'")]
    assert set(names) <= set(tables)
    assert all(tables[name]["description"] for name in names)
    assert "pence" in tables["contributions"]["columns"]["amount_pence"]


def test_metadata_names_the_database_as_datasette_does() -> None:
    for args, name in ((["--db", "data/research.db"], "research"), (["--name", "other"], "other"),
                       ([], "council"), (["--db", "postgresql://u@host/councils"], "councils")):
        result = CliRunner().invoke(app, ["metadata", *args])
        assert result.exit_code == 0 and list(json.loads(result.stdout)["databases"]) == [name]
