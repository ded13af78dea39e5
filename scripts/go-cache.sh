# shellcheck shell=bash
# Go builds cached outside the work tree, shared by the scripts that build the tools the tests run
# (scripts/pulumi/yaml-host.sh, scripts/servers/versitygw-build.sh, scripts/go-build.sh; sourced,
# not run). A build goes into a staging directory beside its target, gets a `.complete` stamp and
# is published with one rename, so a reader sees a finished build or none, and two concurrent
# builds of the same thing leave one. Callers set SCRIPT_NAME and CACHE_ROOT and source log.sh.

print_path=false
no_build=false

# parse_cache_flags USAGE ARGS...: sets print_path / no_build from --print-path / --no-build;
# prints USAGE and exits 2 on anything else. Callers that take operands parse their own.
parse_cache_flags() {
  local usage=$1
  shift
  for arg in "$@"; do
    case "$arg" in
      --print-path) print_path=true ;;
      --no-build) no_build=true ;;
      *)
        echo "$usage" >&2
        exit 2
        ;;
    esac
  done
}

# new_staging LABEL: a fresh staging directory under CACHE_ROOT (on the target's file system).
new_staging() {
  mkdir -p "$CACHE_ROOT"
  mktemp -d "$CACHE_ROOT/.building-$1.XXXXXX"
}

# publish_build STAGING TARGET: stamps STAGING complete and renames it to TARGET. A TARGET without
# the stamp (a build killed before its rename cannot leave one, but a hand-made one can) is
# replaced; a concurrent build that published first wins and STAGING is dropped.
publish_build() {
  local staging=$1 target=$2
  touch "$staging/.complete"
  if [[ -d "$target" && ! -f "$target/.complete" ]]; then
    rm -rf "$target.old"
    mv "$target" "$target.old"
    rm -rf "$target.old"
  fi
  mv -T "$staging" "$target" 2>/dev/null || rm -rf "$staging"
}

# go_install_cached WHAT PACKAGE VERSION TARGET LDFLAGS RERUN: `go install PACKAGE@vVERSION` into
# TARGET/bin as released (its go.mod has no `replace` directives), unless TARGET is a finished
# build; with --no-build, fails instead of building. RERUN is the command that builds it.
go_install_cached() {
  local what=$1 package=$2 version=$3 target=$4 ldflags=$5 rerun=$6 staging started
  if [[ -f "$target/.complete" ]]; then
    $print_path || log "reusing the build of $what v$version in $target/bin"
    return
  fi
  $no_build && die "$what v$version is not built in $target (--no-build); run $rerun"
  command -v go >/dev/null 2>&1 || die "$what v$version is not built in $target and Go is missing; install Go (https://go.dev/doc/install) and run $rerun"
  staging=$(new_staging "$what-v$version")
  started=$(now)
  log "building $what v$version from $package (a cold build takes about 3 min)"
  # GOBIN outside the work tree; GOFLAGS=-mod=mod so a go.work or vendor dir around us is ignored.
  if ! GOBIN="$staging/bin" GOFLAGS=-mod=mod go install -trimpath -ldflags "$ldflags" "$package@v$version" >&2; then
    rm -rf "$staging"
    die "go install $package@v$version failed (output above)"
  fi
  publish_build "$staging" "$target"
  log "built $what v$version in $(elapsed_since "$started") s"
}
