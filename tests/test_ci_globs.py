"""`exclude` and `overrides` globs work as in .gitignore (issue 22, problem 15)."""

from __future__ import annotations

from conftest import check_json

TYPO = "We recieve it.\n"


def _tree(tmp_path, config: str):
    (tmp_path / "copydesk.yaml").write_text(config, encoding="utf-8")
    for name in ("docs/a.md", "docs/deep/b.md", "drafts/x.md", "notes/drafts/y.md", "top.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TYPO, encoding="utf-8")


def _checked(tmp_path) -> dict:
    data, proc = check_json(tmp_path, "--no-languagetool", cwd=tmp_path)
    return {f["path"].replace(str(tmp_path) + "/", ""): f["findings"] for f in data["files"]}


def test_exclude_single_star_stays_in_one_folder_and_leading_slash_anchors(tmp_path):
    _tree(tmp_path, 'exclude: ["docs/*.md", "/drafts"]\n')
    checked = set(_checked(tmp_path))
    assert "docs/a.md" not in checked and "drafts/x.md" not in checked
    assert {"docs/deep/b.md", "notes/drafts/y.md", "top.md"} <= checked  # * is one folder; / anchors


def test_exclude_folder_pattern_and_double_star(tmp_path):
    _tree(tmp_path, 'exclude: ["drafts/", "docs/**/b.md"]\n')
    checked = set(_checked(tmp_path))
    assert checked == {"docs/a.md", "top.md"}


def test_overrides_match_as_gitignore(tmp_path):
    _tree(tmp_path, 'overrides:\n  - files: ["docs/*.md", "/drafts"]\n    disable: [typos, spelling]\n')
    checked = _checked(tmp_path)
    assert checked["docs/a.md"] == [] and checked["drafts/x.md"] == []
    assert checked["docs/deep/b.md"] and checked["notes/drafts/y.md"] and checked["top.md"]
