"""``python -m claimkit``: the same command line as ``claimkit`` (:func:`claimkit.cli.main`)."""

import sys

from claimkit.cli import main

sys.exit(main())
