"""What GitHub code scanning asks of a SARIF log beyond the schema: rule
help (full description, Markdown help with the rule's examples, a help URI),
a fingerprint unique to each result, and URIs relative to the repository
root (`originalUriBaseIds`), not to wherever the command was run."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from lint.render.located import path_uri

ROOT_ID = "SRCROOT"
LANGUAGETOOL_RULE_PAGE = "https://community.languagetool.org/rule/show/{id}?lang=en"


def rule_descriptor(finding, spec) -> dict:
    """The reportingDescriptor of a rule; `spec` is its RuleSpec, or None
    for rules defined elsewhere (LanguageTool)."""
    entry = {"id": finding.rule, "shortDescription": {"text": f"{finding.category}: {finding.rule}"}}
    if spec is not None:
        why = " ".join(spec.description.split()) or spec.message
        entry["fullDescription"] = {"text": why}
        entry["help"] = {"text": why, "markdown": _help_markdown(spec, why)}
        if spec.link:
            entry["helpUri"] = spec.link
    elif finding.rule.startswith("lt."):
        name = finding.rule[3:]
        page = LANGUAGETOOL_RULE_PAGE.format(id=quote(name))
        entry["fullDescription"] = {"text": f"LanguageTool rule {name}: {finding.message}"}
        entry["help"] = {"text": f"LanguageTool rule {name}; see {page}",
                         "markdown": f"LanguageTool rule `{name}`. Its description and examples: [{page}]({page})"}
        entry["helpUri"] = page
    return entry


def _help_markdown(spec, why: str) -> str:
    lines = [f"**{spec.id}** ({spec.kind}, fix: {spec.fix or 'none'})", "", why]
    if spec.examples.flag:
        lines += ["", "Flagged:", ""] + [f"- {_md(text)}" for text in spec.examples.flag]
    if spec.examples.allow:
        lines += ["", "Not flagged:", ""] + [f"- {_md(text)}" for text in spec.examples.allow]
    lines += ["", f"Explain it locally: `copydesk rule {spec.id}`"]
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")


class UniqueFingerprints:
    """Fingerprints unique to each result: the finding's own (rule, text,
    context) mixed with its file, plus its occurrence among identical ones,
    as GitHub's own line hashes do (``hash:2``)."""

    def __init__(self):
        self._seen: Counter = Counter()

    def __call__(self, path: str, fingerprint: str) -> str:
        digest = hashlib.sha256(f"{path}\0{fingerprint}".encode()).hexdigest()[:20]
        self._seen[digest] += 1
        return f"{digest}:{self._seen[digest]}"


def repository_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` (the current one) holding .git; else `start`."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


class Locator:
    """artifactLocations relative to the repository root, with the root as
    an `originalUriBaseIds` entry; files outside it keep an absolute URI."""

    def __init__(self, root: Path | None = None):
        self.root = root or repository_root()

    def location(self, path: str) -> dict:
        """The artifactLocation of a path as Copydesk shows it."""
        try:
            relative = Path(path).resolve().relative_to(self.root)
        except ValueError:
            return {"uri": path_uri(str(Path(path).resolve()))}
        return {"uri": quote(relative.as_posix()), "uriBaseId": ROOT_ID}

    def base_ids(self) -> dict:
        """The run's originalUriBaseIds."""
        return {ROOT_ID: {"uri": self.root.as_uri() + "/"}}
