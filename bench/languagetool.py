"""The LanguageTool rows: Copydesk with a cold and a warm server, paragraph
cache cold and warm, against LanguageTool alone through its HTTP API."""

from __future__ import annotations

import re
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import corpora
from measure import BenchError, Row, Sample, format_table, run_once

_URL = re.compile(r"https?://(?:localhost|127\.0\.0\.1|\[::1\]):\d+")


def rows(bench, files: list[Path], words: int) -> dict[str, Row]:
    """Measure every LanguageTool row, or add skipped rows saying why not."""
    corpus = "rust-book"
    if bench.quick:
        files = files[:12]
        words = corpora.count_words(files)
        corpus = "rust-book[:12]"
    names = {
        "direct": "LanguageTool alone, HTTP /v2/check",
        "cold_no_cache": "copydesk + LT, cold server, cache off",
        "warm_cold_cache": "copydesk + LT, warm server, cache cold",
        "warm_warm_cache": "copydesk + LT, warm server, cache warm",
        "cold_warm_cache": "copydesk + LT, cold server, cache warm",
    }
    reason = _unavailable(bench)
    if reason:
        bench.notes.append(f"LanguageTool rows skipped: {reason}")
        skipped = {key: Row(name, corpus, words, note=reason, skipped=True) for key, name in names.items()}
        bench.rows.extend(skipped.values())
        for row in skipped.values():
            print(format_table([row]).splitlines()[-1], flush=True)
        return {}
    return _measure_all(bench, names, corpus, files, words)


def _commands(bench) -> set[str]:
    out = subprocess.run(bench.copydesk + ["--help"], capture_output=True, text=True, env=bench.env).stdout
    return set(re.findall(r"^\s{2,}([a-z][a-z-]+)\s", out, re.MULTILINE))


def _unavailable(bench) -> str | None:
    """Why the LanguageTool rows cannot run here, or None when they can."""
    commands = _commands(bench)
    missing = [c for c in ("setup", "server") if c not in commands]
    if missing:
        return (f"`copydesk {'` / `'.join(missing)}` not available yet "
                "(the LanguageTool integration has not landed)")
    setup = subprocess.run(bench.copydesk + ["setup"], capture_output=True, text=True, env=bench.env,
                           cwd=bench.work, timeout=1800)
    if setup.returncode != 0:
        return f"`copydesk setup` failed: {(setup.stderr or setup.stdout).strip().splitlines()[-1:]}"
    return None


def _server(bench, action: str) -> str:
    """Run `copydesk server ACTION`; return what it printed."""
    result = subprocess.run(bench.copydesk + ["server", action], capture_output=True, text=True,
                            env=bench.env, cwd=bench.work, timeout=300)
    return result.stdout + result.stderr


def server_url(bench) -> str:
    """The URL of the server Copydesk manages, starting it if needed."""
    for action in ("status", "start"):
        found = _URL.search(_server(bench, action))
        if found:
            return found.group()
    raise BenchError("could not learn the LanguageTool server URL from `copydesk server status|start`")


def _measure_all(bench, names: dict, corpus: str, files: list[Path], words: int) -> dict[str, Row]:
    paths = [str(p) for p in files]
    lt_args = ["check"]
    no_cache = ["--no-cache"] if "--no-cache" in bench.check_flags else []
    result: dict[str, Row] = {}

    def add(key: str, row: Row) -> Row:
        bench.rows.append(row)
        print(format_table([row]).splitlines()[-1], flush=True)
        result[key] = row
        return row

    def copydesk_row(key: str, extra: list[str], before=None, runs: int = 1) -> Row:
        row = Row(names[key], corpus, words)
        try:
            for _ in range(runs):
                if before:
                    before()
                row.samples.append(run_once(bench.copydesk + lt_args + extra + ["--require", "languagetool"]
                                            + paths, cwd=bench.work, env=bench.env, ok_codes=(0, 1)))
        except BenchError as exc:
            row.skipped, row.note = True, str(exc)
        return add(key, row)

    stop = lambda: _server(bench, "stop")  # noqa: E731
    copydesk_row("cold_no_cache", no_cache, before=stop)
    url = server_url(bench)
    add("direct", _direct_row(names["direct"], corpus, words, files, url, runs=1 if not bench.quick else 1))
    copydesk_row("warm_cold_cache", no_cache)
    # Fill the cache once, then time runs that find every paragraph in it.
    run_once(bench.copydesk + lt_args + paths, cwd=bench.work, env=bench.env)
    copydesk_row("warm_warm_cache", [], runs=3)
    copydesk_row("cold_warm_cache", [], before=stop)
    per_1000 = result["warm_cold_cache"].wall / words * 1000 if result["warm_cold_cache"].samples else None
    if per_1000:
        bench.notes.append(f"LanguageTool through Copydesk, warm server, cold cache: "
                           f"{per_1000:.3f} s per 1,000 words")
    return result


def _direct_row(name: str, corpus: str, words: int, files: list[Path], url: str, runs: int) -> Row:
    """Send each file's prose to /v2/check, one request per file, in order."""
    texts = [corpora.prose_of(p) for p in files]
    row = Row(name, corpus, words, note="wall time of the HTTP calls; server memory not counted")
    for _ in range(runs):
        start = time.perf_counter()
        for text in texts:
            check_text(url, text)
        row.samples.append(Sample(wall=time.perf_counter() - start, cpu=float("nan"), peak_mb=float("nan")))
    return row


def check_text(url: str, text: str, language: str = "en-US") -> dict:
    """POST one text to LanguageTool's /v2/check and return the parsed answer."""
    import json

    body = urllib.parse.urlencode({"text": text, "language": language}).encode("utf-8")
    request = urllib.request.Request(url.rstrip("/") + "/v2/check", data=body, method="POST")
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read().decode("utf-8"))
