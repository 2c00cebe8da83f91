"""Validation findings rendered for people (text, markdown) and for CI systems (json, junit, github,
sarif), to standard output or to files, several at once.

Documents are named as in the database (their path below the folder given to ingest); GitHub
annotations and SARIF need the path from the repository's root, which is worked out from where
each document was read relative to $GITHUB_WORKSPACE (or the working directory)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO
from xml.etree import ElementTree as ET

from . import __version__
from .errors import UsageError
from .findings import Findings, Scope, StoredDocument, validate
from .model import StoredIssue
from .terminal import printable

FORMATS = ("text", "json", "junit", "github", "sarif", "markdown")
# The format an --output file is written in when no --format is given, by its suffix.
FORMAT_BY_SUFFIX = {".txt": "text", ".json": "json", ".xml": "junit", ".sarif": "sarif", ".md": "markdown"}
FAIL_ON = ("error", "warning", "never")
SEVERITY_RANK = {"never": 3, "error": 2, "warning": 1, "info": 0}
SEVERITIES = ("error", "warning", "info")


def should_fail(issues: Sequence[StoredIssue], fail_on: str) -> bool:
    """True when any finding is at least as severe as `fail_on` ('error', 'warning' or 'never')."""
    threshold = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK.get(issue.severity, 0) >= threshold for issue in issues)


def failing(issues: Sequence[StoredIssue], fail_on: str) -> list[StoredIssue]:
    """The findings at least as severe as `fail_on`: those that fail a run."""
    return [issue for issue in issues if should_fail([issue], fail_on)]


@dataclass(frozen=True)
class Verdict:
    findings: Findings
    failed: bool  # a finding at or above --fail-on
    log_line: str | None  # the counts, for the log, when every report went to a file


def validate_and_report(database: str, scope: Scope, formats: Sequence[str], output: Path | None, fail_on: str,
                        stdout: TextIO) -> Verdict:
    """`validate`: the findings on the documents in scope, written in every format asked for.

    Raises UsageError, before reading anything, for formats that cannot be written as asked."""
    outputs = plan_outputs(formats, output)
    findings = validate(database, scope)
    write_reports(findings, outputs, stdout)
    to_files = all(target.path is not None for target in outputs)
    return Verdict(findings, should_fail(findings.issues, fail_on), summary_line(findings) if to_files else None)


@dataclass(frozen=True)
class ReportOutput:
    fmt: str
    path: Path | None  # None: standard output


def plan_outputs(formats: Sequence[str], output: Path | None) -> list[ReportOutput]:
    """Where each format goes. A format is 'NAME' or 'NAME:FILE'; those without a file go to --output
    (default: standard output), and only one can. With no format, --output's suffix picks it (else text)."""
    specs = [_parse_format(spec) for spec in formats]
    if not specs:
        specs = [ReportOutput(FORMAT_BY_SUFFIX.get(output.suffix.lower(), "text") if output else "text", None)]
    unplaced = [spec.fmt for spec in specs if spec.path is None]
    if len(unplaced) > 1:
        raise UsageError(f"formats {', '.join(unplaced)} would all go to {output or 'standard output'}: give all "
                         "but one a file of its own, as in --format junit:validation.xml")
    return [ReportOutput(spec.fmt, spec.path or output) for spec in specs]


def _parse_format(spec: str) -> ReportOutput:
    name, _, path = spec.partition(":")
    if name not in FORMATS:
        raise UsageError(f"unknown format {name!r} in --format {spec!r}: use one of {', '.join(FORMATS)}, "
                         "optionally with :FILE")
    if _ and not path:
        raise UsageError(f"--format {spec!r} names no file after the colon")
    return ReportOutput(name, Path(path) if path else None)


def write_reports(findings: Findings, outputs: Sequence[ReportOutput], stdout: TextIO) -> None:
    for output in outputs:
        rendered = render(findings, output.fmt) + "\n"
        if output.path is None:
            stdout.write(rendered)
        else:
            output.path.parent.mkdir(parents=True, exist_ok=True)
            output.path.write_text(rendered, encoding="utf-8")


def render(findings: Findings, fmt: str) -> str:
    renderers = {"text": _text, "json": _json, "junit": _junit, "github": _github, "sarif": _sarif,
                 "markdown": _markdown}
    return renderers[fmt](findings)


def summary_line(findings: Findings) -> str:
    counts = _counts(findings.issues)
    return (f"{len(findings.documents)} documents, {counts['error']} errors, {counts['warning']} warnings, "
            f"{counts['info']} notes")


def _counts(issues: Sequence[StoredIssue]) -> dict[str, int]:
    return {severity: sum(issue.severity == severity for issue in issues) for severity in SEVERITIES}


def _text(findings: Findings) -> str:
    lines = [printable(f"{issue.severity.upper():7s} {issue.check}: {issue.message}", one_line=True)
             for issue in findings.issues]
    return "\n".join([*lines, summary_line(findings)])


