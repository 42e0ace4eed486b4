"""`python -m domainguard`: the command line."""

import sys

from domainguard.cli import main

sys.exit(main())
