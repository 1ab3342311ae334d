# shellcheck shell=bash
# Kafka 3.9.1, single-node KRaft (broker + controller) on 127.0.0.1:9092 / 9093.
# The jars come from Maven Central (scripts/services/kafka-pom.xml), not from a
# release tarball: see docs/adr/0002-kafka-3-9-from-maven-jars.md.
# Sourced by scripts/services.sh.

KAFKA_VERSION=3.9.1
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
KAFKA_HOME=$CACHE_DIR/kafka-$KAFKA_VERSION
KAFKA_LIBS=$KAFKA_HOME/libs
KAFKA_DATA=$DATA_DIR/kafka
KAFKA_RUN=$RUN_DIR/kafka
KAFKA_PIDFILE=$RUN_DIR/kafka.pid
KAFKA_POM=$SERVICES_LIB_DIR/kafka-pom.xml
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}
# Two cores: G1 with few GC threads (the upstream kafka-run-class defaults otherwise).
KAFKA_JVM_OPTS=${KAFKA_JVM_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:ParallelGCThreads=2 -XX:ConcGCThreads=1 -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true}

kafka_pid() { pid_matching "$KAFKA_PIDFILE" kafka.Kafka; }

# Resolve the broker classpath once; the marker holds the POM's hash, so editing the
# POM re-resolves. A partial download never leaves a half-filled libs/ behind.
kafka_libs_ready() { [[ -f $KAFKA_HOME/.complete && $(cat "$KAFKA_HOME/.complete") == "$(file_sha "$KAFKA_POM")" ]]; }

ensure_kafka_libs() {
  kafka_libs_ready && return 0
  log "kafka: resolving $KAFKA_VERSION jars from Maven Central (first run only)"
  mkdir -p "$KAFKA_HOME"
  rm -rf "$KAFKA_LIBS.tmp"
  # The Maven repository is a cache like the others: under .local/cache.
  mvn -B -q -f "$KAFKA_POM" -Dmaven.repo.local="$CACHE_DIR/maven-repository" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS.tmp" \
    </dev/null >"$RUN_DIR/kafka-mvn.log" 2>&1 || {
    tail_log "$RUN_DIR/kafka-mvn.log"
    die "mvn dependency:copy-dependencies failed"
  }
  [[ -f $KAFKA_LIBS.tmp/kafka_2.13-$KAFKA_VERSION.jar ]] || die "kafka_2.13-$KAFKA_VERSION.jar missing after mvn"
  rm -rf "$KAFKA_LIBS" && mv "$KAFKA_LIBS.tmp" "$KAFKA_LIBS"
  file_sha "$KAFKA_POM" >"$KAFKA_HOME/.complete"
}

# The JVM command line, in KAFKA_CMD, for the main class and arguments given.
kafka_cmd() {
  # shellcheck disable=SC2206 # the *_OPTS variables are word lists
  KAFKA_CMD=(java $KAFKA_HEAP_OPTS $KAFKA_JVM_OPTS
    -Dlog4j.configuration="file:$SERVICES_LIB_DIR/kafka-log4j.properties"
    -Dkafka.logs.dir="$KAFKA_RUN"
    -cp "$KAFKA_LIBS/*" "$@")
}

kafka_java() {
  kafka_cmd "$@"
  "${KAFKA_CMD[@]}"
}

kafka_write_config() {
  mkdir -p "$KAFKA_DATA" "$KAFKA_RUN"
  sed "s|@LOG_DIRS@|$KAFKA_DATA|" "$SERVICES_LIB_DIR/kafka-server.properties" >"$KAFKA_RUN/server.properties"
  if [[ ! -f $KAFKA_DATA/meta.properties ]]; then
    local cluster_id
    cluster_id=$(KAFKA_HEAP_OPTS='-Xmx128m' kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    [[ -n $cluster_id ]] || die "kafka: StorageTool random-uuid printed nothing"
    log "kafka: formatting KRaft storage (cluster $cluster_id)"
    KAFKA_HEAP_OPTS='-Xmx256m' kafka_java kafka.tools.StorageTool format -t "$cluster_id" \
      -c "$KAFKA_RUN/server.properties" --ignore-formatted >"$KAFKA_RUN/format.log" 2>&1 || {
      tail_log "$KAFKA_RUN/format.log"
      die "kafka storage format failed"
    }
  fi
}

# Start the JVM and return at once (Kafka is the slowest to start: the other
# services start meanwhile); kafka_wait blocks until the broker serves.
kafka_launch() {
  KAFKA_LAUNCHED=0
  if kafka_pid >/dev/null; then
    log "kafka: already running (pid $(kafka_pid))"
    return 0
  fi
  require_port_free "$KAFKA_PORT" kafka
  require_port_free "$KAFKA_CONTROLLER_PORT" kafka
  kafka_write_config
  # Readiness is the "Kafka Server started" line written after this offset.
  KAFKA_LOG_OFFSET=$(stat -c %s "$KAFKA_RUN/server.log" 2>/dev/null || echo 0)
  rotate_log "$KAFKA_RUN/kafka.out"
  log "kafka: starting on 127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)"
  kafka_cmd kafka.Kafka "$KAFKA_RUN/server.properties"
  # setsid: its own session, so a Ctrl-C in the terminal that ran `up` spares it.
  setsid "${KAFKA_CMD[@]}" </dev/null >>"$KAFKA_RUN/kafka.out" 2>&1 9>&- &
  echo $! >"$KAFKA_PIDFILE"
  disown 2>/dev/null || true
  KAFKA_LAUNCHED=1
}

kafka_started_line() {
  local size
  size=$(stat -c %s "$KAFKA_RUN/server.log" 2>/dev/null || echo 0)
  # A rolled log restarts at 0: read it whole then.
  ((size >= KAFKA_LOG_OFFSET)) || KAFKA_LOG_OFFSET=0
  tail -c +"$((KAFKA_LOG_OFFSET + 1))" "$KAFKA_RUN/server.log" 2>/dev/null | grep -q 'Kafka Server started'
}

kafka_ready() {
  if ! kafka_pid >/dev/null; then
    pid_alive "$KAFKA_PIDFILE" && return 1 # forked, not yet exec'd into java
    return 2
  fi
  port_open "$KAFKA_PORT" && kafka_started_line
}

kafka_wait() {
  ((${KAFKA_LAUNCHED:-0})) || return 0
  local deadline=$((SECONDS + WAIT_SECONDS)) rc
  while :; do
    rc=0
    kafka_ready || rc=$?
    ((rc == 0)) && break
    if ((rc == 2)); then
      tail_log "$KAFKA_RUN/kafka.out"
      tail_log "$KAFKA_RUN/server.log"
      die "kafka exited during start-up"
    fi
    ((SECONDS < deadline)) || {
      tail_log "$KAFKA_RUN/server.log"
      die "kafka not ready after ${WAIT_SECONDS}s"
    }
    sleep 0.2
  done
  log "kafka: ready (pid $(kafka_pid))"
}

kafka_stop() {
  local pid
  pid=$(kafka_pid) || return 0
  log "kafka: stopping (pid $pid, controlled shutdown)"
  stop_pid "$pid" kafka 90
}
