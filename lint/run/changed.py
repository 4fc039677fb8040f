"""`--changed-since REF`: the checkable files git says changed since REF."""

from __future__ import annotations

from pathlib import Path

from lint.formats import WALKED_SUFFIXES


class ChangedFilesError(Exception):
    """git could not list the changes; the message is one line."""


def _git(args: list[str], cwd: Path) -> list[str]:
    """Run git; its output split on NUL (for -z) and stripped of the last newline."""
    import shutil  # here, not at the top: every `check` imports this module for its error
    import subprocess

    if shutil.which("git") is None:
        raise ChangedFilesError("--changed-since needs git, which is not installed")
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        reason = (proc.stderr.strip().splitlines() or ["git failed"])[-1]
        raise ChangedFilesError(f"--changed-since: git {args[0]} failed: {reason}")
    return [name for name in proc.stdout.rstrip("\n").split("\0") if name]


def changed_files(ref: str, paths, is_excluded) -> list[Path]:
    """Files under `paths` changed since `ref` (committed, staged, unstaged or
    untracked), that still exist and that a directory walk would check."""
    roots = [Path(p).resolve() for p in paths]
    start = roots[0] if roots[0].is_dir() else roots[0].parent
    top = Path(_git(["rev-parse", "--show-toplevel"], start)[0])
    names = _git(["diff", "--name-only", "-z", "--diff-filter=d", ref, "--"], top)
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    chosen = []
    for name in sorted(set(names)):
        path = top / name
        if path.suffix.lower() not in WALKED_SUFFIXES or not path.is_file() or is_excluded(path):
            continue
        if any(path == root or root in path.parents for root in roots):
            chosen.append(_as_given(path))
    return chosen


def _as_given(path: Path) -> Path:
    """Relative to the current directory when inside it, as a user would type it."""
    try:
        return path.relative_to(Path.cwd().resolve())
    except ValueError:
        return path
