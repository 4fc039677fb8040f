"""`python -m lint` runs the copydesk command line."""

import sys

from .cli import main

sys.exit(main())
