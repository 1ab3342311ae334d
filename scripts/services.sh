#!/usr/bin/env bash
# The local stack of CircuitCare, all on loopback:
#   Kafka 3.9.1 (KRaft)   127.0.0.1:9092 (controller 9093)
#   FerretDB 1.24.2       127.0.0.1:27017  (MongoDB wire protocol)
#   PostgreSQL 15         127.0.0.1:55432  (FerretDB's backend)
#   Redis                 127.0.0.1:6379
# Caches in .local/cache, data in .local/data/<service>, logs and pids in .local/run.
#
# usage: scripts/services.sh up|down|restart [kafka|ferretdb|postgres|redis ...]
#        scripts/services.sh status|install
#        scripts/services.sh acquire|release <pid>   (test runners; see below)
#
# `up` installs what is missing (apt, Kafka jars, FerretDB build) then starts what
# is not running; it is idempotent and a no-op when everything runs.
# See docs/operations.md for the variables and the troubleshooting notes.
set -euo pipefail

# shellcheck source=services/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/services/lib.sh"
# shellcheck source=services/install.sh
source "$SERVICES_LIB_DIR/install.sh"
# shellcheck source=services/postgres.sh
source "$SERVICES_LIB_DIR/postgres.sh"
# shellcheck source=services/redis.sh
source "$SERVICES_LIB_DIR/redis.sh"
# shellcheck source=services/kafka.sh
source "$SERVICES_LIB_DIR/kafka.sh"
# shellcheck source=services/ferretdb.sh
source "$SERVICES_LIB_DIR/ferretdb.sh"

SERVICES=(kafka ferretdb postgres redis)
LEASE_DIR=$RUN_DIR/leases
# Present while the stack was started by a test runner (acquire) rather than by a
# person: the last runner to release it then stops it.
AUTO_MARKER=$RUN_DIR/started-by-tests

service_pid() {
  case $1 in
    kafka) kafka_pid ;;
    ferretdb) ferretdb_pid ;;
    postgres) pg_pid ;;
    redis) redis_pid ;;
  esac
}

service_port() {
  case $1 in
    kafka) echo "$KAFKA_PORT" ;;
    ferretdb) echo "$FERRETDB_PORT" ;;
    postgres) echo "$PG_PORT" ;;
    redis) echo "$REDIS_PORT" ;;
  esac
}

service_up() {
  service_pid "$1" >/dev/null && port_open "$(service_port "$1")"
}

all_up() {
  local svc
  for svc in "${SERVICES[@]}"; do service_up "$svc" || return 1; done
}

cmd_status() {
  local svc pid port state rc=0
  printf '%-9s %-8s %-16s %s\n' SERVICE PID ADDRESS STATE
  for svc in "${SERVICES[@]}"; do
    port=$(service_port "$svc")
    pid=$(service_pid "$svc") || pid=-
    if [[ $pid != - ]] && port_open "$port"; then
      state=up
    elif [[ $pid != - ]]; then
      state='starting (process alive, port closed)'
      rc=1
    elif port_open "$port"; then
      state='down (port taken by another process!)'
      rc=1
    else
      state=down
      rc=1
    fi
    printf '%-9s %-8s %-16s %s\n' "$svc" "$pid" "127.0.0.1:$port" "$state"
  done
  return "$rc"
}

# Everything `up` needs before starting anything: packages, jars, binaries (only
# those of the selected services, so `restart kafka` never rebuilds FerretDB).
cmd_install() {
  ensure_packages
  stop_system_daemons
  # First run: the Maven download (network) and the Go build (CPU) overlap.
  local mvn_job='' go_job=''
  if selected kafka && ! kafka_libs_ready; then
    ensure_kafka_libs &
    mvn_job=$!
  fi
  if selected ferretdb; then
    ensure_ferretdb_bin &
    go_job=$!
  fi
  local failed=0
  [[ -z $mvn_job ]] || wait "$mvn_job" || failed=1
  [[ -z $go_job ]] || wait "$go_job" || failed=1
  ((failed == 0)) || die "installation failed (see above)"
}

