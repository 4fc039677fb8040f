"""What the fault-injection tests share: a tree of documents with fixable
mistakes, a way to run Copydesk, and small filesystems (tmpfs) to break."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PARAGRAPH = ("This is  a test , with  double spaces. It has a error here. Recieve the the files "
             "from Sinochem and Liehong.\n\nAn second paragraph  here .\n\n")


def copydesk(*args, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lint", *map(str, args)], cwd=cwd or ROOT,
                          capture_output=True, text=True, timeout=timeout)


def start_copydesk(*args, cwd: Path | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "lint", *map(str, args)], cwd=cwd or ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_tree(root: Path, files: int = 100, large_paragraphs: int = 600) -> dict[Path, bytes]:
    """`files` small documents and one large one under root; their bytes."""
    root.mkdir(parents=True, exist_ok=True)
    made = {}
    for index in range(files):
        path = root / f"part{index // 25}" / f"doc{index:03}.md"
        path.parent.mkdir(exist_ok=True)
        made[path] = f"# Note {index}\n\n{PARAGRAPH}".encode()
    big = root / "large.md"
    made[big] = ("# Large\n\n" + PARAGRAPH * large_paragraphs).encode()
    for path, data in made.items():
        path.write_bytes(data)
    return made


def temporary_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if "copydesk-tmp" in p.name]


@contextlib.contextmanager
def small_filesystem(where: Path, size: str = "256k"):
    """A tmpfs of `size` mounted at `where` (skips the test where mounting is not allowed)."""
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def remount_read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True, capture_output=True)
