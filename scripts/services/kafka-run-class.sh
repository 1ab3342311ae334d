#!/usr/bin/env bash
# Run a Java main class with the local Kafka 3.9.1 classpath (.local/cache/kafka-3.9.1/libs),
# like upstream's bin/kafka-run-class.sh. Examples (broker: scripts/services.sh up):
#   bash scripts/services/kafka-run-class.sh org.apache.kafka.tools.TopicCommand \
#     --bootstrap-server localhost:9092 --list
#   bash scripts/services/kafka-run-class.sh org.apache.kafka.tools.ProducerPerformance \
#     --topic perf.baseline --num-records 200000 --record-size 300 --throughput -1 \
#     --producer-props bootstrap.servers=localhost:9092 acks=all
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=kafka.sh
source "$SERVICES_LIB_DIR/kafka.sh"

(($#)) || die "usage: $0 <main class> [args...]"
kafka_libs_ready || die "Kafka jars missing: run scripts/services.sh install (or up) first"
mkdir -p "$KAFKA_RUN"
# Tools log to the console at WARN, not into the broker's server.log.
# shellcheck disable=SC2086 # word lists
exec java ${KAFKA_TOOL_HEAP_OPTS:--Xmx512m} -XX:+UseSerialGC -Djava.awt.headless=true \
  -Dlog4j.configuration="file:$SERVICES_LIB_DIR/kafka-tools-log4j.properties" \
  -cp "$KAFKA_LIBS/*" "$@"
