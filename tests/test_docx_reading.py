"""Reading Word documents: what is prose, what is not, and where it is."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.parser import parse_xml

from lint.read import read_document
from lint.run.pipeline import CommandLine, Linter

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LINTER = Linter(CommandLine(languagetool=False))


def paragraph_xml(inner: str):
    return parse_xml(f"<w:p {W}>{inner}</w:p>")


def run(text: str, props: str = "") -> str:
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def save_with(paragraphs, path: Path, styles=()) -> Path:
    document = docx.Document()
    for style in styles:
        document.styles.add_style(style, docx.enum.style.WD_STYLE_TYPE.CHARACTER)
    body = document.element.body
    for paragraph in paragraphs:
        body.insert(len(body) - 1, paragraph)  # before the section properties
    document.save(path)
    return path


def rules_on(path: Path) -> list[tuple[str, str]]:
    result = LINTER.check(read_document(path))
    return [(f.rule, result.document.text[f.start:f.end]) for f in result.findings]


def test_existing_revisions_read_as_accepted_and_comments_ignored(tmp_path):
    tracked = paragraph_xml(
        run("The ") + '<w:del w:id="1" w:author="Ed" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>Accoring '
        "</w:delText></w:r></w:del>" + '<w:ins w:id="2" w:author="Ed" w:date="2026-01-01T00:00:00Z">'
        + run("minister") + "</w:ins>" + run(" spoke."))
    path = save_with([tracked], tmp_path / "tracked.docx")
    document = docx.Document(path)
    document.add_comment(document.paragraphs[0].runs[0], text="Accoring", author="Ed")
    document.save(path)
    assert read_document(path).text == "The minister spoke."
    assert rules_on(path) == []


def test_fields_code_runs_and_hyperlink_targets_are_not_prose(tmp_path):
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE teh</w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("Accoring") +
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    code = run("teh_var Accoring", '<w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/></w:rPr>')
    styled_code = run("Accoring", '<w:rPr><w:rStyle w:val="SourceCode"/></w:rPr>')
    link = ('<w:hyperlink xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            'r:id="rId99">' + run("Accoring site") + "</w:hyperlink>")
    paragraphs = [paragraph_xml(run("Dated ") + field + run(" today.")),
                  paragraph_xml(run("Call ") + code + run(" now.")),
                  paragraph_xml(run("See ") + styled_code + run(" here.")),
                  paragraph_xml(run("Visit the ") + link + run("."))]
    path = save_with(paragraphs, tmp_path / "fields.docx", styles=["Source Code"])
    text = read_document(path).text
    assert text.split("\n")[:3] == ["Dated \ufffc today.", "Call \ufffc now.", "See \ufffc here."]
    # The hyperlink's shown words are prose (and checked); its target is not text at all.
    assert rules_on(path) == [("typos.misspelling", "Accoring")]
    assert text.split("\n")[3] == "Visit the Accoring site."


def test_headings_lists_and_cells_get_their_kinds(tmp_path):
    document = docx.Document()
    document.add_heading("Talks resume", level=2)
    document.add_paragraph("First point", style="List Bullet")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "In a cell."
    document.add_paragraph("Body text here.")
    path = tmp_path / "kinds.docx"
    document.save(path)
    read = read_document(path)
    assert read.text == "Talks resume\nFirst point\nIn a cell.\nBody text here."
    assert [b.kind for b in LINTER.check(read).document.blocks] == ["heading", "list-item", "table-cell",
                                                                    "paragraph"]


def test_text_boxes_are_read_once(tmp_path):
    box = ('<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
           '<mc:Choice Requires="wps"><w:txbxContent><w:p>' + run("Accoring to the box.") +
           "</w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p>" + run("Accoring to the box.")
           + "</w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>")
    path = save_with([paragraph_xml(run("Before the box.") + box)], tmp_path / "box.docx")
    assert read_document(path).text == "Before the box.\nAccoring to the box."
    assert rules_on(path) == [("typos.misspelling", "Accoring")]
