#!/usr/bin/env bash
# Training speed of Model 1: DL4J as Encore builds it (dense first layer, sparse first layer, the full Trainer)
# against PyTorch on the same data, alternating the two several times in one run. Results: JSON lines in
# $OUT/results.jsonl and a summary table (best and median) on stdout.
#   bench/training-speed.sh [ROUNDS] [VARIANTS]
# Needs: Debian's python3-torch and an optimised BLAS for it (apt-get install python3-torch libopenblas0-pthread;
# with the reference libblas that python3-torch pulls in alone, PyTorch's sgemm runs at ~5 GFLOP/s).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
VARIANTS=${2:-gemm,dense,optimized,trainer}
DATA=${ENCORE_BENCH_DATA:-../shared/movielens/ml-latest-small}
OUT=${ENCORE_BENCH_OUT:-/tmp/encore-bench}
THREADS=${THREADS:-$(nproc)}
mkdir -p "$OUT"
: > "$OUT/results.jsonl"

mvn -B -o -q -DskipTests package >/dev/null
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
# A private copy of the classes, so that rebuilding the project during a run cannot change what is measured.
rm -rf "$OUT/classes" "$OUT/bench" && cp -r target/classes "$OUT/classes" && cp -r bench "$OUT/bench"
CP="$OUT/classes:$(cat "$OUT/classpath.txt")"
export OMP_NUM_THREADS=$THREADS

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  echo "# round $round: DL4J ($VARIANTS)" >&2
  java -Xmx3g -Dorg.bytedeco.javacpp.maxbytes=8G -Dorg.bytedeco.javacpp.maxphysicalbytes=12G \
       -Dlogback.configurationFile=bench/logback-quiet.xml \
       -cp "$CP" "$OUT/bench/TrainingSpeed.java" "$DATA" "$OUT" "$VARIANTS" | grep --line-buffered '^{' | tee -a "$OUT/results.jsonl"
  echo "# round $round: PyTorch" >&2
  /usr/bin/python3 "$OUT/bench/training_speed.py" "$OUT" "$THREADS" | tee -a "$OUT/results.jsonl"
done
/usr/bin/python3 bench/summarize_training_speed.py "$OUT/results.jsonl"
