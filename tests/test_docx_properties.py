"""Property: however a paragraph is split into runs and formatted, fixing the
.docx and accepting every tracked change in LibreOffice gives the text that
fixing the same words as plain text gives."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docxhelp import needs_office, office_text, same_text
from lint.fix import Relinter, fix_document
from lint.fix.docx_tracked import tracked_edition
from lint.read import read_document
from lint.run.pipeline import CommandLine, Linter, document_from_text

SENTENCES = [
    "Accoring to the minister, exports grew.",
    "The firm sells oil worldwidely to export gasoline.",
    "It is transforming to a innovation platform.",
    "They could build a share transfer path way for staff.",
    "Prices rose  again in June.",
    "The board met on Tuesday and approved the plan.",
    "Sinochem and TravelSky signed the deal.",
]
LINTER = Linter(CommandLine(languagetool=False))

paragraphs = st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map(" ".join),
                      min_size=1, max_size=4)


def styled_docx(lines: list[str], cuts: list[int], styles: list[int], path: Path) -> None:
    """One paragraph per line (blank paragraphs between), each cut into runs
    at the drawn offsets, each run bold, italic, both or neither."""
    import docx

    document = docx.Document()
    draws = iter(zip(cuts, styles))
    for i, line in enumerate(lines):
        if i:
            document.add_paragraph()
        paragraph = document.add_paragraph()
        points = sorted({next(draws, (0, 0))[0] % (len(line) + 1) for _ in range(3)} | {0, len(line)})
        for start, end in zip(points, points[1:]):
            run = paragraph.add_run(line[start:end])
            style = next(draws, (0, 0))[1]
            run.bold, run.italic = bool(style & 1), bool(style & 2)
    document.save(path)


def fixed_plain(text: str) -> str:
    document = document_from_text(text, "story.txt")
    return fix_document(document, Relinter(LINTER, document.path)).fixed


@needs_office
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs, st.lists(st.integers(0, 10_000), min_size=40, max_size=40),
       st.lists(st.integers(0, 3), min_size=40, max_size=40))
def test_fixing_a_docx_then_accepting_equals_fixing_the_plain_text(lines, cuts, styles):
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = work / "story.docx"
        styled_docx(lines, cuts, styles, source)
        document = read_document(source)
        plain = "\n\n".join(lines)
        assert document.text == plain
        result = fix_document(document, Relinter(LINTER, source))
        if any(sentence in plain for sentence in SENTENCES[:5]):
            assert result.applied  # each of these has a safe fix: the property is not vacuous
        expected = fixed_plain(plain)
        assert result.fixed == expected
        edition = work / "story.copydesk.docx"
        edition.write_bytes(tracked_edition(source.read_bytes(), source, result).data)
        assert same_text(office_text(edition, "accept", work), expected)
