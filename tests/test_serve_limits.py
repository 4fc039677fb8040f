"""Bad input and overload against the real service: each gets its status
code and a one-line reason, and the service keeps answering afterwards."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from conftest import FIXTURES
from servehelp import free_port, running_service

ARTICLE = (FIXTURES / "article.txt").read_text(encoding="utf-8")
BIG = ARTICLE * 330  # about 900 kB: under the default limit, a second or more to check


def one_line_reason(answer, status: int) -> str:
    assert answer.status_code == status, answer.text[:300]
    reason = answer.json()["error"]
    assert reason and "\n" not in reason and len(reason) < 300
    return reason


def still_answers(url: str, headers: dict | None = None) -> None:
    answer = requests.post(url + "/api/v1/check", json={"text": "Accoring to him."}, headers=headers, timeout=60)
    assert answer.status_code == 200
    assert [f["rule"] for f in answer.json()["files"][0]["findings"]] == ["typos.misspelling"]


@pytest.fixture(scope="module")
def guarded():
    with running_service("--no-languagetool", "--max-bytes", "5000",
                         env={**os.environ, "COPYDESK_TOKEN": "s3cret"}) as url:
        yield url


AUTH = {"Authorization": "Bearer s3cret"}


def test_missing_or_wrong_token_is_401_and_the_right_one_works(guarded):
    for path in ("/api/v1/check", "/v2/check", "/check"):
        reason = one_line_reason(requests.post(guarded + path, data="{}", timeout=10), 401)
        assert "bearer token is required" in reason
    wrong = requests.post(guarded + "/api/v1/check", json={"text": "x"}, timeout=10,
                          headers={"Authorization": "Bearer nope"})
    assert "wrong" in one_line_reason(wrong, 401)
    assert requests.get(guarded + "/healthcheck", timeout=10).status_code == 200
    still_answers(guarded, AUTH)


def test_oversized_text_is_413(guarded):
    answer = requests.post(guarded + "/api/v1/check", json={"text": "word " * 2000}, headers=AUTH, timeout=30)
    assert "more than this service accepts" in one_line_reason(answer, 413)
    answer = requests.post(guarded + "/v2/check", data={"text": "word " * 2000, "language": "en-US"},
                           headers=AUTH, timeout=30)
    one_line_reason(answer, 413)
    still_answers(guarded, AUTH)


@pytest.mark.parametrize("body, words", [
    (b'{"text": "unclosed', "malformed JSON"),
    (b'["text"]', "JSON object"),
    (b'{"format": "text"}', "'text' is missing"),
    (b'{"text": 3}', "must be a string"),
    (b'{"text": "x", "format": "docx"}', "unknown format 'docx'"),
    (b'{"text": "x", "config": {"rules_dirs": ["/etc"]}}', "cannot be set by a request"),
    (b'{"text": "x", "config": {"languagetool": {"url": "http://example.org"}}}', "cannot be set"),
    (b'{"text": "x", "config": {"severity": {"typos": "bogus"}}}', "request config: severity for 'typos'"),
    (b'{"text": "x", "config": {"enable": "typos"}}', "request config: 'enable' must be a list"),
])
def test_malformed_requests_are_400_with_a_reason(guarded, body, words):
    answer = requests.post(guarded + "/api/v1/check", data=body, timeout=30,
                           headers={**AUTH, "Content-Type": "application/json"})
    assert words in one_line_reason(answer, 400)
    still_answers(guarded, AUTH)


def test_languagetool_and_typerighter_bad_parameters_are_400(guarded):
    assert "language" in one_line_reason(
        requests.post(guarded + "/v2/check", data={"text": "x"}, headers=AUTH, timeout=10), 400)
    assert "not supported" in one_line_reason(
        requests.post(guarded + "/v2/check", data={"text": "x", "language": "de-DE"}, headers=AUTH, timeout=10), 400)
    assert "blocks" in one_line_reason(
        requests.post(guarded + "/check", json={"requestId": "r"}, headers=AUTH, timeout=10), 400)
    one_line_reason(requests.get(guarded + "/api/v1/check", headers=AUTH, timeout=10), 405)
    one_line_reason(requests.get(guarded + "/nowhere", headers=AUTH, timeout=10), 404)


def test_a_request_config_is_applied_and_names_no_file(guarded):
    config = {"disable": ["typos", "spelling"]}
    answer = requests.post(guarded + "/api/v1/check", headers=AUTH, timeout=30,
                           json={"text": "Accoring to him.", "config": config, "path": "/etc/passwd"})
    assert answer.status_code == 200
    data = answer.json()["files"][0]
    assert data["path"] == "passwd" and data["findings"] == []


def test_a_flood_beyond_the_queue_gets_503_with_retry_after():
    with running_service("--no-languagetool", "--queue", "2") as url:
        def send(_):
            return requests.post(url + "/api/v1/check", json={"text": BIG}, timeout=120)
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(send, range(8)))
        statuses = sorted(a.status_code for a in answers)
        assert set(statuses) == {200, 503} and statuses.count(200) >= 1, statuses
        refused = next(a for a in answers if a.status_code == 503)
        assert refused.headers["Retry-After"].isdigit()
        assert "retry shortly" in one_line_reason(refused, 503)
        still_answers(url)


def test_a_check_over_the_timeout_is_504_and_the_service_recovers():
    with running_service("--no-languagetool", "--timeout", "0.2") as url:
        answer = requests.post(url + "/api/v1/check", json={"text": BIG}, timeout=120)
        assert "longer than 0.2 s" in one_line_reason(answer, 504)
        deadline = time.monotonic() + 60
        while True:  # the worker finishes the long check, then answers again
            answer = requests.post(url + "/api/v1/check", json={"text": "Accoring to him."}, timeout=60)
            if answer.status_code == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert answer.status_code == 200


def test_languagetool_down_gives_builtin_findings_and_a_warning_not_a_500():
    dead = f"http://127.0.0.1:{free_port()}"
    with running_service("--languagetool", dead) as url:
        answer = requests.post(url + "/api/v1/check", json={"text": ARTICLE}, timeout=120)
        assert answer.status_code == 200
        entry = answer.json()["files"][0]
        assert any(f["rule"] == "facts.wrong-descriptor" for f in entry["findings"])
        assert any("LanguageTool" in note and dead in note for note in entry["notes"])
        lt = requests.post(url + "/v2/check", data={"text": ARTICLE, "language": "en-US"}, timeout=120).json()
        assert lt["warnings"]["incompleteResults"] is True and lt["matches"]


def test_required_languagetool_down_is_503_and_the_service_stays_up():
    dead = f"http://127.0.0.1:{free_port()}"
    with running_service("--languagetool", dead, "--require", "languagetool") as url:
        answer = requests.post(url + "/api/v1/check", json={"text": "Accoring to him."}, timeout=120)
        assert "LanguageTool is required" in one_line_reason(answer, 503)
        assert answer.headers["Retry-After"].isdigit()
        assert requests.get(url + "/api/v1/rules", timeout=30).status_code == 200
