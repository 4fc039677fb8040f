"""Real LanguageTool grammar and spelling, fetched, started and managed by Copydesk.

- `locations`: the cache directory and the files in it.
- `provision`: fetch the jars with Maven; find Java.
- `server`: start, reuse, health-check and stop the local server.
- `client`: talk to a server through language-tool-python.
- `cache`: results per paragraph, on disk.
- `findings`: matches to findings; known words and names.
- `source`: the engine's checking source that ties these together.
"""

from .source import LanguageToolSource

__all__ = ["LanguageToolSource"]
