"""The corrected edition of the seed article: what it fixes, and that the
committed copy under reports/ is what `scripts/regenerate-reports` makes now."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, ROOT, run_copydesk

ARTICLE = FIXTURES / "article.txt"
REPORTS = ROOT / "reports"


@pytest.fixture(scope="module")
def edition():
    proc = run_copydesk("fix", "fixtures/article.txt", "--unsafe-fixes")
    assert proc.stdout, proc.stderr
    return proc.stdout


@pytest.mark.parametrize("wanted", ["According", "worldwide", "an innovation", "boost the development",
                                    "by using", "pathway"])
def test_edition_has_the_corrections(edition, wanted):
    assert wanted in edition


@pytest.mark.parametrize("debris", ["Hot search keywords", "Please sign in first", "副本"])
def test_edition_drops_the_page_debris(edition, debris):
    assert debris not in edition


def test_edition_no_longer_calls_cetc_an_electricity_utility(edition):
    assert "CETC" in edition
    assert "electricity utility" not in edition


def test_without_unsafe_fixes_only_safe_fixes_apply(tmp_path):
    log = tmp_path / "log.json"
    safe_only = run_copydesk("fix", "fixtures/article.txt", "--log", log).stdout
    entry = json.loads(log.read_text())["files"][0]
    assert entry["applied"], "the article has safe fixes"
    assert {c["applicability"] for c in entry["applied"]} == {"safe"}
    unsafe_left = [f for f in entry["unfixed"] if f["fix"] and f["fix"]["applicability"] == "unsafe"]
    assert unsafe_left, "the article has unsafe fixes, which stay for an editor"
    assert all(f["needs_editor"] for f in unsafe_left)
    for finding in unsafe_left:  # each is still there, word for word
        assert safe_only[finding["start"]:finding["end"]] == finding["text"]


def test_the_committed_edition_is_fresh(regenerated_reports):
    for name in ("article.fixed.txt", "article.fix-log.json"):
        assert (regenerated_reports / name).read_bytes() == (REPORTS / name).read_bytes(), (
            f"reports/{name} is stale: run ./scripts/regenerate-reports and commit it")
