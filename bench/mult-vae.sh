#!/usr/bin/env bash
# Encore's Mult-DAE / Mult-VAE against a PyTorch peer (bench/mult_vae.py, after dawenl/vae_cf) in one run, on the
# same strong-generalisation split: bench/ExportSplit.java writes the split Encore's evaluator uses for SEED (same
# users, same fed-in and hidden ratings), `encore evaluate` trains and scores the presets on it, then the Python
# script trains its own models with the same batch, epochs, learning rate, dropout, weight penalty and beta schedule,
# and bench/mult_vae_compare.py prints both sides' NDCG@100 (with Encore's standard error over test users) and
# their epoch times (training + the per-epoch validation ranking, as each side runs it).
#   bench/mult-vae.sh [EPOCHS] [SEED]        (defaults: the presets' epochs, split seed 42)
# Env: ENCORE_BENCH_DATA (default ../shared/movielens/ml-latest-small), ENCORE_BENCH_OUT (default /tmp/encore-mult-vae),
#      THREADS (default: all cores), MODELS (default dae,vae). Both sides use the presets' batch size.
# Needs Debian's python3-torch (and libopenblas0-pthread for a fast BLAS, see training-speed.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=${2:-42}
DATA=${ENCORE_BENCH_DATA:-../shared/movielens/ml-latest-small}
OUT=${ENCORE_BENCH_OUT:-/tmp/encore-mult-vae}
THREADS=${THREADS:-$(nproc)}
MODELS=${MODELS:-dae,vae}
mkdir -p "$OUT"

mvn -B -o -q -DskipTests package >/dev/null
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
CP="target/classes:$(cat "$OUT/classpath.txt")"
JAVA=(java -Xmx3g -Dlogback.configurationFile=bench/logback-quiet.xml -cp "$CP")
# The presets' own settings (batch, epochs, beta cap), so that both sides train the same model.
"${JAVA[@]}" bench/PresetSettings.java mult-dae mult-vae > "$OUT/presets.json"
BATCH=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mult-vae"]["batchSize"])' "$OUT/presets.json")
EPOCHS=${1:-$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mult-vae"]["epochs"])' "$OUT/presets.json")}
"${JAVA[@]}" bench/ExportSplit.java "$DATA" "$OUT/split" "$SEED" >&2
echo "# $(date -u +%FT%TZ) $(nproc) cores, $THREADS threads, load $(cut -d' ' -f1-3 /proc/loadavg), $EPOCHS epochs, batch $BATCH" >&2

ENCORE_MODELS=$(echo "$MODELS" | sed 's/\bdae\b/mult-dae/; s/\bvae\b/mult-vae/')
OMP_NUM_THREADS=$THREADS "${JAVA[@]}" org.encore.app.Launcher evaluate --data "$DATA" --models "$ENCORE_MODELS" \
    --baselines none --seed "$SEED" --epochs "$EPOCHS" --json-out "$OUT/encore.json" --overwrite >&2
echo "# encore done $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# Encore anneals beta to the cap at the run's last update (annealSteps 0 = updates / cap): the same for the peer.
TRAIN_USERS=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["trainUsers"])' "$OUT/split/split.json")
CAP=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mult-vae"]["betaCap"])' "$OUT/presets.json")
ANNEAL=$(python3 -c "import math; print(max(1, math.ceil($EPOCHS * math.ceil($TRAIN_USERS / $BATCH) / $CAP)))")
# Encore's l2 is DL4J's coefficient (gradient l2 * w), i.e. loss + l2 / 2 * sum w^2: the peer's lambda is l2 / 2.
LAM=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mult-dae"]["l2"] / 2)' "$OUT/presets.json")
OMP_NUM_THREADS=$THREADS /usr/bin/python3 bench/mult_vae.py "$OUT/split" --models "$MODELS" --epochs "$EPOCHS" \
    --batch "$BATCH" --lam "$LAM" --anneal-steps "$ANNEAL" --beta-cap "$CAP" --threads "$THREADS" > "$OUT/pytorch.jsonl"
echo "# pytorch done $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 bench/mult_vae_compare.py "$OUT/encore.json" "$OUT/pytorch.jsonl" | tee "$OUT/comparison.md"
