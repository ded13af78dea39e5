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

# shellcheck source=SCRIPTDIR/../go-cache.sh
source "$(dirname "${BASH_SOURCE[0]}")/../go-cache.sh"

parse_cache_flags "usage: $0 [--print-path] [--no-build]" "$@"
go_install_cached versitygw "$PACKAGE" "$VERSION" "$TARGET" "-s -w" "bash scripts/servers/versitygw-build.sh"
"$TARGET/bin/versitygw" --version >/dev/null 2>&1 || die "$TARGET/bin/versitygw does not run; delete $TARGET and run this again"
if $print_path; then echo "$TARGET/bin/versitygw"; else log "versitygw is $TARGET/bin/versitygw"; fi
