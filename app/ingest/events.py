"""Read the charts' dated events from `events.yaml` in the seed folder (absent: no events)."""

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from app.domain.events import Event

EVENTS_FILE = "events.yaml"


class EventsError(ValueError):
    """events.yaml is not a list of dated, labelled events."""


@cache
def read_events(seed_dir: Path) -> tuple[Event, ...]:
    """The events of a seed folder in date order, read once per folder."""
    path = seed_dir / EVENTS_FILE
    if not path.exists():
        return ()
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = loaded.get("events", []) if isinstance(loaded, dict) else None
    if not isinstance(entries, list):
        raise EventsError(f"{path}: expected a mapping with an 'events' list")
    return tuple(sorted((event_of(path, n, e) for n, e in enumerate(entries, 1)), key=_day))


def _day(event: Event) -> date:
    return event.day


def event_of(path: Path, number: int, entry: Any) -> Event:
    """One entry as an Event; raise EventsError naming the file and entry when it is malformed."""
    try:
        label = entry["label"]
        day = entry["date"]
        if not isinstance(day, date):
            raise TypeError("date must be YYYY-MM-DD")
        return Event(
            day, str(label["en"]), str(label["es"]), str(entry["source"]), entry.get("url")
        )
    except (KeyError, TypeError) as error:
        raise EventsError(f"{path}: event {number}: {error}") from error
