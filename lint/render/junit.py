"""JUnit XML: one test suite per file, one test case per finding, failing
when the finding is at or above --fail-on (or the file's `fail_on`); below
it, the case passes with the finding in its <system-out>.

A clean file is one passing test case; a skipped file is a test case with an
<error>, so CI test panels show it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import cast

from lint.render.located import located_findings, problems, xml_safe


def _suite(result, options) -> ET.Element:
    path = xml_safe(str(result.path))
    suite = ET.Element("testsuite", name=path)
    cases = failures = errors = 0
    for problem in problems(result):
        if problem.level == "note":
            continue
        case = ET.SubElement(suite, "testcase", name="read", classname=path, file=path)
        ET.SubElement(case, "error", message=xml_safe(problem.message), type="input").text = \
            xml_safe(f"{path}: {problem.message}")
        cases, errors = cases + 1, errors + 1
    for item in located_findings(result):
        data = item.data
        where = f"{data['line']}:{data['column']}"
        case = ET.SubElement(suite, "testcase", name=xml_safe(f"{item.finding.rule} at {where}"),
                             classname=path, file=path, line=str(data["line"]))
        detail = xml_safe(f"{path}:{where}: {item.finding.severity} {item.finding.rule}: "
                          f"{item.finding.message} ({data['text']!r})")
        cases += 1
        if not options.fails(result.path, item.finding.severity):
            ET.SubElement(case, "system-out").text = detail  # shown, but passes: below --fail-on
            continue
        failure = ET.SubElement(case, "failure", message=xml_safe(item.finding.message),
                                type=str(item.finding.severity))
        failure.text = detail
        failures += 1
    if cases == 0:
        ET.SubElement(suite, "testcase", name="copydesk", classname=path, file=path)
        cases = 1
    notes = [p.message for p in problems(result) if p.level == "note"]
    if notes:
        ET.SubElement(suite, "system-err").text = xml_safe("\n".join(notes))
    suite.set("tests", str(cases))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    return suite


def render(results, options) -> str:
    """The JUnit XML document."""
    root = ET.Element("testsuites", name="copydesk")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for result in results:
        suite = _suite(result, options)
        root.append(suite)
        for key in totals:
            totals[key] += int(cast(str, suite.get(key)))  # _suite sets all three
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
