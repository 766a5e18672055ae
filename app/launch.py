"""The `darien` command's entry point: the service is loaded with the garbage collector paused.

Loading it allocates a few hundred thousand objects that live as long as the process (modules,
classes, routes, schemas). With the collector running, each full pass walks all of them again,
a sixth of a server's start-up; with it paused, and those objects then frozen (gc.freeze), they
are never walked at all. The collector runs as usual for everything allocated afterwards.
"""

import gc
import sys


def main() -> None:
    """Console-script entry point (see app.cli for the commands)."""
    gc.disable()
    try:
        from app.cli import cli
    finally:
        gc.freeze()
        gc.enable()
    sys.exit(cli())
