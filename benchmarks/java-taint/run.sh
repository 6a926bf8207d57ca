#!/usr/bin/env bash
# Labelled Java taint corpus, two tools in one run: Watchkeeper's taint analysis and SpotBugs + FindSecBugs.
# 1. compiles the corpus against the real servlet/Spring/JPA/Commons IO jars (pom.xml beside this script,
#    outside the reactor) and fetches SpotBugs 4.9.8 + FindSecBugs 1.14.0 from Maven Central;
# 2. runs SpotBugs with the FindSecBugs plugin on the compiled corpus (-effort:max -low, XML);
# 3. builds the benchmarks jar and scores both tools per category (TaintCorpusComparison).
# Output: the table on stdout and in benchmarks/java-taint/target/comparison.md.
# Needs JDK >= 21 (JAVA_HOME) and Maven Central the first time (then add OFFLINE=1 for -o).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/benchmarks/java-taint"
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK >= 21}/bin/java"
MVN_OFFLINE=${OFFLINE:+-o}
cd "$ROOT"

./mvnw -B -q $MVN_OFFLINE -f "$HERE/pom.xml" compile
AUX=$(ls "$HERE"/target/aux/*.jar | tr '\n' ':')
"$JAVA" -cp "$HERE/target/tools/*" edu.umd.cs.findbugs.FindBugs2 \
  -pluginList "$HERE/target/tools/findsecbugs-plugin-1.14.0.jar" -effort:max -low -quiet \
  -xml:withMessages -output "$HERE/target/spotbugs.xml" -auxclasspath "$AUX" "$HERE/target/classes" 2>/dev/null

./mvnw -B -q $MVN_OFFLINE -pl benchmarks -am package -DskipTests
"$JAVA" -cp benchmarks/target/watchkeeper-benchmarks.jar io.watchkeeper.benchmarks.TaintCorpusComparison \
  code-scanner/src/test/resources/taint-corpus "$HERE/target/spotbugs.xml" "$HERE/findsecbugs-categories.properties" \
  "$HERE/target/comparison.md"
