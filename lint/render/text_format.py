"""The default human format: ``path:line:col severity rule message`` with
the source line and a caret under the span; colour on a terminal."""

from __future__ import annotations

from collections import Counter

from lint.categories import ansi
from lint.model import Applicability, Severity
from lint.positions import LineIndex

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def render(results, options) -> str:
    """Every finding of every file, then a one-line summary."""
    out: list[str] = []
    counts: Counter = Counter()
    fixable: Counter = Counter()  # applicability -> findings with such a fix
    notes: dict[str, list] = {}  # one line per distinct note, however many files share it
    for result in results:
        if result.error:
            out.append(f"{result.path}: skipped: {result.error}")
            continue
        for note in result.notes:
            notes.setdefault(note, []).append(result.path)
        text = result.document.text
        index = LineIndex(text)
        for finding in result.findings:
            counts[finding.severity] += 1
            if finding.fix is not None:
                fixable[finding.fix.applicability] += 1
            out.extend(_finding_lines(result.path, finding, text, index, options))
    for note, paths in notes.items():
        out.append(f"{paths[0]}: note: {note}" if len(paths) == 1 else f"note ({len(paths)} files): {note}")
    out.append(_summary(counts, fixable, results))
    return "\n".join(out) + "\n"


def _paint(text: str, code: str, options) -> str:
    return f"{code}{text}{_RESET}" if options.color else text


def _finding_lines(path, finding, text, index, options) -> list[str]:
    line, col = index.line_col(finding.start)
    severity = _paint(str(finding.severity), _COLORS[finding.severity], options)
    rule = _paint(finding.rule, ansi(finding.category), options)  # the category's colour, as in the report
    message = finding.message
    if finding.replacements and finding.replacements[0] and finding.replacements[0] not in message:
        message += f" (→ {finding.replacements[0]})"
    lines = [f"{_paint(f'{path}:{line}:{col}', _BOLD, options)} {severity} {rule} {message}"]
    if options.show_source:
        end_line, end_col = index.line_col(finding.end)
        line_end = index.starts[line] if line < len(index.starts) else len(text)
        width = max(1, (end_col if end_line == line else line_end - index.starts[line - 1] + 1) - col)
        shown, caret_at = _window(text, index.starts[line - 1], line_end, finding.start)
        lines.append("    " + shown)
        lines.append("    " + " " * caret_at + _paint("^" * min(width, _WINDOW), _COLORS[finding.severity], options))
    return lines


_WINDOW = 100


def _window(text: str, line_start: int, line_end: int, start: int) -> tuple[str, int]:
    """The source line around `start`, cut to about _WINDOW characters.

    Only the shown slice is copied, so a 1 MB single-line file with many
    findings stays linear.
    """
    left = line_start
    if line_end - line_start > _WINDOW:
        left = max(line_start, min(start - 30, line_end - _WINDOW))
    right = min(line_end, left + _WINDOW)
    prefix = "…" if left > line_start else ""
    suffix = "…" if right < line_end else ""
    shown = text[left:right].rstrip("\r\n").replace("\t", " ")
    return prefix + shown + suffix, start - left + len(prefix)


def _summary(counts: Counter, fixable: Counter, results) -> str:
    total = sum(counts.values())
    files = len(results)
    skipped = sum(1 for r in results if r.error)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
             for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
    detail = f" ({', '.join(parts)})" if parts else ""
    line = f"{total} finding{'s' if total != 1 else ''}{detail} in {files} file{'s' if files != 1 else ''}"
    if skipped:
        line += f", {skipped} skipped"
    return line + _fixable(fixable) + "."


def _fixable(fixable: Counter) -> str:
    """How many `fix` applies, and how many only with --unsafe-fixes
    (display-only suggestions are never applied, so not counted)."""
    safe, unsafe = fixable[Applicability.SAFE], fixable[Applicability.UNSAFE]
    parts = []
    if safe:
        parts.append(f"{safe} fixable with `copydesk fix`")
    if unsafe:
        parts.append(f"{unsafe} {'more ' if safe else ''}with `copydesk fix --unsafe-fixes`")
    return "; " + ", ".join(parts) if parts else ""
