"""Mult-DAE and Mult-VAE (Liang et al. 2018, "Variational Autoencoders for Collaborative Filtering"; the
reference code is dawenl/vae_cf, TensorFlow 1) re-implemented in PyTorch, trained and scored on the
strong-generalisation split that Encore writes (bench/ExportSplit.java), so that both sides use the same users and
the same fed-in / hidden ratings.

As in vae_cf: input rows binarised (rating >= 4, Liang keeps ratings > 3.5), L2-normalised, dropout 0.5 on the input;
tanh hidden layers; softmax output with the multinomial log-likelihood; Adam 1e-3, batch --batch (vae_cf: 500);
Glorot-uniform weights,
biases N(0, 0.001) truncated; Mult-DAE [I-200-I] with lambda = 0.01 / batch on the weights (loss + lambda * sum w^2);
Mult-VAE [I-600-200-600-I], no weight penalty, beta = min(--beta-cap (0.2), updates / total_anneal_steps). vae_cf anneals over
200,000 updates on ML-20M, where 200 epochs are about 46,800 updates: by default the same fraction is used here
(total_anneal_steps = 200,000 / 46,800 of this run's updates), --anneal-steps overrides it
(bench/mult-vae.sh passes Encore's: the cap reached at the run's last update). The model of the epoch with
the best validation NDCG@100 is scored on the test users.

Scoring as Encore's evaluator: the fed-in movies (any rating) are never recommended, nor movies no training user
rated; relevant = hidden rating >= 4; Recall@k = hits / min(k, relevant); NDCG@100 with binary gains; a user without a
relevant hidden movie is skipped.

Usage: python3 bench/mult_vae.py SPLIT_DIR [--models dae,vae] [--epochs 200] [--threads N] [--seed 98765]
Prints one JSON object per model (and, with --verbose, one per epoch).
"""
import argparse
import json
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

RELEVANT = 4.0


def read_csv(path):
    table = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2, dtype=np.float64)
    if table.size == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
    return table[:, 0].astype(np.int64), table[:, 1].astype(np.int64), table[:, 2].astype(np.float32)


def dense(users, columns, values, n_users, width):
    out = np.zeros((n_users, width), np.float32)
    out[users, columns] = values
    return out


class Split:
    def __init__(self, directory):
        meta = json.load(open(os.path.join(directory, "split.json")))
        self.width = meta["width"]
        self.meta = meta
        u, c, r = read_csv(os.path.join(directory, "train.csv"))
        self.train_ratings = dense(u, c, r, meta["trainUsers"], self.width)
        self.train = (self.train_ratings >= RELEVANT).astype(np.float32)
        self.seen = self.train_ratings.sum(axis=0) > 0
        self.validation = self.held_out(directory, "validation", meta["validationUsers"])
        self.test = self.held_out(directory, "test", meta["testUsers"])

    def held_out(self, directory, name, n):
        u, c, r = read_csv(os.path.join(directory, name + "_tr.csv"))
        fed = dense(u, c, r, n, self.width)
        u, c, r = read_csv(os.path.join(directory, name + "_te.csv"))
        hidden = dense(u, c, r, n, self.width)
        return (fed >= RELEVANT).astype(np.float32), fed > 0, hidden >= RELEVANT


def init_linear(layer):
    """Glorot-uniform weights, truncated-normal biases (std 0.001), as vae_cf; seeded by torch.manual_seed."""
    torch.nn.init.xavier_uniform_(layer.weight)
    torch.nn.init.trunc_normal_(layer.bias, std=0.001, a=-0.002, b=0.002)
    return layer


class MultDAE(torch.nn.Module):
    def __init__(self, width, hidden):
        super().__init__()
        self.encoder = init_linear(torch.nn.Linear(width, hidden))
        self.decoder = init_linear(torch.nn.Linear(hidden, width))

    def forward(self, x, keep=1.0):
        h = F.dropout(F.normalize(x, dim=1), p=1 - keep, training=keep < 1)
        return self.decoder(torch.tanh(self.encoder(h))), torch.zeros((), device=x.device)

    def weights(self):
        return [self.encoder.weight, self.decoder.weight]


class MultVAE(torch.nn.Module):
    def __init__(self, width, hidden, coding):
        super().__init__()
        self.coding = coding
        self.q1 = init_linear(torch.nn.Linear(width, hidden))
        self.q2 = init_linear(torch.nn.Linear(hidden, 2 * coding))
        self.p1 = init_linear(torch.nn.Linear(coding, hidden))
        self.p2 = init_linear(torch.nn.Linear(hidden, width))

    def forward(self, x, keep=1.0):
        h = F.dropout(F.normalize(x, dim=1), p=1 - keep, training=keep < 1)
        heads = self.q2(torch.tanh(self.q1(h)))
        mu, logvar = heads[:, :self.coding], heads[:, self.coding:]
        kl = torch.mean(torch.sum(0.5 * (-logvar + torch.exp(logvar) + mu ** 2 - 1), dim=1))
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar) if keep < 1 else mu
        return self.p2(torch.tanh(self.p1(z))), kl

    def weights(self):
        return [self.q1.weight, self.q2.weight, self.p1.weight, self.p2.weight]


