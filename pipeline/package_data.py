"""The data files shipped inside the package, read with importlib.resources so that they are found
however council-tables is installed (a wheel, an editable install, a checkout).

pipeline/schema.sql is a symbolic link to the schema.sql at the project's root, where users read it:
one file, which building the wheel copies in (tests/test_wheel.py checks that it does).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from importlib import resources
from pathlib import Path


def schema_text() -> str:
    return resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")


def alias_seed() -> AbstractContextManager[Path]:
    """pipeline/data/aliases.csv as a file path, for as long as the context lasts."""
    return resources.as_file(resources.files(__package__).joinpath("data", "aliases.csv"))
