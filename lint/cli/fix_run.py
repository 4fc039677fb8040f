"""Running `copydesk fix`: fix each file, deliver the edition, write the audit log.

Apart from `fix.py` (the parser) because it needs the whole pipeline, which
`copydesk --help` and the other commands should not load."""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

from lint.cli.common import any_missing, command_line_from, exit_code, fail_on_per_file, warn
from lint.fix import FixResult, Relinter, fix_document
from lint.fix.interactive import InteractiveEditor
from lint.model import Applicability, Document
from lint.positions import LineIndex
from lint.read import InputError, read_document
from lint.render.json_format import finding_to_dict
from lint.run.pipeline import FileResult, Linter
from lint.store.atomic import Snapshot, WriteRefused, write_atomic
from lint.store.orphans import sweep_orphans

LOG_VERSION = 1


def encode(document: Document, text: str) -> bytes:
    """The text in the document's own encoding, with its BOM if it had one."""
    return (("\ufeff" if document.bom else "") + text).encode(document.encoding)


NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(path: str, result: FixResult) -> str:
    """The edition as a unified diff against the original that `patch` and
    `git apply` take: lines split at "\\n" only (not at the other breaks
    str.splitlines knows), and a last line without a newline marked so."""
    lines = difflib.unified_diff(_patch_lines(result.original), _patch_lines(result.fixed),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(line if line.endswith("\n") else line + "\n" + NO_NEWLINE for line in lines)


def _patch_lines(text: str) -> list[str]:
    lines = text.split("\n")
    last = lines.pop()
    return [line + "\n" for line in lines] + ([last] if last else [])


def log_entry(path: str, result: FixResult) -> dict:
    """One file's audit trail: applied changes (original lines) and unfixed findings (edition lines)."""
    original, edition = LineIndex(result.original), LineIndex(result.fixed)

    def unfixed(finding, index, text):
        entry = finding_to_dict(finding, text, index)
        entry["needs_editor"] = finding.fix is None or finding.fix.applicability < Applicability.SAFE
        return entry

    return {
        "path": path,
        "applied": [{"rule": c.rule, "before": c.before, "after": c.after, "line": c.line,
                     "column": original.line_col(c.start)[1], "start": c.start, "end": c.end,
                     "applicability": str(c.applicability), "message": c.message, "pass": c.pass_number}
                    for c in result.applied],
        "unfixed": [unfixed(f, edition, result.fixed) for f in result.remaining],
        "skipped": [unfixed(f, original, result.original) for f in result.skipped],
        "summary": {"fixed": len(result.applied), "remaining": len(result.remaining),
                    "needs_editor": result.needs_editor, "skipped": len(result.skipped),
                    "passes": result.passes, "converged": result.converged},
    }


def fix_file(linter: Linter, path: Path, args) -> tuple[FixResult, Document, Snapshot | None]:
    """Read one file and fix it; raises InputError."""
    try:
        snapshot = Snapshot.of(path)  # before reading: any later change is detected
    except OSError:
        snapshot = None  # read_document names the problem
    document = read_document(path)
    relint = Relinter(linter, path)
    if args.decisions:
        from lint.decisions.fixing import fix_with_decisions

        return fix_with_decisions(document, relint, args.decisions_loaded, path), document, snapshot
    decide = InteractiveEditor(str(path)) if args.interactive else None
    result = fix_document(document, relint, unsafe=args.unsafe_fixes, select=args.select,
                          ignore=args.ignore, decide=decide)
    for note in relint.notes:
        warn(f"{path}: {note}")
    return result, document, snapshot


def deliver(path: Path, document: Document, result: FixResult, snapshot: Snapshot | None, args) -> None:
    """Write the edition where the options say; raises WriteRefused or OSError."""
    if document.format == "docx" and not args.diff:
        from lint.cli.fix_docx import deliver_docx

        deliver_docx(path, result, snapshot, args)
    elif args.diff:
        sys.stdout.write(unified_diff(str(path), result))
        sys.stdout.flush()
    elif args.in_place:
        if result.fixed != result.original:
            backup = None if args.no_backup else path.with_name(path.name + ".orig")
            write_atomic(path, encode(document, result.fixed), expected=snapshot, backup=backup)
    elif args.output:
        args.output.write_bytes(encode(document, result.fixed))
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(encode(document, result.fixed))
        sys.stdout.buffer.flush()


def summary_line(path: Path, result: FixResult) -> str:
    """'PATH: N fixed, M remaining (K need an editor)' plus skips and non-convergence."""
    line = f"{path}: {result.summary}"
    if result.skipped:
        line += f"; {len(result.skipped)} conflicting fix{'es' if len(result.skipped) != 1 else ''} skipped"
    if not result.converged:
        line += f"; fixes still changing the text after {result.passes} passes"
    return line


def run(args) -> int:
    """Fix the files as asked; return the exit code."""
    if any_missing(args.paths):
        return 2
    linter = Linter(command_line_from(args))
    paths = list(linter.files(args.paths))
    if len(paths) != 1 and not (args.in_place or args.diff):
        warn("several files need --in-place or --diff (an edition goes to one place)")
        return 2
    if (args.interactive or args.decisions) and len(paths) != 1:
        warn(f"{'--interactive' if args.interactive else '--decisions'} fixes one file at a time")
        return 2
    if args.decisions and (args.interactive or args.unsafe_fixes):
        warn("--decisions applies exactly the editor's decisions: not with --interactive or --unsafe-fixes")
        return 2
    if args.decisions:
        from lint.decisions import load_decisions

        args.decisions_loaded = load_decisions(args.decisions)  # a DecisionError names the file
    failed, entries, results = False, [], []
    if args.in_place:  # what a killed run left behind
        for directory in {path.parent for path in paths}:
            sweep_orphans(directory)
    for path in paths:
        try:
            result, document, snapshot = fix_file(linter, path, args)
            deliver(path, document, result, snapshot, args)
        except InputError as exc:
            warn(f"{path}: skipped: {exc}")
            failed = failed or exc.fatal
            continue
        except (WriteRefused, OSError) as exc:
            warn(str(exc) if isinstance(exc, WriteRefused) else f"{path}: cannot write: {exc.strerror or exc}")
            failed = True
            continue
        print(summary_line(path, result), file=sys.stderr)
        entries.append(log_entry(str(path), result))
        if args.decisions:
            from lint.decisions.fixing import dismissed_log

            entries[-1]["dismissed"] = dismissed_log(args.decisions_loaded, result.original)
            words = args.decisions_loaded.vocabulary
            if words:
                warn(f"{len(words)} word{'' if len(words) == 1 else 's'} for the vocabulary: "
                     f"copydesk vocab add --decisions {args.decisions}")
        results.append(FileResult(path, findings=result.remaining))
    if args.log:
        try:
            args.log.write_text(json.dumps({"version": LOG_VERSION, "files": entries}, ensure_ascii=False,
                                           indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            warn(f"{args.log}: cannot write the log: {exc.strerror or exc}")
            failed = True
    if failed:
        return 2
    code = exit_code(results, fail_on_per_file(linter, args))
    return 0 if args.exit_zero and code == 1 else code

