"""The Dockerfile, compose.yaml and deploy/nginx.conf parse, and agree with the settings the app
reads: every environment variable they set is one the app knows. No image is built here."""

import re
from pathlib import Path
from typing import Any

import yaml
from dockerfile_parse import DockerfileParser
from pydantic import AliasChoices

from app.config import Settings
from tests.servers import ROOT

# Read outside Settings, with the reason: app/config.py reads DARIEN_ROOT before settings exist;
# PATH and PYTHONUNBUFFERED are for the interpreter; NGINX_ENVSUBST_FILTER and the template's
# variables are for the nginx image; POSTGRES_* for the PostgreSQL image.
NOT_SETTINGS = {"DARIEN_ROOT", "PATH", "PYTHONUNBUFFERED", "PIP_NO_CACHE_DIR"}
NOT_SETTINGS |= {"PIP_DISABLE_PIP_VERSION_CHECK"}


def setting_names() -> set[str]:
    """Every environment variable name Settings reads."""
    names = set()
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            names |= {str(choice).upper() for choice in alias.choices}
        else:
            names.add(name.upper())
    return names


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    return loaded


def test_the_dockerfile_is_multi_stage_non_root_and_checks_readiness() -> None:
    parser = DockerfileParser(path=str(ROOT / "Dockerfile"))
    instructions = [(i["instruction"], i["value"]) for i in parser.structure]
    stages = [value for name, value in instructions if name == "FROM"]
    assert len(stages) == 2, stages
    assert stages[0].endswith("AS builder")
    assert all("slim" in stage for stage in stages)
    copies = [value for name, value in instructions if name in ("COPY", "RUN")]
    lock_step = copies.index("requirements/runtime.lock requirements/runtime.lock")
    assert copies[lock_step + 1] == "pip install -r requirements/runtime.lock"
    assert lock_step < copies.index("app ./app"), "dependencies are a layer before the code"
    assert parser.baseimage == "python:3.11-slim"
    assert [value for name, value in instructions if name == "USER"] == ["darien"]
    healthcheck = next(value for name, value in instructions if name == "HEALTHCHECK")
    assert "/readyz" in healthcheck


def test_the_dockerfile_sets_only_settings_the_app_reads() -> None:
    parser = DockerfileParser(path=str(ROOT / "Dockerfile"))
    unknown = set(parser.envs) - setting_names() - NOT_SETTINGS
    assert not unknown, f"the Dockerfile sets variables the app never reads: {unknown}"
    assert Path(parser.envs["DARIEN_ROOT"]).is_absolute()


def test_compose_runs_postgres_a_migration_two_replicas_and_nginx() -> None:
    services = compose()["services"]
    assert services["db"]["image"].startswith("postgres:")
    assert "darien migrate" in " ".join(services["migrate"]["command"])
    replicas = [name for name, service in services.items() if name.startswith("api-")]
    assert len(replicas) == 2
    for name in replicas:
        service = services[name]
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert service["environment"]["DATABASE_URL"].startswith("postgresql+psycopg://")
    nginx = services["nginx"]
    assert {nginx["environment"][f"API_{n}"] for n in (1, 2)} == {f"{r}:8000" for r in replicas}
    assert nginx["volumes"][0].startswith("./deploy/nginx.conf:")


def test_compose_sets_only_settings_the_app_reads() -> None:
    for name in ("migrate", "api-1", "api-2"):
        environment = compose()["services"][name]["environment"]
        unknown = set(environment) - setting_names() - NOT_SETTINGS
        assert not unknown, f"{name} sets variables the app never reads: {unknown}"


def test_the_nginx_template_names_only_what_compose_fills_in() -> None:
    template = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    placeholders = set(re.findall(r"\$\{([A-Z0-9_]+)\}", template))
    environment = compose()["services"]["nginx"]["environment"]
    assert placeholders == set(environment) - {"NGINX_ENVSUBST_FILTER"}
    assert re.fullmatch(environment["NGINX_ENVSUBST_FILTER"].replace("$$", "$"), "API_1")
    assert "proxy_cache_revalidate on;" in template
