#!/usr/bin/env bash
# A throwaway Ceph RGW (S3) on 127.0.0.1 for the server tests: one mon, one memstore OSD,
# no mgr, auth off, radosgw (beast). Recipe and pitfalls: docs/test-servers.md, "Ceph RGW".
#
#   rgw.sh start DIR PORT   start (or report an already healthy instance); writes DIR/env
#   rgw.sh stop DIR [PORT]  stop by the PIDs recorded in DIR/run (rgw -> osd -> mon)
#   rgw.sh wipe DIR [PORT]  stop, then delete DIR (only a DIR this script created)
#
# DIR/env holds RGW_ENDPOINT, RGW_ACCESS_KEY_ID, RGW_SECRET_ACCESS_KEY, RGW_REGION.
# Keep DIR short: every admin socket path (DIR/run/client.rgw.r.asok) must fit in 107 bytes.
# Timeouts (seconds): BCORS_START_TIMEOUT (default 90), BCORS_STOP_TIMEOUT per daemon (15).
set -euo pipefail

SCRIPT_NAME=rgw.sh
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

readonly START_TIMEOUT=${BCORS_START_TIMEOUT:-90}
readonly STOP_TIMEOUT=${BCORS_STOP_TIMEOUT:-15}
# sun_path is 108 bytes including the terminating NUL.
readonly MAX_SOCKET_PATH=107
readonly LONGEST_SOCKET=/run/client.rgw.r.asok
# Any region is accepted by RGW; the SDK needs one to sign.
readonly REGION=us-east-1
readonly UID_NAME=tester

usage() {
  echo "usage: $0 start DIR PORT | stop DIR [PORT] | wipe DIR [PORT]" >&2
  exit 2
}

conf() { echo "$DIR/ceph.conf"; }
# Daemons stop in this order: the gateway first, the monitor last (docs/test-servers.md, "Ceph RGW: recipe").
pid_files() { printf '%s\n' "$DIR/run/client.rgw.r.pid" "$DIR/run/osd.0.pid" "$DIR/run/mon.a.pid"; }

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

