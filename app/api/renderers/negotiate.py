"""Which format a request asks for: the one rule shared by the routes and the fast path's store."""

FORMATS = ("json", "csv")
_MEDIA = {"json": ("application", "json"), "csv": ("text", "csv"), "html": ("text", "html")}


def _preference(accept: str, fmt: str) -> tuple[float, int]:
    """(q, specificity) of the most specific Accept range that covers a format (RFC 9110 §12.5.1)."""
    kind, sub = _MEDIA[fmt]
    best = (0.0, -1)
    for item in accept.split(","):
        media, *params = item.strip().lower().split(";")
        main, _, rest = media.strip().partition("/")
        specificity = 2 if (main, rest) == (kind, sub) else 1 if (main, rest) == (kind, "*") else 0
        if specificity == 0 and (main, rest) != ("*", "*"):
            continue
        q = 1.0
        for param in params:
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if specificity > best[1]:
            best = (q, specificity)
    return best


def preferred_format(accept: str) -> str:
    """csv when Accept prefers text/csv to application/json; json otherwise (and by default)."""
    if "csv" not in accept:  # the common case, decided without parsing
        return "json"
    csv, json = _preference(accept, "csv"), _preference(accept, "json")
    return "csv" if csv[0] > 0 and csv > json else "json"


def wants_html(accept: str) -> bool:
    """True when Accept prefers text/html to application/json (a browser opening a page)."""
    if "html" not in accept:
        return False
    html, json = _preference(accept, "html"), _preference(accept, "json")
    return html[0] > 0 and html > json
