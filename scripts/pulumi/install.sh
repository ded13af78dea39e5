#!/usr/bin/env bash
# Builds the Pulumi CLI (`pulumi`) from its Go module, for the engine tests, the demo and the
# benchmarks. The product itself is TypeScript; Go is used only here.
#
# Usage: install.sh [--print-path] [--no-build] [--version X.Y.Z]
#   --print-path   print only the bin directory on stdout (logs go to stderr)
#   --no-build     use a finished build or fail; never start one (what the tests call)
#   --version      build this version instead of the installed @pulumi/pulumi's
#
# Where: ${PULUMI_BUILD_CACHE:-$HOME/.cache/pulumi-bucket-cors}/pulumi-v<version>/bin, outside
# the work tree. A finished build (its `.complete` stamp) is reused.
#
# Which version: the one of the installed @pulumi/pulumi when the Go module proxy serves it,
# else the nearest served one. The CLI's module `go.mod` carries `replace` directives into
# Pulumi's own repository (`../sdk`), which Go ignores in a dependency, so we generate a small
# wrapper module that requires the CLI's module and pins every Pulumi module path to that one
# exact version, then build the `main` package by import path. Nothing of Pulumi is committed.
#
# The Node.js language host (`pulumi-language-nodejs`), which runs a project's program when
# `pulumi up` is typed in its directory, is built beside `pulumi`, in parallel with it. Its own Go
# module (`sdk/nodejs/cmd/pulumi-language-nodejs/v3`) is preferred whenever the proxy serves it at
# the CLI's version; the proxy has served none so far (403 "not available" up to v3.276.0), so
# the host comes from `github.com/pulumi/pulumi/sdk/v3` v3.68.0, the last release whose module
# still holds `nodejs/cmd/pulumi-language-nodejs` (built through a wrapper module of its own, since
# the CLI's wrapper pins sdk/v3 to the CLI's version). That 2023 host speaks the language-host
# protocol the 3.248 CLI uses for `preview`/`up`/`refresh`/`destroy` (docs/engine-tests.md says what
# it cannot do). `bin/.language-host` records which module was built. The dynamic provider plugin
# (`pulumi-resource-pulumi-nodejs`) ships inside @pulumi/pulumi on npm.
set -euo pipefail

readonly SCRIPT_NAME=install.sh
readonly CLI_MODULE=github.com/pulumi/pulumi/pkg/v3
readonly SDK_MODULE=github.com/pulumi/pulumi/sdk/v3
readonly CLI_PACKAGE=$CLI_MODULE/cmd/pulumi
readonly LANGUAGE_MODULE=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3
# The last sdk/v3 release that holds the Node.js language host (later ones split it out).
readonly LEGACY_LANGUAGE_VERSION=3.68.0
readonly LEGACY_LANGUAGE_PACKAGE=$SDK_MODULE/nodejs/cmd/pulumi-language-nodejs
readonly VERSION_VARIABLE=$SDK_MODULE/go/common/version.Version
readonly CACHE_ROOT=${PULUMI_BUILD_CACHE:-$HOME/.cache/pulumi-bucket-cors}
readonly PROJECT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)

print_path=false
no_build=false
requested_version=

# shellcheck source=SCRIPTDIR/../log.sh
source "$(dirname "${BASH_SOURCE[0]}")/../log.sh"

usage() {
  echo "usage: $0 [--print-path] [--no-build] [--version X.Y.Z]" >&2
  exit 2
}

