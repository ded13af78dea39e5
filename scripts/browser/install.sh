#!/usr/bin/env bash
# Installs Debian's chromium for the browser differential (tests/browser/) and `bucket-cors verify
# --browser`, once, up front, like scripts/servers/install.sh does for the servers. Idempotent:
# does nothing when chromium is installed; needs root otherwise.
# Usage: install.sh
set -euo pipefail

PACKAGES=(chromium)

status=$(dpkg-query -W -f='${db:Status-Status}' chromium 2>/dev/null || true)
if [[ "$status" == "installed" ]]; then
  echo "browser/install.sh: chromium already installed ($(command -v chromium || echo /usr/bin/chromium))"
  exit 0
fi
if ((EUID != 0)); then
  echo "browser/install.sh: chromium is not installed" >&2
  echo "browser/install.sh: run as root: apt-get update && apt-get install -y ${PACKAGES[*]}" >&2
  exit 1
fi
echo "browser/install.sh: installing ${PACKAGES[*]}"
started=$SECONDS
# The package index may be stale or absent on a fresh machine; noninteractive keeps debconf quiet in CI.
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${PACKAGES[@]}"
echo "browser/install.sh: chromium installed in $((SECONDS - started)) s"
