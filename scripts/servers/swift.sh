#!/usr/bin/env bash
# A throwaway OpenStack Swift on 127.0.0.1 for the server tests: proxy with tempauth,
# account/container/object servers (one replica, one device per ring) and memcached.
# Recipe and pitfalls: docs/test-servers.md, "OpenStack Swift".
#
#   swift.sh start DIR PORT   start (or report an already healthy instance); writes DIR/env
#   swift.sh stop DIR [PORT]  stop by the PIDs recorded in DIR/run
#   swift.sh wipe DIR [PORT]  stop, then delete DIR (only a DIR this script created)
#
# PORT is the proxy's; the backend servers and memcached get free ports picked at start.
# DIR/env holds SWIFT_AUTH_URL, SWIFT_USER, SWIFT_KEY, SWIFT_STORAGE_URL.
# Timeouts (seconds): BCORS_START_TIMEOUT (default 60), BCORS_STOP_TIMEOUT per step (15).
set -euo pipefail

SCRIPT_NAME=swift.sh
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

readonly START_TIMEOUT=${BCORS_START_TIMEOUT:-60}
readonly STOP_TIMEOUT=${BCORS_STOP_TIMEOUT:-15}
# Swift servers always read this fixed path (hash prefix/suffix, policies); the file the
# `swift` package ships works unchanged (docs/test-servers.md, "Swift: recipe").
readonly SWIFT_CONF=/etc/swift/swift.conf
readonly ACCOUNT=test
readonly USER_NAME=tester
readonly BACKENDS=(account container object)

usage() {
  echo "usage: $0 start DIR PORT | stop DIR [PORT] | wipe DIR [PORT]" >&2
  exit 2
}

# Stop order: the proxy first (no new requests), then the storage servers, memcached last.
pid_files() {
  echo "$DIR/run/proxy.pid"
  local b
  for b in "${BACKENDS[@]}"; do echo "$DIR/run/$b.pid"; done
  echo "$DIR/run/memcached.pid"
}

any_alive() {
  local f files
  mapfile -t files < <(pid_files)
  for f in "${files[@]}"; do pidfile_alive "$f" "$DIR" && return 0; done
  return 1
}

all_alive() {
  local f files
  mapfile -t files < <(pid_files)
  for f in "${files[@]}"; do pidfile_alive "$f" "$DIR" || return 1; done
}

# server_conf NAME PORT PIPELINE: the [DEFAULT] every Swift server shares, bound to loopback.
# workers = 0 keeps one process per server, so the recorded PID is the listening one.
server_conf() {
  cat <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $2
workers = 0
user = $(id -un)
swift_dir = $DIR/etc
devices = $DIR/srv
mount_check = false
log_name = $1

[pipeline:main]
pipeline = $3
EOF
}

write_confs() {
  local port=$1 memcached_port=$2 key=$3 b
  for b in "${BACKENDS[@]}"; do
    {
      server_conf "$b-server" "${BACKEND_PORTS[$b]}" "$b-server"
      printf '\n[app:%s-server]\nuse = egg:swift#%s\n' "$b" "$b"
    } >"$DIR/etc/$b-server.conf"
  done
  {
    server_conf proxy-server "$port" "catch_errors healthcheck proxy-logging cache tempauth proxy-logging proxy-server"
    cat <<EOF

[app:proxy-server]
use = egg:swift#proxy
allow_account_management = true
account_autocreate = true

[filter:tempauth]
use = egg:swift#tempauth
user_${ACCOUNT}_${USER_NAME} = $key .admin

# Without memcached, login answers 500/503 and tokens are refused with 401.
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$memcached_port

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:catch_errors]
use = egg:swift#catch_errors

[filter:proxy-logging]
use = egg:swift#proxy_logging
EOF
  } >"$DIR/etc/proxy-server.conf"
}