while (($# > 0)); do
  case "$1" in
    --print-path) print_path=true ;;
    --no-build) no_build=true ;;
    --version)
      (($# >= 2)) || usage
      requested_version=${2#v}
      shift
      ;;
    -h | --help) usage ;;
    *) usage ;;
  esac
  shift
done

# The @pulumi/pulumi version the project resolves (node_modules first, then package.json).
wanted_version() {
  if [[ -n "$requested_version" ]]; then
    echo "$requested_version"
    return
  fi
  local installed=$PROJECT_ROOT/node_modules/@pulumi/pulumi/package.json
  if [[ -f "$installed" ]]; then
    node -p "require('$installed').version"
    return
  fi
  local pinned="p.devDependencies?.['@pulumi/pulumi'] ?? p.dependencies?.['@pulumi/pulumi'] ?? ''"
  node -p "const p = require('$PROJECT_ROOT/package.json'); ($pinned).replace(/^[^0-9]*/, '')"
}

# Is there a finished build of VERSION in the cache?
finished_build() {
  [[ -f "$CACHE_ROOT/pulumi-v$1/.complete" ]]
}

# Served versions of MODULE, nearest to WANTED first (same major; by distance in minor, then patch).
served_versions_nearest() {
  local module=$1 wanted=$2
  go list -m -versions -json "$module" 2>/dev/null |
    node -e '
      const wanted = process.argv[1].split(".").map(Number);
      let text = ""; process.stdin.on("data", (c) => (text += c)).on("end", () => {
        const versions = (JSON.parse(text || "{}").Versions ?? [])
          .filter((v) => /^v\d+\.\d+\.\d+$/.test(v)).map((v) => v.slice(1));
        const distance = (v) => { const [a, b, c] = v.split(".").map(Number);
          return [Math.abs(a - wanted[0]), Math.abs(b - wanted[1]), Math.abs(c - wanted[2])]; };
        versions.sort((x, y) => { const dx = distance(x), dy = distance(y);
          for (let i = 0; i < 3; i++) if (dx[i] !== dy[i]) return dx[i] - dy[i]; return 0; });
        process.stdout.write(versions.join("\n"));
      });' "$wanted"
}

# Is VERSION of MODULE served by the proxy (its .info answers)?
is_served() {
  local module=$1 version=$2
  GOFLAGS=-mod=mod go list -m -json "$module@v$version" >/dev/null 2>&1
}

# Runs a command with its output kept back, shown only when it fails (`go get` lists every module).
quietly() {
  local output
  if ! output=$("$@" 2>&1); then
    echo "$output" >&2
    return 1
  fi
}

# build_in WORKDIR VERSION: generates the wrapper module and builds the CLI into WORKDIR/bin,
# with the language host built in parallel (build_language_host).
build_in() {
  local workdir=$1 version=$2 host_pid
  mkdir -p "$workdir/wrapper" "$workdir/bin"
  build_language_host "$workdir" "$version" &
  host_pid=$!
  cat >"$workdir/wrapper/go.mod" <<EOF
// Generated by scripts/pulumi/install.sh; builds the Pulumi CLI at v$version.
module example.invalid/pulumi-bucket-cors/pulumi-build

go 1.26

replace (
	$CLI_MODULE => $CLI_MODULE v$version
	$SDK_MODULE => $SDK_MODULE v$version
)
EOF
  if ! (
    cd "$workdir/wrapper"
    quietly go get "$CLI_PACKAGE@v$version"
    go build -trimpath -ldflags "-s -w -X $VERSION_VARIABLE=v$version" -o "$workdir/bin/pulumi" "$CLI_PACKAGE" >&2
  ); then
    wait "$host_pid" || true
    return 1
  fi
  install_dynamic_provider_launcher "$workdir/bin"
  wait "$host_pid"
}

# build_language_host WORKDIR VERSION: builds pulumi-language-nodejs into WORKDIR/bin, from its own
# module at VERSION when the proxy serves it, else from sdk/v3 at LEGACY_LANGUAGE_VERSION.
build_language_host() {
  local workdir=$1 version=$2 module package at started
  started=$(now)
  if is_served "$LANGUAGE_MODULE" "$version"; then
    module=$LANGUAGE_MODULE package=$LANGUAGE_MODULE at=$version
  else
    module=$SDK_MODULE package=$LEGACY_LANGUAGE_PACKAGE at=$LEGACY_LANGUAGE_VERSION
  fi
  mkdir -p "$workdir/language-host" "$workdir/bin"
  cat >"$workdir/language-host/go.mod" <<EOF
// Generated by scripts/pulumi/install.sh; builds pulumi-language-nodejs from $module v$at.
module example.invalid/pulumi-bucket-cors/language-host-build

go 1.26
EOF
  (
    cd "$workdir/language-host"
    quietly go get "$package@v$at"
    go build -trimpath -ldflags "-s -w -X $VERSION_VARIABLE=v$at" -o "$workdir/bin/pulumi-language-nodejs" "$package" >&2
  ) || {
    log "go build of pulumi-language-nodejs ($module v$at) failed (output above)"
    return 1
  }
  echo "$module v$at" >"$workdir/bin/.language-host"
  log "built pulumi-language-nodejs from $module v$at in $(elapsed_since "$started") s"
}

# A build published before the language host was built beside the CLI gets one now (in place,
# with its own stamp), so a warm cache never runs without it.
ensure_language_host() {
  local version=$1 target=$CACHE_ROOT/pulumi-v$1
  [[ -x "$target/bin/pulumi-language-nodejs" && -f "$target/bin/.language-host" ]] && return 0
  if $no_build; then
    # The CLI alone still runs inline programs; the tests that need the host say it is missing.
    log "pulumi-language-nodejs is not built in $target/bin (--no-build); run bash scripts/pulumi/install.sh"
    return 0
  fi
  command -v go >/dev/null 2>&1 || die "pulumi-language-nodejs is not built in $target/bin and Go is missing; install Go 1.26 and run bash scripts/pulumi/install.sh"
  local staging
  staging=$(mktemp -d "$CACHE_ROOT/.building-host-v$version.XXXXXX")
  if ! build_language_host "$staging" "$version"; then
    rm -rf "$staging"
    die "go build of pulumi-language-nodejs failed (output above)"
  fi
  mv "$staging/bin/pulumi-language-nodejs" "$target/bin/pulumi-language-nodejs"
  mv "$staging/bin/.language-host" "$target/bin/.language-host"
  rm -rf "$staging"
}

# Pulumi's release archives put `pulumi-resource-pulumi-nodejs` (the launcher of the dynamic
# provider host, a shell script that runs the project's @pulumi/pulumi) next to `pulumi`; the
# engine looks for it there first. The same script ships in @pulumi/pulumi on npm.
install_dynamic_provider_launcher() {
  local bin=$1 launcher=$PROJECT_ROOT/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs
  if [[ -f "$launcher" ]]; then
    cp "$launcher" "$bin/pulumi-resource-pulumi-nodejs"
    chmod +x "$bin/pulumi-resource-pulumi-nodejs"
  else
    log "no $launcher (run npm ci first); the engine will look for pulumi-resource-pulumi-nodejs on PATH"
  fi
}

main() {
  local wanted version started
  wanted=$(wanted_version)
  [[ "$wanted" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "cannot tell the @pulumi/pulumi version (got '$wanted'); run npm ci first or pass --version X.Y.Z"

  if finished_build "$wanted"; then
    version=$wanted
    log "reusing the build of pulumi v$version in $CACHE_ROOT/pulumi-v$version/bin"
  elif $no_build; then
    die "pulumi v$wanted is not built in $CACHE_ROOT (--no-build); run bash scripts/pulumi/install.sh"
  elif ! command -v go >/dev/null 2>&1; then
    die "pulumi v$wanted is not built in $CACHE_ROOT and Go is missing; install Go 1.26 (https://go.dev/doc/install) and run bash scripts/pulumi/install.sh"
  else
    version=
    if is_served "$CLI_MODULE" "$wanted"; then
      version=$wanted
    else
      local candidate
      while read -r candidate; do
        [[ -n "$candidate" ]] || continue
        if is_served "$CLI_MODULE" "$candidate"; then
          version=$candidate
          break
        fi
      done < <(served_versions_nearest "$CLI_MODULE" "$wanted")
      [[ -n "$version" ]] || die "no version of $CLI_MODULE is served by $(go env GOPROXY)"
      log "$CLI_MODULE v$wanted is not served; building the nearest served version, v$version"
    fi
    if finished_build "$version"; then
      log "reusing the build of pulumi v$version in $CACHE_ROOT/pulumi-v$version/bin"
    else
      started=$(now)
      local target=$CACHE_ROOT/pulumi-v$version
      local staging
      mkdir -p "$CACHE_ROOT"
      staging=$(mktemp -d "$CACHE_ROOT/.building-v$version.XXXXXX")
      log "building pulumi v$version from $CLI_PACKAGE (a cold build takes several minutes)"
      if ! build_in "$staging" "$version"; then
        rm -rf "$staging"
        die "go build of pulumi v$version failed (output above)"
      fi
      touch "$staging/.complete"
      # Atomic publish: a concurrent build of the same version loses the rename and is dropped.
      rm -rf "$target.old"
      [[ -d "$target" ]] && mv "$target" "$target.old"
      mv "$staging" "$target"
      rm -rf "$target.old"
      log "built pulumi v$version in $(elapsed_since "$started") s"
    fi
  fi

  local bin=$CACHE_ROOT/pulumi-v$version/bin
  [[ -x "$bin/pulumi-resource-pulumi-nodejs" ]] || install_dynamic_provider_launcher "$bin"
  ensure_language_host "$version"
  "$bin/pulumi" version >/dev/null 2>&1 || die "$bin/pulumi does not run; delete $CACHE_ROOT/pulumi-v$version and run this again"
  if $print_path; then
    echo "$bin"
  else
    log "pulumi $("$bin/pulumi" version 2>/dev/null) and pulumi-language-nodejs ($(cat "$bin/.language-host" 2>/dev/null || echo "not built")) are in $bin; put them on PATH: export PATH=\"$bin:\$PATH\""
  fi
}

main
