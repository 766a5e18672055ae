"""An nginx configuration that serves a static copy with the API's paths and headers.

Each exported URL is a file named by a hash (a path like /v1/crossings/yearly is both an answer and
the parent of /v1/crossings/yearly/2023, so the URL tree cannot be the file tree). Maps keyed on
the request URI as the client sends it give the file and the headers the API sent with it; a
file's extension stands for its exact Content-Type, so the bytes of that header match too.
"""

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from app.export.crawl import Answer

HEADER_MAPS = {  # response header (as the manifest keys it) -> its name and map variable
    "etag": ("ETag", "darien_etag"),
    "content-disposition": ("Content-Disposition", "darien_disposition"),
    "link": ("Link", "darien_link"),
    "content-security-policy": ("Content-Security-Policy", "darien_csp"),
}
# 1 when If-None-Match is exactly the answer's ETag (an answer without an ETag never matches).
NOT_MODIFIED_MAP = """map "$http_if_none_match:$darien_etag" $darien_not_modified {
    default 0;
    '~^("[^"]+"):\\1$' 1;
}
"""


def quoted(value: str) -> str:
    """A value as an nginx single-quoted string."""
    if "$" in value or "\n" in value:
        raise ValueError(f"cannot be written into an nginx map: {value!r}")
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def extensions(answers: Sequence[Answer]) -> dict[str, str]:
    """An extension per distinct Content-Type (t0, t1, ...)."""
    types = sorted({answer.headers.get("content-type", "") for answer in answers} - {""})
    return {media: f"t{n}" for n, media in enumerate(types)}


def file_map(answers: Sequence[Answer], files: dict[str, str]) -> str:
    lines = [f"    {quoted(a.url)} {quoted(files[a.url])};" for a in answers]
    return "map $request_uri $darien_file {\n    default '';\n" + "\n".join(lines) + "\n}\n"


def header_map(answers: Sequence[Answer], header: str, variable: str) -> str:
    lines = [
        f"    {quoted(a.url)} {quoted(a.headers[header])};" for a in answers if header in a.headers
    ]
    return f"map $request_uri ${variable} {{\n    default '';\n" + "\n".join(lines) + "\n}\n"


def cors_map(origins: Sequence[str]) -> str:
    """Access-Control-Allow-Origin as the API sends it: `*` for any origin, or the origin itself."""
    if "*" in origins:
        rules = ["    default '*';", "    '' '';"]
    else:
        rules = ["    default '';", *(f"    {quoted(o)} {quoted(o)};" for o in origins)]
    return "map $http_origin $darien_cors {\n" + "\n".join(rules) + "\n}\n"


def server_config(root: Path, listen: str, cache_control: str, expose: str) -> str:
    """The server block: one location answering from the maps."""
    adds = "\n".join(
        f"        add_header {name} ${variable};" for name, variable in HEADER_MAPS.values()
    )
    return f"""server {{
    listen {listen};
    root {root / "files"};
    location / {{
        if ($darien_file = '') {{ return 404; }}
        if ($darien_not_modified) {{ return 304; }}
        try_files $darien_file =404;
{adds}
        add_header Cache-Control {quoted(cache_control)};
        add_header Vary 'Accept, Accept-Encoding, Origin';
        add_header Access-Control-Allow-Origin $darien_cors;
        add_header Access-Control-Expose-Headers $darien_expose;
    }}
}}
map $darien_cors $darien_expose {{
    '' '';
    default {quoted(expose)};
}}
"""


def nginx_config(
    root: Path,
    answers: Sequence[Answer],
    files: dict[str, str],
    *,
    listen: str,
    origins: Sequence[str],
    cache_control: str,
    expose: str,
) -> str:
    """A whole nginx.conf (run it with `nginx -c`, or lift its http block into a site)."""
    types = "\n".join(
        f"        {quoted(media)} {ext};" for media, ext in extensions(answers).items()
    )
    maps = [file_map(answers, files), cors_map(origins)]
    maps += [header_map(answers, key, variable) for key, (_, variable) in HEADER_MAPS.items()]
    maps.append(NOT_MODIFIED_MAP)
    temp = root / "nginx-temp"
    temp_paths = "\n".join(
        f"    {kind}_temp_path {temp / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""# The static copy of the Darién crossings API, written by `darien export --static`.
worker_processes 1;
pid {root / "nginx.pid"};
error_log stderr warn;
events {{ worker_connections 1024; }}
http {{
    types {{
{types}
    }}
    default_type application/octet-stream;
    charset off;
    etag off;  # the API's own ETags are sent instead
    server_tokens off;
    access_log off;
    map_hash_max_size 262144;
    map_hash_bucket_size 512;
{temp_paths}
{"".join(maps)}{server_config(root, listen, cache_control, expose)}}}
"""


def nginx_command(config: Path) -> list[str]:
    """nginx in the foreground on a written config. Started as root, its workers stay root: they
    must read the copy where it was written (a test's temporary folder is its owner's alone)."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    directives = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")
    return [binary, "-c", str(config.resolve()), "-g", directives]
