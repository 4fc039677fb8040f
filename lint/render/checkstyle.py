"""Checkstyle XML, read by Jenkins warnings-ng, reviewdog and many CI tools."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from lint.render.located import located_findings, problems, xml_safe

# Checkstyle's own severities are ignore, info, warning and error.
_SEVERITY = {"error": "error", "warning": "warning", "note": "info"}


def render(results, options) -> str:
    """The checkstyle XML document: one <file> per file checked."""
    root = ET.Element("checkstyle", version="4.3")
    for result in results:
        element = ET.SubElement(root, "file", name=xml_safe(str(result.path)))
        for problem in problems(result):
            ET.SubElement(element, "error", line="1", severity=_SEVERITY[problem.level],
                          message=xml_safe(problem.message), source="copydesk.input")
        for item in located_findings(result):
            finding = item.finding
            ET.SubElement(element, "error", line=str(item.data["line"]),
                          column=str(item.data["column"]), severity=str(finding.severity),
                          message=xml_safe(finding.message), source=f"copydesk.{finding.rule}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