gateway_answers() { [[ "$(http_status "http://127.0.0.1:$1/")" == 200 ]]; }

write_conf() {
  local port=$1 mon_port=$2
  cat >"$(conf)" <<EOF
[global]
fsid = $(uuidgen)
mon host = v2:127.0.0.1:$mon_port
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr1 = false
ms bind msgr2 = true
auth cluster required = none
auth service required = none
auth client required = none
keyring = /dev/null
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
# A nearly full disk would otherwise raise a mon warning and block writes.
mon data avail warn = 1
mon data avail crit = 0
client mount timeout = 30
run dir = $DIR/run
admin socket = $DIR/run/\$name.asok
pid file = $DIR/run/\$name.pid
log file = $DIR/log/\$name.log
[mon.a]
mon data = $DIR/mon
mon cluster log file = $DIR/log/mon-cluster.log
# The default interval makes start take ~19 s instead of ~4 s.
paxos propose interval = 0.1
[osd.0]
osd data = $DIR/osd
osd objectstore = memstore
memstore device bytes = 1073741824
osd class load list = *
osd class default list = *
[client.rgw.r]
# Without it radosgw fails with "get_initial_auth_request returned -13".
ms mon client mode = crc secure
rgw data = $DIR/rgw
rgw frontends = beast endpoint=127.0.0.1:$port
rgw thread pool size = 64
EOF
}

# ceph CLI with a connect timeout: without one a mon that never formed quorum hangs it 300 s.
ceph_cli() { ceph -c "$(conf)" --connect-timeout 15 "$@"; }

osd_up() { ceph_cli osd dump 2>/dev/null | grep -q '^osd\.0 up'; }

# run_daemon NAME CMD...: the daemon forks itself and writes DIR/run/NAME.pid; its early
# stdout/stderr (before it opens its log) goes to DIR/log/NAME.out.
run_daemon() {
  local name=$1
  shift
  "$@" </dev/null >>"$DIR/log/$name.out" 2>&1 || return 1
  wait_until 15 "$name to write its pid file" pidfile_alive "$DIR/run/$name.pid" "$DIR"
  expect_pidfile "$DIR/run/$name.pid"
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
  install_if_missing rgw radosgw radosgw-admin ceph ceph-mon ceph-osd monmaptool uuidgen curl
  local socket_len=$((${#DIR} + ${#LONGEST_SOCKET}))
  ((socket_len <= MAX_SOCKET_PATH)) || die "DIR too long: $DIR$LONGEST_SOCKET is $socket_len bytes, a unix socket path fits $MAX_SOCKET_PATH; use a shorter DIR"
  claim_dir "$DIR" rgw

  if all_alive && [[ -f "$DIR/env" ]] && already_serving "$port" "$(env_value "$DIR/env" RGW_ENDPOINT)" gateway_answers "$port"; then
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
  mkdir -p "$DIR"/{run,log,mon,osd,rgw}
  local mon_port
  mon_port=$(free_port "$port")
  write_conf "$port" "$mon_port"
  local fsid
  fsid=$(sed -n 's/^fsid = //p' "$(conf)")

  # Without --addv the mon joins no monmap and every ceph call hangs.
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$DIR/run/monmap" >>"$DIR/log/setup.log" 2>&1
  ceph-mon -c "$(conf)" --id a --mkfs --monmap "$DIR/run/monmap" --keyring /dev/null >>"$DIR/log/setup.log" 2>&1
  run_daemon mon.a ceph-mon -c "$(conf)" --id a

  local osd_id
  osd_id=$(ceph_cli osd create 2>>"$DIR/log/setup.log")
  [[ "$osd_id" == 0 ]] || die "ceph osd create returned '$osd_id', expected 0"
  ceph_cli osd crush add osd.0 1 root=default >>"$DIR/log/setup.log" 2>&1
  ceph-osd -c "$(conf)" --id 0 --mkfs >>"$DIR/log/setup.log" 2>&1
  run_daemon osd.0 ceph-osd -c "$(conf)" --id 0
  wait_until "$START_TIMEOUT" "osd.0 up" osd_up

  run_daemon client.rgw.r radosgw -c "$(conf)" -n client.rgw.r
  wait_until "$START_TIMEOUT" "radosgw to answer GET http://127.0.0.1:$port/ with 200" gateway_answers "$port"

  local access_key secret_key
  access_key=$(random_token 10 upper)
  secret_key=$(random_token 20)
  radosgw-admin -c "$(conf)" user create --uid="$UID_NAME" --display-name="bucket-cors tests" \
    --access-key="$access_key" --secret-key="$secret_key" >/dev/null 2>>"$DIR/log/setup.log"

  write_env "$DIR/env" \
    "RGW_ENDPOINT=http://127.0.0.1:$port" \
    "RGW_ACCESS_KEY_ID=$access_key" \
    "RGW_SECRET_ACCESS_KEY=$secret_key" \
    "RGW_REGION=$REGION"
  trap - EXIT
  log "started in $(elapsed_since "$started") s: http://127.0.0.1:$port (mon 127.0.0.1:$mon_port, env: $DIR/env)"
}

# do_stop [quiet]: SIGTERM each recorded daemon in order, SIGKILL after STOP_TIMEOUT.
do_stop() {
  running_server rgw "${1:-}" || return 0
  local files
  mapfile -t files < <(pid_files)
  local started f
  started=$(now)
  for f in "${files[@]}"; do stop_pids "$STOP_TIMEOUT" "$DIR" "$f"; done
  rm -f "$DIR/env"
  [[ "${1:-}" == quiet ]] || log "stopped in $(elapsed_since "$started") s"
}

server_main rgw "$@"
