# shellcheck shell=bash
# FerretDB 1.24.2 (MongoDB wire protocol) on 127.0.0.1:27017, backed by the local
# PostgreSQL. The binary is our small launcher in scripts/ferretdb (see its main.go),
# built once into .local/cache/ferretdb-1.24.2/. Sourced by scripts/services.sh.

FERRETDB_VERSION=1.24.2
FERRETDB_PORT=27017
FERRETDB_SRC=$ROOT_DIR/scripts/ferretdb
FERRETDB_HOME=$CACHE_DIR/ferretdb-$FERRETDB_VERSION
FERRETDB_BIN=$FERRETDB_HOME/ferretdb
FERRETDB_PIDFILE=$RUN_DIR/ferretdb.pid
FERRETDB_LOG=$RUN_DIR/ferretdb.log
FERRETDB_LOG_LEVEL=${FERRETDB_LOG_LEVEL:-warn}
# FerretDB 1.x holds a pool connection per matching update statement until the command ends
# (see api/src/ingest/mongo/idempotent-writes.ts); PostgreSQL allows 200 (postgresql.conf).
FERRETDB_POOL_MAX_CONNS=${FERRETDB_POOL_MAX_CONNS:-150}

ferretdb_pid() { pid_matching "$FERRETDB_PIDFILE" "$FERRETDB_BIN"; }

ferretdb_source_sha() { file_sha "$FERRETDB_SRC/go.mod" "$FERRETDB_SRC/go.sum" "$FERRETDB_SRC/main.go"; }

# Rebuild only when the binary is missing or its sources changed.
ensure_ferretdb_bin() {
  if [[ -x $FERRETDB_BIN && -f $FERRETDB_HOME/.source-sha256 &&
    $(cat "$FERRETDB_HOME/.source-sha256") == "$(ferretdb_source_sha)" ]]; then
    return 0
  fi
  ensure_go
  log "ferretdb: building the launcher with $("$GO_BIN" env GOVERSION) (first run only)"
  mkdir -p "$FERRETDB_HOME"
  # -mod=readonly: go.sum is committed and must already be complete. -buildvcs=false:
  # no git metadata needed (a clone owned by another user would make git refuse).
  # CGO off: the PostgreSQL driver is pure Go, so no C toolchain is needed.
  (cd "$FERRETDB_SRC" && CGO_ENABLED=0 GOFLAGS="-mod=readonly -buildvcs=false" GOTOOLCHAIN=local \
    "$GO_BIN" build -trimpath -o "$FERRETDB_BIN.tmp" .) </dev/null >"$RUN_DIR/ferretdb-build.log" 2>&1 || {
    tail_log "$RUN_DIR/ferretdb-build.log"
    die "ferretdb build failed"
  }
  mv "$FERRETDB_BIN.tmp" "$FERRETDB_BIN"
  ferretdb_source_sha >"$FERRETDB_HOME/.source-sha256"
}

ferretdb_start() {
  if ferretdb_pid >/dev/null && port_open "$FERRETDB_PORT"; then
    log "ferretdb: already running (pid $(ferretdb_pid))"
    return 0
  fi
  require_port_free "$FERRETDB_PORT" ferretdb
  rotate_log "$FERRETDB_LOG"
  log "ferretdb: starting on 127.0.0.1:$FERRETDB_PORT"
  setsid "$FERRETDB_BIN" --listen-addr "127.0.0.1:$FERRETDB_PORT" \
    --postgresql-url "postgres://postgres@127.0.0.1:$PG_PORT/$PG_DB?pool_max_conns=$FERRETDB_POOL_MAX_CONNS" \
    --log-level "$FERRETDB_LOG_LEVEL" </dev/null >>"$FERRETDB_LOG" 2>&1 9>&- &
  echo $! >"$FERRETDB_PIDFILE"
  disown 2>/dev/null || true
  local deadline=$((SECONDS + WAIT_SECONDS))
  until port_open "$FERRETDB_PORT"; do
    pid_alive "$FERRETDB_PIDFILE" || {
      tail_log "$FERRETDB_LOG"
      die "ferretdb exited during start-up"
    }
    ((SECONDS < deadline)) || die "ferretdb not listening after ${WAIT_SECONDS}s"
    sleep 0.1
  done
}

ferretdb_stop() {
  local pid
  pid=$(ferretdb_pid) || return 0
  log "ferretdb: stopping (pid $pid)"
  stop_pid "$pid" ferretdb 30
}
