import sys

from claimkit.cli import main

sys.exit(main())
