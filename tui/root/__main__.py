"""``python -m postmortem``: the same as the ``postmortem`` command."""

import sys

from postmortem.tui.cli import main

sys.exit(main())
