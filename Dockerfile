# syntax=docker/dockerfile:1
# Builder: dependencies first (a cached layer), then the project itself.
FROM python:3.11-slim AS builder
WORKDIR /build
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY pyproject.toml README.md ./
RUN mkdir -p app && touch app/__init__.py && pip install --no-cache-dir . && pip uninstall -y darien-crossings
COPY app ./app
RUN pip install --no-cache-dir --no-deps .

# Runtime: slim image, non-root user, migrations and seed run at start by `darien serve`.
FROM python:3.11-slim
RUN useradd --create-home --uid 10001 darien
COPY --from=builder /opt/venv /opt/venv
WORKDIR /srv/darien
COPY alembic.ini ./
COPY migrations ./migrations
COPY seed ./seed
RUN mkdir -p var && chown darien:darien var
ENV PATH=/opt/venv/bin:$PATH \
    DARIEN_ROOT=/srv/darien \
    DATABASE_URL=sqlite:////srv/darien/var/darien.db \
    SEED_DIR=/srv/darien/seed \
    HOST=0.0.0.0 \
    PORT=8000
USER darien
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
CMD ["darien", "serve"]
