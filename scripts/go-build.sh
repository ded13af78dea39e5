#!/usr/bin/env bash
# Builds the project's own Go programs, outside the work tree (Go is used only for tooling and
# tests; the product is TypeScript):
#   codegen      scripts/codegen: the SDK generator over Pulumi's codegen (npm run codegen, docs/plugin.md)
#   go-program   tests/engine/go-program: a Go Automation API program over the generated Go SDK
#                (sdk/go), run by tests/engine/go-program.test.ts
#
# Usage: go-build.sh [--print-path] [--no-build] <codegen|go-program>...
#   --print-path   print only the binaries' paths on stdout, one a line (logs go to stderr)
#   --no-build     use finished builds or fail; never start one (what the tests call)
#
# Where: ${GO_BUILD_CACHE:-$HOME/.cache/pulumi-bucket-cors}/go-<name>-<hash>/bin/<name>. The
# hash covers the program's Go sources and the local modules it builds with (a `replace` to sdk/go),
# so an edit builds anew and a finished build (its `.complete` stamp) is reused. The Pulumi
# modules come from the module cache scripts/pulumi/install.sh fills (the same v3.248.0).
set -euo pipefail

readonly SCRIPT_NAME=go-build.sh
readonly CACHE_ROOT=${GO_BUILD_CACHE:-$HOME/.cache/pulumi-bucket-cors}
readonly PROJECT_ROOT=$(cd "$(dirname "$0")/.." && pwd)

# shellcheck source=SCRIPTDIR/log.sh
source "$(dirname "${BASH_SOURCE[0]}")/log.sh"
# shellcheck source=SCRIPTDIR/go-cache.sh
source "$(dirname "${BASH_SOURCE[0]}")/go-cache.sh"

usage() {
  echo "usage: $0 [--print-path] [--no-build] <codegen|go-program>..." >&2
  exit 2
}

# The module directory of a program, then the other directories its build reads.
sources_of() {
  case "$1" in
    codegen) echo scripts/codegen ;;
    go-program) echo tests/engine/go-program sdk/go ;;
    *)
      log "error: no Go program \"$1\" (codegen, go-program)"
      usage
      ;;
  esac
}

# A hash of what go build reads under the program's source directories (Go files, go.mod, go.sum:
# names and contents), so the TypeScript beside scripts/codegen/main.go changes no build.
source_hash() {
  (cd "$PROJECT_ROOT" && find "$@" -type f \( -name '*.go' -o -name go.mod -o -name go.sum \) -print0 |
    LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)
}

# build NAME TARGET MODULE_DIR: go build of the module's main package into TARGET/bin/NAME.
build() {
  local name=$1 target=$2 module=$3 staging started
  command -v go >/dev/null 2>&1 || die "$name is not built in $target and Go is missing; install Go 1.26 (https://go.dev/doc/install) and run bash scripts/go-build.sh $name"
  staging=$(new_staging "go-$name")
  started=$(now)
  log "building $name from $module"
  # GOFLAGS=-mod=mod, GOWORK=off: a go.work or vendor directory around the checkout is ignored.
  if ! (cd "$PROJECT_ROOT/$module" && GOFLAGS=-mod=mod GOWORK=off go build -trimpath -o "$staging/bin/$name" . >&2); then
    rm -rf "$staging"
    die "go build of $name ($module) failed (output above)"
  fi
  publish_build "$staging" "$target"
  log "built $name in $(elapsed_since "$started") s"
}

names=()
for arg in "$@"; do
  case "$arg" in
    --print-path) print_path=true ;;
    --no-build) no_build=true ;;
    -*) usage ;;
    *) names+=("$arg") ;;
  esac
done
((${#names[@]} > 0)) || usage

for name in "${names[@]}"; do
  read -r -a dirs <<<"$(sources_of "$name")"
  target=$CACHE_ROOT/go-$name-$(source_hash "${dirs[@]}")
  if [[ -f "$target/.complete" ]]; then
    $print_path || log "reusing the build of $name in $target/bin"
  elif $no_build; then
    die "$name is not built for these sources in $CACHE_ROOT (--no-build); run bash scripts/go-build.sh $name"
  else
    build "$name" "$target" "${dirs[0]}"
  fi
  if $print_path; then echo "$target/bin/$name"; else log "$name is $target/bin/$name"; fi
done
