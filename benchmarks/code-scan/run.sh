#!/usr/bin/env bash
# The code-scanning benchmark: Watchkeeper's `code scan` and secretlint over the same tree, then
# Watchkeeper over a long history. Prints wall, user and system seconds per run (GNU time) and
# MiB/s per core = size / (user + system). See BENCHMARKS.md ("Code scanning").
#
#   benchmarks/code-scan/run.sh [WORK_DIR] [RUNS]
#
# Needs: a JDK >= 21 with lib/src.zip (Temurin has it), npm, GNU time (/usr/bin/time), and the
# application and benchmark jars (./mvnw -pl web,benchmarks -am package -DskipTests).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${1:-/tmp/watchkeeper-code-bench}"
RUNS="${2:-3}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
SRC="$(dirname "$(dirname "$JAVA")")/lib/src.zip"
JAR="$ROOT/web/target/watchkeeper.jar"
APPDIR="${APP_DIR:-$WORK/app}"            # the jar extracted, as the ./watchkeeper launcher runs it
APP="$APPDIR/watchkeeper.jar"
# the launcher's options and class-data archive for `code` commands; JAVA_FLAGS="" measures the JVM's defaults
JAVA_FLAGS="${JAVA_FLAGS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn16m}"
BENCH="$ROOT/benchmarks/target/watchkeeper-benchmarks.jar"
# before/after: WATCHKEEPER_JAR=/tmp/old/watchkeeper.jar APP_DIR=/tmp/old-app run.sh ... (same inputs, other jar)
JAR="${WATCHKEEPER_JAR:-$JAR}"
java_feature() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$(dirname "$(dirname "$JAVA")")/release" 2>/dev/null | grep . || echo 0; }
SECRETLINT="$ROOT/benchmarks/code-scan/node/node_modules/.bin/secretlint"

[[ -f "$JAR" && -f "$BENCH" ]] || { echo "build first: ./mvnw -pl web,benchmarks -am package -DskipTests" >&2; exit 2; }
mkdir -p "$WORK"
if [[ ! "$APP" -nt "$JAR" ]]; then
  rm -rf "$APPDIR"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APPDIR" >/dev/null
  [[ -f "$APP" ]] || mv "$APPDIR/$(basename "$JAR")" "$APP"
  # as ./watchkeeper does: jgit's signature files dropped from the extracted copy
  JDK="$(dirname "$(dirname "$JAVA")")"
  eval "$(sed -n '/^unsign_jgit()/,/^}/p' "$ROOT/watchkeeper")"
  unsign_jgit "$APPDIR/lib"
  # the archive the launcher records for code scans (a tiny scan of the launcher's training sample, as
  # ./watchkeeper does): an AOT cache on JDK >= 25, else a class-data archive
  rm -rf "$WORK/sample" && mkdir -p "$WORK/sample"
  eval "$(sed -n '/^code_training_sample()/,/^}/p' "$ROOT/watchkeeper")"
  code_training_sample "$WORK/sample"
  if (( $(java_feature) >= 25 )); then
    "$JAVA" -XX:AOTCacheOutput="$APPDIR/code.aot" $JAVA_FLAGS -jar "$APP" code scan "$WORK/sample" \
      --inventory off --fail-on none --key-file "$WORK/sample/key" >/dev/null 2>&1 || rm -f "$APPDIR/code.aot"
  fi
  "$JAVA" -XX:ArchiveClassesAtExit="$APPDIR/code.jsa" $JAVA_FLAGS -jar "$APP" code scan "$WORK/sample" \
    --inventory off --fail-on none --key-file "$WORK/sample/key" >/dev/null 2>&1 || rm -f "$APPDIR/code.jsa"
fi
# ARCHIVE=cds measures the class-data archive even on JDK 25 (the launcher's choice before the AOT cache)
CDS_FLAGS=""
if [[ -f "$APPDIR/code.aot" && -n "$JAVA_FLAGS" && "${ARCHIVE:-aot}" == aot ]]; then
  CDS_FLAGS="$(sed -n 's/^CODE_AOT_FLAGS="\(.*\)"$/\1/p' "$ROOT/watchkeeper")$APPDIR/code.aot"
elif [[ -f "$APPDIR/code.jsa" && -n "$JAVA_FLAGS" ]]; then
  CDS_FLAGS="-XX:SharedArchiveFile=$APPDIR/code.jsa -Xshare:auto -Xlog:cds=off"
fi
[[ -x "$SECRETLINT" ]] || "$ROOT/benchmarks/code-scan/install-secretlint.sh" >/dev/null
mkdir -p "$WORK"
[[ -d "$WORK/tree" ]] || "$JAVA" -cp "$BENCH" io.watchkeeper.benchmarks.CodeScanCorpus tree --source "$SRC" --out "$WORK/tree"
[[ -d "$WORK/history" ]] || "$JAVA" -cp "$BENCH" io.watchkeeper.benchmarks.CodeScanCorpus history --source "$SRC" --out "$WORK/history"

mib() { du -sb --apparent-size "$1" | awk '{printf "%.1f", $1 / 1048576}'; }
TREE_MIB=$(mib "$WORK/tree")
# history: the bytes of every distinct blob, as the scanner reads them (its JSON stats)
KEY="$WORK/code-scan.key"

measure() { # label size_mib command...
  local label=$1 size=$2; shift 2
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || true
    read -r wall user sys < <(tail -1 "$WORK/time.txt")
    awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v m="$size" \
      'BEGIN { printf "%-12s run wall %6.2f s  cpu %6.2f s  %6.1f MiB/s per core  %6.1f MiB/s wall\n", l, w, u + s, m / (u + s), m / w }'
  done
}

echo "JAVA_FLAGS: ${JAVA_FLAGS:-(none)} ${CDS_FLAGS}"
echo "tree: $TREE_MIB MiB in $(find "$WORK/tree" -type f | wc -l) files; $(nproc) processors; load $(cut -d' ' -f1-3 /proc/loadavg)"
# --rules secrets: what secretlint does (the default also runs IaC and the Java taint analysis, which on a tree
# of 15,000 Java files is a different benchmark)
measure watchkeeper "$TREE_MIB" "$JAVA" $CDS_FLAGS $JAVA_FLAGS -jar "$APP" code scan "$WORK/tree" --rules secrets --inventory off --format json --out /dev/null --fail-on none --key-file "$KEY"
(cd "$WORK/tree" && measure secretlint "$TREE_MIB" "$SECRETLINT" "**/*" --secretlintrc "$ROOT/benchmarks/code-scan/node/.secretlintrc.json" --format compact)
STATS=$("$JAVA" $CDS_FLAGS $JAVA_FLAGS -jar "$APP" code scan "$WORK/history" --history --rules secrets --inventory off --format json --fail-on none --key-file "$KEY")
HIST_MIB=$(echo "$STATS" | awk -F: '/"bytes"/ { gsub(/[ ,]/, "", $2); printf "%.1f", $2 / 1048576; exit }')
echo "history: $HIST_MIB MiB of distinct blobs, $(echo "$STATS" | awk -F: '/"commits"/ { gsub(/[ ,]/, "", $2); print $2; exit }') commits"
measure history "$HIST_MIB" "$JAVA" $CDS_FLAGS $JAVA_FLAGS -jar "$APP" code scan "$WORK/history" --history --rules secrets --inventory off --format json --out /dev/null --fail-on none --key-file "$KEY"
