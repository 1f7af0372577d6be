#!/usr/bin/env bash
# Runs the whole test suite: installs what the tests need (scripts/install-test-deps.sh), then
# `dotnet test` over Relay.sln. Extra arguments go to `dotnet test` (e.g. --filter Category!=Slow).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
./scripts/install-test-deps.sh
dotnet test Relay.sln -c Release "$@"
