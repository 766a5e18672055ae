"""Run `darien ingest FILE`, stopping inside its transaction until killed (for the SIGKILL test).

Usage: python tests/paused_ingest.py MARKER FILE. Once every row of the document is written and the
dataset version bumped, but before the commit, it creates MARKER and waits: the test kills it then.
"""

import sys
import time
from pathlib import Path
from typing import Any

from app.cli import cli
from app.storage import queries

marker, upload = Path(sys.argv[1]), sys.argv[2]
bump = queries.bump_dataset_version


def bump_then_wait(*args: Any, **kwargs: Any) -> int:
    version = bump(*args, **kwargs)
    marker.touch()
    time.sleep(60)  # the test kills the process long before this ends
    return version


queries.bump_dataset_version = bump_then_wait  # type: ignore[assignment]
cli(["ingest", upload])
