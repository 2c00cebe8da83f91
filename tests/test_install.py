"""As a user installs it: the built wheel in a fresh virtual environment, the console command run from
another folder; the GitHub Action and the README's workflow run step by step in a scratch repository;
the pre-commit hook's command on good and bad PDFs. Slow (a wheel, a venv, pip): -m 'not slow' skips them."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow


def run(command: list[str], cwd: Path, bin_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """A command as a shell or CI runner would run it: the venv's bin/ first on PATH."""
    environment = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", **env}
    environment.pop("PYTHONPATH", None)
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True)


def test_the_wheel_holds_the_schema_and_the_alias_seed(built_wheel: Path, project: Path) -> None:
    with zipfile.ZipFile(built_wheel) as wheel:
        names = set(wheel.namelist())
        assert {"pipeline/schema.sql", "pipeline/data/aliases.csv", "pipeline/cli.py", "pipeline/__main__.py"} <= names
        assert any(name.startswith("pipeline/review/templates/") for name in names)
        assert any(name.startswith("pipeline/review/static/") for name in names)
        # the one schema.sql, copied in from the root (pipeline/schema.sql is a link to it)
        assert wheel.read("pipeline/schema.sql") == (project / "schema.sql").read_bytes()
        entry_points = wheel.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "council-tables = pipeline.cli:main" in entry_points
    assert (project / "pipeline" / "schema.sql").resolve() == (project / "schema.sql").resolve()


def test_installed_command_works_from_any_folder(installed_venv: Path, raw_docs: Path, tmp_path: Path) -> None:
    version = run(["council-tables", "--version"], tmp_path, installed_venv)
    assert version.returncode == 0 and version.stdout.startswith("council-tables ")
    located = run(["python", "-c", "import pipeline; print(pipeline.__file__)"], tmp_path, installed_venv)
    assert str(installed_venv.parent) in located.stdout  # the wheel's copy, not the checkout
    ingest = run(["council-tables", "ingest", str(raw_docs), "--db", "x.db", "-q"], tmp_path, installed_venv)
    assert ingest.returncode == 0, ingest.stderr
    validate = run(["council-tables", "validate", "--db", "x.db"], tmp_path, installed_venv)
    assert validate.returncode == 1 and "duplicate_partner" in validate.stdout, validate.stderr
    assert (tmp_path / "extracted" / "wiltshire-cabinet-2023-03-14-csp-funding.json").is_file()
    python_m = run(["python", "-m", "pipeline", "checks"], tmp_path, installed_venv)
    assert python_m.returncode == 0 and "duplicate_partner" in python_m.stdout
    review = run(["council-tables", "report", "-o", "review", "--db", "x.db"], tmp_path, installed_venv)
    assert review.returncode == 0, review.stderr  # its templates and styles came with the wheel
    assert "duplicate_partner" in (tmp_path / "review" / "index.html").read_text()


@pytest.fixture
def scratch_repo(tmp_path: Path, raw_docs: Path) -> Path:
    """A repository with two council PDFs in docs/: one clean, one with a duplicated partner."""
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    for name in ("dorset-cabinet-2021-09-07-pdscp.pdf", "bcp-cabinet-2024-07-17-partnership-review.pdf"):
        shutil.copy(raw_docs / name, repo / "docs" / name)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    return repo


def action_steps(action: dict, inputs: dict[str, str], action_path: Path) -> list[tuple[str, dict[str, str]]]:
    """Each step's script and environment, the ${{ }} expressions worked out as the runner does."""
    values = {f"inputs.{name}": str(inputs.get(name, spec.get("default", "")))
              for name, spec in action["inputs"].items()}
    values["github.action_path"] = str(action_path)

    def evaluate(text: str) -> str:
        return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda match: values[match[1]], text)

    assert action["runs"]["using"] == "composite"
    return [(step["run"], {key: evaluate(str(value)) for key, value in step.get("env", {}).items()})
            for step in action["runs"]["steps"]]


