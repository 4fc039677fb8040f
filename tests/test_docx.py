"""Word documents: checked like the plain text they hold, fixed as tracked
changes that LibreOffice (real, headless) shows, accepts and rejects."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_copydesk
from docxhelp import convert_with_office, pdf_page_png, docx_from_lines, needs_office, office, office_text, same_text

SEED = FIXTURES / "article.txt"  # the seed article, as the project keeps it
ARTIFACTS = ROOT / "test-artifacts"


def findings_of(path: Path, *options: str) -> list[tuple]:
    proc = run_copydesk("check", "--format", "json", *(options or ("--no-languagetool",)), path)
    entry = json.loads(proc.stdout)["files"][0]
    assert "error" not in entry, entry
    return [(f["rule"], f["line"], f["column"], f["text"]) for f in entry["findings"]]


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("docx")


@pytest.fixture(scope="module")
def office_seed(work) -> Path:
    """The seed article as LibreOffice makes a .docx of it."""
    shutil.copy(SEED, work / "article.txt")
    return convert_with_office(work / "article.txt", "docx:MS Word 2007 XML", work)


@pytest.fixture(scope="module")
def plain_fix(work) -> tuple[str, dict]:
    """What `copydesk fix` makes of the plain-text seed, and its log."""
    log = work / "plain-log.json"
    proc = run_copydesk("fix", "--no-languagetool", "--log", log, SEED)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout, json.loads(log.read_text())["files"][0]


@needs_office
def test_office_made_docx_has_the_seeds_findings(office_seed):
    expected = findings_of(SEED)
    assert expected, "the seed has findings"
    assert findings_of(office_seed) == expected  # same rules, same paragraph:column, same text


@needs_office
def test_office_made_docx_has_the_seeds_findings_with_languagetool(office_seed):
    # --select lt: on the seed every LanguageTool finding shares its span with a built-in one, which wins.
    expected = findings_of(SEED, "--require", "languagetool", "--select", "lt")
    assert any(rule.startswith("lt.") for rule, *_ in expected)
    assert findings_of(office_seed, "--require", "languagetool", "--select", "lt") == expected


@needs_office
def test_unsafe_fixes_with_languagetool_accept_to_the_plain_unsafe_fix(office_seed, work):
    options = ("--require", "languagetool", "--unsafe-fixes")
    plain = run_copydesk("fix", *options, SEED)
    assert plain.returncode in (0, 1), plain.stderr
    out = work / "article.unsafe.docx"
    proc = run_copydesk("fix", *options, office_seed, "-o", out)
    assert proc.returncode in (0, 1), proc.stderr
    assert "boost" in plain.stdout  # an unsafe fix (a confusion) was applied
    assert same_text(office_text(out, "accept", work), plain.stdout)
    assert same_text(office_text(out, "reject", work), SEED.read_text(encoding="utf-8"))


def test_python_docx_file_with_runs_and_formatting_has_the_seeds_findings(work):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    path = docx_from_lines(lines, work / "styled.docx", styled=True)
    assert findings_of(path) == findings_of(SEED)


def test_json_says_lines_are_paragraphs(work):
    path = docx_from_lines(["Accoring to the report.", "It rained."], work / "units.docx")
    proc = run_copydesk("check", "--format", "json", "--no-languagetool", path)
    entry = json.loads(proc.stdout)["files"][0]
    assert entry["line_unit"] == "paragraph"
    assert [(f["line"], f["column"], f["text"]) for f in entry["findings"]
            if f["rule"] == "typos.misspelling"] == [(1, 1, "Accoring")]


@needs_office
def test_fixed_docx_accepts_to_the_plain_fix_and_rejects_to_the_original(office_seed, plain_fix, work):
    fixed_text, plain_log = plain_fix
    out = work / "article.copydesk.docx"
    proc = run_copydesk("fix", "--no-languagetool", office_seed, "-o", out)
    assert proc.returncode in (0, 1), proc.stderr
    seen = office(out, "keep", work / "tracked.pdf")
    assert seen["authors"] == ["Copydesk"]
    assert {"Insert", "Delete"} <= set(seen["revisions"])
    # Every finding no fix resolved is a comment on its text.
    assert len(seen["comments"]) == len(plain_log["unfixed"])
    assert {c["author"] for c in seen["comments"]} == {"Copydesk"}
    messages = sorted(f"{f['message']} [{f['rule']}]" for f in plain_log["unfixed"])
    assert sorted(c["text"] for c in seen["comments"]) == messages
    by_rule = {c["text"].rsplit("[", 1)[1].rstrip("]"): c["anchor"] for c in seen["comments"]}
    assert by_rule["jargon.business-jargon"] == "win-win"
    assert (work / "tracked.pdf").read_bytes().startswith(b"%PDF")
    ARTIFACTS.mkdir(exist_ok=True)
    page = pdf_page_png(work / "tracked.pdf", work / "tracked")  # as LibreOffice shows it: changes marked
    assert page.read_bytes().startswith(b"\x89PNG")
    shutil.copy(page, ARTIFACTS / "docx-tracked-changes.png")
    assert same_text(office_text(out, "accept", work), fixed_text)
    assert same_text(office_text(out, "reject", work), SEED.read_text(encoding="utf-8"))
    assert office_seed.read_bytes() == (work / "article.docx").read_bytes()  # the input is untouched


@needs_office
def test_formatting_heading_and_table_survive_accepting(work):
    import docx

    document = docx.Document()
    document.add_heading("Budget talks resume", level=1)
    paragraph = document.add_paragraph()
    paragraph.add_run("Accoring").bold = True
    paragraph.add_run(" to the ")
    paragraph.add_run("minister").italic = True
    paragraph.add_run(", exports grew worldwidely last year.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Accoring to the table."
    table.cell(0, 1).text = "Plain cell."
    source = work / "formatted.docx"
    document.save(source)
    out = work / "formatted.copydesk.docx"
    proc = run_copydesk("fix", "--no-languagetool", source, "-o", out)
    assert proc.returncode in (0, 1), proc.stderr
    accepted = work / "formatted.accepted.docx"
    office(out, "accept", accepted)
    result = docx.Document(accepted)
    heading, body = result.paragraphs[0], result.paragraphs[1]
    assert heading.style.name == "Heading 1" and heading.text == "Budget talks resume"
    assert body.text == "According to the minister, exports grew worldwide last year."
    assert [r.text for r in body.runs if r.bold] == ["According"]
    assert [r.text for r in body.runs if r.italic] == ["minister"]
    cells = [c.text for c in result.tables[0].rows[0].cells]
    assert cells == ["According to the table.", "Plain cell."]


def test_refused_files_exit_2_and_write_nothing(work, office_seed=None):
    import zipfile

    (work / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    encrypted = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le")
    (work / "locked.docx").write_bytes(encrypted)
    (work / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    macro = docx_from_lines(["Accoring to plan."], work / "macro.docm")
    with zipfile.ZipFile(macro, "a") as archive:
        archive.writestr("word/vbaProject.bin", b"\0")
    reasons = {"old.doc": "old binary Word document", "locked.docx": "encrypted Word document",
               "broken.docx": "corrupt Word document", "macro.docm": "macro-enabled Word document"}
    for name, reason in reasons.items():
        before = (work / name).read_bytes()
        check = run_copydesk("check", "--no-languagetool", work / name)
        assert check.returncode == 2 and reason in check.stdout + check.stderr, (name, check.stdout)
        fix = run_copydesk("fix", "--no-languagetool", work / name, "-o", work / f"{name}.out.docx")
        assert fix.returncode == 2 and reason in fix.stderr, (name, fix.stderr)
        assert not (work / f"{name}.out.docx").exists()
        assert (work / name).read_bytes() == before


def test_fix_refuses_to_overwrite_the_input_or_drop_the_backup(work):
    path = docx_from_lines(["Accoring to plan."], work / "story.docx")
    before = path.read_bytes()
    for args in (["-o", path], ["--in-place", "--no-backup"], []):
        proc = run_copydesk("fix", "--no-languagetool", path, *args)
        assert proc.returncode == 2, (args, proc.stderr)
    assert path.read_bytes() == before
    proc = run_copydesk("fix", "--no-languagetool", path, "--in-place")
    assert proc.returncode in (0, 1), proc.stderr
    assert (work / "story.docx.orig").read_bytes() == before
    assert path.read_bytes() != before


def test_report_on_a_docx_is_the_usual_html_report(work):
    path = docx_from_lines(["Accoring to the minister, exports grew.", "It rained."], work / "report.docx")
    out = work / "report.html"
    proc = run_copydesk("report", "--no-languagetool", path, "-o", out)
    assert proc.returncode in (0, 1), proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "<html" in html.lower() and "Accoring" in html and "typos.misspelling" in html


FOOTNOTED = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"
 office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>
<text:p>The minister spoke<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation>
<text:note-body><text:p>Accoring to the transcript.</text:p></text:note-body></text:note> on Tuesday.</text:p>
<text:p>Exports grew worldwidely.</text:p></office:text></office:body></office:document>"""


