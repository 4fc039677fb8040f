"""Hostile text in a document — ``</script>``, control characters XML cannot
hold, bidi overrides — reaches the HTML report, SARIF, JUnit and
checkstyle escaped: the XML formats parse, the JSON ones load, and the
report's script is not closed early."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

from faulthelp import copydesk

HOSTILE = "Beware </script><script>alert(1)</script> and \x01\x0b\x1b[31m and \u202eevil\u202c ]]> done."


def _project(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir(exist_ok=True)
    (rules / "house.yaml").write_text(
        "pack: house\nrules:\n  - id: hostile\n    kind: existence\n    severity: error\n"
        "    message: \"'{text}' is hostile\"\n    patterns: ['Beware[^\\n]*done']\n", encoding="utf-8")
    (tmp_path / "copydesk.yaml").write_text("rules_dirs: [rules]\n", encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text(HOSTILE + "\n", encoding="utf-8")
    return doc


def _run(tmp_path, fmt):
    doc = _project(tmp_path)
    proc = copydesk("check", "--format", fmt, "--no-languagetool", "--no-cache", doc, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stdout


def test_junit_and_checkstyle_parse(tmp_path):
    for fmt in ("junit", "checkstyle"):
        tree = ElementTree.fromstring(_run(tmp_path, fmt).encode("utf-8"))
        text = ElementTree.tostring(tree, encoding="unicode")
        assert "hostile" in text and "<script>" not in text


def test_sarif_loads_and_keeps_the_message(tmp_path):
    sarif = json.loads(_run(tmp_path, "sarif"))
    messages = [r["message"]["text"] for run in sarif["runs"] for r in run["results"]]
    assert any("</script>" in m and "\u202e" in m for m in messages)


def test_html_report_escapes_script_and_bidi(tmp_path):
    doc = _project(tmp_path)
    out = tmp_path / "report.html"
    proc = copydesk("report", "--no-languagetool", "--output", out, doc, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    assert "\x01" not in html and "\x1b" not in html and "\u202e" not in html
    assert "⟨U+202E⟩" in html
