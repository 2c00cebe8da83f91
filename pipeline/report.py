"""Validation findings rendered for people (text) and for CI systems (json, junit, github)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from .checks import CHECKS, DATABASE_CHECKS
from .model import StoredIssue

FORMATS = ("text", "json", "junit", "github")
SEVERITY_RANK = {"never": 3, "error": 2, "warning": 1, "info": 0}


def should_fail(issues: Sequence[StoredIssue], fail_on: str) -> bool:
    """True when any finding is at least as severe as `fail_on` ('error', 'warning' or 'never')."""
    threshold = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK.get(issue.severity, 0) >= threshold for issue in issues)


def render(issues: Sequence[StoredIssue], documents: Sequence[str], fmt: str) -> str:
    return {"text": _text, "json": _json, "junit": _junit, "github": _github}[fmt](issues, documents)


def _text(issues: Sequence[StoredIssue], documents: Sequence[str]) -> str:
    lines = [f"{issue.severity.upper():7s} {issue.check}: {issue.message}" for issue in issues]
    counts = {severity: sum(i.severity == severity for i in issues) for severity in ("error", "warning", "info")}
    lines.append(f"{len(documents)} documents, {counts['error']} errors, {counts['warning']} warnings, "
                 f"{counts['info']} notes")
    return "\n".join(lines)


def _json(issues: Sequence[StoredIssue], documents: Sequence[str]) -> str:
    return json.dumps(
        {"documents": len(documents),
         "issues": [{"file": i.file_name, "check": i.check, "severity": i.severity, "page": i.page,
                     "subject": i.subject, "message": i.message} for i in issues]},
        indent=2, ensure_ascii=False,
    )


def _junit(issues: Sequence[StoredIssue], documents: Sequence[str]) -> str:
    """One test suite per document, one test case per check: failed when the check found something."""
    codes = list(dict.fromkeys([*CHECKS, *DATABASE_CHECKS, *(issue.check for issue in issues)]))
    root = ET.Element("testsuites", name="council-tables validate")
    for document in dict.fromkeys(documents):
        suite = ET.SubElement(root, "testsuite", name=document, tests=str(len(codes)))
        failed = 0
        for code in codes:
            case = ET.SubElement(suite, "testcase", classname=document, name=code)
            found = [i for i in issues if i.file_name == document and i.check == code]
            for issue in found:
                if issue.severity == "error":
                    ET.SubElement(case, "failure", message=issue.message, type=issue.check).text = issue.message
                else:
                    ET.SubElement(case, "system-out").text = f"{issue.severity}: {issue.message}"
            failed += any(i.severity == "error" for i in found)
        suite.set("failures", str(failed))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)


def _github(issues: Sequence[StoredIssue], documents: Sequence[str]) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    def escape(value: str) -> str:
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    lines = []
    for issue in issues:
        level = {"error": "error", "warning": "warning"}.get(issue.severity, "notice")
        title = escape(issue.check).replace(",", "%2C").replace("::", "%3A%3A")
        lines.append(f"::{level} file={issue.file_name},title={title}::{escape(issue.message)}")
    return "\n".join(lines)
