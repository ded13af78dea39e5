#!/usr/bin/env bash
# A throwaway versitygw (S3 gateway over a POSIX directory) on 127.0.0.1 for the server tests:
# one process, buckets in DIR/data. Recipe and pitfalls: docs/test-servers.md, "versitygw".
#
#   versitygw.sh start DIR PORT   start (or report an already healthy instance); writes DIR/env
#   versitygw.sh stop DIR [PORT]  stop by the PID recorded in DIR/run
#   versitygw.sh wipe DIR [PORT]  stop, then delete DIR (only a DIR this script created)
#
# DIR/env holds VERSITYGW_ENDPOINT, VERSITYGW_ACCESS_KEY_ID, VERSITYGW_SECRET_ACCESS_KEY,
# VERSITYGW_REGION. The binary comes from versitygw-build.sh's cache (never built here: a cold
# build takes minutes), or from BCORS_VERSITYGW_BIN.
# Timeouts (seconds): BCORS_START_TIMEOUT (default 60), BCORS_STOP_TIMEOUT (15).
set -euo pipefail

SCRIPT_NAME=versitygw.sh
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

readonly START_TIMEOUT=${BCORS_START_TIMEOUT:-60}
readonly STOP_TIMEOUT=${BCORS_STOP_TIMEOUT:-15}
# versitygw's default region; the SDK needs one to sign.
readonly REGION=us-east-1
readonly HEALTH_PATH=/health

usage() {
  echo "usage: $0 start DIR PORT | stop DIR [PORT] | wipe DIR [PORT]" >&2
  exit 2
}

pid_files() { echo "$DIR/run/versitygw.pid"; }
any_alive() { pidfile_alive "$DIR/run/versitygw.pid" "$DIR"; }

# An unauthenticated GET of the health path answers 200 once the listener is up
# (versitygw --health, cmd/versitygw/main.go).
gateway_answers() { [[ "$(http_status "http://127.0.0.1:$1$HEALTH_PATH")" == 200 ]]; }

binary() {
  if [[ -n "${BCORS_VERSITYGW_BIN:-}" ]]; then
    [[ -x "$BCORS_VERSITYGW_BIN" ]] || die "BCORS_VERSITYGW_BIN=$BCORS_VERSITYGW_BIN is not an executable"
    echo "$BCORS_VERSITYGW_BIN"
    return
  fi
  bash "$(dirname "${BASH_SOURCE[0]}")/versitygw-build.sh" --no-build --print-path
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
  local port=$1 bin
  check_port "$port"
  bin=$(binary)
  command -v curl >/dev/null 2>&1 || die "curl is missing; as root: apt-get install -y --no-install-recommends curl"
  claim_dir "$DIR" versitygw

  if any_alive && [[ -f "$DIR/env" ]] && already_serving "$port" "$(env_value "$DIR/env" VERSITYGW_ENDPOINT)" gateway_answers "$port"; then
    return 0
  fi
  if any_alive; then
    log "found an unhealthy instance in $DIR; stopping it"
    do_stop quiet
  fi
  reset_dir "$DIR"
  port_in_use "$port" && die "port $port on 127.0.0.1 is already in use"

  local started
  started=$(now)
  trap on_start_failure EXIT
  mkdir -p "$DIR"/{run,log,data}
  local access_key secret_key
  access_key=$(random_token 10 upper)
  secret_key=$(random_token 20)
  # The keys go in through versitygw's environment variables (ROOT_ACCESS_KEY_ID,
  # ROOT_SECRET_ACCESS_KEY), not --access/--secret, so they never show in `ps`. setsid keeps a
  # Ctrl-C in the caller's terminal from reaching the gateway; DIR/data on its command line is
  # what lets pid_is_ours recognise it. The posix backend keeps bucket CORS in user xattrs.
  ROOT_ACCESS_KEY_ID=$access_key ROOT_SECRET_ACCESS_KEY=$secret_key \
    setsid "$bin" --port "127.0.0.1:$port" --region "$REGION" --health "$HEALTH_PATH" --quiet \
    posix "$DIR/data" </dev/null >>"$DIR/log/versitygw.log" 2>&1 &
  echo $! >"$DIR/run/versitygw.pid"
  expect_pidfile "$DIR/run/versitygw.pid"
  wait_until "$START_TIMEOUT" "versitygw to answer GET http://127.0.0.1:$port$HEALTH_PATH with 200" gateway_answers "$port"

  write_env "$DIR/env" \
    "VERSITYGW_ENDPOINT=http://127.0.0.1:$port" \
    "VERSITYGW_ACCESS_KEY_ID=$access_key" \
    "VERSITYGW_SECRET_ACCESS_KEY=$secret_key" \
    "VERSITYGW_REGION=$REGION"
  trap - EXIT
  log "started in $(elapsed_since "$started") s: http://127.0.0.1:$port (env: $DIR/env)"
}

# do_stop [quiet]: SIGTERM, SIGKILL after STOP_TIMEOUT.
do_stop() {
  running_server versitygw "${1:-}" || return 0
  local started
  started=$(now)
  stop_pids "$STOP_TIMEOUT" "$DIR" "$DIR/run/versitygw.pid"
  rm -f "$DIR/env"
  [[ "${1:-}" == quiet ]] || log "stopped in $(elapsed_since "$started") s"
}

server_main versitygw "$@"
