"""Interactive documentation served offline: Swagger UI's files come from the swagger-ui-py
package and are sent by this API, so /docs works without internet and tells no other host."""

from functools import cache
from importlib.resources import files
from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import HTMLResponse, Response

from app.api.problems import Problem

router = APIRouter(include_in_schema=False)

ASSET_DIR = files("swagger_ui") / "static"  # swagger-ui-py ships Swagger UI 5 (Apache-2.0)
# Only these files are served, with the media type each needs.
ASSETS = {
    "swagger-ui.css": "text/css; charset=utf-8",
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "favicon-32x32.png": "image/png",
}
# Nothing but this origin: scripts, styles, the OpenAPI fetch and "try it out" requests. Swagger
# UI's stylesheet draws its icons from data: URIs. The HTML explorer is to use the same policy.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
# Swagger UI starts from a file too: an inline script would need a CSP exception.
INIT_SCRIPT = b"""window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
"""
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Darién Gap crossings API: documentation</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body>
</html>
"""


@router.get("/docs")
async def docs() -> HTMLResponse:
    return HTMLResponse(PAGE, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY})


@router.get("/docs/assets/{name}")
async def docs_asset(name: Annotated[str, Path(max_length=64)]) -> Response:
    if name == "init.js":
        return Response(INIT_SCRIPT, media_type="text/javascript; charset=utf-8")
    if name not in ASSETS:
        raise Problem(404, "not-found", "No such file", f"No documentation asset {name!r}.")
    return Response(asset(name), media_type=ASSETS[name])


@cache
def asset(name: str) -> bytes:
    """A Swagger UI file, read once."""
    return (ASSET_DIR / name).read_bytes()
