"""`python -m course.export`: see course.export.cli."""

import sys

from course.export.cli import main

sys.exit(main())
