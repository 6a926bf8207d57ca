#!/usr/bin/env bash
# Start-up time of the server on the embedded database: first start (initdb, migrations, admin) and
# restart, for the plain jar and for ./watchkeeper (extracted jar + class-data-sharing archive).
# Usage: benchmarks/start-time.sh   (after ./watchkeeper build; uses port 18113 on loopback)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
PORT=18113
measure() {
  local label="$1"; shift
  local home; home="$(mktemp -d)"
  for run in first restart; do
    local start end
    start=$(date +%s.%N)
    WATCHKEEPER_HOME="$home" WATCHKEEPER_ADMIN_PASSWORD=start-time-benchmark "$@" serve --server.port=$PORT \
      >"$home/$run.log" 2>&1 &
    local pid=$!
    for _ in $(seq 1 1200); do
      sleep 0.05
      curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q 200 && break
    done
    end=$(date +%s.%N)
    local rss; rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$(pgrep -f "server.port=$PORT" | head -1)/status" 2>/dev/null || echo "?")
    printf '| %s | %s | %.1f s | %s MB |\n' "$label" "$run" "$(echo "$end - $start" | bc)" "$rss"
    pkill -f "server.port=$PORT" || true
    wait "$pid" 2>/dev/null || true
    sleep 2
  done
  rm -rf "$home"
}
echo "| launch | start | to /actuator/health 200 | JVM RSS then |"
echo "|---|---|---|---|"
measure "java -jar web/target/watchkeeper.jar" "$JAVA" -jar web/target/watchkeeper.jar
measure "./watchkeeper (CDS archive)" ./watchkeeper
