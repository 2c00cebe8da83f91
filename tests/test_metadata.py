from typer.testing import CliRunner

from cli import app
from pipeline import db
from pipeline.metadata import datasette_metadata


def test_every_table_and_view_is_described(tmp_path) -> None:
    tables = datasette_metadata()["databases"]["council"]["tables"]
    engine = db.connect(str(tmp_path / "m.db"))
    with engine.connect() as connection:
        names = [row[0] for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'search_index_%'")]
    assert set(names) <= set(tables)
    assert all(tables[name]["description"] for name in names)
    assert "pence" in tables["contributions"]["columns"]["amount_pence"]


def test_metadata_command_prints_json() -> None:
    result = CliRunner().invoke(app, ["metadata", "--name", "research"])
    assert result.exit_code == 0 and '"research"' in result.stdout