# The services named on the command line (default: all), checked.
SELECTED=()
select_services() {
  local svc
  SELECTED=()
  for svc in "$@"; do
    [[ " ${SERVICES[*]} " == *" $svc "* ]] || die "unknown service '$svc' (known: ${SERVICES[*]})"
    SELECTED+=("$svc")
  done
}
selected() { ((${#SELECTED[@]} == 0)) || [[ " ${SELECTED[*]} " == *" $1 "* ]]; }

cmd_up() {
  local t0=$SECONDS
  select_services "$@"
  # FerretDB is nothing without its PostgreSQL.
  if ((${#SELECTED[@]})) && selected ferretdb; then SELECTED+=(postgres); fi
  local svc pending=0
  for svc in "${SERVICES[@]}"; do selected "$svc" && ! service_up "$svc" && pending=1; done
  if ((pending == 0)); then
    log "already running: ${SELECTED[*]:-all services}"
    return 0
  fi
  cmd_install

  # Kafka is the slowest to start: launch it first, start the others meanwhile.
  KAFKA_LAUNCHED=0
  if selected kafka; then kafka_launch; fi
  if selected postgres; then postgres_start; fi
  if selected redis; then redis_start; fi
  if selected ferretdb; then ferretdb_start; fi
  kafka_wait
  log "up in $((SECONDS - t0))s: ${SELECTED[*]:-all services}"
}

cmd_down() {
  select_services "$@"
  # FerretDB before PostgreSQL (it holds connections); Kafka's controlled shutdown
  # runs meanwhile.
  local kafka_job=''
  if selected kafka && kafka_pid >/dev/null; then
    kafka_stop &
    kafka_job=$!
  fi
  if selected ferretdb; then ferretdb_stop; fi
  if selected redis; then redis_stop; fi
  if selected postgres; then postgres_stop; fi
  [[ -z $kafka_job ]] || wait "$kafka_job" || true
  local svc rc=0
  for svc in "${SERVICES[@]}"; do
    selected "$svc" || continue
    if port_open "$(service_port "$svc")"; then
      log "port $(service_port "$svc") ($svc) is still taken"
      rc=1
    fi
  done
  if ((${#SELECTED[@]} == 0)); then
    rm -f "$AUTO_MARKER"
    ((rc == 0)) && log "stack down"
  fi
  return "$rc"
}

# Test runners (jest's global setup, scripts/test.sh) take a lease named after their
# pid. The stack is started if needed; it is stopped only when it was started by a
# runner and the last live lease is released, so parallel runs never pull the stack
# from under each other, and a stack someone started by hand is never stopped.
live_leases() {
  local f pid n=0
  for f in "$LEASE_DIR"/*; do
    [[ -e $f ]] || continue
    pid=${f##*/}
    if kill -0 "$pid" 2>/dev/null; then n=$((n + 1)); else rm -f "$f"; fi
  done
  echo "$n"
}

cmd_acquire() {
  local pid=${1:?pid required}
  mkdir -p "$LEASE_DIR"
  if ! all_up; then
    local any=0 ports=1 svc
    for svc in "${SERVICES[@]}"; do
      service_pid "$svc" >/dev/null && any=1
      port_open "$(service_port "$svc")" || ports=0
    done
    if ((any == 0 && ports == 1)); then
      # Same ports, same engines, started from another clone (e.g. CI in a scratch
      # clone on a dev box): use it, never stop it.
      log "using the stack already listening on all ports (not started from this clone)"
    else
      # Remember that a runner started it, unless a person's stack is half up.
      ((any)) || touch "$AUTO_MARKER"
      cmd_up
    fi
  fi
  touch "$LEASE_DIR/$pid"
}

cmd_release() {
  local pid=${1:?pid required}
  rm -f "$LEASE_DIR/$pid"
  if [[ -f $AUTO_MARKER ]] && (($(live_leases) == 0)); then
    log "last test runner out: stopping the stack it started"
    cmd_down
  fi
}

main() {
  local cmd=${1:-}
  [[ $# -gt 0 ]] && shift
  mkdir -p "$CACHE_DIR" "$DATA_DIR" "$RUN_DIR"
  case $cmd in
    status) cmd_status ;;
    up | down | restart | install | acquire | release)
      # One invocation at a time: parallel runners and people share one stack.
      exec 9>"$RUN_DIR/services.lock"
      flock -w 1800 9 || die "another services.sh holds $RUN_DIR/services.lock"
      case $cmd in
        up)
          # A person asked for the whole stack: it is theirs now, no runner stops it.
          (($#)) || rm -f "$AUTO_MARKER"
          cmd_up "$@"
          ;;
        down) cmd_down "$@" ;;
        restart) cmd_down "$@" && cmd_up "$@" ;;
        install) cmd_install ;;
        acquire) cmd_acquire "$@" ;;
        release) cmd_release "$@" ;;
      esac
      ;;
    *)
      echo "usage: $0 up|down|restart [service...] | status | install" >&2
      exit 2
      ;;
  esac
}

main "$@"
