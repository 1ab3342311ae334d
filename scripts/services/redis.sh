# shellcheck shell=bash
# Redis (Debian's redis-server) on 127.0.0.1:6379 with its own config and AOF data
# in .local/data/redis. Sourced by scripts/services.sh.

REDIS_PORT=6379
REDIS_DATA=$DATA_DIR/redis
REDIS_PIDFILE=$RUN_DIR/redis.pid
REDIS_LOG=$RUN_DIR/redis.log

redis_pid() { pid_matching "$REDIS_PIDFILE" redis-server; }
redis_serving() { redis_pid >/dev/null && port_open "$REDIS_PORT"; }

redis_start() {
  if redis_pid >/dev/null && port_open "$REDIS_PORT"; then
    log "redis: already running (pid $(redis_pid))"
    return 0
  fi
  require_port_free "$REDIS_PORT" redis
  mkdir -p "$REDIS_DATA"
  rotate_log "$REDIS_LOG"
  log "redis: starting on 127.0.0.1:$REDIS_PORT"
  # daemonize yes: redis forks, writes the pid file and detaches from our stdio.
  redis-server "$SERVICES_LIB_DIR/redis.conf" \
    --dir "$REDIS_DATA" --pidfile "$REDIS_PIDFILE" --logfile "$REDIS_LOG" </dev/null 9>&- ||
    die "redis-server failed to start"
  wait_for "$WAIT_SECONDS" redis redis_serving || {
    tail_log "$REDIS_LOG"
    die "redis did not come up"
  }
}

redis_stop() {
  local pid
  pid=$(redis_pid) || return 0
  log "redis: stopping (pid $pid)"
  # SIGTERM: redis flushes the AOF and exits cleanly.
  stop_pid "$pid" redis 30
}
