"""Import textstat without its pkg_resources warning.

textstat 0.7.4 does `import pkg_resources`, which setuptools 80 answers
with a UserWarning on stderr — once in every process that imports it, so a
parallel run (pre-commit's hook, `--jobs`) printed it once per worker. The
warning is about textstat's code, not the user's text: it is silenced for
that one import only, by its message.
"""

from __future__ import annotations

import warnings


def import_textstat():
    """The textstat module, imported quietly."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
        warnings.filterwarnings("ignore", message=".*pkg_resources", category=DeprecationWarning)
        import textstat
    return textstat
