"""The entity knowledge base: shipped facts, and a user's own entities in
their own rule directory, caught without touching the shipped rules."""

from __future__ import annotations

import textwrap

from conftest import ROOT, check_json, run_copydesk

from lint.ruleset.facts import load_entities

SIEMENS = textwrap.dedent("""\
    entities:
      - id: siemens
        names: [Siemens AG, Siemens]
        is: a German industrial conglomerate
        descriptor: the German industrial conglomerate
        wrong:
          - descriptor: Finnish telecommunications company
            fits: Nokia
    """)
DOCUMENT = ("Siemens, the Finnish telecommunications company, said on Monday that it would build "
            "more trains.\n\nAnalysts noted that Siemens is a Finnish telecommunications company "
            "with a long history.\n")


def _user_rules(tmp_path):
    facts = tmp_path / "house-rules" / "facts"
    facts.mkdir(parents=True)
    (facts / "companies.yaml").write_text(SIEMENS, encoding="utf-8")
    doc = tmp_path / "story.txt"
    doc.write_text(DOCUMENT, encoding="utf-8")
    return tmp_path / "house-rules", doc


def _facts(report):
    return [f for f in report["files"][0]["findings"] if f["rule"] == "facts.wrong-descriptor"]


def test_user_entity_from_rules_dir_flag_is_caught(tmp_path):
    rules, doc = _user_rules(tmp_path)
    report, proc = check_json(str(doc), "--rules-dir", str(rules), "--no-languagetool")
    found = _facts(report)
    assert proc.returncode == 1
    assert [f["text"] for f in found] == ["the Finnish telecommunications company",
                                         "a Finnish telecommunications company"]
    first = found[0]
    assert "German industrial conglomerate" in first["message"] and "Nokia" in first["message"]
    assert first["replacements"] == ["the German industrial conglomerate"]
    assert found[1]["replacements"] == ["a German industrial conglomerate"]
    assert first["fix"]["applicability"] == "unsafe"


def test_user_entity_from_config_rules_dirs_is_caught(tmp_path):
    rules, doc = _user_rules(tmp_path)
    (tmp_path / "copydesk.yaml").write_text("rules_dirs: [house-rules]\nlanguagetool: {enabled: false}\n",
                                            encoding="utf-8")
    report, _ = check_json(str(doc))
    assert len(_facts(report)) == 2


def test_without_the_user_entity_nothing_is_said_about_siemens(tmp_path):
    _, doc = _user_rules(tmp_path)
    report, _ = check_json(str(doc), "--no-languagetool")
    assert _facts(report) == []


def test_right_descriptions_pass(tmp_path):
    rules, doc = _user_rules(tmp_path)
    doc.write_text("Siemens, the German industrial conglomerate, said on Monday that Nokia, "
                   "the Finnish telecommunications company, would supply it.\n", encoding="utf-8")
    report, _ = check_json(str(doc), "--rules-dir", str(rules), "--no-languagetool")
    assert _facts(report) == []


def test_entity_without_names_is_an_error_at_file_and_line(tmp_path):
    facts = tmp_path / "house-rules" / "facts"
    facts.mkdir(parents=True)
    (facts / "bad.yaml").write_text("entities:\n  - id: siemens\n    is: a company\n", encoding="utf-8")
    doc = tmp_path / "story.txt"
    doc.write_text("Text.\n", encoding="utf-8")
    proc = run_copydesk("check", str(doc), "--rules-dir", str(tmp_path / "house-rules"), "--no-languagetool")
    assert proc.returncode == 2
    assert "bad.yaml:2:" in proc.stderr and "names" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_shipped_knowledge_base_covers_the_seed_organisations():
    entities = [e for path in sorted((ROOT / "rules" / "facts").glob("*.yaml")) for e in load_entities(path)]
    names = {name for e in entities for name in e.names}
    for name in ("CETC", "State Grid Corporation of China", "SGCC", "Sinochem Group", "TravelSky",
                 "State Grid Electric Vehicle Service Company"):
        assert name in names
    for entity in entities:
        assert entity.is_ and entity.descriptor.startswith("the "), entity.id
        assert entity.wrong, f"{entity.id} lists no wrong descriptors"
