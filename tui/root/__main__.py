"""``python -m postmortem``: the same as the ``postmortem`` command."""

import sys

from postmortem.tui.entry import main

sys.exit(main())
