"""What a user-based AutoRec (Sedhain et al. 2015) can reach on ml-latest-small in strong generalisation, beside
the bias baseline, in PyTorch on the split Encore writes (bench/ExportSplit.java), so that variants Encore's spec
cannot express yet are tried before anything is built (issue 11: "AutoRec's RMSE on hidden ratings below the bias
baseline's").

Each held-out user is folded in from 80% of their ratings; RMSE is over the other 20%, per user, then averaged over
users (Encore's Rmse). The bias baseline is Encore's (global mean + user and movie biases, lambda 10 and 25, the
held-out user's bias from the fed-in ratings), which this script reproduces to the fourth decimal on seed 4.
Variants: the paper's (rating / 5 in, masked squared error on rated cells, 500 sigmoid, identity out, L2); with input
dropout (denoising: dropped ratings are still targets); with the row centred on the user's mean rating (added back
at the output); and learning the bias baseline's residuals. Predictions are clipped to 0.5..5 stars.

  /usr/bin/python3 bench/autorec_probe.py SPLIT_DIR [EPOCHS=60]
One JSON line per variant and evaluation point on stdout.
"""
import json
import sys

import numpy as np
import torch

WIDTH_KEY = "width"


def read(directory, name, width):
    data = np.loadtxt(f"{directory}/{name}.csv", delimiter=",", skiprows=1, ndmin=2)
    users, columns, ratings = data[:, 0].astype(int), data[:, 1].astype(int), data[:, 2].astype(np.float32)
    matrix = np.zeros((users.max() + 1, width), np.float32)
    matrix[users, columns] = ratings
    return matrix


def user_rmse(predicted, hidden):
    errors = []
    for u in range(hidden.shape[0]):
        rated = hidden[u] > 0
        if rated.any():
            errors.append(np.sqrt(((predicted[u][rated] - hidden[u][rated]) ** 2).mean()))
    return float(np.mean(errors))


class Bias:
    """Encore's bias baseline: alternating regularised means (lambda user 10, movie 25)."""

    def __init__(self, train):
        rated = train > 0
        self.mu = train[rated].mean()
        user = np.zeros(train.shape[0])
        self.movie = np.zeros(train.shape[1])
        for _ in range(10):
            self.movie = ((train - self.mu - user[:, None]) * rated).sum(0) / (25 + rated.sum(0))
            user = ((train - self.mu - self.movie[None, :]) * rated).sum(1) / (10 + rated.sum(1))

    def predict(self, fed_in):
        rated = fed_in > 0
        user = ((fed_in - self.mu - self.movie[None, :]) * rated).sum(1) / (10 + rated.sum(1))
        return np.clip(self.mu + user[:, None] + self.movie[None, :], 0.5, 5)


def encode(rows, variant, bias):
    """The network's input and the offset added back to its output (both in stars)."""
    rated = rows > 0
    if variant == "residual":
        offset = bias.predict(rows)
    elif variant == "centred":
        mean = (rows * rated).sum(1) / np.maximum(rated.sum(1), 1)
        offset = mean[:, None] * np.ones((1, rows.shape[1]))
    else:
        offset = np.zeros_like(rows)
    return np.where(rated, (rows - offset) / 5, 0).astype(np.float32), offset


def autorec(split, bias, variant, dropout, l2, epochs, batch=256, hidden=500):
    torch.manual_seed(0)
    inputs, _ = encode(split["train"], variant, bias)
    inputs = torch.tensor(inputs)
    mask = torch.tensor((split["train"] > 0).astype(np.float32))
    width = inputs.shape[1]
    net = torch.nn.Sequential(torch.nn.Linear(width, hidden), torch.nn.Sigmoid(), torch.nn.Linear(hidden, width))
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
    for epoch in range(1, epochs + 1):
        net.train()
        order = torch.randperm(inputs.shape[0])
        for start in range(0, inputs.shape[0], batch):
            rows = order[start:start + batch]
            x, m = inputs[rows], mask[rows]
            fed = x * (torch.rand_like(x) >= dropout).float() / (1 - dropout) if dropout > 0 else x
            penalty = sum((p ** 2).sum() for name, p in net.named_parameters() if "weight" in name)
            loss = (((net(fed) - x) ** 2) * m).sum() / x.shape[0] + l2 * penalty
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        if epoch % 10 == 0 or epoch == epochs:
            net.eval()
            result = {"variant": variant, "dropout": dropout, "l2": l2, "epoch": epoch}
            with torch.no_grad():
                for part in ("validation", "test"):
                    x, offset = encode(split[part + "_tr"], variant, bias)
                    predicted = np.clip(net(torch.tensor(x)).numpy() * 5 + offset, 0.5, 5)
                    result[part + "_rmse"] = round(user_rmse(predicted, split[part + "_te"]), 4)
            print(json.dumps(result), flush=True)


def main():
    directory = sys.argv[1]
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    torch.set_num_threads(1)
    width = json.load(open(f"{directory}/split.json"))[WIDTH_KEY]
    split = {name: read(directory, name, width) for name in
             ("train", "validation_tr", "validation_te", "test_tr", "test_te")}
    bias = Bias(split["train"])
    print(json.dumps({"variant": "bias baseline",
                      "validation_rmse": round(user_rmse(bias.predict(split["validation_tr"]), split["validation_te"]), 4),
                      "test_rmse": round(user_rmse(bias.predict(split["test_tr"]), split["test_te"]), 4)}), flush=True)
    for variant, dropout, l2 in (("paper", 0.0, 1e-3), ("paper", 0.5, 1e-3), ("centred", 0.0, 1e-3),
                                 ("centred", 0.5, 1e-3), ("centred", 0.0, 1e-1), ("residual", 0.0, 1e-2)):
        autorec(split, bias, variant, dropout, l2, epochs)


if __name__ == "__main__":
    main()
