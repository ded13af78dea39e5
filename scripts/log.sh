# shellcheck shell=bash
# Logging and timing helpers shared by the project's scripts (sourced, not run). Callers set
# SCRIPT_NAME and `set -euo pipefail` first.

log() { echo "$SCRIPT_NAME: $*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# Seconds since the epoch with centiseconds, for timing reports.
now() { date +%s.%N | cut -c1-13; }
elapsed_since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }
