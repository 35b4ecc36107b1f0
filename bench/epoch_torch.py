"""PyTorch side of bench/epoch-scale.sh: Model 1 (bench/model1.py) trained for EPOCHS epochs on the training users
that bench/ExportPlan.java wrote, each epoch followed by a forward pass over the validation users (eval mode, no
gradient), as Keras' fit does with validation data. Same batch (512), Adam (lr 1e-4, eps 1e-7), MSE over all cells,
float32, inputs rating / 5. Prints one JSON line per epoch with its wall seconds (training + validation pass).

Usage: /usr/bin/python3 bench/epoch_torch.py PLAN_DIR THREADS EPOCHS
"""
import json
import resource
import sys
import time

import numpy as np
import torch

from model1 import model1

BATCH = 512
SCALE = 0.2


def read(path):
    raw = np.fromfile(path, dtype=np.uint8)
    rows, width, nnz = np.frombuffer(raw[:12], dtype="<i4")
    at = 12
    pointers = np.frombuffer(raw[at:at + 4 * (rows + 1)], dtype="<i4").astype(np.int64)
    at += 4 * (rows + 1)
    cols = torch.from_numpy(np.frombuffer(raw[at:at + 4 * nnz], dtype="<i4").astype(np.int64))
    at += 4 * nnz
    vals = torch.from_numpy(np.frombuffer(raw[at:at + 4 * nnz], dtype="<f4") * SCALE)
    return int(rows), int(width), pointers, cols, vals


def dense(rows, width, pointers, cols, vals):
    x = torch.zeros(len(rows), width)
    for i, r in enumerate(rows):
        a, b = pointers[r], pointers[r + 1]
        x[i, cols[a:b]] = vals[a:b]
    return x


def main():
    plan, threads, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    train = read(f"{plan}/train.bin")
    val = read(f"{plan}/validation.bin")
    width = train[1]
    torch.manual_seed(42)
    model = model1(width)
    opt = torch.optim.Adam(model.parameters(), lr=1e-4, eps=1e-7)
    loss_fn = torch.nn.MSELoss()
    gen = np.random.default_rng(1)
    order = np.arange(train[0])
    for epoch in range(1, epochs + 1):
        started = time.perf_counter()
        model.train()
        gen.shuffle(order)
        for start in range(0, train[0], BATCH):
            x = dense(order[start:start + BATCH], width, *train[2:])
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x), x)
            loss.backward()
            opt.step()
        trained = time.perf_counter() - started
        model.eval()
        sq = 0.0
        with torch.no_grad():
            for start in range(0, val[0], BATCH):
                x = dense(np.arange(start, min(val[0], start + BATCH)), width, *val[2:])
                sq += float(((model(x) - x) ** 2).sum())
        seconds = time.perf_counter() - started
        print(json.dumps({"framework": "pytorch", "version": torch.__version__, "epoch": epoch, "width": width,
                          "train_users": train[0], "validation_users": val[0], "seconds": round(seconds, 3),
                          "train_seconds": round(trained, 3), "validation_mse": sq / (val[0] * width),
                          "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}), flush=True)


if __name__ == "__main__":
    main()
