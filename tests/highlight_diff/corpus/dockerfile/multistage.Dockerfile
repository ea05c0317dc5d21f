# syntax=docker/dockerfile:1
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-alpine AS assets
WORKDIR /theme
COPY themes/default/package.json themes/default/package-lock.json ./
RUN npm ci --omit=dev
COPY themes/default/ ./
RUN npm run build

FROM debian:12-slim AS tools
RUN apt-get update \
    && apt-get install -y --no-install-recommends g++ cmake ninja-build \
    && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN cmake -S /src -B /build -G Ninja && ninja -C /build

FROM debian:12-slim
COPY --from=tools /build/bin/ /usr/local/bin/
COPY --from=assets /theme/dist/ /usr/share/bengal/theme/
ENV BENGAL_THEME=/usr/share/bengal/theme
WORKDIR /site
ENTRYPOINT ["/bin/sh", "-c", "bengal-ninja-gen && ninja"]
