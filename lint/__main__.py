"""`python -m lint` runs the copydesk command line."""

from .cli import run

run()
