#!/usr/bin/env bash
# End-to-end scale run on local[2] (issue 16: 20M generated events within 24 GB): generates EVENTS events, then
# trains popularity, item-kNN and ALS through KindredSparkJob, each in its own JVM capped at HEAP, and prints per
# step the wall time, CPU time, max RSS and the peak heap seen by the GC log (heap before the fullest collection).
# Usage: EVENTS=20000000 HEAP=10g bash recommender-spark/scale.sh   (never part of CI; hours on a shared 2-core box)
# The generator is deterministic (SEED): USERS users drawn uniformly, ITEMS items drawn from a power law
# (item = ITEMS * u^3, so the top 1% of items take ~22% of events, a long tail like Gowalla's).
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${EVENTS:-20000000}
USERS=${USERS:-1000000}
ITEMS=${ITEMS:-200000}
SEED=${SEED:-42}
HEAP=${HEAP:-10g}
OUT=${OUT:-/tmp/kindred-scale}
mkdir -p "$OUT"
DATA="$OUT/events-$EVENTS.tsv"
if [ ! -s "$DATA" ]; then
  start=$(date +%s)
  awk -v n="$EVENTS" -v users="$USERS" -v items="$ITEMS" -v seed="$SEED" 'BEGIN {
    srand(seed)
    for (k = 0; k < n; k++) {
      u = rand(); printf "u%d\ti%d\t1\n", int(rand() * users), int(items * u * u * u)
    }
  }' > "$DATA"
  echo "generated $DATA ($EVENTS events) in $(( $(date +%s) - start )) s"
fi
CP_FILE=$(mktemp)
mvn -B -q -o -Dstyle.color=never -pl recommender-spark -am compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" >/dev/null
# The steps run for hours: each loads a snapshot of the compiled classes, so rebuilding the worktree meanwhile
# cannot change (or break) a step that has not started yet.
rm -rf "$OUT/classes"
for m in recommender-core recommender-eval recommender-spark; do
  mkdir -p "$OUT/classes/$m" && cp -r "$m/target/classes/." "$OUT/classes/$m/"
done
CP="$OUT/classes/recommender-spark:$(sed -E "s#[^:]*/(recommender-[a-z]+)/target/classes#$OUT/classes/\1#g" "$CP_FILE")"
OPENS=$(sed -n 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' recommender-spark/pom.xml)
for a in ${ALGORITHMS:-popularity itemknn als}; do
  echo "== $EVENTS events: $a (-Xmx$HEAP)"
  gc="$OUT/gc-$a.log"
  /usr/bin/time -o "$OUT/time-$a.txt" -f "$a: wall %e s, cpu %U+%S s, max RSS %M KB" \
    nice java -Xmx"$HEAP" -Xlog:gc:file="$gc" $OPENS -cp "$CP" io.github.kindred.spark.KindredSparkJob \
      --master 'local[2]' --train "$DATA" --algorithm "$a" --neighbors 100 --factors 32 --iterations 10 \
      --model "$OUT/$a.kmd" > "$OUT/job-$a.log" 2>&1 || { tail -20 "$OUT/job-$a.log"; exit 1; }
  # Spark's log4j output (query plans included) stays in job-$a.log; the job's own summary lines are printed.
  grep -E '^(read:|spark |in-process|model:|recommend-all:|'"$a"': wall)' "$OUT/job-$a.log" || true
  cat "$OUT/time-$a.txt"
  # G1 lines read "Pause Young (Normal) (G1 Evacuation Pause) 812M->120M(2048M) 35.1ms": the largest "before" is
  # the peak heap in use.
  grep -oE '[0-9]+M->[0-9]+M' "$gc" | awk -F'M->' -v a="$a" '$1 > m { m = $1 } END { printf "%s: peak heap %d MB\n", a, m }'
done
rm -f "$CP_FILE"
