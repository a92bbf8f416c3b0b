# The dashboard as a container: docker build -t attacks-dashboard . && docker run -p 8501:8501 attacks-dashboard
# Settings (environment): PORT (default 8501), DASHBOARD_DATA (a dataset file inside the container,
# e.g. one mounted with -v), BASE_URL_PATH (serve under a path behind a proxy).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8501

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

# The app runs as an unprivileged user that owns nothing it could overwrite.
RUN useradd --create-home --uid 10001 dashboard
COPY --chown=root:root . .
USER dashboard

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["python", "scripts/healthcheck.py"]
CMD ["sh", "scripts/serve.sh"]
