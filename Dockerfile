# syntax=docker/dockerfile:1
# Relay container image: `docker build -t relay .` (or `docker-compose build`). See docs/operations.md, "Containers".
# Multi-stage: the .NET 10 SDK builds a framework-dependent `relay` executable; the ASP.NET Core runtime image runs it.

# The build stage runs on the target platform (natively, or emulated by `docker buildx --platform`), so the
# same Dockerfile works with the classic builder, BuildKit and docker-compose 1.x alike.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# global.json is left out on purpose: it pins the developers' SDK band, while the image's SDK is whatever
# 10.0 SDK the tag carries.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
# Project files first: the restore layer is reused until a dependency changes.
COPY src/Relay.Actors/Relay.Actors.csproj src/Relay.Actors/
COPY src/Relay.WebSockets/Relay.WebSockets.csproj src/Relay.WebSockets/
COPY src/Relay.Nostr/Relay.Nostr.csproj src/Relay.Nostr/
COPY src/Relay.Storage.Sqlite/Relay.Storage.Sqlite.csproj src/Relay.Storage.Sqlite/
COPY src/Relay.Server/Relay.Server.csproj src/Relay.Server/
RUN dotnet restore src/Relay.Server/Relay.Server.csproj

COPY src/ src/
# The build context has no .git (see .dockerignore): the version comes from this argument instead.
ARG VERSION=0.0.0-container
RUN dotnet publish src/Relay.Server/Relay.Server.csproj -c Release --no-restore \
      -p:InformationalVersion="$VERSION" -p:EnableSourceControlManagerQueries=false \
      -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# libsecp256k1: BIP-340 signature verification at native speed (the relay falls back to managed code without it).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsecp256k1-1 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app ./

# The base image's non-root user ($APP_UID, 1654) owns the data directory; the relay never runs as root.
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data
USER $APP_UID
VOLUME /data

# The base image sets ASPNETCORE_HTTP_PORTS=8080; the relay listens where --listen says, nowhere else.
ENV ASPNETCORE_HTTP_PORTS=
EXPOSE 7777

# `relay health` asks http://127.0.0.1:7777/healthz (its default) and exits 0 on 200: no curl needed.
# start-period: the database is opened (and migrated) before the relay answers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["/app/relay", "health"]

ENTRYPOINT ["/app/relay"]
CMD ["serve", "--listen", "0.0.0.0:7777", "--data", "/data"]