# All three rings in one python process: nine swift-ring-builder calls take ~8 s, this < 1 s.
# Also proves the devices directory takes user xattrs, which the object server needs.
build_rings() {
  "$SYSTEM_PYTHON" - "$DIR" "${BACKEND_PORTS[account]}" "${BACKEND_PORTS[container]}" "${BACKEND_PORTS[object]}" <<'EOF'
import os, sys
from swift.common.ring import RingBuilder

root, ports = sys.argv[1], dict(zip(("account", "container", "object"), map(int, sys.argv[2:5])))
device = os.path.join(root, "srv", "d1")
os.makedirs(device, exist_ok=True)
probe = os.path.join(device, ".xattr-probe")
open(probe, "w").close()
try:
    os.setxattr(probe, "user.swift.probe", b"1")
except OSError as error:
    sys.exit(f"the filesystem of {device} does not take user xattrs ({error}); use a DIR on ext4/xfs")
finally:
    os.unlink(probe)
for name, port in ports.items():
    # part power 6, 1 replica, min_part_hours 1: `swift-ring-builder X.builder create 6 1 1`
    builder = RingBuilder(6, 1, 1)
    builder.add_dev({"id": 0, "region": 1, "zone": 1, "ip": "127.0.0.1", "port": port,
                     "replication_ip": "127.0.0.1", "replication_port": port,
                     "device": "d1", "weight": 1, "meta": ""})
    builder.rebalance()
    builder.save(os.path.join(root, "etc", f"{name}.builder"))
    builder.get_ring().save(os.path.join(root, "etc", f"{name}.ring.gz"))
EOF
}

# start_server NAME CONF: runs a Swift server in the background and records its PID. The
# server calls setsid itself, so a Ctrl-C in the caller's terminal does not reach it.
# No /dev/log here: -v sends the log to stdout, kept in DIR/log.
start_server() {
  local name=$1 conf=$2
  "swift-$name-server" "$conf" -v </dev/null >>"$DIR/log/$name.log" 2>&1 &
  echo $! >"$DIR/run/$name.pid"
  expect_pidfile "$DIR/run/$name.pid"
}

# memcached_answers PORT: the text protocol's `version` gets a VERSION reply (in a subshell,
# so a refused connection cannot take the script's own descriptors down with it).
memcached_answers() (
  exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
  printf 'version\r\n' >&3
  reply=
  read -r -t 2 reply <&3 || true
  [[ "$reply" == VERSION* ]]
)