def metrics(model, part, seen, batch=2000):
    inputs, fed, relevant = part
    ndcg, r20, r50 = [], [], []
    discount = 1.0 / np.log2(np.arange(2, 102))
    model.eval()
    with torch.no_grad():
        for start in range(0, inputs.shape[0], batch):
            x = torch.from_numpy(inputs[start:start + batch])
            scores = model(x)[0].numpy()
            scores[fed[start:start + batch]] = -np.inf
            scores[:, ~seen] = -np.inf
            top = np.argsort(-scores, axis=1)[:, :100]
            for i in range(top.shape[0]):
                rel = relevant[start + i]
                n = int(rel.sum())
                if n == 0:
                    continue
                hits = rel[top[i]]
                ndcg.append(float((hits * discount).sum() / discount[:min(100, n)].sum()))
                r20.append(float(hits[:20].sum() / min(20, n)))
                r50.append(float(hits[:50].sum() / min(50, n)))
    model.train()
    return {"ndcg100": float(np.mean(ndcg)), "recall20": float(np.mean(r20)), "recall50": float(np.mean(r50)),
            "users": len(ndcg)}


def run(kind, split, args):
    torch.manual_seed(args.seed)
    width = split.width
    if kind == "dae":
        model, lam = MultDAE(width, 200), (0.01 / args.batch if args.lam is None else args.lam)
    else:
        model, lam = MultVAE(width, 600, 200), 0.0
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    n = split.train.shape[0]
    batches = (n + args.batch - 1) // args.batch
    anneal_steps = args.anneal_steps or max(1, round(args.epochs * batches * 200_000 / 46_800))
    rng = np.random.default_rng(args.seed)
    best, best_state, best_epoch, updates, seconds, with_validation = -1.0, None, 0, 0, [], []
    for epoch in range(1, args.epochs + 1):
        started = time.perf_counter()
        order = rng.permutation(n)
        for b in range(batches):
            x = torch.from_numpy(split.train[order[b * args.batch:(b + 1) * args.batch]])
            beta = min(args.beta_cap, updates / anneal_steps)
            logits, kl = model(x, keep=0.5)
            neg_ll = -torch.mean(torch.sum(F.log_softmax(logits, dim=1) * x, dim=1))
            penalty = lam * sum(torch.sum(w ** 2) for w in model.weights())
            loss = neg_ll + beta * kl + penalty
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            updates += 1
        seconds.append(time.perf_counter() - started)
        validation = metrics(model, split.validation, split.seen)
        with_validation.append(time.perf_counter() - started)
        if validation["ndcg100"] > best:
            best, best_epoch = validation["ndcg100"], epoch
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        if args.verbose:
            print(json.dumps({"model": "mult-" + kind, "epoch": epoch, "loss": float(loss),
                              "beta": beta if kind == "vae" else None,
                              "validationNdcg100": validation["ndcg100"], "seconds": seconds[-1]}), flush=True)
    model.load_state_dict(best_state)
    test = metrics(model, split.test, split.seen)
    return {"model": "mult-" + kind, "engine": "pytorch " + torch.__version__, "threads": torch.get_num_threads(),
            "epochs": args.epochs, "bestEpoch": best_epoch, "validationNdcg100": best,
            "ndcg100": test["ndcg100"], "recall20": test["recall20"], "recall50": test["recall50"],
            "testUsers": test["users"], "epochSeconds": float(np.mean(seconds)),
            "epochSecondsWithValidation": float(np.mean(with_validation)), "batch": args.batch, "lam": lam, "annealSteps": anneal_steps,
            "split": split.meta}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split")
    parser.add_argument("--models", default="dae,vae")
    parser.add_argument("--epochs", type=int, default=200)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--anneal-steps", type=int, default=0)
    parser.add_argument("--beta-cap", type=float, default=0.2)
    parser.add_argument("--lam", type=float, default=None,
                        help="Mult-DAE's weight penalty (loss + lam * sum w^2); default vae_cf's 0.01 / batch")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--seed", type=int, default=98765)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    split = Split(args.split)
    for kind in args.models.split(","):
        if kind not in ("dae", "vae"):
            parser.error("unknown model " + kind + ", expected dae or vae")
        print(json.dumps(run(kind, split, args)), flush=True)


if __name__ == "__main__":
    main()
