"""Shared fixtures: the project's samples, ../shared (optional), databases, sample PDFs and a fresh
virtual environment with the built wheel installed. Test modules use these as fixtures; nothing is
imported from this file or from another test module."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pdfgen import Grid, Text, write_pdf

from pipeline.model import Extraction, ForwardPlan, ForwardPlanDecision, Meeting

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
PG_ENV = "COUNCIL_TABLES_TEST_PG"


@pytest.fixture
def project() -> Path:
    """The project's root folder (where pyproject.toml, schema.sql and raw_docs/ are)."""
    return PROJECT


@pytest.fixture
def raw_docs() -> Path:
    """raw_docs/: the sample council PDFs (scripts/make_samples.py)."""
    return PROJECT / "raw_docs"


@pytest.fixture
def shared() -> Path:
    """The ../shared folder (corpus and real documents), or skip when this checkout has none."""
    if not (SHARED / "corpus" / "docs").is_dir():
        pytest.skip("../shared is not present beside this checkout")
    return SHARED


def raw_doc(name: str) -> Path:
    """A sample by name, for the fixtures below (which are how tests reach one)."""
    path = PROJECT / "raw_docs" / name
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


@pytest.fixture
def contributions_pdf() -> Callable[..., Path]:
    """Writes a one-page Cabinet report whose contributions table has a Total row:
    contributions_pdf(path, rows=[("BCP Council", "£60,000"), ...], total="£100,000")."""

    def write(path: Path, rows: list[tuple[str, ...]], total: str, period: str = "2020/21") -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        header = ("Partner", "Contribution", "Share")[: len(rows[0])]
        return write_pdf(path, [
            Text(["Dorset Council", "Cabinet", "7 September 2021", f"Partner contributions {period}:"]),
            Grid([header, *rows, ("Total", total, "")[: len(rows[0])]]),
        ])

    return write


@pytest.fixture
def duplicate_partner_pdf() -> Callable[[Path], Path]:
    """Writes a dash list of contributions that names 'Dorset Police' twice (a duplicate_partner error)."""

    def write(path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        return write_pdf(path, [
            Text(["The contributions for 2023/24 were as follows:", "- BCP Council - £75,785",
                  "- Dorset Police - £75,785", "- Dorset Police - £75,785", "- Total - £227,355"]),
        ])

    return write


@pytest.fixture
def sample_docs(tmp_path: Path, contributions_pdf: Callable[..., Path],
                duplicate_partner_pdf: Callable[[Path], Path]) -> Path:
    """docs/clean.pdf (a clean contributions table, 60/40) and docs/nested/duplicate.pdf (one error)."""
    folder = tmp_path / "docs"
    contributions_pdf(folder / "clean.pdf", [("BCP Council", "£60,000", "60%"), ("Dorset Police", "£40,000", "40%")],
                      "£100,000")
    duplicate_partner_pdf(folder / "nested" / "duplicate.pdf")
    return folder


@pytest.fixture
def plan_extraction() -> Callable[[str, str, str, str], Extraction]:
    """An Extraction of a Dorset Cabinet forward plan published on a date, listing one subject (due on a
    date) and the Youth Justice Plan: plan_extraction(sha256, published, subject, due)."""

    def make(sha: str, published: str, subject: str, due: str) -> Extraction:
        decision = ForwardPlanDecision(subject=subject, page=2, decision_maker="Cabinet", decision_date=due)
        plan = ForwardPlan(council="Dorset Council", title="Cabinet Forward Plan", published=published,
                           decisions=[decision, ForwardPlanDecision(subject="Youth Justice Plan", page=3,
                                                                    decision_maker="Dorset Council",
                                                                    decision_date="2022-07-14")])
        return Extraction(file=f"plan-{published}.pdf", sha256=sha, page_count=4,
                          meeting=Meeting("Dorset Council", "Cabinet", published), forward_plans=[plan])

    return make


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a SQLite file, or the PostgreSQL server named by $COUNCIL_TABLES_TEST_PG."""
    if request.param == "sqlite":
        return str(tmp_path / "council.db")
    return _empty_postgres()


def _empty_postgres() -> str:
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


# What each kind of login made by `login_as` may do in the test database's public schema.
PG_GRANTS = {
    "reader": ["GRANT USAGE ON SCHEMA public TO {role}", "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"],
    "owner": ["GRANT USAGE, CREATE ON SCHEMA public TO {role}"],
}


@pytest.fixture
def login_as(database_url: str) -> Callable[[str], str]:
    """The URL of the test database as a login that is not a superuser: login_as("reader") may only read the
    tables there now (SELECT, as the README's council_reader), login_as("owner") may create tables and so
    own them. On SQLite, which has no logins, the database's path as it is."""

    def login(kind: str) -> str:
        if database_url.endswith(".db"):
            return database_url
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        role = f"council_test_{kind}"
        engine = create_engine(database_url)
        try:
            with engine.begin() as connection:
                # two test runs may make the role at once: the loser's error is no failure
                connection.execute(text(f"DO $$ BEGIN CREATE ROLE {role} LOGIN PASSWORD 'test'; EXCEPTION WHEN "
                                        "duplicate_object OR unique_violation THEN NULL; END $$"))
                for grant in PG_GRANTS[kind]:
                    connection.execute(text(grant.format(role=role)))
        finally:
            engine.dispose()
        return make_url(database_url).set(username=role, password="test").render_as_string(hide_password=False)

    return login


@pytest.fixture(scope="session")
def project_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's files in a scratch folder (links kept as links), as a fresh clone has them: building
    there leaves no build/ in the checkout, and no stale build/ from an earlier build gets into a wheel."""
    import shutil

    copy = tmp_path_factory.mktemp("project") / "council-tables"
    shutil.copytree(PROJECT, copy, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "extracted", "raw_docs", "*.db"))
    return copy


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory: pytest.TempPathFactory, project_copy: Path) -> Path:
    """The project built into a wheel, as `pip install .` builds it."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(project_copy)],
                   check=True, capture_output=True)
    [wheel] = folder.glob("council_tables-*.whl")
    return wheel


@pytest.fixture(scope="session")
def installed_venv(tmp_path_factory: pytest.TempPathFactory, built_wheel: Path) -> Path:
    """A fresh virtual environment (no system packages) with the wheel and its declared dependencies
    installed by pip, as a user gets it; its bin/ folder is returned."""
    home = tmp_path_factory.mktemp("venv")
    venv.create(home, with_pip=True, clear=True)
    bin_dir = home / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(built_wheel)], check=True,
                   capture_output=True, env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    return bin_dir


