"""The release feed as Atom (RFC 4287), written by feedgen: one entry per dataset version."""

import re
from collections.abc import Sequence
from datetime import UTC, datetime

from app.storage.tables import Release

ATOM_MEDIA = "application/atom+xml"
FEED_ID = "urn:darien-crossings:releases"
# What XML 1.0 cannot carry at all, not even escaped (§2.2): most C0 controls, lone surrogates,
# U+FFFE and U+FFFF. An uploaded title may hold them; the feed shows U+FFFD in their place.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def sizes(release: Release, previous: Release | None) -> str:
    """The record's size after a release, and how it moved since the one before."""

    def one(name: str, now: int, before: int | None) -> str:
        moved = "" if before is None or before == now else f" ({now - before:+,})"
        return f"{now:,} {name}{moved}"

    counts = [
        one(name, getattr(release, name), getattr(previous, name) if previous else None)
        for name in ("documents", "figures", "sources")
    ]
    return "Now " + ", ".join(counts) + "."


def releases_feed(releases: Sequence[Release], older: Release | None, base_url: str) -> bytes:
    """Newest first; `older` is the release just before the last shown (for its change counts)."""
    # feedgen (with lxml and dateutil) is loaded on the first feed asked for: a tenth of a
    # second of every server's start-up otherwise.
    from feedgen.feed import FeedGenerator

    base = base_url.rstrip("/")
    feed = FeedGenerator()
    feed.id(FEED_ID)
    feed.title("Darién Gap crossings: dataset releases")
    feed.subtitle("A new entry each time documents or figures are added, updated or removed.")
    feed.author({"name": "Darién Crossings API"})
    feed.link(href=f"{base}/v1/releases.atom", rel="self", type=ATOM_MEDIA)
    feed.link(href=f"{base}/v1/download.zip", rel="alternate", type="application/zip")
    feed.language("en")
    newest = releases[0].created_at if releases else datetime(2020, 1, 1, tzinfo=UTC)
    feed.updated(_aware(newest))
    for position, release in enumerate(releases):
        previous = releases[position + 1] if position + 1 < len(releases) else older
        entry = feed.add_entry(order="append")
        entry.id(f"{FEED_ID}:{release.version}")
        entry.title(f"Dataset version {release.version}")
        entry.updated(_aware(release.created_at))
        entry.published(_aware(release.created_at))
        change = NOT_XML.sub("\ufffd", release.change)
        entry.content(f"{change} {sizes(release, previous)}", type="text")
    atom: bytes = feed.atom_str(pretty=True)
    return atom


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