@needs_office
def test_footnotes_are_checked_and_fixed_as_tracked_changes(work):
    source = work / "footnoted.fodt"
    source.write_text(FOOTNOTED, encoding="utf-8")
    story = convert_with_office(source, "docx:MS Word 2007 XML", work)
    found = findings_of(story)
    assert ("typos.misspelling", 3, 2, "Accoring") in found  # line 3: the footnote, after the body
    assert found[0][:2] == ("typos.non-word", 2)
    out = work / "footnoted.copydesk.docx"
    proc = run_copydesk("fix", "--no-languagetool", story, "-o", out)
    assert proc.returncode == 0, proc.stderr
    accepted = work / "footnoted.accepted.docx"
    seen = office(out, "accept", accepted)
    assert seen["revisions"].count("Insert") == 2
    from lint.read import read_document

    text = read_document(accepted).text
    assert "According to the transcript." in text and "Accoring" not in text
    assert "Exports grew worldwide." in text


@needs_office
@pytest.mark.parametrize("output", ["text", "json", "sarif", "junit", "github", "gitlab", "rdjson", "checkstyle"])
def test_every_output_format_reports_the_docx_as_the_plain_text(office_seed, work, output):
    shutil.copy(SEED, work / "story.txt")
    shutil.copy(office_seed, work / "story.docx")
    as_text = run_copydesk("check", "--no-languagetool", "--format", output, "story.txt", cwd=work)
    as_word = run_copydesk("check", "--no-languagetool", "--format", output, "story.docx", cwd=work)
    assert as_word.returncode == as_text.returncode == 1
    word = as_word.stdout.replace("story.docx", "story.txt")
    if output in ("json", "rdjson", "sarif", "gitlab"):
        word = word.replace(',\n      "line_unit": "paragraph"', "")
    assert "Accoring" in word or "typos.misspelling" in word
    # GitLab's fingerprint and SARIF's copydeskFingerprint/v2 hash the path too
    fingerprint = re.compile(r'"(?:fingerprint|copydeskFingerprint/v2)": "[0-9a-f:]+"')
    assert fingerprint.sub("", word) == fingerprint.sub("", as_text.stdout)


