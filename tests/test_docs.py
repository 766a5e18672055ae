"""/docs works offline: every script and style comes from this API, under a strict CSP."""

import re

from tests.conftest import ApiClient


def test_docs_load_only_our_own_files_under_a_csp(client: ApiClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "script-src 'self';" in csp
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "<script>" not in page.text  # no inline script: the CSP would block it
    linked = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert len(linked) == 4
    for url in linked:
        assert url.startswith("/docs/assets/"), url
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert len(asset.content) > 100
    bundle = client.get("/docs/assets/swagger-ui-bundle.js")
    assert bundle.headers["content-type"] == "text/javascript; charset=utf-8"
    assert b"SwaggerUIBundle" in bundle.content
    init = client.get("/docs/assets/init.js").text
    assert '"/openapi.json"' in init
    assert "validatorUrl: null" in init  # the validator badge would call another host
    assert client.get("/docs/assets/swagger-ui.css").headers["content-type"].startswith("text/css")


def test_nothing_else_is_served_from_the_asset_folder(client: ApiClient) -> None:
    for name in ("index.html", "..%2F__init__.py", "swagger-editor.js"):
        response = client.get(f"/docs/assets/{name}")
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"


def test_the_docs_that_would_call_a_cdn_are_gone(client: ApiClient) -> None:
    assert client.get("/redoc").status_code == 404
    assert "cdn" not in client.get("/docs").text
