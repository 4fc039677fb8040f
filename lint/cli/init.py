"""`copydesk init`: write a commented copydesk.yaml for the project found:
the formats present (and those skipped), the English it is written in
(British or American, from spellings such as colour/color), and the keys a
team usually sets first, commented out."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from lint.cli.common import sentence, warn

HELP = "write a commented copydesk.yaml for the project in a folder"
# (British, American) spellings that tell the two apart in running text.
_DIALECT_PAIRS = (("colour", "color"), ("organisation", "organization"), ("behaviour", "behavior"),
                  ("favour", "favor"), ("centre", "center"), ("analyse", "analyze"),
                  ("recognise", "recognize"), ("licence", "license"), ("programme", "program"),
                  ("realise", "realize"), ("optimise", "optimize"), ("customise", "customize"))
_WORD = re.compile(r"[a-z]+")


def add_parser(subparsers) -> None:
    """Register the command."""
    parser = subparsers.add_parser("init", help=HELP, description=sentence(HELP))
    parser.add_argument("folder", nargs="?", type=Path, default=Path("."),
                        help="the project folder (default: .)")
    parser.add_argument("--force", action="store_true", help="replace an existing copydesk.yaml")
    parser.set_defaults(func=run)


def run(args) -> int:
    """Survey the folder and write FOLDER/copydesk.yaml."""
    from lint.config.settings import Settings
    from lint.read import InputError, iter_files, read_document
    from lint.run.coverage import Skipped
    from lint.store.atomic import replace_file

    if not args.folder.is_dir():
        warn(f"error: {args.folder}: not a folder")
        return 2
    target = args.folder / "copydesk.yaml"
    if target.exists() and not args.force:
        warn(f"error: {target} exists; pass --force to replace it")
        return 2
    skipped = Skipped()
    formats: Counter = Counter()
    words: Counter = Counter()
    for path in iter_files([args.folder], Settings(config_path=target).is_excluded, skipped):
        try:
            document = read_document(path)
        except InputError:
            continue
        formats[document.format] += 1
        words.update(_WORD.findall(document.text.lower()))
    language = dialect(words)
    replace_file(target, config_text(formats, skipped, language).encode("utf-8"))
    found = ", ".join(f"{n} {name}" for name, n in sorted(formats.items())) or "no files to check yet"
    print(f"wrote {target}: {found}; {language}")
    return 0


def dialect(words: Counter) -> str:
    """en-GB when British spellings outnumber American ones, else en-US."""
    british = sum(words[gb] + words[gb + "s"] for gb, _ in _DIALECT_PAIRS)
    american = sum(words[us] + words[us + "s"] for _, us in _DIALECT_PAIRS)
    return "en-GB" if british > american else "en-US"


def config_text(formats: Counter, skipped, language: str) -> str:
    """The commented configuration."""
    present = ", ".join(f"{name} ({n} file{'s' if n != 1 else ''})" for name, n in sorted(formats.items()))
    lines = ["# Copydesk configuration, written by `copydesk init`; every key is checked",
             "# (a mistake is reported as file:line). See README.md, Configuration.",
             f"# Formats found: {present or 'none yet'}."]
    lines += [f"# Not checked: {line}." for line in skipped.lines(nothing_checked=not formats)]
    lines += ["",
              f"dialect: {language}                  # from the spellings found (colour/color ...); the speller's",
              "                                  # dictionary and LanguageTool's language",
              "",
              "# Rules: by id or pack prefix; `copydesk rules` lists them, `copydesk rule ID` explains one.",
              "# disable: [readability]",
              "# severity: {claims: warning}",
              "",
              "vocabulary:",
              "  accept: []                      # names and terms never flagged as misspellings",
              "",
              "# exclude: [drafts/, \"*.generated.md\"]   # .gitignore-style globs",
              "fail_on: error                    # error | warning | info | never",
              ""]
    return "\n".join(lines)