def run_action(action_path: Path, inputs: dict[str, str], repo: Path,
               bin_dir: Path) -> list[subprocess.CompletedProcess]:
    """The action's steps, as the runner runs them from its checkout of the action (`action_path`)."""
    action = yaml.safe_load((action_path / "action.yml").read_text())
    summary = repo.parent / "step-summary.md"
    done = []
    for script, env in action_steps(action, inputs, action_path):
        assert "${{" not in script  # inputs reach scripts only through env
        done.append(run(["bash", "-e", "-c", script], repo, bin_dir, **env, GITHUB_WORKSPACE=str(repo),
                        GITHUB_STEP_SUMMARY=str(summary), RUNNER_TEMP=str(repo.parent)))
        if done[-1].returncode != 0:
            break
    return done


def test_the_readme_workflow_runs_in_a_scratch_repository(project: Path, project_copy: Path, scratch_repo: Path,
                                                          installed_venv: Path) -> None:
    readme = (project / "README.md").read_text()
    workflow = yaml.safe_load(re.search(r"```yaml\n(# \.github/workflows/.*?)```", readme, re.DOTALL)[1])
    [job] = workflow["jobs"].values()
    uploaded = False
    for step in job["steps"]:
        uses = step.get("uses", "")
        if uses.startswith(("actions/checkout@", "actions/setup-python@")):
            continue  # the scratch repository is checked out; the venv's python is first on PATH
        if uses.endswith("/council-tables@main"):
            steps = run_action(project_copy, step.get("with", {}), scratch_repo, installed_venv)
            assert [s.returncode for s in steps] == [0, 1], steps[-1].stderr  # installed; an error found
            annotations = steps[-1].stdout
            assert ("::error file=docs/bcp-cabinet-2024-07-17-partnership-review.pdf,title=duplicate_partner::"
                    in annotations)
            assert "| error | `duplicate_partner` |" in (scratch_repo.parent / "step-summary.md").read_text()
        elif uses.startswith("github/codeql-action/upload-sarif@"):
            assert step.get("if") == "always()"  # the report is uploaded when the job fails on findings too
            sarif = yaml.safe_load((scratch_repo / step["with"]["sarif_file"]).read_text())
            uploaded = sarif["version"] == "2.1.0" and bool(sarif["runs"][0]["results"])
        else:
            pytest.fail(f"the README's workflow has a step this test does not know: {step}")
    assert uploaded


def test_the_action_fails_on_unreadable_pdfs_and_passes_clean_ones(project_copy: Path, scratch_repo: Path,
                                                                   installed_venv: Path) -> None:
    clean_pdf = {"paths": "docs/dorset-cabinet-2021-09-07-pdscp.pdf"}
    clean = run_action(project_copy, clean_pdf, scratch_repo, installed_venv)
    assert [s.returncode for s in clean] == [0, 0], clean[-1].stderr
    (scratch_repo / "docs" / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    broken = run_action(project_copy, {"paths": "docs", "fail-on": "never"}, scratch_repo, installed_venv)
    assert broken[-1].returncode == 3 and "broken.pdf" in broken[-1].stderr
    nothing = run_action(project_copy, {"paths": "no-such-folder"}, scratch_repo, installed_venv)
    assert nothing[-1].returncode == 2


def test_the_pre_commit_hook_stops_a_commit_with_errors(project: Path, scratch_repo: Path,
                                                        installed_venv: Path) -> None:
    [hook] = yaml.safe_load((project / ".pre-commit-hooks.yaml").read_text())
    assert hook["language"] == "python" and hook["types"] == ["pdf"]
    command = shlex.split(hook["entry"])
    good, bad = "docs/dorset-cabinet-2021-09-07-pdscp.pdf", "docs/bcp-cabinet-2024-07-17-partnership-review.pdf"
    passed = run([*command, good], scratch_repo, installed_venv)
    assert passed.returncode == 0, passed.stderr
    stopped = run([*command, good, bad], scratch_repo, installed_venv)
    assert stopped.returncode == 1 and "duplicate_partner: docs/bcp-cabinet" in stopped.stderr
    assert sorted(p.name for p in scratch_repo.iterdir()) == [".git", "docs"]  # nothing written into the repository
