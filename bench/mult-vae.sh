#!/usr/bin/env bash
# PyTorch peer of Encore's Mult-DAE / Mult-VAE (bench/mult_vae.py, after dawenl/vae_cf) on the strong-generalisation
# split Encore makes: bench/ExportSplit.java writes the split (same users, same fed-in and hidden ratings as Encore's
# evaluator), then the Python script trains and prints one JSON object per model with NDCG@100, Recall@20,
# Recall@50 on the test users and seconds per epoch.
#   bench/mult-vae.sh [EPOCHS] [SEED]        (defaults: 200 epochs as vae_cf, split seed 42)
# Env: ENCORE_BENCH_DATA (default ../shared/movielens/ml-latest-small), ENCORE_BENCH_OUT (default /tmp/encore-mult-vae),
#      THREADS (default: all cores), MODELS (default dae,vae).
# Needs Debian's python3-torch (and libopenblas0-pthread for a fast BLAS, see training-speed.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-200}
SEED=${2:-42}
DATA=${ENCORE_BENCH_DATA:-../shared/movielens/ml-latest-small}
OUT=${ENCORE_BENCH_OUT:-/tmp/encore-mult-vae}
THREADS=${THREADS:-$(nproc)}
MODELS=${MODELS:-dae,vae}
mkdir -p "$OUT"

mvn -B -o -q -DskipTests package >/dev/null
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
CP="target/classes:$(cat "$OUT/classpath.txt")"
java -Xmx2g -Dlogback.configurationFile=bench/logback-quiet.xml -cp "$CP" bench/ExportSplit.java "$DATA" "$OUT/split" "$SEED" >&2
echo "# $(date -u +%FT%TZ) $(nproc) cores, $THREADS threads, load $(cut -d' ' -f1-3 /proc/loadavg), $EPOCHS epochs" >&2
OMP_NUM_THREADS=$THREADS /usr/bin/python3 bench/mult_vae.py "$OUT/split" --models "$MODELS" --epochs "$EPOCHS" \
    --threads "$THREADS" | tee "$OUT/results.jsonl"
