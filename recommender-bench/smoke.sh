#!/usr/bin/env bash
# CI smoke run of every JMH benchmark: one fork, no warm-up, one 100 ms iteration, the smallest sizes. It proves the
# benchmarks still build and run (they never rot); its numbers mean nothing. Takes about a minute on 2 cores.
#
# Usage (after `mvn -B -pl recommender-bench -am package -DskipTests`):
#   bash recommender-bench/smoke.sh [extra JMH options, e.g. a benchmark name pattern]
set -euo pipefail
jar="$(cd "$(dirname "$0")" && pwd)/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  echo "smoke.sh: $jar is missing; build it with: mvn -B -pl recommender-bench -am package -DskipTests" >&2
  exit 1
fi
# -foe: fail on the first benchmark error, so a broken benchmark fails CI.
# -p values apply to the benchmarks that declare that parameter; the others keep their defaults.
exec java -Djmh.ignoreLock=true -jar "$jar" \
  -f 1 -wi 0 -i 1 -w 100ms -r 100ms -foe true \
  -p size=10000 -p history=10 -p users=1000 -p threads=1 -p items=1000 -p searchWidth=100 -p rank=16 \
  "$@"
