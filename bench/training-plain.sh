#!/usr/bin/env bash
# Plain training-speed check of the train command (not the DL4J vs PyTorch benchmark, which is training-speed.sh).
# Runs model1 on ml-latest-small at batch 512 with all users (488 train / 122 validation) and with the reference
# protocol (10% of users), alternating 1 and 2 ND4J/OpenMP threads so that both see the same machine load.
# Usage: bench/training-plain.sh [DATA] [EPOCHS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$here/../shared/movielens/ml-latest-small}"
epochs="${2:-4}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for fraction in 1 0.1; do
  for threads in 1 2; do
    echo "# model1, users-fraction $fraction, OMP_NUM_THREADS=$threads, $(uptime | sed 's/.*load/load/')"
    OMP_NUM_THREADS=$threads "$here/encore" train --data "$data" --model model1 --users-fraction "$fraction" \
        --epochs "$epochs" --out "$out/run" --json 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    print("epoch %d: %.2f s (train + metric pass), %.0f train samples/s, validation mse %.5f" % (
        d["epoch"], d["seconds"], d["samplesPerSecond"], d["validation"]["mse"]))'
  done
done
