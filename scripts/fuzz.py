"""`make fuzz`: schemathesis with every check against a live server built from the fixture seed.

The server is uvicorn on a free loopback port, on a fresh SQLite database in a temporary folder,
seeded with tests/fixtures/seed (or the real seed with --real-seed), with one API key so the
ingestion endpoints can be exercised. Exits with schemathesis's status: non-zero on any failure.

    python scripts/fuzz.py [--real-seed] [--max-examples N] [--seed N] [-- extra schemathesis args]
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import UVICORN, running, seeded_sqlite  # noqa: E402

# One run sends thousands of reads and writes from one address: the limiter would answer 429
# before the checks under test (a missing key must be a 401, a bad filter a 422) could be seen.
FUZZ_READS = "1000000/minute"
FUZZ_WRITES = "100000/minute"
API_KEY = "fuzz-key"


def schemathesis_command(base: str, args: argparse.Namespace) -> list[str]:
    """The schemathesis run against base: every check, every phase, a fixed seed."""
    binary = Path(sys.executable).parent / "schemathesis"
    return [
        str(binary),
        "--config-file",
        str(ROOT / "scripts" / "fuzz.toml"),
        "run",
        f"{base}/openapi.json",
        "--checks",
        "all",
        "--max-examples",
        str(args.max_examples),
        "--seed",
        str(args.seed),
        "--header",
        f"Authorization: Bearer {API_KEY}",
        "--workers",
        "1",
        "--no-color",
        *args.extra,
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real-seed", action="store_true", help="serve seed/ instead")
    parser.add_argument("--max-examples", type=int, default=100, help="cases per operation")
    parser.add_argument("--seed", type=int, default=1, help="schemathesis random seed")
    parser.add_argument("extra", nargs="*", help="more schemathesis arguments (after --)")
    args = parser.parse_args()
    seed_dir = ROOT / "seed" if args.real_seed else ROOT / "tests" / "fixtures" / "seed"
    with tempfile.TemporaryDirectory(prefix="darien-fuzz-") as folder:
        url = seeded_sqlite(Path(folder), seed_dir)
        limits = {"RATE_LIMIT_GET": FUZZ_READS, "RATE_LIMIT_POST": FUZZ_WRITES}
        with running(UVICORN, url, DARIEN_API_KEYS=API_KEY, **limits) as base:
            command = schemathesis_command(base, args)
            print("fuzz:", " ".join(command), file=sys.stderr, flush=True)
            return subprocess.run(command, cwd=folder, env=os.environ).returncode


if __name__ == "__main__":
    sys.exit(main())
