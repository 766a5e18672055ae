"""A day that dates an event a count runs from: "Since Mr. Mulino was sworn in on July 1,
roughly 40,400 migrants have crossed" counts from July 1 to publication."""

from __future__ import annotations

import re

from .calendar_terms import PeriodMention

# "since" or "desde que" opening a clause that closes on the day: "since the new government took
# office on", "desde que Mulino asumió el". The clause has no comma of its own ("since then, on
# July 1" is another reading) and stays short enough to be one event.
_SINCE_EVENT = re.compile(r"\b(?:since|desde\s+que)\s[^,;:\n]{0,60}?\s(?:on|el)\s+\Z")
_REACH = 80  # characters before the day: room for the longest event clause


def since_event_days(low: str, mentions: list[PeriodMention]) -> list[PeriodMention]:
    """The single days (see references.is_point) that close a "since ... on <day>" clause, each
    as the start of a stretch up to publication (a "since" mention)."""
    found = []
    for mention in mentions:
        if _SINCE_EVENT.search(low, max(0, mention.start - _REACH), mention.start) is None:
            continue
        groups = tuple(("s" + name[1:], value) for name, value in mention.groups)
        found.append(PeriodMention(mention.start, mention.end, "since", groups))
    return found
