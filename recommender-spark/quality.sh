#!/usr/bin/env bash
# Quality and fit-time comparison of Spark-trained models (local[2]) with the same algorithms trained in-process,
# on the shared datasets when present. Usage: bash recommender-spark/quality.sh [ml100k|gowalla|synthetic] ...
# Needs a compiled reactor (mvn -pl recommender-spark -am compile); never part of CI. ALGORITHMS="itemknn" runs a
# subset.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/datasets}
CP_FILE=$(mktemp)
mvn -B -q -o -pl recommender-spark -am compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" | grep -E "ERROR|FAIL" >&2 || true
[ -s "$CP_FILE" ] || { echo "could not build the classpath (see above)" >&2; exit 1; }
CP="recommender-spark/target/classes:$(cat "$CP_FILE")"
OPENS=$(sed -n 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' recommender-spark/pom.xml)
job() {
  /usr/bin/time -f "wall %e s, cpu %U+%S s, max RSS %M KB" \
    java -Xmx${HEAP:-8g} $OPENS -cp "$CP" io.github.kindred.spark.KindredSparkJob --master 'local[2]' "$@" 2>&1 \
    | grep -E '^(read|spark|in-process|wall|model|recommend-all)' || true
}
for set in "${@:-ml100k}"; do
  case "$set" in
    ml100k)
      for a in ${ALGORITHMS:-popularity itemknn als}; do
        echo "== ml-100k $a"
        job --train "$DATA/ml-100k/split-p80/train.tsv" --test "$DATA/ml-100k/split-p80/test.tsv" \
          --algorithm "$a" --cutoff 10 --compare true --factors 64 --iterations 15
      done ;;
    gowalla)
      for a in ${ALGORITHMS:-popularity itemknn als}; do
        echo "== gowalla $a"
        job --train "$DATA/gowalla/train.tsv" --test "$DATA/gowalla/test.tsv" \
          --algorithm "$a" --cutoff 20 --compare true --factors 64 --iterations 15
      done ;;
    synthetic)
      out=${SYNTH:-/tmp/kindred-synthetic-20m.tsv}
      [ -f "$out" ] || { echo "generate $out first (user item 1 lines)" >&2; exit 2; }
      for a in popularity als itemknn; do
        echo "== synthetic 20M $a"
        job --train "$out" --algorithm "$a" --neighbors 100 --factors 32 --iterations 10 --model /tmp/kindred-synth-$a.kmd
      done ;;
    *) echo "unknown set $set" >&2; exit 2 ;;
  esac
done
rm -f "$CP_FILE"
