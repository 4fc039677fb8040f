"""Baselines: accept the findings of today, fail on new ones only, even
after lines move."""

from __future__ import annotations

import json
import shutil

from conftest import FIXTURES, check_json, run_copydesk

ARTICLE = FIXTURES / "article.txt"


def test_baseline_on_the_seed_article_then_one_new_error(tmp_path):
    article = tmp_path / "article.txt"
    shutil.copy(ARTICLE, article)
    baseline = tmp_path / "copydesk-baseline.json"
    made = run_copydesk("baseline", "create", article, "-o", baseline, "--no-languagetool", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert entries and all(e["path"] == "article.txt" for e in entries)

    clean = run_copydesk("check", article, "--baseline", baseline, "--no-languagetool", cwd=tmp_path)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert f"{len(entries)} known findings hidden" in clean.stderr

    # Lines move (a new first paragraph) and one new error arrives at the end.
    text = article.read_text(encoding="utf-8")
    article.write_text("An editor's note was added above the story.\n\n" + text
                       + "\nThe ministry will recieve the report on Monday.\n", encoding="utf-8")
    data, proc = check_json(article, "--baseline", baseline, "--no-languagetool", cwd=tmp_path)
    assert proc.returncode == 1
    findings = data["files"][0]["findings"]
    assert [(f["rule"], f["text"]) for f in findings] == [("typos.misspelling", "recieve")]


def test_baseline_made_for_the_fixture_in_place_hides_all_its_findings(tmp_path):
    baseline = tmp_path / "base.json"
    assert run_copydesk("baseline", "create", ARTICLE, "-o", baseline, "--no-languagetool").returncode == 0
    data, proc = check_json(ARTICLE, "--baseline", baseline, "--no-languagetool")
    assert proc.returncode == 0 and data["summary"]["findings"] == 0


def _typos_after_baseline(tmp_path, before: str, after: str):
    """Baseline `before`, change the file to `after`, check it against the baseline."""
    doc = tmp_path / "a.txt"
    doc.write_text(before, encoding="utf-8")
    baseline = tmp_path / "base.json"
    run_copydesk("baseline", "create", doc, "-o", baseline, "--no-languagetool", "--select", "typos")
    doc.write_text(after, encoding="utf-8")
    return check_json(doc, "--baseline", baseline, "--no-languagetool", "--select", "typos")


def test_a_repeated_finding_counts_once_per_accepted_occurrence(tmp_path):
    data, proc = _typos_after_baseline(tmp_path, "We recieve it.\n", "We recieve it.\nWe recieve it.\n")
    assert proc.returncode == 1 and data["summary"]["findings"] == 1


def test_fixing_a_neighbour_keeps_the_other_finding_known(tmp_path):
    data, proc = _typos_after_baseline(tmp_path, "We recieve it. The goverment agreed.\n",
                                       "We receive it. The goverment agreed.\n")
    assert proc.returncode == 0 and data["summary"]["findings"] == 0
    assert "1 no longer found" in proc.stderr


def test_missing_or_broken_baseline_is_a_one_line_error(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Fine.\n", encoding="utf-8")
    missing = run_copydesk("check", doc, "--baseline", tmp_path / "none.json", "--no-languagetool")
    assert missing.returncode == 2 and "baseline create" in missing.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    proc = run_copydesk("check", doc, "--baseline", broken, "--no-languagetool")
    assert proc.returncode == 2 and "broken.json" in proc.stderr
    for p in (missing, proc):
        assert "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1
