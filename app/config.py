"""Runtime settings, read from the environment (and an optional .env file) by pydantic-settings."""

import os
from functools import lru_cache
from pathlib import Path

from limits import parse_many
from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Where migrations/, alembic.ini and seed/ live: the checkout, or DARIEN_ROOT for an installed copy
# (the Docker image installs the package into a virtualenv and keeps those files in /srv/darien).
PROJECT_ROOT = Path(os.environ.get("DARIEN_ROOT") or Path(__file__).resolve().parent.parent)


class Settings(BaseSettings):
    """Every knob the service has; each maps to an upper-case environment variable."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'var' / 'darien.db'}",
        description="SQLAlchemy URL: sqlite:///path or postgresql+psycopg://user@host/db",
    )
    seed_dir: Path = Field(default=PROJECT_ROOT / "seed", description="Folder of seed documents")
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    cors_origins: str = Field(default="*", description="Comma-separated allowed origins, or *")
    cache_max_age: int = Field(default=300, description="Cache-Control max-age for data reads")
    base_url: str = Field(
        default="",
        description="Public base URL for links (next_url, Link, the index); empty = relative links",
    )
    log_level: str = "info"
    api_keys: str = Field(
        default="",
        validation_alias=AliasChoices("DARIEN_API_KEYS", "API_KEYS"),
        description="Comma-separated bearer keys allowed to ingest documents, each in clear or as "
        "sha256:<hex digest>; empty = ingestion off",
        repr=False,  # never printed with the settings
    )
    max_text_bytes: int = Field(
        default=100_000, gt=0, description="Largest text accepted by POST endpoints"
    )
    max_body_bytes: int = Field(
        default=1_000_000,
        gt=0,
        description="Largest request body read at all (413 beyond it, unparsed)",
    )
    request_log: bool = Field(default=True, description="One JSON line per request on stderr")
    response_store_mb: int = Field(
        default=64, ge=0, description="Memory for prepared responses per worker, in MiB"
    )
    version_poll_seconds: float = Field(
        default=0.5, gt=0, description="How often each worker checks for a new dataset version"
    )
    rate_limit: bool = Field(default=True, description="Limit requests per client (429 beyond)")
    rate_limit_get: str = Field(
        default="3000/minute",
        description="Reads (GET, HEAD, OPTIONS) allowed per client, in the limits library's "
        "notation (N/second|minute|hour|day)",
    )
    rate_limit_post: str = Field(
        default="60/minute", description="Writes (POST, PUT, PATCH, DELETE) allowed per client"
    )
    rate_limit_storage: str = Field(
        default="memory://",
        description="Where the counts live: memory:// (per worker process) or "
        "redis://host:6379 (shared by every worker and replica)",
    )
    client_ip_header: str = Field(
        default="",
        description="Header a trusted proxy sets to the client's address (e.g. X-Forwarded-For, "
        "its last entry is used); empty = the peer address",
    )
    metrics: bool = Field(default=True, description="Serve Prometheus metrics at /metrics")
    record_cache_dir: str = Field(
        default="auto",
        description="Where built records are kept so that a restart skips the build: auto "
        "(beside an SQLite file; ~/.cache/darien-crossings/records for PostgreSQL), off, or a "
        "folder only this user may write to",
    )

    @field_validator("rate_limit_get", "rate_limit_post")
    @classmethod
    def _limit_notation(cls, value: str) -> str:
        parse_many(value)  # raises ValueError naming what is wrong
        return value

    @property
    def cors_origin_list(self) -> list[str]:
        """CORS_ORIGINS split on commas."""
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
