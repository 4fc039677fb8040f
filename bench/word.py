"""Word documents: time reading, checking and writing the tracked edition of
the seed article as a .docx, at its own size and 50 times over.

    .venv/bin/python bench/word.py

Prints one row per size: paragraphs, read (python-docx + layout), check,
fix (passes of re-checks), write (revisions + comments + save), in ms; the
median of 3 runs, LanguageTool off (its cost is the same as for text).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import docx  # noqa: E402

from lint.fix import Relinter, fix_document  # noqa: E402
from lint.fix.docx_tracked import tracked_edition  # noqa: E402
from lint.read import read_document  # noqa: E402
from lint.run.pipeline import CommandLine, Linter  # noqa: E402

SEED = REPO.parent / "shared" / "seed" / "article.txt"


def make_docx(copies: int, path: Path) -> Path:
    document = docx.Document()
    for _ in range(copies):
        for line in SEED.read_text(encoding="utf-8").split("\n"):
            document.add_paragraph(line)
    document.save(path)
    return path


def timed(function):
    start = time.perf_counter()
    value = function()
    return value, (time.perf_counter() - start) * 1000


def main() -> None:
    linter = Linter(CommandLine(languagetool=False))
    print(f"{'copies':>6} {'paras':>6} {'read ms':>8} {'check ms':>9} {'fix ms':>8} {'write ms':>9} {'revisions':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for copies in (1, 50):
            path = make_docx(copies, Path(folder) / f"seed{copies}.docx")
            rows = []
            for _ in range(3):
                document, read_ms = timed(lambda: read_document(path))
                _, check_ms = timed(lambda: linter.check(document))
                result, fix_ms = timed(lambda: fix_document(document, Relinter(linter, path)))
                edition, write_ms = timed(lambda: tracked_edition(path.read_bytes(), path, result))
                rows.append((read_ms, check_ms, fix_ms, write_ms))
            medians = [statistics.median(column) for column in zip(*rows)]
            paragraphs = document.text.count("\n") + 1
            print(f"{copies:>6} {paragraphs:>6} " + " ".join(f"{m:>8.0f}" for m in medians)
                  + f" {edition.revisions:>9}")


if __name__ == "__main__":
    main()
