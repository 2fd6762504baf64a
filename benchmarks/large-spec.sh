#!/usr/bin/env bash
# Whole-process generation of a large public spec, our generator and OpenAPI Generator in turn:
# wall time and peak resident memory of each run (GNU time), then the medians.
#
#   benchmarks/large-spec.sh [RUNS]          (default 3 runs of each)
#
# Needs: generator/target/generator.jar (mvn -pl generator package -DskipTests), the OpenAPI
# Generator CLI jar (fetched into /tmp by Maven on first use, never committed), curl and GNU time.
# The spec is GitHub's api.github.com.json from the npm package @octokit/openapi, pinned and
# checked by sha256 as in the corpus manifest, cached in ~/.cache/cartesia-corpus.
# LARGE_SPEC_JAVA_OPTS: JVM options for both generators; LARGE_SPEC_OURS_JAR: another build of
# ours (a copy of an earlier jar, to compare before and after in one sitting).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-3}"
OAG_VERSION=7.25.0
OAG_JAR="/tmp/oag/openapi-generator-cli-$OAG_VERSION.jar"
OURS_JAR="${LARGE_SPEC_OURS_JAR:-generator/target/generator.jar}"
PKG_URL=https://registry.npmjs.org/@octokit/openapi/-/openapi-23.0.2.tgz
PKG_SHA256=71a18407dd5e8464f4e0525daf03deabbe65abd9287d6adc7b5d98f516cd0d0c
CACHE="${HOME}/.cache/cartesia-corpus"
TGZ="$CACHE/@octokit+openapi-23.0.2.tgz"
WORK=benchmarks/target/large-spec
SPEC="$WORK/api.github.com.json"
JAVA_OPTS=(${LARGE_SPEC_JAVA_OPTS:-})

[ -f "$OURS_JAR" ] || { echo "build $OURS_JAR first: mvn -B -q -pl generator package -DskipTests" >&2; exit 2; }
if [ ! -f "$OAG_JAR" ]; then
  mvn -B -q dependency:copy -Dartifact="org.openapitools:openapi-generator-cli:$OAG_VERSION" \
    -DoutputDirectory=/tmp/oag
fi
mkdir -p "$CACHE" "$WORK"
if ! echo "$PKG_SHA256  $TGZ" | sha256sum -c --quiet 2>/dev/null; then
  curl -fsSL -o "$TGZ" "$PKG_URL"
  echo "$PKG_SHA256  $TGZ" | sha256sum -c --quiet
fi
[ -f "$SPEC" ] || tar -xzf "$TGZ" -O package/generated/api.github.com.json > "$SPEC"
echo "spec: $SPEC ($(stat -c %s "$SPEC") bytes); $(nproc) cores; $(java -version 2>&1 | head -1)"

# One run: prints "wall_seconds peak_rss_kib files cpu_seconds" (CPU: user + system, all threads;
# on a loaded machine it moves less than the wall time).
measure() {
  local out="$1"; shift
  rm -rf "$out"
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$@" > "$WORK/last.log" 2>&1 \
    || { echo "failed: $*; see $WORK/last.log" >&2; tail -5 "$WORK/last.log" >&2; exit 1; }
  read -r wall rss user sys < "$WORK/time.txt"
  echo "$wall $rss $(find "$out" -name '*.java' | wc -l) $(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')"
}

ours() {
  measure "$WORK/ours" java "${JAVA_OPTS[@]}" -jar "$OURS_JAR" generate --spec "$SPEC" \
    --out "$WORK/ours" --package com.github.api -q
}

oag() {
  measure "$WORK/oag" java "${JAVA_OPTS[@]}" -jar "$OAG_JAR" generate -g java -i "$SPEC" \
    -o "$WORK/oag" --skip-validate-spec \
    --global-property apiDocs=false,modelDocs=false,apiTests=false,modelTests=false
}

: > "$WORK/ours.txt"; : > "$WORK/oag.txt"
for i in $(seq "$RUNS"); do
  r=$(ours); echo "run $i ours: $r (s, KiB, .java files, CPU s)"; echo "$r" >> "$WORK/ours.txt"
  r=$(oag);  echo "run $i OpenAPI Generator $OAG_VERSION: $r"; echo "$r" >> "$WORK/oag.txt"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ow=$(cut -d' ' -f1 "$WORK/ours.txt" | median); om=$(cut -d' ' -f2 "$WORK/ours.txt" | median)
gw=$(cut -d' ' -f1 "$WORK/oag.txt" | median);  gm=$(cut -d' ' -f2 "$WORK/oag.txt" | median)
oc=$(cut -d' ' -f4 "$WORK/ours.txt" | median); gc=$(cut -d' ' -f4 "$WORK/oag.txt" | median)
awk -v ow="$ow" -v om="$om" -v gw="$gw" -v gm="$gm" -v oc="$oc" -v gc="$gc" 'BEGIN {
  printf "| generator | wall (median) | peak RSS (median) | CPU (median) |\n|---|---:|---:|---:|\n"
  printf "| ours | %.2f s | %.0f MiB | %.2f s |\n", ow, om/1024, oc
  printf "| OpenAPI Generator | %.2f s | %.0f MiB | %.2f s |\n", gw, gm/1024, gc
  printf "ratio ours / OpenAPI Generator: wall %.2fx, peak RSS %.2fx, CPU %.2fx\n", ow/gw, om/gm, oc/gc
}'