def _json(findings: Findings) -> str:
    return json.dumps(
        {"documents": len(findings.documents), **_counts(findings.issues),
         "issues": [{"file": i.file_name, "check": i.check, "severity": i.severity, "page": i.page,
                     "subject": i.subject, "message": i.message} for i in findings.issues]},
        indent=2, ensure_ascii=False,
    )


def _check_codes(issues: Sequence[StoredIssue]) -> list[str]:
    from .checks import all_checks  # the registry imports the extractors: only the reports that list it pay

    return list(dict.fromkeys([*(entry.code for entry in all_checks()), *(issue.check for issue in issues)]))


def _junit(findings: Findings) -> str:
    """One test suite per document, one test case per check: failed when the check found an error."""
    codes = _check_codes(findings.issues)
    root = ET.Element("testsuites", name="council-tables validate")
    for document in dict.fromkeys(document.name for document in findings.documents):
        suite = ET.SubElement(root, "testsuite", name=document, tests=str(len(codes)))
        failed = 0
        for code in codes:
            case = ET.SubElement(suite, "testcase", classname=document, name=code)
            found = [i for i in findings.issues if i.file_name == document and i.check == code]
            for issue in found:
                if issue.severity == "error":
                    ET.SubElement(case, "failure", message=issue.message, type=issue.check).text = issue.message
                else:
                    ET.SubElement(case, "system-out").text = f"{issue.severity}: {issue.message}"
            failed += any(i.severity == "error" for i in found)
        suite.set("failures", str(failed))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)


def repository_paths(documents: Sequence[StoredDocument]) -> dict[str, str]:
    """Each document's path from the repository's root ($GITHUB_WORKSPACE, else the working directory),
    as GitHub needs it to attach an annotation to the file; its name when it lies outside."""
    root = Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd()).resolve()
    paths = {}
    for document in documents:
        source = Path(document.source_path) if document.source_path else None
        inside = source is not None and root in source.parents
        paths[document.name] = source.relative_to(root).as_posix() if inside else document.name
    return paths


def _github(findings: Findings) -> str:
    """GitHub Actions workflow commands: one annotation per finding, on the file it is about."""
    def escape(value: str) -> str:  # the runner's own escapes, then any other control character made visible
        return printable(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))

    def escape_property(value: str) -> str:
        return escape(value).replace(",", "%2C").replace(":", "%3A")

    paths = repository_paths(findings.documents)
    lines = []
    for issue in findings.issues:
        level = {"error": "error", "warning": "warning"}.get(issue.severity, "notice")
        where = escape_property(paths.get(issue.file_name, issue.file_name))
        lines.append(f"::{level} file={where},title={escape_property(issue.check)}::{escape(issue.message)}")
    return "\n".join(lines)


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _sarif(findings: Findings) -> str:
    """SARIF 2.1.0, as GitHub code scanning reads it: one result per finding, located in its file."""
    from .checks import all_checks

    paths = repository_paths(findings.documents)
    rules = [{"id": entry.code, "shortDescription": {"text": entry.description},
              "defaultConfiguration": {"level": _SARIF_LEVEL[entry.severity]}} for entry in all_checks()]
    results = [_sarif_result(issue, paths.get(issue.file_name, issue.file_name)) for issue in findings.issues]
    log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "council-tables", "version": __version__, "rules": rules}},
                     "results": results}]}
    return json.dumps(log, indent=2, ensure_ascii=False)


def _sarif_result(issue: StoredIssue, path: str) -> dict:
    # A PDF has no lines: the page goes in the message and the properties, and the fingerprint lets
    # code scanning tell a finding seen again from a new one.
    fingerprint = hashlib.sha256("|".join(map(str, (path, issue.check, issue.page, issue.subject,
                                                    issue.message))).encode()).hexdigest()
    return {"ruleId": issue.check, "level": _SARIF_LEVEL.get(issue.severity, "note"),
            "message": {"text": issue.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"}}}],
            "partialFingerprints": {"councilTablesFinding/v1": fingerprint},
            "properties": {"page": issue.page, "subject": issue.subject}}


def _markdown(findings: Findings) -> str:
    """A GitHub job summary: the counts, then a table of errors and warnings (notes folded away)."""
    def row(issue: StoredIssue) -> str:
        cells = [issue.severity, f"`{issue.check}`", issue.file_name, str(issue.page or ""), issue.message]
        return "| " + " | ".join(printable(cell.replace("|", "\\|").replace("\n", " "), one_line=True)
                                 for cell in cells) + " |"

    header = ["| severity | check | document | page | finding |", "|---|---|---|---|---|"]
    serious = [row(issue) for issue in findings.issues if issue.severity != "info"]
    notes = [row(issue) for issue in findings.issues if issue.severity == "info"]
    lines = ["## council-tables validation", "", f"**{summary_line(findings)}**", ""]
    lines += [*header, *serious, ""] if serious else ["No errors or warnings.", ""]
    if notes:
        lines += [f"<details><summary>{len(notes)} notes</summary>", "", *header, *notes, "", "</details>"]
    return "\n".join(lines)
