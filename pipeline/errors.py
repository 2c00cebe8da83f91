"""The exit codes of every command, and the error that means 'cannot run as asked' (README, 'Exit codes')."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    CLEAN = 0  # done, and no finding at or above --fail-on
    FINDINGS = 1  # findings at or above --fail-on
    USAGE = 2  # bad options, or a configuration that cannot work: no database, no PDFs, a bad URL or SQL
    UNREADABLE_INPUT = 3  # a PDF could not be read (a batch stores all the others first)
    FAILURE = 4  # anything else: a bug, a full disk, a database server lost half-way


class UsageError(Exception):
    """The command cannot do what it was asked, as asked: a read command given a database that does
    not exist, an ingest that finds no PDFs, a database URL or SQL query that cannot be used.

    The message is one line naming the problem; the command exits 2."""
