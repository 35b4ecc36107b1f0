"""Best and median per (framework variant, dataset) from the JSON lines bench/training-speed.sh collects."""
import json
import statistics
import sys
from collections import defaultdict

runs = defaultdict(list)


def cpu_column(rs):
    values = [r["samples_per_cpu_s"] for r in rs if "samples_per_cpu_s" in r]
    return f"{statistics.median(values):,.0f}" if values else "-"


gemm = defaultdict(list)
paired = []
loads = []
with open(sys.argv[1]) as f:
    for line in f:
        r = json.loads(line)
        if r["variant"] == "paired":
            paired.append(r)
            continue
        if r["variant"] == "sgemm":
            gemm[(r["framework"], r["width"])].append(r["gflops"])
            continue
        runs[(r["variant"], r["width"], r["users"])].append(r)
        loads += [r["load_before"], r["load_after"]]

print("| framework / variant | width | users | batch | samples/s best | samples/s median | GFLOP/s best | GFLOP/s median | samples per CPU-s (median) | runs |")
print("|---|---|---|---|---|---|---|---|---|---|")
for (variant, width, users), rs in sorted(runs.items(), key=lambda kv: (kv[0][1], -max(r["samples_per_s"] for r in kv[1]))):
    sps = [r["samples_per_s"] for r in rs]
    gf = [r["gflops"] for r in rs]
    print(f"| {variant} | {width:,} | {users:,} | {rs[0]['batch']} | {max(sps):,.0f} | {statistics.median(sps):,.0f} "
          f"| {max(gf):.0f} | {statistics.median(gf):.0f} | {cpu_column(rs)} | {len(rs)} |")
print()
for (framework, width), values in sorted(gemm.items()):
    print(f"sgemm [512 x {width}] x [{width} x 1024], {framework}: best {max(values):.0f} GFLOP/s, "
          f"median {statistics.median(values):.0f} ({len(values)} runs)")
if loads:
    print(f"load average (1 min) during the runs: min {min(loads):.1f}, median {statistics.median(loads):.1f}, max {max(loads):.1f}")
for r in paired:
    print(f"paired plain DL4J vs Encore layers, width {r['width']:,}: speed-up median {r['speedup_wall_median']:.2f}x wall, "
          f"{r['speedup_cpu_median']:.2f}x CPU over {r['rounds']} alternating epoch pairs (wall {r['speedup_wall']}, "
          f"CPU {r['speedup_cpu']})")
