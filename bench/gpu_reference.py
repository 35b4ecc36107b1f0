"""Reference throughput of Model 1 (DESIGN.md section 2) in PyTorch on a GPU, for comparison with Encore's
DL4J numbers: ml-latest-small at its real width, and a synthetic ml-32m width (87,585 movies, 1.6% dense).
Usage: python3 bench/gpu_reference.py RATINGS_CSV   (prints one JSON object per measurement)
"""
import json
import sys
import time

import numpy as np
import torch

from model1 import model1  # bench/model1.py, beside this script

BATCH = 512


def measure(name, x, epochs, device, dtype=torch.float32):
    width = x.shape[1]
    net = model1(width).to(device)
    params = sum(p.numel() for p in net.parameters())
    opt = torch.optim.Adam(net.parameters(), lr=1e-4)
    loss_fn = torch.nn.MSELoss()
    n = x.shape[0]

    def epoch():
        perm = torch.randperm(n, device=device)
        for start in range(0, n, BATCH):
            xb = x[perm[start:start + BATCH]]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(net(xb), xb)
            loss.backward()
            opt.step()
        return loss

    epoch()  # warm-up
    torch.cuda.synchronize()
    t = time.perf_counter()
    for _ in range(epochs):
        loss = epoch()
    torch.cuda.synchronize()
    s = time.perf_counter() - t
    samples = n * epochs / s
    print(json.dumps({"framework": "pytorch-" + torch.__version__, "device": torch.cuda.get_device_name(0),
                      "workload": name, "width": width, "users": n, "batch": BATCH, "parameters": params,
                      "epochs": epochs, "seconds": round(s, 3), "samples_per_s": round(samples, 1),
                      "gflops": round(6.0 * params * samples / 1e9, 1), "final_loss": float(loss)}), flush=True)


def main():
    device = torch.device("cuda")
    data = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, usecols=(0, 1, 2))
    users, u = np.unique(data[:, 0].astype(np.int64), return_inverse=True)
    movies, m = np.unique(data[:, 1].astype(np.int64), return_inverse=True)
    x = torch.zeros(len(users), len(movies))
    x[torch.from_numpy(u), torch.from_numpy(m)] = torch.from_numpy(data[:, 2].astype(np.float32) / 5.0)
    measure("ml-latest-small", x.to(device), 30, device)

    g = torch.Generator(device=device).manual_seed(1)
    width, n = 87585, 20000
    xs = (torch.rand(n, width, device=device, generator=g) < 0.016).float()
    xs *= torch.randint(1, 11, (n, width), device=device, generator=g).float() / 10.0
    measure("synthetic-ml-32m-width", xs, 3, device)


if __name__ == "__main__":
    main()