def test_walking_a_folder_takes_word_files_and_skips_words_lock_files(work):
    folder = work / "desk"
    folder.mkdir()
    docx_from_lines(["Accoring to plan."], folder / "story.docx")
    (folder / "~$story.docx").write_bytes(b"\x0cJane Editor" + b"\0" * 150)  # what Word leaves while editing
    proc = run_copydesk("check", "--format", "json", "--no-languagetool", folder)
    files = json.loads(proc.stdout)["files"]
    assert proc.returncode == 1, proc.stderr
    assert [Path(f["path"]).name for f in files] == ["story.docx"]
    assert [f["text"] for f in files[0]["findings"]] == ["Accoring"]


@needs_office
def test_fixes_inside_someone_elses_insertion_keep_both_revisions(work):
    from docx.oxml.parser import parse_xml

    import docx

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph = parse_xml(
        f'<w:p {w}><w:r><w:t xml:space="preserve">The </w:t></w:r>'
        '<w:ins w:id="7" w:author="Ed" w:date="2026-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">'
        "minister said Accoring to plan</w:t></w:r></w:ins>"
        '<w:r><w:t xml:space="preserve"> it rained.</w:t></w:r></w:p>')
    document = docx.Document()
    document.element.body.insert(0, paragraph)
    source = work / "edited.docx"
    document.save(source)
    out = work / "edited.copydesk.docx"
    proc = run_copydesk("fix", "--no-languagetool", source, "-o", out)
    assert proc.returncode in (0, 1), proc.stderr
    body = docx.Document(out).element.body
    ins = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ins"
    assert not [e for e in body.iter(ins) if e.getparent().tag == ins]  # no insertion inside an insertion
    seen = office(out, "keep", work / "edited.pdf")
    assert seen["authors"] == ["Copydesk", "Ed"]
    assert same_text(office_text(out, "accept", work), "The minister said According to plan it rained.")
    assert same_text(office_text(out, "reject", work), "The  it rained.")  # Ed's insertion rejected too
