"""HTML pages from Jinja2 templates (app/api/templates), in English or Spanish.

Templates escape everything by default; they get plain values and the words of one language.
"""

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from app.api.renderers.charts import Lang
from app.api.renderers.text import country_name, number_text
from app.api.renderers.words import WORDS

LANGS: tuple[Lang, ...] = ("en", "es")


@cache
def environment() -> Environment:
    """The template environment, built once."""
    env = Environment(
        loader=PackageLoader("app.api", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["country"] = country_name
    env.filters["number"] = number_text
    return env


def render_page(template: str, lang: Lang, **context: Any) -> str:
    """A page in `lang`, with that language's words as `t`."""
    return environment().get_template(template).render(lang=lang, t=WORDS[lang], **context)


def page_lang(asked: str | None, accept_language: str) -> Lang:
    """?lang= when given, else the first of en/es that Accept-Language ranks highest, else en."""
    if asked in LANGS:
        return "es" if asked == "es" else "en"
    best: tuple[float, str] = (0.0, "en")
    for item in accept_language.split(","):
        tag, _, params = item.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if primary in LANGS and q > best[0]:
            best = (q, primary)
    return "es" if best[1] == "es" else "en"
