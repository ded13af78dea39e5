#!/usr/bin/env bash
# Builds versitygw (an S3 gateway that stores buckets in a POSIX directory) from its Go module,
# for the server tests: the one real server here that answers CORS the way AWS documents
# (docs/test-servers.md, "versitygw").
#
# Usage: versitygw-build.sh [--print-path] [--no-build]
#   --print-path   print only the binary's path on stdout (logs go to stderr)
#   --no-build     use a finished build or fail; never start one
#
# Where: ${VERSITYGW_BUILD_CACHE:-$HOME/.cache/pulumi-bucket-cors}/versitygw-v<version>/bin,
# outside the work tree, like scripts/pulumi/install.sh. A finished build (its `.complete` stamp)
# is reused; a cold one takes about 3 min on 2 cores.
set -euo pipefail

readonly SCRIPT_NAME=versitygw-build.sh
# The version the tests were measured against (docs/cors-semantics.md, "16. versitygw").
readonly VERSION=1.8.0
readonly PACKAGE=github.com/versity/versitygw/cmd/versitygw
readonly CACHE_ROOT=${VERSITYGW_BUILD_CACHE:-$HOME/.cache/pulumi-bucket-cors}
readonly TARGET=$CACHE_ROOT/versitygw-v$VERSION

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
  command -v go >/dev/null 2>&1 || die "versitygw v$VERSION is not built in $TARGET and Go is missing; install Go (https://go.dev/doc/install) and run bash scripts/servers/versitygw-build.sh"
  mkdir -p "$CACHE_ROOT"
  local staging started
  staging=$(mktemp -d "$CACHE_ROOT/.building-versitygw-v$VERSION.XXXXXX")
  started=$(now)
  log "building versitygw v$VERSION from $PACKAGE (a cold build takes about 3 min)"
  # GOBIN outside the work tree; GOFLAGS=-mod=mod so a go.work or vendor dir around us is ignored.
  if ! GOBIN="$staging/bin" GOFLAGS=-mod=mod go install -trimpath -ldflags "-s -w" "$PACKAGE@v$VERSION" >&2; then
    rm -rf "$staging"
    die "go install $PACKAGE@v$VERSION failed (output above)"
  fi
  touch "$staging/.complete"
  # Atomic publish: a concurrent build of the same version loses the rename and is dropped.
  rm -rf "$TARGET.old"
  [[ -d "$TARGET" ]] && mv "$TARGET" "$TARGET.old"
  mv "$staging" "$TARGET"
  rm -rf "$TARGET.old"
  log "built versitygw v$VERSION in $(elapsed_since "$started") s"
}

if [[ -f "$TARGET/.complete" ]]; then
  $print_path || log "reusing the build of versitygw v$VERSION in $TARGET/bin"
elif $no_build; then
  die "versitygw v$VERSION is not built in $TARGET (--no-build); run bash scripts/servers/versitygw-build.sh"
else
  build
fi
"$TARGET/bin/versitygw" --version >/dev/null 2>&1 || die "$TARGET/bin/versitygw does not run; delete $TARGET and run this again"
if $print_path; then echo "$TARGET/bin/versitygw"; else log "versitygw is $TARGET/bin/versitygw"; fi
