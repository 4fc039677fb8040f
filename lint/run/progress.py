"""The progress bar of a long run, on stderr when it is a terminal.

It starts with the run (reading files, the cache, compiling the rules,
starting LanguageTool, checking) and shows once the run has lasted
PROGRESS_DELAY seconds, even while one long file keeps the count still: a
clock thread redraws it, since tqdm itself draws only when the count moves
(and its own monitor thread is off, as worker processes are forked).
"""

from __future__ import annotations

import sys
import threading

PROGRESS_DELAY = 1.0  # seconds; shorter runs never show a bar
REDRAW = 0.5  # seconds between redraws once shown


class Progress:
    """A tqdm bar over `total` files, or nothing when not wanted."""

    def __init__(self, total: int, wanted: bool | None = None):
        self.bar = None
        if wanted is False or (wanted is None and not sys.stderr.isatty()) or total == 0:
            return
        from tqdm import tqdm  # imported late: most runs never show a bar

        tqdm.monitor_interval = 0
        self.bar = tqdm(total=total, unit="file", file=sys.stderr, delay=PROGRESS_DELAY, leave=False,
                        desc="copydesk: reading")
        self._stop = threading.Event()
        self._clock = threading.Thread(target=self._redraw, name="copydesk-progress", daemon=True)
        self._clock.start()

    def _redraw(self) -> None:
        if self._stop.wait(PROGRESS_DELAY):
            return
        while not self._stop.is_set() and self.bar is not None:
            self.bar.refresh()
            self._stop.wait(REDRAW)

    def stage(self, text: str) -> None:
        """Name what the run is doing now ("checking", "loading rules")."""
        if self.bar is not None:
            self.bar.set_description_str(f"copydesk: {text}", refresh=False)

    def advance(self, count: int = 1) -> None:
        """Count files done."""
        if self.bar is not None:
            self.bar.update(count)

    def close(self) -> None:
        """Stop the clock and clear the bar."""
        if self.bar is not None:
            self._stop.set()
            self._clock.join()
            self.bar.close()
