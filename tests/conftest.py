"""Shared fixtures: paths to the project's samples and to ../shared (optional)."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
RAW_DOCS = PROJECT / "raw_docs"
SHARED = PROJECT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The ../shared folder (corpus and real documents), or skip when this checkout has none."""
    if not (SHARED / "corpus" / "docs").is_dir():
        pytest.skip("../shared is not present beside this checkout")
    return SHARED


def raw_doc(name: str) -> Path:
    path = RAW_DOCS / name
    assert path.exists(), f"{name} is missing from raw_docs/: run python scripts/make_samples.py"
    return path


@pytest.fixture
def wiltshire_pdf() -> Path:
    """One page, one borderless contributions table: Partner, 2022/23 contribution, Share, and a Total row."""
    return raw_doc("wiltshire-cabinet-2023-03-14-csp-funding.pdf")


@pytest.fixture
def scrutiny_pack_pdf() -> Path:
    """A 16-page pack: ruled tables of indicators (page 6) and contributions (page 7), then a forward plan."""
    return raw_doc("dorset-people-health-scrutiny-2022-05-19-pack.pdf")


@pytest.fixture
def forward_plan_pdf() -> Path:
    """A 5-page forward plan: one ruled table running over page breaks, its header repeated on each page."""
    return raw_doc("dorset-cabinet-forward-plan-2022-05.pdf")


@pytest.fixture
def outturn_pdf() -> Path:
    """A ruled table of figures in £m ('Budget £m'), with bracketed negatives and a Total row."""
    return raw_doc("dorset-cabinet-2022-06-21-outturn.pdf")


PG_ENV = "COUNCIL_TABLES_TEST_PG"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a SQLite file, or the PostgreSQL server named by $COUNCIL_TABLES_TEST_PG."""
    if request.param == "sqlite":
        return str(tmp_path / "council.db")
    return _empty_postgres()


def _empty_postgres() -> str:
    import os

    from sqlalchemy import create_engine, text

    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"no PostgreSQL server: set {PG_ENV} (bash scripts/start_postgres.sh prints one)")
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    except Exception as error:  # noqa: BLE001 - any failure to reach the server means: skip
        pytest.skip(f"PostgreSQL at {PG_ENV} is not reachable: {str(error).splitlines()[0]}")
    finally:
        engine.dispose()
    return url
