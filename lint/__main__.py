"""`python -m lint` runs the copydesk command line."""

from lint.cli import run

run()
