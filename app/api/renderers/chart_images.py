"""Chart specs rendered to SVG and PNG by vl-convert (its wheel carries the renderer: no browser).

Rendering takes a good part of a second, so each image is made once per spec: the spec holds the
data, so a new dataset version that changes a chart changes its spec, and only then is it redrawn.
The fast path then keeps the bytes with an ETag like any other answer.
"""

import json
from functools import lru_cache
from typing import Any, Literal

import vl_convert

ImageFormat = Literal["svg", "png"]
MEDIA_TYPES = {
    "svg": "image/svg+xml",
    "png": "image/png",
    "vl.json": "application/json",
}
PNG_SCALE = 2  # sharp on high-density screens and in print


def render(spec: dict[str, Any], image: ImageFormat) -> bytes:
    """The spec drawn as an SVG document or a PNG image."""
    return _render(json.dumps(spec, sort_keys=True, ensure_ascii=False), image)


@lru_cache(maxsize=64)
def _render(spec: str, image: ImageFormat) -> bytes:
    # No base URL is allowed: a spec whose data pointed at a host would fail instead of fetching.
    if image == "svg":
        svg: str = vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])
        return svg.encode("utf-8")
    png: bytes = vl_convert.vegalite_to_png(spec, scale=PNG_SCALE, allowed_base_urls=[])
    return png
