# shellcheck shell=bash
# Shared paths and helpers of scripts/services.sh. Sourced, never run.
#
# Every path derives from the repository root found from this file's location, so
# the stack works from any clone (CI clones elsewhere than /work/main).

SERVICES_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT_DIR=$(cd "$SERVICES_LIB_DIR/../.." && pwd)
LOCAL_DIR=${SERVICES_LOCAL_DIR:-$ROOT_DIR/.local}
CACHE_DIR=$LOCAL_DIR/cache
DATA_DIR=$LOCAL_DIR/data
RUN_DIR=$LOCAL_DIR/run
WAIT_SECONDS=${SERVICES_WAIT_SECONDS:-120}

log() { printf '[services %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

# True when something accepts TCP connections on 127.0.0.1:<port>. Bash's /dev/tcp
# needs no extra package (a fresh Debian image may lack ss/nc).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_closed() { ! port_open "$1"; }

# The pid in <pidfile> if that process is alive and its command line contains
# <pattern> (guards against a stale pid file whose pid was reused).
pid_matching() {
  local pidfile=$1 pattern=$2 pid
  [[ -f $pidfile ]] || return 1
  read -r pid <"$pidfile" || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -r /proc/$pid/cmdline ]] || return 1
  # Zombies keep a /proc entry but are gone for our purposes.
  [[ $(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null) != Z ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$pattern" || return 1
  echo "$pid"
}

# pid_alive <pidfile>: the recorded process still exists (whatever it runs). Right after
# `setsid X &` the child is still the forked shell until it execs X, so a start-up wait
# must not take "does not run X yet" (pid_matching fails) for "has exited".
pid_alive() {
  local pid
  [[ -f $1 ]] || return 1
  read -r pid <"$1" || return 1
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/status ]] || return 1
  [[ $(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null) != Z ]]
}

# wait_for <seconds> <what> <command...>: poll the command every 0.2 s.
wait_for() {
  local seconds=$1 what=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# Send SIGTERM and wait up to <seconds> for the exit; SIGKILL after that.
stop_pid() {
  local pid=$1 name=$2 seconds=${3:-60}
  kill -TERM "$pid" 2>/dev/null || return 0
  if ! wait_for "$seconds" "$name to exit" pid_gone "$pid"; then
    log "$name (pid $pid) still alive after ${seconds}s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_for 10 "$name to die" pid_gone "$pid" || true
  fi
}

pid_gone() { ! kill -0 "$1" 2>/dev/null || [[ $(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null) == Z ]]; }

# Fail early with a useful message when a port we need belongs to someone else.
require_port_free() {
  local port=$1 svc=$2
  if port_open "$port"; then
    local who=''
    command -v ss >/dev/null && who=$(ss -Hltnp "sport = :$port" 2>/dev/null | head -1)
    die "port $port (needed by $svc) is taken by another process${who:+: $who}"
  fi
}

# Last lines of a log, for error messages.
tail_log() {
  local file=$1
  [[ -f $file ]] || return 0
  log "last lines of $file:"
  tail -n "${2:-30}" "$file" >&2 || true
}

file_sha() { cat "$@" | sha256sum | cut -d' ' -f1; }

# Logs we append to and nothing rotates: keep one previous generation at start.
rotate_log() {
  local file=$1 max=$((50 * 1024 * 1024))
  [[ -f $file ]] || return 0
  (($(stat -c %s "$file") > max)) && mv -f "$file" "$file.1"
  return 0
}
