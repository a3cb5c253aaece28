#!/usr/bin/env bash
# The Gowalla experiment of the README (issue 14): Kindred's models on LightGCN's Gowalla split, cut-off 20, full
# ranking with training items excluded, printed as a markdown table beside the published figures. Not part of CI:
# it needs the dataset and takes about 10-15 minutes on 2 cores (most of it in the batch recommend of every user).
#
# Usage: bash recommender-bench/gowalla.sh [DIR] [SPEC...]
#   DIR   folder with train.tsv and test.tsv (default: ../shared/datasets/gowalla); SPEC... replaces the default rows.
#   HEAP  JVM heap (default 12g); JAR the CLI jar (default recommender-eval/target/kindred-eval.jar, built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/datasets/gowalla}
[[ $# -gt 0 ]] && shift
for f in train.tsv test.tsv; do
  [[ -f "$dir/$f" ]] || { echo "gowalla.sh: $dir/$f is missing (give the dataset folder as the first argument)" >&2; exit 2; }
done
jar=${JAR:-recommender-eval/target/kindred-eval.jar}
if [[ ! -f "$jar" ]]; then
  mvn -B -q -pl recommender-eval -am package -DskipTests
fi
specs=("$@")
if [[ ${#specs[@]} -eq 0 ]]; then
  specs=(popularity
    'itemknn:similarity=asymmetric,alpha=0.1'
    'ials:factors=256,regularization=30,alpha=20,solver=cholesky,blockSize=16,iterations=8'
    'ease:lambda=200,neighbors=200'
    gfcf
    'gfcf:solver=rk4,steps=1,sharpen=2.5,alpha=0.2,merge=early')
fi
out=$(mktemp -d)
echo "| model | recall@20 | nDCG@20 | fit s | recommend s |"
echo "|---|---|---|---|---|"
i=0
for spec in "${specs[@]}"; do
  i=$((i + 1))
  java -Xmx"${HEAP:-12g}" --add-modules jdk.incubator.vector -jar "$jar" evaluate \
    --train "$dir/train.tsv" --test "$dir/test.tsv" --algorithm "$spec" --cutoff 20 --metrics recall,ndcg \
    --json "$out/$i.json" > "$out/$i.log" 2>&1 || { echo "| \`$spec\` | failed: see $out/$i.log | | | |"; continue; }
  python3 - "$out/$i.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
m = r["metrics"]
print(f"| `{r['configuration']}` | {m['recall@20']:.4f} | {m['ndcg@20']:.4f} | {r['fitSeconds']:.1f} | {r['recommendSeconds']:.1f} |")
EOF
done
cat <<'EOF'
| GF-CF, numpy (Shen et al. 2021, rank 256, alpha 0.3) | 0.1849 | 0.1518 | | |
| LightGCN (He et al. 2020, published) | 0.1830 | 0.1554 | | |
| BSPM (Choi et al. 2023, published) | 0.1920 | 0.1597 | | |
EOF
