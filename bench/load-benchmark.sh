#!/usr/bin/env bash
# Load benchmark for the MovieLens reader (issue 2): a cold parse of ratings.csv into the CSR matrix, and a
# reopen from the binary cache, each in a fresh JVM capped at -Xmx1500m, RUNS times; also a second parse inside
# one JVM (JIT warm, as when the app opens another dataset). Prints every run and the best and median of each. Usage: bench/load-benchmark.sh [DATA_DIR] [RUNS]
#   DATA_DIR defaults to /work/bench-data/ml-32m-shape, made with
#   ./encore generate --out /work/bench-data/ml-32m-shape --shape ml-32m   (about 890 MB; never committed)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-/work/bench-data/ml-32m-shape}"
runs="${2:-3}"
heap="${BENCH_HEAP:--Xmx1500m}"
cd "$here"
[ -f "$data/ratings.csv" ] || { echo "no $data/ratings.csv; generate it first (see the header of this script)" >&2; exit 1; }
mvn -B -o -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime >&2
cp="target/classes:$(cat target/bench-classpath.txt)"
cache_dir="$(mktemp -d)"
trap 'rm -rf "$cache_dir"' EXIT
javac -d "$cache_dir/classes" -cp "$cp" bench/LoadBenchmark.java
run() { java $heap -Dencore.cache.dir="$cache_dir/cache" -cp "$cache_dir/classes:$cp" LoadBenchmark "$data" "$1"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "data: $data/ratings.csv ($(stat -c %s "$data/ratings.csv") bytes), heap $heap"
parse=(); reopen=()
for i in $(seq "$runs"); do
  line=$(run parse); echo "parse  $i: $line"; parse+=("$(sed 's/.* seconds=\([0-9.]*\).*/\1/' <<<"$line")")
done
again=()
for i in $(seq "$runs"); do
  line=$(run parse-again); echo "parse again $i: $line"; again+=("$(sed 's/.* seconds=\([0-9.]*\).*/\1/' <<<"$line")")
done
line=$(run cache); echo "cache write (parse + write): $line"
for i in $(seq "$runs"); do
  line=$(run cache); echo "reopen $i: $line"; reopen+=("$(sed 's/.* seconds=\([0-9.]*\).*/\1/' <<<"$line")")
done
summary() { printf '%s\n' "${@:2}" | sort -n | awk -v name="$1" '{v[NR]=$1} END {printf "%s: best %.3f s, median %.3f s over %d runs\n", name, v[1], v[int((NR+1)/2)], NR}'; }
summary "cold parse" "${parse[@]}"
summary "parse again (warm JVM)" "${again[@]}"
summary "cache reopen" "${reopen[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
