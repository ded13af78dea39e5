#!/usr/bin/env bash
# Builds the Pulumi YAML language host (`pulumi-language-yaml`), which runs a `runtime: yaml`
# project's program, for the YAML engine test (tests/engine/yaml-program.test.ts). Go is used
# only here, as for the CLI (scripts/pulumi/install.sh).
#
# Usage: yaml-host.sh [--print-path] [--no-build]
#   --print-path   print only the bin directory on stdout (logs go to stderr)
#   --no-build     use a finished build or fail; never start one (what the tests call)
#
# Where: ${PULUMI_BUILD_CACHE:-$HOME/.cache/pulumi-bucket-cors}/pulumi-language-yaml-v<version>/bin,
# outside the work tree. A finished build (its `.complete` stamp) is reused; a cold one takes
# about 3 min on 2 cores.
#
# github.com/pulumi/pulumi-yaml's go.mod (v1.25.0) has no `replace` directives, so `go install
# <package>@<version>` builds it as released, with no wrapper module (unlike the CLI's). The
# version is stamped the way its Makefile does (-X .../pkg/version.Version).
set -euo pipefail

readonly SCRIPT_NAME=yaml-host.sh
# The version issue 20 names; the proxy serves it.
readonly VERSION=1.25.0
readonly MODULE=github.com/pulumi/pulumi-yaml
readonly PACKAGE=$MODULE/cmd/pulumi-language-yaml
readonly CACHE_ROOT=${PULUMI_BUILD_CACHE:-$HOME/.cache/pulumi-bucket-cors}
readonly TARGET=$CACHE_ROOT/pulumi-language-yaml-v$VERSION

# shellcheck source=SCRIPTDIR/../log.sh
source "$(dirname "${BASH_SOURCE[0]}")/../log.sh"

print_path=false
no_build=false
for arg in "$@"; do
  case "$arg" in
    --print-path) print_path=true ;;
    --no-build) no_build=true ;;
    *)
      echo "usage: $0 [--print-path] [--no-build]" >&2
      exit 2
      ;;
  esac
done

build() {
  command -v go >/dev/null 2>&1 || die "pulumi-language-yaml v$VERSION is not built in $TARGET and Go is missing; install Go (https://go.dev/doc/install) and run bash scripts/pulumi/yaml-host.sh"
  mkdir -p "$CACHE_ROOT"
  local staging started
  staging=$(mktemp -d "$CACHE_ROOT/.building-yaml-v$VERSION.XXXXXX")
  started=$(now)
  log "building pulumi-language-yaml v$VERSION from $PACKAGE (a cold build takes about 3 min)"
  # GOBIN outside the work tree; GOFLAGS=-mod=mod so a go.work or vendor dir around us is ignored.
  if ! GOBIN="$staging/bin" GOFLAGS=-mod=mod go install -trimpath -ldflags "-s -w -X $MODULE/pkg/version.Version=v$VERSION" "$PACKAGE@v$VERSION" >&2; then
    rm -rf "$staging"
    die "go install $PACKAGE@v$VERSION failed (output above)"
  fi
  touch "$staging/.complete"
  # Atomic publish: a concurrent build of the same version loses the rename and is dropped.
  rm -rf "$TARGET.old"
  [[ -d "$TARGET" ]] && mv "$TARGET" "$TARGET.old"
  mv "$staging" "$TARGET"
  rm -rf "$TARGET.old"
  log "built pulumi-language-yaml v$VERSION in $(elapsed_since "$started") s"
}

if [[ -f "$TARGET/.complete" ]]; then
  $print_path || log "reusing the build of pulumi-language-yaml v$VERSION in $TARGET/bin"
elif $no_build; then
  die "pulumi-language-yaml v$VERSION is not built in $TARGET (--no-build); run bash scripts/pulumi/yaml-host.sh"
else
  build
fi
[[ -x "$TARGET/bin/pulumi-language-yaml" ]] || die "$TARGET/bin/pulumi-language-yaml is missing; delete $TARGET and run this again"
if $print_path; then echo "$TARGET/bin"; else log "pulumi-language-yaml is in $TARGET/bin; the engine tests put it on PATH"; fi
