# shellcheck shell=bash
# Shared helpers for rgw.sh and swift.sh (sourced, not run). Callers set SCRIPT_NAME and
# `set -euo pipefail` first.
#
# Ownership rule: a server directory is ours only if it holds the MARKER file, written when
# we created (or adopted an empty) directory. Nothing here deletes files or signals processes
# outside such a directory.

readonly MARKER=.bcors-test-server
# /usr/bin/python3, not the PATH one: PATH may hold a pyenv python without Debian's modules
# (docs/test-servers.md, "Swift: pitfalls").
readonly SYSTEM_PYTHON=/usr/bin/python3

# shellcheck source=SCRIPTDIR/../log.sh
source "$(dirname "${BASH_SOURCE[0]}")/../log.sh"

# require_commands PKG-HINT CMD...: fails with the install command when a binary is missing.
require_commands() {
  local hint=$1 cmd missing=()
  shift
  for cmd in "$@"; do command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd"); done
  ((${#missing[@]} == 0)) && return 0
  local apt_get="apt-get install -y --no-install-recommends $(install_hint "$hint")"
  die "missing ${missing[*]}; install the Debian packages first: bash scripts/servers/install.sh $hint (as root: $apt_get)"
}

install_hint() {
  case "$1" in
    rgw) echo "radosgw ceph-mon ceph-osd uuid-runtime curl" ;;
    swift) echo "swift swift-proxy swift-account swift-container swift-object memcached curl" ;;
  esac
}

# install_if_missing KIND CMD...: installs KIND's packages through install.sh when one of the
# binaries is missing (install.sh itself refuses, with the exact command, when not root).
install_if_missing() {
  local kind=$1 cmd
  shift
  for cmd in "$@"; do
    if ! command -v "$cmd" >/dev/null 2>&1; then
      bash "$(dirname "${BASH_SOURCE[0]}")/install.sh" "$kind" || die "cannot install the $kind packages (see above)"
      break
    fi
  done
  require_commands "$kind" "$@"
}

# claim_dir DIR KIND: creates DIR with the marker, adopts an empty DIR, or refuses a DIR that
# holds anything without our marker (or another kind's marker).
claim_dir() {
  local dir=$1 kind=$2
  if [[ -e "$dir" && ! -d "$dir" ]]; then die "$dir exists and is not a directory"; fi
  if [[ -f "$dir/$MARKER" ]]; then
    local owner
    owner=$(<"$dir/$MARKER")
    [[ "$owner" == "$kind" ]] || die "$dir belongs to a '$owner' test server, not '$kind'; refusing to touch it"
    return 0
  fi
  if [[ -d "$dir" ]] && [[ -n "$(ls -A "$dir")" ]]; then
    die "$dir is not empty and was not created by this script (no $MARKER); refusing to use or wipe it"
  fi
  mkdir -p "$dir"
  echo "$kind" >"$dir/$MARKER"
}

# owned_dir DIR KIND: true when DIR carries KIND's marker.
owned_dir() {
  [[ -f "$1/$MARKER" ]] && [[ "$(<"$1/$MARKER")" == "$2" ]]
}

# reset_dir DIR: empties an owned DIR except for the marker.
reset_dir() {
  local dir=$1
  [[ -f "$dir/$MARKER" ]] || die "refusing to wipe $dir: no $MARKER"
  find "$dir" -mindepth 1 -maxdepth 1 ! -name "$MARKER" -exec rm -rf {} +
}

# abs_path DIR: DIR made absolute without resolving symlinks (the daemons get it in configs).
abs_path() {
  case "$1" in
    /*) echo "${1%/}" ;;
    *) echo "$PWD/${1%/}" ;;
  esac
}

# pid_is_ours PID DIR: alive and started with DIR on its command line, so a recycled PID
# belonging to someone else is never signalled.
# Builtins only: start polls this every 0.1 s, and forks are what a loaded CI box lacks.
pid_is_ours() {
  local pid=$1 dir=$2 args=()
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  pid_running "$pid" || return 1
  mapfile -d '' args 2>/dev/null <"/proc/$pid/cmdline" || return 1
  [[ " ${args[*]} " == *"$dir/"* ]]
}

# pid_running PID: alive and not a zombie. This machine's init (PID 1) reaps orphans only every
# ~2 s, so a daemon that exited at once would otherwise look alive for two more seconds.
pid_running() {
  local stat rest
  { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
  rest=${stat##*) } # after "pid (comm) ", where comm may hold spaces and parentheses
  [[ -n "$rest" && "${rest%% *}" != Z ]]
}

# read_pid FILE: the PID in FILE, or nothing.
read_pid() {
  local pid=
  [[ -f "$1" ]] || return 0
  read -r pid <"$1" || true
  echo "${pid//[!0-9]/}"
}

# pidfile_alive FILE DIR: true when FILE names a live process of ours (no subshell: polled).
pidfile_alive() {
  local pid=
  [[ -f "$1" ]] || return 1
  { read -r pid <"$1"; } 2>/dev/null || true
  pid=${pid//[!0-9]/}
  [[ -n "$pid" ]] && pid_is_ours "$pid" "$2"
}

# stop_pids TIMEOUT DIR FILE...: SIGTERM every live process named by the pid FILEs (together),
# waits up to TIMEOUT seconds, then SIGKILLs the survivors. Removes the pid files.
stop_pids() {
  local timeout=$1 dir=$2 file pid
  shift 2
  local pids=()
  for file in "$@"; do
    pid=$(read_pid "$file")
    if [[ -n "$pid" ]] && pid_is_ours "$pid" "$dir"; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  done
  local deadline=$((SECONDS + timeout)) alive
  while :; do
    alive=()
    for pid in ${pids[@]+"${pids[@]}"}; do pid_running "$pid" && alive+=("$pid"); done
    ((${#alive[@]} == 0)) && break
    if ((SECONDS >= deadline)); then
      log "still running ${timeout}s after SIGTERM, sending SIGKILL: ${alive[*]}"
      kill -KILL "${alive[@]}" 2>/dev/null || true
      sleep 0.2
      break
    fi
    sleep 0.02
  done
  rm -f "$@"
}

# wait_until TIMEOUT WHAT CMD...: polls CMD every 0.1 s until it succeeds; fails after TIMEOUT s,
# or at once when a daemon in EXPECTED_PIDFILES died (no point waiting a minute for a corpse).
wait_until() {
  local timeout=$1 what=$2
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ! expected_alive; then
      log "a daemon exited while waiting for $what"
      return 1
    fi
    ((SECONDS < deadline)) || {
      log "timed out after ${timeout}s waiting for $what"
      return 1
    }
    sleep 0.1
  done
}

# Pid files of the daemons started so far; a missing file counts as dead (ceph daemons remove
# theirs when they exit, e.g. radosgw after "failed to bind address").
EXPECTED_PIDFILES=()
expect_pidfile() { EXPECTED_PIDFILES+=("$1"); }
expected_alive() {
  local f
  for f in ${EXPECTED_PIDFILES[@]+"${EXPECTED_PIDFILES[@]}"}; do pidfile_alive "$f" "$DIR" || return 1; done
}

# http_status URL [CURL-ARGS...]: the HTTP status code, 000 when nothing answers.
http_status() {
  local url=$1
  shift
  curl -s -o /dev/null -m 5 -w '%{http_code}' "$@" "$url" || true
}

# free_port [EXCLUDE...]: a loopback TCP port the kernel reports free, not in EXCLUDE.
free_port() {
  local port
  while :; do
    port=$("$SYSTEM_PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    [[ " $* " == *" $port "* ]] || break
  done
  echo "$port"
}

# port_in_use PORT: true when something accepts connections on 127.0.0.1:PORT.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# random_token BYTES [upper]: hex from /dev/urandom (od, not `tr | head`, which dies of
# SIGPIPE under pipefail).
random_token() {
  local hex
  hex=$(od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n')
  if [[ "${2:-}" == upper ]]; then echo "${hex^^}"; else echo "$hex"; fi
}

# write_env FILE LINE...: writes KEY=value lines atomically (readers never see half a file).
write_env() {
  local file=$1
  shift
  printf '%s\n' "$@" >"$file.tmp"
  mv -f "$file.tmp" "$file"
}

# env_value FILE KEY: the value of KEY in an env file written by write_env.
env_value() {
  [[ -f "$1" ]] || return 0
  sed -n "s/^$2=//p" "$1" | tail -n 1
}

# already_serving PORT URL HEALTH_CMD [ARGS...]: for an instance DIR/env records at URL
# (http://127.0.0.1:P/...): 0, said in the log, when it serves PORT and HEALTH_CMD passes (start
# is idempotent); dies when it serves another port; 1 when it is unhealthy (start resets it).
already_serving() {
  local port=$1 url=$2 running_port
  shift 2
  running_port=${url#http://127.0.0.1:}
  running_port=${running_port%%/*}
  [[ "$running_port" == "$port" ]] || die "already running in $DIR on port $running_port; stop it first"
  "$@" || return 1
  log "already running and healthy at http://127.0.0.1:$port (env: $DIR/env)"
}

# show_logs DIR: the tail of every log in DIR/log, for failure reports.
show_logs() {
  local f
  for f in "$1"/log/*; do
    [[ -s "$f" ]] || continue
    echo "----- tail of $f -----" >&2
    tail -n 12 "$f" >&2
  done
}

# check_port ARG: a valid TCP port number.
check_port() {
  if [[ ! "$1" =~ ^[0-9]+$ ]] || (($1 < 1 || $1 > 65535)); then die "invalid port '$1'"; fi
}

# running_server KIND [quiet]: succeeds when $DIR holds a live server this script started;
# otherwise says so (unless quiet), clears stale pid files, and fails so do_stop returns.
# Dies on a non-empty DIR without the marker: nothing is stopped there.
running_server() {
  local kind=$1 quiet=${2:-}
  if [[ ! -d "$DIR" ]]; then
    [[ "$quiet" == quiet ]] || log "not running ($DIR does not exist)"
    return 1
  fi
  if ! owned_dir "$DIR" "$kind"; then
    [[ -n "$(ls -A "$DIR")" ]] || return 1 # an empty dir runs nothing
    die "$DIR was not created by $SCRIPT_NAME (no $MARKER); refusing to stop anything there"
  fi
  any_alive && return 0
  local files
  mapfile -t files < <(pid_files)
  rm -f "${files[@]}" "$DIR/env"
  [[ "$quiet" == quiet ]] || log "not running"
  return 1
}

# wipe_server KIND: stops the server in $DIR (the sourcing script's do_stop) and removes DIR,
# only if this script created it (the marker names KIND).
wipe_server() {
  local kind=$1
  [[ -d "$DIR" ]] || return 0
  owned_dir "$DIR" "$kind" || die "$DIR was not created by $SCRIPT_NAME (no $MARKER); refusing to wipe it"
  do_stop quiet
  rm -rf "$DIR"
  log "removed $DIR"
}

# server_main KIND start|stop|wipe DIR [PORT]: the command line both server scripts share,
# dispatching to their do_start / do_stop.
server_main() {
  local kind=$1
  shift
  (($# >= 2)) || usage
  local cmd=$1
  DIR=$(abs_path "$2")
  case "$cmd" in
    start)
      (($# == 3)) || usage
      do_start "$3"
      ;;
    stop) do_stop ;;
    wipe) wipe_server "$kind" ;;
    *) usage ;;
  esac
}
