"""Compares Encore's Mult-DAE / Mult-VAE (an `encore evaluate --json-out` file) with the PyTorch peer's
(bench/mult_vae.py's JSON lines) trained on the same split: NDCG@100 / Recall@20 on the test users, whether the two
NDCG@100 are within one standard error (Encore's, over the test users), and the mean epoch time of each side
(training plus the per-epoch validation ranking both run to keep the best epoch).

Usage: python3 bench/mult_vae_compare.py ENCORE_JSON PYTORCH_JSONL
"""
import json
import sys


def main():
    encore = {row["name"]: row for row in json.load(open(sys.argv[1]))["rows"]}
    peers = [json.loads(line) for line in open(sys.argv[2]) if line.strip()]
    print("| model | Encore NDCG@100 ± SE | PyTorch NDCG@100 | difference / SE | Encore Recall@20 | PyTorch Recall@20 "
          "| Encore s/epoch | PyTorch s/epoch (training only) | PyTorch / Encore speed |")
    print("|---|---|---|---|---|---|---|---|---|")
    for peer in peers:
        mine = encore.get(peer["model"])
        if mine is None:
            print("| %s | (not in the Encore file) |" % peer["model"])
            continue
        epochs = peer["epochs"]
        encore_epoch = mine["fitSeconds"] / epochs
        torch_epoch = peer["epochSecondsWithValidation"]
        gap = abs(mine["ndcg100"] - peer["ndcg100"]) / mine["ndcg100Se"]
        print("| %s | %.3f ± %.3f | %.3f | %.2f (%s) | %.3f | %.3f | %.3f | %.3f (%.3f) | %.2fx |" % (
            peer["model"], mine["ndcg100"], mine["ndcg100Se"], peer["ndcg100"], gap,
            "within one SE" if gap <= 1 else "NOT within one SE", mine["recall20"], peer["recall20"],
            encore_epoch, torch_epoch, peer["epochSeconds"], torch_epoch / encore_epoch))
    print()
    print("Encore s/epoch = fitSeconds / epochs (its per-epoch validation metrics included); PyTorch s/epoch = training "
          "plus its validation ranking. Same split, %d test users, %d epochs, batch %s." % (
              peers[0]["testUsers"], peers[0]["epochs"], peers[0].get("batch")))


if __name__ == "__main__":
    main()
