#!/usr/bin/env bash
# One epoch of Model 1 as the user sees it, Encore (`encore train --json`, its per-epoch `seconds`: training plus
# the metrics it reports) against PyTorch (bench/epoch_torch.py: training plus a forward pass over the validation
# users), alternating the two in one run on exactly the same users (bench/ExportPlan.java). Same model, batch 512,
# Adam, MSE, float32, THREADS threads on both sides. Raw lines in $OUT/results.jsonl, summary on stdout.
#   bench/epoch-scale.sh [ROUNDS=2] [WORKLOADS=ml32m,small]
# Workloads: ml32m = the ml-32m-shaped set in $ENCORE_ML32M (default /tmp/ml32m; make it once with
#   ./encore generate --shape ml-32m --out /tmp/ml32m), reference protocol (10% of users), 1 epoch;
#   small = ml-latest-small (../shared/movielens), all users, 3 epochs (the first is a warm-up, not counted).
# Needs python3-torch and libopenblas0-pthread (see bench/training-speed.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-2}
WORKLOADS=${2:-ml32m,small}
OUT=${ENCORE_BENCH_OUT:-/tmp/encore-epoch}
THREADS=${THREADS:-$(nproc)}
ML32M=${ENCORE_ML32M:-/tmp/ml32m}
SMALL=${ENCORE_SMALL:-../shared/movielens/ml-latest-small}
mkdir -p "$OUT"
: > "$OUT/results.jsonl"

mvn -B -o -q -DskipTests compile >/dev/null
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=runtime >/dev/null
# A private copy of the classes, so that rebuilding the project during a run cannot change what is measured.
rm -rf "$OUT/classes" "$OUT/bench" && cp -r target/classes "$OUT/classes" && cp -r bench "$OUT/bench"
CP="$OUT/classes:$(cat "$OUT/classpath.txt")"
export OMP_NUM_THREADS=$THREADS
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), threads $THREADS"

for workload in ${WORKLOADS//,/ }; do
  case $workload in
    ml32m) data=$ML32M; fraction=0.1; epochs=1 ;;
    small) data=$SMALL; fraction=1; epochs=3 ;;
    *) echo "unknown workload $workload" >&2; exit 2 ;;
  esac
  java -Xmx4g -Dlogback.configurationFile=bench/logback-quiet.xml -cp "$CP" "$OUT/bench/ExportPlan.java" "$data" "$OUT/$workload" "$fraction" >&2
  for round in $(seq 1 "$ROUNDS"); do
    echo "# $workload round $round: Encore, load $(cut -d' ' -f1 /proc/loadavg)" >&2
    # the same JVM settings as ./encore
    /usr/bin/time -f '%M' -o "$OUT/rss.txt" java -XX:MaxRAMPercentage=25 -XX:InitialRAMPercentage=25 \
        -Dlogback.configurationFile=bench/logback-quiet.xml -cp "$CP" org.encore.app.Launcher train --data "$data" \
        --model model1 --users-fraction "$fraction" --epochs "$epochs" --out "$OUT/run-$workload-$round" --json \
        > "$OUT/encore.jsonl"
    /usr/bin/python3 - "$workload" "$round" "$OUT/rss.txt" "$OUT/encore.jsonl" <<'PY' | tee -a "$OUT/results.jsonl"
import json, sys
rss = int(open(sys.argv[3]).read().split()[-1]) // 1024
for line in open(sys.argv[4]):
    d = json.loads(line)
    print(json.dumps({"framework": "encore", "workload": sys.argv[1], "round": int(sys.argv[2]), "epoch": d["epoch"],
                      "seconds": d["seconds"], "train_metrics": d.get("trainMetrics"),
                      "validation_mse": d["validation"]["mse"], "peak_rss_mb": rss}))
PY
    echo "# $workload round $round: PyTorch, load $(cut -d' ' -f1 /proc/loadavg)" >&2
    (cd "$OUT/bench" && /usr/bin/python3 epoch_torch.py "$OUT/$workload" "$THREADS" "$epochs") | \
        /usr/bin/python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line); d["workload"] = sys.argv[1]; d["round"] = int(sys.argv[2]); print(json.dumps(d))' "$workload" "$round" \
        | tee -a "$OUT/results.jsonl"
    rm -rf "$OUT/run-$workload-$round"
  done
done
/usr/bin/python3 - "$OUT/results.jsonl" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("| workload | framework | epochs counted | epoch s (median) | epoch s (best) | peak RSS MB (max) |")
print("|---|---|---|---|---|---|")
medians = {}
for w in sorted({r["workload"] for r in rows}):
    for f in ("encore", "pytorch"):
        sel = [r for r in rows if r["workload"] == w and r["framework"] == f and (w != "small" or r["epoch"] > 1)]
        if not sel:
            continue
        s = [r["seconds"] for r in sel]
        medians[(w, f)] = statistics.median(s)
        print(f"| {w} | {f} | {len(s)} | {statistics.median(s):.1f} | {min(s):.1f} | {max(r['peak_rss_mb'] for r in sel):,} |")
for w in sorted({k[0] for k in medians}):
    if (w, "encore") in medians and (w, "pytorch") in medians:
        print(f"{w}: PyTorch epoch / Encore epoch = {medians[(w, 'pytorch')] / medians[(w, 'encore')]:.2f}x (medians)")
PY
