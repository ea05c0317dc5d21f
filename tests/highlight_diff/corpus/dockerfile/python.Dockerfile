FROM python:3.12-slim

# Don't write .pyc files; log straight to the terminal.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1

RUN useradd --create-home --shell /bin/bash app
WORKDIR /home/app

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY --chown=app:app . .
USER app
EXPOSE 8000
VOLUME ["/home/app/data"]
ENTRYPOINT ["gunicorn", "--bind", "0.0.0.0:8000"]
CMD ["app:create_app()"]

# Check the app answers before sending traffic to it.
HEALTHCHECK --interval=15s --timeout=2s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')"
STOPSIGNAL SIGTERM
