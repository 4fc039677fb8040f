"""Rule scopes on markup: a rule limited to headings (or to page chrome)
sees only those blocks of a Markdown or HTML file."""

from __future__ import annotations

from conftest import check_json

HOUSE_RULES = """\
pack: house
rules:
  - id: heading-word
    kind: existence
    severity: warning
    message: "'{text}' in a heading"
    scope: [heading]
    tokens: [talks]
    examples:
      flag: ["Budget talks"]
      pass: ["Budget news"]
  - id: chrome-word
    kind: existence
    severity: info
    message: "'{text}' in page chrome"
    scope: [chrome]
    tokens: [talks]
    examples:
      flag: ["More talks"]
      pass: ["More news"]
"""


def _project(tmp_path, config: str = ""):
    (tmp_path / "house").mkdir(parents=True)
    (tmp_path / "house" / "house.yaml").write_text(HOUSE_RULES, encoding="utf-8")
    (tmp_path / "copydesk.yaml").write_text(f"rules_dirs: [house]\n{config}", encoding="utf-8")
    return tmp_path


def _hits(tmp_path, name: str, content: str) -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    data, proc = check_json(path, "--no-languagetool", "--select", "house")
    assert proc.returncode in (0, 1), proc.stderr
    source = path.read_text(encoding="utf-8")
    findings = data["files"][0]["findings"]
    assert all(f["text"] == source[f["start"]:f["end"]] for f in findings)
    return [(f["rule"], f["text"]) for f in findings]


def test_heading_rule_flags_markdown_headings_only(tmp_path):
    project = _project(tmp_path)
    hits = _hits(project, "a.md", "# Budget *talks* resume\n\nTalks were long.\n\n- talks again\n\n"
                                  "Setext talks\n============\n")
    assert hits == [("house.heading-word", "talks"), ("house.heading-word", "talks")]


def test_heading_rule_flags_html_headings_only(tmp_path):
    project = _project(tmp_path)
    hits = _hits(project, "a.html", "<h2>Budget talks</h2><p>Talks were long.</p><li>talks</li>")
    assert hits == [("house.heading-word", "talks")]


def test_chrome_rule_sees_page_chrome_only_when_it_is_debris(tmp_path):
    page = "<nav>Latest talks</nav><main><h1>News</h1><p>Talks were long.</p></main><footer>talks</footer>"
    assert _hits(_project(tmp_path / "skip"), "p.html", page) == []
    debris = _project(tmp_path / "debris", "html:\n  chrome: debris\n")
    assert _hits(debris, "p.html", page) == [("house.chrome-word", "talks"), ("house.chrome-word", "talks")]
