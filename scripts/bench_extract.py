"""Measures app.extract throughput in MB of prose per second on the evaluation corpus."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a plain script from the repo root

from app.extract import extract_figures  # noqa: E402

# The labelled splits the team wrote (the held-out test split is left to the evaluation).
SPLITS = [ROOT / "tests" / "eval" / split for split in ("regression", "dev")]


def load_corpus(target_bytes: int) -> list[tuple[str, object]]:
    """The evaluation texts, repeated until they add up to about target_bytes of UTF-8."""
    base = []
    for path in sorted(p for split in SPLITS for p in split.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        base.append((document["text"], document["published"]))
    corpus: list[tuple[str, object]] = []
    size = 0
    while size < target_bytes:
        for text, published in base:
            corpus.append((text, published))
            size += len(text.encode("utf-8"))
    return corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=2.0, help="corpus size (default 2)")
    parser.add_argument("--joined", action="store_true", help="one long text instead of many")
    parser.add_argument(
        "--page", action="store_true", help="time one 100 KB page (the size limit), best of 5"
    )
    args = parser.parse_args(argv)
    if args.page:
        return _time_page()
    corpus = load_corpus(int(args.megabytes * 1_000_000))
    size = sum(len(text.encode("utf-8")) for text, _ in corpus)
    extract_figures("warm-up: 1,000 people crossed in 2023.")  # compile lazily built state
    started = time.perf_counter()
    if args.joined:
        figures = len(extract_figures("\n\n".join(text for text, _ in corpus)))
    else:
        figures = sum(len(extract_figures(text, published)) for text, published in corpus)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - started
    print(
        f"{size / 1_000_000:.2f} MB in {elapsed:.2f} s: {size / 1_000_000 / elapsed:.2f} MB/s "
        f"({len(corpus)} documents, {figures} figures)"
    )
    return 0


def _time_page(limit: int = 100_000) -> int:
    """The slowest case the API accepts: one page at the 100,000-byte limit."""
    page = ""
    for text, _published in load_corpus(limit):
        if len((page + text).encode("utf-8")) > limit:
            break
        page += text + "\n\n"
    extract_figures("warm-up: 1,000 people crossed in 2023.")
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        figures = extract_figures(page)
        timings.append(time.perf_counter() - started)
    size = len(page.encode("utf-8")) / 1000
    print(
        f"{size:.0f} KB page: best {min(timings):.3f} s, worst {max(timings):.3f} s ({len(figures)} figures)"
    )
    for name, hostile in HOSTILE_PAGES.items():
        text = hostile[:limit]
        started = time.perf_counter()
        extract_figures(text, date(2024, 5, 1))  # dated: relative periods are resolved too
        print(f"100 KB of {name}: {time.perf_counter() - started:.3f} s")
    return 0


# Pages no newsroom writes but anyone may send: long runs that a careless pattern would try from
# each of their characters, costing the square of their length.
HOSTILE_PAGES = {
    "tabs after each figure": ("Crossed in 2023: 5,000\t" + "\t" * 3000) * 40,
    "spaces after each figure": ("In 2023, 1,000" + " " * 2000 + "people crossed the Darién. ")
    * 50,
    "dashes and semicolons between figures": ("5,000 " + " — ; " * 800) * 40,
    "one long word run per figure": ("venezuelans " * 800 + "1,000 (20%) ") * 12,
    "a run of dots after each figure": ("5,000 people crossed in 2023" + "." * 3000) * 40,
    "one sentence of years": "5,000 people crossed " + "in 2023 " * 12_500,
    "one sentence of numbers in words": "5,000 people crossed in 2023 " + "mil " * 25_000,
    "one sentence of groups": "5,000 people crossed in 2023 " + "niños " * 17_000,
    "a table of 5,000 rows with a share column": "Crossings in 2023\n\nCountry | People | %\n"
    + "Venezuela | 1,032 | 47.8\n" * 5000,
    "one sentence of figures so far this year": "So far this year "
    + "5,000 people crossed, " * 5000,
}


if __name__ == "__main__":
    raise SystemExit(main())
