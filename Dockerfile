# syntax=docker/dockerfile:1
# Builder: the pinned dependencies first (a layer cached until requirements/runtime.lock changes),
# then the project itself without resolving anything again.
FROM python:3.11-slim AS builder
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /build
COPY requirements/runtime.lock requirements/runtime.lock
RUN pip install -r requirements/runtime.lock
COPY pyproject.toml README.md ./
COPY app ./app
RUN pip install --no-deps .

# Runtime: slim image, non-root user. `darien serve` migrates to head under a lock and seeds an
# empty database at every start; compose.yaml runs `darien migrate` and `darien seed` once before.
FROM python:3.11-slim
RUN useradd --create-home --uid 10001 darien
COPY --from=builder /opt/venv /opt/venv
WORKDIR /srv/darien
COPY alembic.ini ./
COPY migrations ./migrations
COPY seed ./seed
RUN mkdir -p var && chown darien:darien var
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DARIEN_ROOT=/srv/darien \
    DATABASE_URL=sqlite:////srv/darien/var/darien.db \
    SEED_DIR=/srv/darien/seed \
    HOST=0.0.0.0 \
    PORT=8000 \
    WORKERS=2
USER darien
EXPOSE 8000
# Ready means: the database answers and this worker serves its current dataset version.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request as u; sys.exit(u.urlopen('http://127.0.0.1:8000/readyz', timeout=2).status != 200)"]
CMD ["darien", "serve"]
