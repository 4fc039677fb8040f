"""Knowledge written once: each of these once lived in two places that drifted apart."""

import json
import subprocess
import sys

from lint.check import metrics
from lint.check.indefinite import indefinite_article
from lint.model import Block
from lint.run.pipeline import CommandLine, Linter

FACTS = """entities:
  - id: acme
    type: organisation
    names: [Acme Holdings]
    is: a Swiss maker of clocks
    descriptor: the Swiss clock maker
    wrong:
      - descriptor: utility monopoly
        fits: State Grid Corporation of China
      - descriptor: European bank
        fits: Deutsche Bank
"""


def copydesk(*args, cwd):
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True,
                          text=True, check=False)


def test_facts_messages_use_the_article_the_sound_takes(tmp_path):
    (tmp_path / "kb" / "facts").mkdir(parents=True)
    (tmp_path / "kb" / "facts" / "acme.yaml").write_text(FACTS)
    (tmp_path / "copydesk.yaml").write_text("rules_dirs: [kb]\nlanguagetool: {enabled: false}\n")
    (tmp_path / "a.txt").write_text("Acme Holdings, the utility monopoly, and Acme Holdings, the European bank, "
                                    "said so.\n")
    run = copydesk("check", "--format", "json", "a.txt", cwd=tmp_path)
    messages = [f["message"] for f in json.loads(run.stdout)["files"][0]["findings"]
                if f["category"] == "facts"]
    assert any("not a utility monopoly" in m for m in messages), messages
    assert any("not a European bank" in m for m in messages), messages
    assert not any("an utility" in m or "an European" in m for m in messages)


def test_the_article_function_knows_sounds_not_letters():
    assert [indefinite_article(w) for w in ("utility", "European", "hour", "MBA", "apple", "one-off")] == [
        "a", "a", "an", "an", "an", "a"]


def test_folders_walk_every_suffix_a_named_file_is_checked_with(tmp_path):
    for name in ("a.mdx", "b.xhtml", "c.text", "d.md"):
        (tmp_path / name).write_text("Accoring to the report, it grew.\n" if not name.endswith("xhtml")
                                     else "<html><body><p>Accoring to the report, it grew.</p></body></html>\n")
    walked = {r.path.name for r in Linter(CommandLine(languagetool=False)).lint_paths([tmp_path])}
    assert walked == {"a.mdx", "b.xhtml", "c.text", "d.md"}


def test_the_report_grades_sentences_as_the_json_summary_does():
    """One sentence, one grade: the report's hardest sentence and the summary agree."""
    from lint.report.readability import hardest_sentences

    text = ("Notwithstanding considerable institutional reluctance, the consolidated "
            "administrative apparatus systematically operationalised its comprehensive "
            "digitalisation initiatives throughout the subsequent financial year.")
    block = Block.verbatim(text, 0, "paragraph")
    summary = metrics.document_metrics([block])
    [hardest] = hardest_sentences(text, [block])
    assert hardest.grade == summary["flesch_kincaid_grade"]
