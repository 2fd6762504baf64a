#!/usr/bin/env bash
# Runs the whole JMH suite with each benchmark's own settings (2 forks, 3 warm-up and 5 measured
# iterations; about 9 minutes on 2 cores) and the GC profiler, writes JMH's results to
# benchmarks/target/results.json, and prints the results table (also written to
# benchmarks/target/results.md). JMH's full output goes to benchmarks/target/jmh-output.txt.
#
#   benchmarks/run.sh                 # the whole suite
#   benchmarks/run.sh ChunkDecode     # only benchmarks matching a JMH regexp
#
# Build the jar first (from the repository root):
#   mvn -B -q -N install && mvn -B -q -pl sdk-core,generator,sdk-generated install -DskipTests
#   mvn -B -q -pl benchmarks package -DskipTests
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/benchmarks.jar"
results="$here/target/results.json"
if [[ ! -f "$jar" ]]; then
  echo "no $jar: build it first (see the top of $0)" >&2
  exit 1
fi

started=$(date +%s)
# -foe true: a benchmark that throws fails the run instead of leaving a hole in the table.
java -jar "$jar" -prof gc -foe true -rf json -rff "$results" "$@" 2>&1 \
  | tee "$here/target/jmh-output.txt" \
  | grep --line-buffered -E '^# (Benchmark|Parameters|Threads|Run progress):|^# Run complete|ERROR|Exception'
elapsed=$(( $(date +%s) - started ))

echo
java -cp "$jar" ai.cartesia.benchmarks.report.ResultsTable "$results" "benchmarks/run.sh${*:+ $*}" \
  | tee "$here/target/results.md"
echo
echo "Suite time: $((elapsed / 60)) min $((elapsed % 60)) s. JMH's full output: $here/target/jmh-output.txt"
