"""Fetch the LanguageTool jars from Maven Central, and find Java to run them.

`provision` copies the bundled pom into the cache directory and runs
``mvn dependency:copy-dependencies`` there, showing progress on stderr. The
jars land in ``jars-<version>/``; a stamp written last marks them complete,
so an interrupted download is simply redone.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import deque
from pathlib import Path

from lint.check.engine import SourceUnavailable
from lint.check.languagetool.locations import POM, Layout, file_lock, pom_digest

OTHER_WAYS = ("or use a running LanguageTool server with --languagetool URL (languagetool.url "
              "in copydesk.yaml), or check with the built-in rules only (--no-languagetool)")
MIN_JAVA = 17
# Named in full (not "dependency:"): a pinned plugin version, and a network
# failure then reads "could not transfer artifact" rather than "no plugin found".
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
# Maven phrases that mean the repository could not be reached at all.
# Most specific first: the first one found is named in the message.
_NETWORK_SIGNS = ("connection refused", "unknown host", "unknownhost", "network is unreachable",
                  "no route to host", "timed out", "could not resolve host", "transfer failed",
                  "could not transfer")
_REPOSITORY_URL = re.compile(r"from/to \S+ \((https?://[^)\s]+)\)")
_DOWNLOADED = re.compile(r"Downloaded from [^:]+: (\S+) \(([\d.]+) (B|kB|MB|GB)")
_UNITS = {"B": 1e-6, "kB": 1e-3, "MB": 1.0, "GB": 1e3}


def find_java() -> str:
    """The java executable ($JAVA_HOME first, then PATH), or a clear error."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    found = shutil.which("java")
    if not found:
        raise SourceUnavailable(
            f"Java was not found (no java on PATH or in JAVA_HOME); LanguageTool needs Java "
            f"{MIN_JAVA} or later: install it (e.g. `apt-get install openjdk-17-jre-headless`), "
            + OTHER_WAYS)
    return found


def check_java_version(java: str) -> None:
    """Refuse a Java older than LanguageTool 6 needs, naming the fix."""
    try:
        proc = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SourceUnavailable(f"could not run {java}: {exc}; install Java {MIN_JAVA}+, "
                                + OTHER_WAYS) from None
    found = re.search(r'version "(\d+)(?:\.(\d+))?', proc.stderr + proc.stdout)
    if not found:
        return  # an unusual build: let the server start decide
    major = int(found.group(1))
    if major == 1:  # "1.8" style numbering
        major = int(found.group(2) or 0)
    if major < MIN_JAVA:
        raise SourceUnavailable(f"{java} is Java {major}; LanguageTool needs Java {MIN_JAVA} or "
                                f"later: install a newer Java or set JAVA_HOME to one, " + OTHER_WAYS)


def find_maven() -> str:
    """The mvn executable, or a clear error."""
    found = shutil.which("mvn")
    if not found:
        raise SourceUnavailable(
            "Maven (mvn) was not found on PATH, so LanguageTool cannot be fetched: install it "
            "(e.g. `apt-get install maven`) and run `copydesk setup`, " + OTHER_WAYS)
    return found


def jars_ready(layout: Layout) -> bool:
    """True when the jars for the bundled pom are complete."""
    try:
        return layout.jars_stamp.read_text().strip() == pom_digest()
    except OSError:
        return False


def provision(layout: Layout, stream=None) -> Path:
    """Make sure the jars are in the cache directory; return their folder."""
    if jars_ready(layout):
        return layout.jars
    layout.ensure()
    with file_lock(layout.provision_lock):
        if jars_ready(layout):  # another process finished while we waited
            return layout.jars
        mvn = find_maven()
        find_java()  # fail before a 250 MB download that could not run
        _run_maven(mvn, layout, stream or sys.stderr)
    return layout.jars


def _run_maven(mvn: str, layout: Layout, stream) -> None:
    partial = layout.jars.with_name(layout.jars.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    layout.maven_dir.mkdir(parents=True, exist_ok=True)
    pom = layout.maven_dir / "pom.xml"
    shutil.copyfile(POM, pom)
    command = [mvn, "-B", "-f", str(pom), DEPENDENCY_PLUGIN + ":copy-dependencies",
               f"-DoutputDirectory={partial}"]
    progress = _Progress(stream, layout.version)
    tail: deque[str] = deque(maxlen=200)
    proc = None
    try:
        with open(layout.maven_log, "w", encoding="utf-8") as log:
            proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, text=True, errors="replace",
                                    cwd=layout.maven_dir)
            assert proc.stdout is not None  # stdout=PIPE
            for line in proc.stdout:
                log.write(line)
                tail.append(line.rstrip())
                progress.feed(line)
            code = proc.wait()
    except OSError as exc:
        raise SourceUnavailable(f"could not run Maven ({mvn}): {exc}; " + OTHER_WAYS) from None
    except KeyboardInterrupt:
        if proc is not None:
            proc.kill()
        raise
    if code != 0:
        progress.finish(None)
        raise SourceUnavailable(_maven_failure(code, list(tail), layout))
    shutil.rmtree(layout.jars, ignore_errors=True)
    partial.rename(layout.jars)
    layout.jars_stamp.write_text(pom_digest() + "\n")
    progress.finish(layout.jars)


def _maven_failure(code: int, lines: list[str], layout: Layout) -> str:
    errors = [line.removeprefix("[ERROR]").strip() for line in lines if line.startswith("[ERROR]")]
    first = next((e for e in errors if e), lines[-1] if lines else "no output")
    text = "\n".join(lines).lower()
    cause = next((sign for sign in _NETWORK_SIGNS if sign in text), None)
    if cause:
        urls = _REPOSITORY_URL.findall("\n".join(lines))
        where = f"{urls[0]}: " if urls else ""
        return (f"could not download LanguageTool {layout.version} from Maven Central ({where}"
                f"{cause}): check the network connection or proxy (Maven reads proxies and "
                f"mirrors from ~/.m2/settings.xml) and run `copydesk setup` again, " + OTHER_WAYS)
    return (f"Maven could not fetch LanguageTool {layout.version} (exit {code}: {first[:300]}); "
            f"full output in {layout.maven_log}; " + OTHER_WAYS)


class _Progress:
    """Maven's download log turned into one progress line on stderr."""

    def __init__(self, stream, version: str):
        self.stream = stream
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.files = 0
        self.megabytes = 0.0
        self.shown = 0
        self._say(f"copydesk: fetching LanguageTool {version} with Maven (about 250 MB the first "
                  f"time)...", end="\n")

    def feed(self, line: str) -> None:
        """Count one line of Maven output."""
        found = _DOWNLOADED.search(line)
        if not found:
            return
        self.files += 1
        self.megabytes += float(found.group(2)) * _UNITS[found.group(3)]
        if self.tty or self.files - self.shown >= 40:
            self.shown = self.files
            self._say(self._status(), end="\r" if self.tty else "\n")

    def finish(self, jars: Path | None) -> None:
        """The closing line: how many jars are in place, or nothing on failure."""
        if jars is not None:
            count = sum(1 for _ in jars.glob("*.jar"))
            self._say(f"{self._status()}; {count} jars ready in {jars}", end="\n")
        elif self.tty:
            self._say("", end="\n")

    def _status(self) -> str:
        return f"copydesk:   downloaded {self.files} files ({self.megabytes:.0f} MB)"

    def _say(self, text: str, end: str) -> None:
        prefix = "\r\033[K" if self.tty else ""
        print(prefix + text, end=end, file=self.stream, flush=True)
