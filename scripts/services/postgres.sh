# shellcheck shell=bash
# PostgreSQL 15 (Debian binaries) on 127.0.0.1:55432: FerretDB's backend.
# Sourced by scripts/services.sh; needs lib.sh and install.sh.

PG_PORT=55432
PG_DB=ferretdb
PG_LINK=$DATA_DIR/postgres

# PostgreSQL refuses to run as root: as root we run it as the `postgres` user that
# the Debian package creates; as any other user, as that user.
pg_owner() { if ((EUID == 0)); then echo postgres; else id -un; fi; }
pg_run() {
  if ((EUID == 0)); then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# The data directory. Normally .local/data/postgres itself; when the clone lives where
# the postgres user cannot reach it (e.g. under /root, mode 700), the cluster goes to
# /var/lib/circuitcare/<hash of the clone path>/ and .local/data/postgres links there.
pg_data() { readlink -f "$PG_LINK" 2>/dev/null || echo "$PG_LINK"; }
pg_log() {
  if [[ -L $PG_LINK ]]; then echo "$(dirname "$(pg_data)")/postgres.log"; else echo "$RUN_DIR/postgres.log"; fi
}

pg_prepare_dirs() {
  [[ -e $PG_LINK ]] && return 0
  local owner
  owner=$(pg_owner)
  if ((EUID == 0)) && ! runuser -u "$owner" -- test -x "$DATA_DIR" 2>/dev/null; then
    local base
    base=/var/lib/circuitcare/$(echo -n "$LOCAL_DIR" | sha256sum | cut -c1-12)
    log "postgres: $owner cannot reach $DATA_DIR; cluster goes to $base/postgres (linked)"
    mkdir -p "$base/postgres"
    chown "$owner:" "$base" "$base/postgres"
    ln -sfn "$base/postgres" "$PG_LINK"
  else
    mkdir -p "$PG_LINK"
    chown "$owner:" "$PG_LINK"
  fi
  chmod 700 "$(pg_data)"
}

pg_pid() { pid_matching "$(pg_data)/postmaster.pid" postgres; }

pg_psql() { "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

# GIN companions of FerretDB's btree indexes (idempotent; see the SQL file's header).
pg_setup_gin() {
  pg_psql -d "$PG_DB" -v ON_ERROR_STOP=1 -f "$SERVICES_LIB_DIR/ferretdb-gin-indexes.sql" \
    >"$RUN_DIR/postgres-gin.log" 2>&1 || {
    tail_log "$RUN_DIR/postgres-gin.log"
    die "postgres: the GIN companion indexes could not be set up"
  }
}

postgres_start() {
  if pg_pid >/dev/null && port_open "$PG_PORT"; then
    log "postgres: already running (pid $(pg_pid))"
    pg_setup_gin
    return 0
  fi
  require_port_free "$PG_PORT" postgres
  pg_prepare_dirs
  local data
  data=$(pg_data)
  if [[ ! -f $data/PG_VERSION ]]; then
    log "postgres: initdb $data"
    # trust on loopback: a dev-only cluster listening on 127.0.0.1 (see docs/operations.md).
    pg_run "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale >"$RUN_DIR/postgres-initdb.log" 2>&1 ||
      {
        tail_log "$RUN_DIR/postgres-initdb.log"
        die "initdb failed"
      }
    echo "include 'circuitcare.conf'" >>"$data/postgresql.conf"
  fi
  install -m 644 -o "$(pg_owner)" "$SERVICES_LIB_DIR/postgresql.conf" "$data/circuitcare.conf"
  local logfile
  logfile=$(pg_log)
  touch "$logfile" && chown "$(pg_owner):" "$logfile"
  [[ $logfile == "$RUN_DIR/postgres.log" ]] || ln -sfn "$logfile" "$RUN_DIR/postgres.log"
  log "postgres: starting on 127.0.0.1:$PG_PORT"
  pg_run "$PG_BIN/pg_ctl" -D "$data" -l "$logfile" -w -t "$WAIT_SECONDS" -s start </dev/null 9>&- ||
    {
      tail_log "$logfile"
      die "postgres did not start"
    }
  if [[ -z $(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'") ]]; then
    log "postgres: creating database $PG_DB"
    pg_psql -d postgres -c "CREATE DATABASE $PG_DB" >/dev/null
  fi
  pg_setup_gin
}

postgres_stop() {
  pg_pid >/dev/null || return 0
  log "postgres: stopping"
  pg_run "$PG_BIN/pg_ctl" -D "$(pg_data)" -m fast -w -t 60 -s stop </dev/null || true
}
