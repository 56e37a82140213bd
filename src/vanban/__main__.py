"""``python -m vanban``."""

import sys

from vanban.cli import main

sys.exit(main())