# The review report (pipeline.review) and the real browser that checks it.
if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def samples_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite database holding every sample in raw_docs/, ingested by their absolute paths (so that the
    review report finds the PDFs from wherever it is written)."""
    from pipeline import db
    from pipeline.ingest import ingest

    path = tmp_path_factory.mktemp("samples") / "council.db"
    ingest([PROJECT / "raw_docs"], db.connect(str(path)))
    return str(path)


@pytest.fixture(scope="session")
def samples_findings(samples_database: str) -> list[tuple[str, str, str, str]]:
    """Every finding on the samples as (file name, check, severity, message), read straight from the
    database: those stored with each document, then the checks across documents."""
    from sqlalchemy import create_engine, text

    from pipeline.checks import run_database_checks

    engine = create_engine(f"sqlite:///{samples_database}")
    try:
        with engine.connect() as connection:
            stored = connection.execute(text(
                "SELECT d.file_name, v.check_code, v.severity, v.message FROM validation_issues v "
                "JOIN documents d ON d.id = v.document_id")).all()
            across = [(issue.file_name, issue.check, issue.severity, issue.message)
                      for issue in run_database_checks(connection)]
    finally:
        engine.dispose()
    return [tuple(row) for row in stored] + across


@pytest.fixture(scope="session")
def samples_review(tmp_path_factory: pytest.TempPathFactory, samples_database: str) -> Path:
    """The review report of raw_docs/, written once: the path of its index.html."""
    from pipeline.review import write_review

    return write_review(samples_database, tmp_path_factory.mktemp("review") / "review").index


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """Debian's chromium (never a downloaded browser) driven headless by Playwright, with a fresh profile;
    skips with the reason when chromium or Playwright is missing."""
    import shutil

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("no chromium: apt-get install -y chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="no Playwright: pip install -e '.[test]'")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=executable, headless=True,
            args=CHROMIUM_FLAGS)
        yield context
        context.close()


@pytest.fixture
def open_page(chromium: BrowserContext) -> Iterator[Callable[..., Page]]:
    """Opens a file of the report in chromium at a window width, once everything on it has loaded:
    open_page(path, width=1280) gives the Playwright page, whose `.errors` lists every console error,
    uncaught exception and failed request seen while it was open."""
    opened = []

    def open_file(path: Path, width: int = 1280) -> Page:
        page = chromium.new_page()
        page.set_viewport_size({"width": width, "height": 900})
        page.errors = []
        page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("requestfailed", lambda request: page.errors.append(f"{request.url}: {request.failure}"))
        page.goto(path.as_uri(), wait_until="load")
        opened.append(page)
        return page

    yield open_file
    for page in opened:
        page.close()


@pytest.fixture
def build_dir() -> Path:
    """build/ in the project (git ignores it): where tests leave screenshots for a person to look at."""
    folder = PROJECT / "build"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def large_pack(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Path]:
    """large_pack(pages): one PDF of that many pages cycling through the text samples of raw_docs/ (tables,
    forward plans, front sheets, prose), as a long agenda pack; built once per size."""
    import pypdfium2 as pdfium

    folder = tmp_path_factory.mktemp("packs")
    sources = [path for path in sorted((PROJECT / "raw_docs").glob("*.pdf")) if "scanned" not in path.name]

    def build(pages: int) -> Path:
        target = folder / f"pack-{pages}.pdf"
        if not target.exists():
            pack, opened = pdfium.PdfDocument.new(), [pdfium.PdfDocument(source) for source in sources]
            order = [(document, index) for document in opened for index in range(len(document))]
            while len(pack) < pages:
                document, index = order[len(pack) % len(order)]
                pack.import_pages(document, [index])
            pack.save(target)
        return target

    return build
