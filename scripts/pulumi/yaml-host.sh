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

# shellcheck source=SCRIPTDIR/../go-cache.sh
source "$(dirname "${BASH_SOURCE[0]}")/../go-cache.sh"

parse_cache_flags "usage: $0 [--print-path] [--no-build]" "$@"
go_install_cached pulumi-language-yaml "$PACKAGE" "$VERSION" "$TARGET" "-s -w -X $MODULE/pkg/version.Version=v$VERSION" "bash scripts/pulumi/yaml-host.sh"
[[ -x "$TARGET/bin/pulumi-language-yaml" ]] || die "$TARGET/bin/pulumi-language-yaml is missing; delete $TARGET and run this again"
if $print_path; then echo "$TARGET/bin"; else log "pulumi-language-yaml is in $TARGET/bin; the engine tests put it on PATH"; fi