server_answers() { [[ "$(http_status "http://127.0.0.1:$1/")" != 000 ]]; }
proxy_healthy() { [[ "$(curl -s -m 5 "http://127.0.0.1:$1/healthcheck" || true)" == OK ]]; }

# login PORT KEY: prints "STORAGE_URL TOKEN" from a TempAuth v1 login, fails unless 200.
login() {
  local headers status
  headers=$(curl -s -m 5 -o /dev/null -D - -H "X-Auth-User: $ACCOUNT:$USER_NAME" -H "X-Auth-Key: $2" "http://127.0.0.1:$1/auth/v1.0") || return 1
  status=$(sed -n '1s/^HTTP\/[0-9.]* \([0-9]*\).*/\1/p' <<<"$headers")
  [[ "$status" == 200 ]] || return 1
  local url token
  url=$(sed -n 's/^[Xx]-[Ss]torage-[Uu]rl: *//p' <<<"$headers" | tr -d '\r')
  token=$(sed -n 's/^[Xx]-[Aa]uth-[Tt]oken: *//p' <<<"$headers" | tr -d '\r')
  [[ -n "$url" && -n "$token" ]] || return 1
  echo "$url $token"
}

# account_ready PORT KEY: login works and the account answers HEAD through the whole chain
# (proxy -> ring -> account server).
account_ready() {
  local creds status
  creds=$(login "$1" "$2") || return 1
  status=$(http_status "${creds% *}" -I -H "X-Auth-Token: ${creds#* }")
  [[ "$status" == 200 || "$status" == 204 ]]
}

on_start_failure() {
  local rc=$?
  ((rc == 0)) && return 0
  log "start failed; logs:"
  show_logs "$DIR"
  do_stop quiet
  exit "$rc"
}

do_start() {
  local port=$1
  check_port "$port"
  install_if_missing swift swift-proxy-server swift-account-server swift-container-server swift-object-server memcached curl
  [[ -x "$SYSTEM_PYTHON" ]] || die "$SYSTEM_PYTHON is missing (Debian's python3 with the swift modules)"
  [[ -f "$SWIFT_CONF" ]] || die "$SWIFT_CONF is missing; reinstall the 'swift' package"
  claim_dir "$DIR" swift

  if all_alive && [[ -f "$DIR/env" ]] && already_serving "$port" "$(env_value "$DIR/env" SWIFT_AUTH_URL)" account_ready "$port" "$(env_value "$DIR/env" SWIFT_KEY)"; then
    return 0
  fi
  if any_alive; then
    log "found an unhealthy or partial instance in $DIR; stopping it"
    do_stop quiet
  fi
  reset_dir "$DIR"
  port_in_use "$port" && die "port $port on 127.0.0.1 is already in use"

  local started
  started=$(now)
  trap on_start_failure EXIT
  mkdir -p "$DIR"/{etc,srv/d1,run,log}
  declare -gA BACKEND_PORTS=()
  local taken=("$port") b
  for b in "${BACKENDS[@]}"; do
    BACKEND_PORTS[$b]=$(free_port "${taken[@]}")
    taken+=("${BACKEND_PORTS[$b]}")
  done
  local memcached_port key
  memcached_port=$(free_port "${taken[@]}")
  key=$(random_token 16)
  write_confs "$port" "$memcached_port" "$key"
  build_rings 2>>"$DIR/log/setup.log"

  # -d: memcached daemonizes into its own session and writes the pid file (-P needs -d).
  local as_root=()
  ((EUID == 0)) && as_root=(-u root) # memcached refuses to run as root without it
  memcached -d -P "$DIR/run/memcached.pid" -l 127.0.0.1 -p "$memcached_port" -U 0 -m 16 -t 1 \
    ${as_root[@]+"${as_root[@]}"} </dev/null >>"$DIR/log/memcached.log" 2>&1
  # The daemonized child writes the pid file a moment after the parent exits.
  wait_until 15 "memcached to write its pid file" pidfile_alive "$DIR/run/memcached.pid" "$DIR"
  expect_pidfile "$DIR/run/memcached.pid"
  for b in "${BACKENDS[@]}"; do start_server "$b" "$DIR/etc/$b-server.conf"; done
  start_server proxy "$DIR/etc/proxy-server.conf"

  wait_until "$START_TIMEOUT" "memcached on 127.0.0.1:$memcached_port" memcached_answers "$memcached_port"
  for b in "${BACKENDS[@]}"; do
    wait_until "$START_TIMEOUT" "the $b server on 127.0.0.1:${BACKEND_PORTS[$b]}" server_answers "${BACKEND_PORTS[$b]}"
  done
  wait_until "$START_TIMEOUT" "GET http://127.0.0.1:$port/healthcheck to say OK" proxy_healthy "$port"
  wait_until "$START_TIMEOUT" "a TempAuth login and an account HEAD on port $port" account_ready "$port" "$key"
  all_alive || die "a Swift server exited during start"

  local creds
  creds=$(login "$port" "$key")
  write_env "$DIR/env" \
    "SWIFT_AUTH_URL=http://127.0.0.1:$port/auth/v1.0" \
    "SWIFT_USER=$ACCOUNT:$USER_NAME" \
    "SWIFT_KEY=$key" \
    "SWIFT_STORAGE_URL=${creds% *}"
  trap - EXIT
  local backends="account ${BACKEND_PORTS[account]}, container ${BACKEND_PORTS[container]}, object ${BACKEND_PORTS[object]}"
  log "started in $(elapsed_since "$started") s: http://127.0.0.1:$port ($backends, memcached $memcached_port; env: $DIR/env)"
}

# do_stop [quiet]: SIGTERM in order (proxy, then the storage servers together, then memcached),
# SIGKILL after STOP_TIMEOUT.
do_stop() {
  running_server swift "${1:-}" || return 0
  local started b backends=()
  started=$(now)
  for b in "${BACKENDS[@]}"; do backends+=("$DIR/run/$b.pid"); done
  stop_pids "$STOP_TIMEOUT" "$DIR" "$DIR/run/proxy.pid"
  stop_pids "$STOP_TIMEOUT" "$DIR" "${backends[@]}"
  stop_pids "$STOP_TIMEOUT" "$DIR" "$DIR/run/memcached.pid"
  rm -f "$DIR/env"
  [[ "${1:-}" == quiet ]] || log "stopped in $(elapsed_since "$started") s"
}

server_main swift "$@"
