#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian 12 machine that has the .NET SDK, Node and Python.
# Idempotent and quick when everything is present: apt runs only for missing packages, npm only when
# tests/js/package-lock.json changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages, each for a reason:
#   libsecp256k1-1      BIP-340 verification at full speed (the relay falls back to managed code without it)
#   python3-websockets  an independent WebSocket peer (Debian's /usr/bin/python3)
#   prometheus          promtool and a real Prometheus for the metrics tests
#   docker-compose      `docker-compose config -q` validates docker-compose.yml (no engine needed)
#   python3-prometheus-client  an independent, strict OpenMetrics parser for the /metrics exposition
APT_PACKAGES=(libsecp256k1-1 python3-websockets prometheus docker-compose python3-prometheus-client)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if ((${#missing[@]})); then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "install-test-deps: installing ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Node peers (ws, nostr-tools), pinned by tests/js/package-lock.json.
lock_sum=$(sha256sum tests/js/package-lock.json | cut -d' ' -f1)
if [ "$(cat tests/js/node_modules/.installed-lock 2>/dev/null)" != "$lock_sum" ]; then
  (cd tests/js && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > tests/js/node_modules/.installed-lock
fi
