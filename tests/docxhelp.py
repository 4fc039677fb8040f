"""Helpers for the Word-document tests: LibreOffice (real, headless) and
fixture .docx files made with python-docx."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

OFFICE_SCRIPT = Path(__file__).resolve().parent / "office" / "revisions.py"
SYSTEM_PYTHON = "/usr/bin/python3"  # has LibreOffice's `uno` module (python3-uno)
OFFICE_ATTEMPTS = 3
OFFICE_CRASHES = ("DisposedException", "bridge disposed", "RuntimeException: Binary URP")

needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None or not Path(SYSTEM_PYTHON).exists(),
    reason="LibreOffice is not installed (./scripts/install-libreoffice)")


def office(source: Path, action: str, *outputs: Path) -> dict:
    """Open `source` in LibreOffice, accept/reject/keep its tracked changes,
    store it as each output; return what LibreOffice saw (revisions, comments)."""
    for _ in range(OFFICE_ATTEMPTS):
        proc = subprocess.run([SYSTEM_PYTHON, str(OFFICE_SCRIPT), str(source), action, *map(str, outputs)],
                              capture_output=True, text=True, timeout=180)
        # LibreOffice itself sometimes dies mid-call on a loaded machine ("bridge
        # disposed"): that is the office crashing, not the document; open it again.
        if proc.returncode == 0 or not any(crash in proc.stderr for crash in OFFICE_CRASHES):
            break
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def office_text(source: Path, action: str, work: Path) -> str:
    """The document's text as LibreOffice exports it after the action (no BOM)."""
    out = work / f"{source.stem}.{action}.txt"
    office(source, action, out)
    return out.read_text(encoding="utf-8").lstrip("\ufeff")


def convert_with_office(source: Path, suffix: str, work: Path) -> Path:
    """`soffice --headless --convert-to SUFFIX` into `work`."""
    profile = work / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                    suffix, "--outdir", str(work), str(source)], check=True, capture_output=True, timeout=180)
    return work / f"{source.stem}.{suffix.split(':')[0]}"


def docx_from_lines(lines: list[str], path: Path, *, styled: bool = False) -> Path:
    """A .docx with one paragraph per line; `styled` splits each line into
    several runs and makes every third word bold and every fourth italic."""
    import docx

    document = docx.Document()
    for line in lines:
        paragraph = document.add_paragraph()
        if not styled:
            paragraph.add_run(line)
            continue
        for i, word in enumerate(line.split(" ")):
            run = paragraph.add_run(word + (" " if i < len(line.split(" ")) - 1 else ""))
            run.bold = i % 3 == 1
            run.italic = i % 4 == 2
    document.save(path)
    return path


def same_text(a: str, b: str) -> bool:
    """Equal up to newlines at the end (LibreOffice ends its text export with one)."""
    return a.rstrip("\n") == b.rstrip("\n")


def pdf_page_png(pdf: Path, stem: Path) -> Path:
    """The first page of a PDF as a PNG (pdftoppm, from poppler-utils)."""
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                   check=True, capture_output=True, timeout=120)
    return stem.with_suffix(".png")
