"""PyTorch side of the training-speed benchmark: Model 1 (DESIGN.md section 2) trained on the same CSR data
that bench/TrainingSpeed.java exports, with the same batch and epochs. Prints one JSON object per measurement.

Usage: /usr/bin/python3 bench/training_speed.py OUT_DIR THREADS
"""
import json
import sys
import time

import numpy as np
import torch

from model1 import model1  # bench/model1.py, beside this script

WORKLOADS = [("ml-latest-small", 3), ("synthetic-20000", 1)]
BATCH = 512
SCALE = 0.2


def load_avg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def read_csr(path):
    with open(path) as f:
        rows, cols = map(int, f.readline().split())
    data = np.loadtxt(path, skiprows=1, dtype=np.float64, ndmin=2)
    r = data[:, 0].astype(np.int64)
    c = data[:, 1].astype(np.int64)
    v = data[:, 2].astype(np.float32) * SCALE
    pointers = np.zeros(rows + 1, dtype=np.int64)
    np.add.at(pointers, r + 1, 1)
    pointers = np.cumsum(pointers)
    return rows, cols, pointers, torch.from_numpy(c), torch.from_numpy(v)


def gemm(width):
    a = torch.rand(BATCH, width)
    b = torch.rand(width, 1024)
    for _ in range(2):
        a @ b
    reps = 5
    t = time.perf_counter()
    for _ in range(reps):
        a @ b
    s = (time.perf_counter() - t) / reps
    print(json.dumps({"framework": "pytorch", "variant": "sgemm", "width": width, "batch": BATCH,
                      "gflops": round(2.0 * BATCH * width * 1024 / s / 1e9, 1), "load": load_avg()}), flush=True)


def run(name, epochs, out_dir):
    rows, width, pointers, cols, vals = read_csr(f"{out_dir}/{name}.csr")
    torch.manual_seed(42)
    model = model1(width)
    params = sum(p.numel() for p in model.parameters())
    opt = torch.optim.Adam(model.parameters(), lr=1e-4, eps=1e-7)
    loss_fn = torch.nn.MSELoss()
    gen = np.random.default_rng(1)
    order = np.arange(rows)
    model.train()
    densify = 0.0
    started = 0.0
    cpu_started = 0.0
    load_before = 0.0
    loss = None
    for epoch in range(epochs + 1):
        if epoch == 1:  # epoch 0 warms up allocator and threads
            densify = 0.0
            load_before = load_avg()
            started = time.perf_counter()
            cpu_started = time.process_time()
        gen.shuffle(order)
        for start in range(0, rows, BATCH):
            t0 = time.perf_counter()
            batch_rows = order[start:start + BATCH]
            x = torch.zeros(len(batch_rows), width)
            for i, r in enumerate(batch_rows):
                a, b = pointers[r], pointers[r + 1]
                x[i, cols[a:b]] = vals[a:b]
            densify += time.perf_counter() - t0
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x), x)
            loss.backward()
            opt.step()
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    samples = rows * epochs
    per_s = samples / seconds
    print(json.dumps({"framework": "pytorch", "variant": f"pytorch-{torch.__version__}", "dataset": name,
                      "width": width, "users": rows, "batch": BATCH, "params": params, "samples": samples,
                      "seconds": round(seconds, 3), "samples_per_s": round(per_s, 1),
                      "gflops": round(6.0 * params * per_s / 1e9, 1), "load_before": load_before,
                      "load_after": load_avg(), "densify_s": round(densify, 3), "score": float(loss),
                      "cpu_s": round(cpu, 3), "samples_per_cpu_s": round(samples / cpu, 1)}), flush=True)


def main():
    out_dir = sys.argv[1]
    torch.set_num_threads(int(sys.argv[2]))
    for name, epochs in WORKLOADS:
        with open(f"{out_dir}/{name}.csr") as f:
            width = int(f.readline().split()[1])
        gemm(width)
        run(name, epochs, out_dir)


if __name__ == "__main__":
    main()
