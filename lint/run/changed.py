"""`--changed-since REF`: the checkable files git says changed since REF.

Changes are counted from the merge base of REF and HEAD, as a pull request
shows them: a branch that is behind main does not pick up the files only
main changed since the branch was made.
"""

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


def repository_top(paths) -> Path:
    """The top folder of the git work tree holding the first path."""
    first = Path(paths[0]).resolve()
    return Path(_git(["rev-parse", "--show-toplevel"], first if first.is_dir() else first.parent)[0])


def merge_base(ref: str, top: Path) -> str:
    """The commit REF and HEAD last shared: what a pull request is diffed against."""
    if not ref or ref.endswith("/") or ref.startswith("-"):
        raise ChangedFilesError(
            f"--changed-since: {ref!r} is not a branch or commit (on a push event "
            "github.base_ref is empty: use origin/${{ github.base_ref || github.event.repository.default_branch }})")
    try:
        return _git(["merge-base", ref, "HEAD"], top)[0].strip()
    except ChangedFilesError as exc:
        raise ChangedFilesError(f"{exc} (no common history with {ref}: a shallow clone needs fetch-depth: 0)") \
            from None


def changed_files(ref: str, paths, is_excluded) -> list[Path]:
    """Files under `paths` changed since the merge base of `ref` and HEAD
    (committed, staged, unstaged or untracked), that still exist and that a
    directory walk would check."""
    roots = [Path(p).resolve() for p in paths]
    top = repository_top(paths)
    names = _git(["diff", "--name-only", "-z", "--diff-filter=d", merge_base(ref, top), "--"], top)
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
