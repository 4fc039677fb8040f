"""Real LanguageTool grammar and spelling, fetched, started and managed by Copydesk.

- `locations`: the cache directory and the files in it.
- `provision`: fetch the jars with Maven; find Java.
- `server`: start, reuse, health-check and stop the local server.
- `client`: talk to a server through language-tool-python.
- `cache`: results per paragraph, on disk.
- `findings`: matches to findings; known words and names.
- `source`: the engine's checking source that ties these together.

`LanguageToolSource` is imported on first use (PEP 562), so that importing a
light submodule such as `locations` (for `copydesk server status`) does not
load the rules engine and the server manager.
"""

__all__ = ["LanguageToolSource"]


def __getattr__(name: str):
    if name == "LanguageToolSource":
        from lint.check.languagetool.source import LanguageToolSource

        return LanguageToolSource
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
