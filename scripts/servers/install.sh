#!/usr/bin/env bash
# Installs the Debian packages the real test servers need (docs/test-servers.md, "How the suites get their servers"), once, up front.
# Usage: install.sh [rgw] [swift] [nginx]   (no argument = all; nginx comes with rgw or swift too)
# Installs only what is missing; needs root for that. Nothing is started: the packages ship
# systemd units, and there is no systemd here (rgw.sh / swift.sh run the daemons themselves).
set -euo pipefail

RGW_PACKAGES=(radosgw ceph-mon ceph-osd uuid-runtime curl)
SWIFT_PACKAGES=(swift swift-proxy swift-account swift-container swift-object memcached curl)
# The caching proxy the `verify --via` tests put in front of the servers (testkit/nginx-front.ts). It comes
# with rgw or swift, so that CI's `install.sh rgw swift` installs it; the package starts nothing here (no systemd).
NGINX_PACKAGES=(nginx-light)

usage() {
  echo "usage: $0 [rgw] [swift] [nginx]" >&2
  exit 2
}

# Prints the packages of "$@" that dpkg does not report as installed.
missing_packages() {
  local pkg status
  for pkg in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "installed" ]] || echo "$pkg"
  done
}

# install_packages LABEL PKG...: installs the missing ones, or explains exactly what to run.
install_packages() {
  local label=$1
  shift
  local missing
  mapfile -t missing < <(missing_packages "$@")
  if ((${#missing[@]} == 0)); then
    echo "install.sh: $label packages already installed ($*)"
    return 0
  fi
  if ((EUID != 0)); then
    echo "install.sh: $label needs Debian packages that are not installed: ${missing[*]}" >&2
    echo "install.sh: run as root: apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
    return 1
  fi
  echo "install.sh: installing $label packages: ${missing[*]}"
  local started=$SECONDS
  # Debian's package index may be stale or absent on a fresh machine; noninteractive keeps
  # debconf from prompting in CI.
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  echo "install.sh: $label packages installed in $((SECONDS - started)) s"
}

main() {
  local want_rgw=0 want_swift=0 arg
  (($# == 0)) && set -- rgw swift
  local all=()
  for arg in "$@"; do
    case "$arg" in
      rgw) want_rgw=1 ;;
      swift) want_swift=1 ;;
      nginx) ;;
      *) usage ;;
    esac
  done
  all+=("${NGINX_PACKAGES[@]}")
  ((want_rgw)) && all+=("${RGW_PACKAGES[@]}")
  ((want_swift)) && all+=("${SWIFT_PACKAGES[@]}")
  mapfile -t all < <(printf '%s\n' "${all[@]}" | awk '!seen[$0]++') # curl is in both lists
  # One apt-get run for both: a single index update and a single dpkg transaction.
  local label=nginx
  if ((want_rgw && want_swift)); then label=RGW+Swift+nginx; elif ((want_rgw)); then label=RGW+nginx; elif ((want_swift)); then label=Swift+nginx; fi
  install_packages "$label" "${all[@]}"
}

main "$@"
