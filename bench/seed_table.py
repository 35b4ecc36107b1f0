"""The README's table of the field's autoencoders: reads one `encore evaluate --seed S --json` output per seed and
prints, per model, the mean over the seeds of NDCG@100, Recall@20, Recall@50 and RMSE (rating predictors only) with
each seed's value, and the best of each column in bold.

Usage: python3 bench/seed_table.py SEED1.json SEED2.json ...
Made by: for S in 1 2 3; do ./encore evaluate --data ../shared/movielens/ml-latest-small \
    --models model1,model2,model3,model4,mult-dae,mult-vae,autorec,cdae --baselines popular,bias,ease \
    --seed $S --json > seed$S.json; done
"""
import json
import statistics
import sys

COLUMNS = [("ndcg100", "NDCG@100", max), ("recall20", "Recall@20", max), ("recall50", "Recall@50", max),
           ("rmse", "RMSE (stars)", min)]


def base(name):
    # EASE's row is named with its lambda, which each seed chooses on its own validation users
    return "ease" if name.startswith("ease") else name


def main():
    runs = [json.load(open(path)) for path in sys.argv[1:]]
    seeds = [run["seed"] for run in runs]
    names, rows = [], {}
    for run in runs:
        for row in run["rows"]:
            name = base(row["name"])
            if name not in rows:
                names.append(name)
                rows[name] = []
            rows[name].append(row)
    means = {}
    for name in names:
        for key, _, _ in COLUMNS:
            values = [r.get(key) for r in rows[name]]
            means[(name, key)] = statistics.mean(values) if values and None not in values else None
    best = {}
    for key, _, pick in COLUMNS:
        present = [means[(n, key)] for n in names if means[(n, key)] is not None]
        best[key] = pick(present) if present else None
    seed_list = ", ".join(str(s) for s in seeds)
    print("| model | " + " | ".join("%s, mean (seeds %s)" % (label, seed_list) for _, label, _ in COLUMNS) + " |")
    print("|---|" + "---|" * len(COLUMNS))
    for name in names:
        cells = []
        for key, _, _ in COLUMNS:
            mean = means[(name, key)]
            if mean is None:
                cells.append("–")
                continue
            text = "%.3f (%s)" % (mean, ", ".join("%.3f" % r[key] for r in rows[name]))
            cells.append("**%s**" % text if mean == best[key] else text)
        label = name
        if name == "ease":
            label = "ease (λ " + ", ".join(r["name"][len("ease(l="):-1] for r in rows[name]) + ")"
        print("| %s | %s |" % (label, " | ".join(cells)))
    print()
    print("Test users per seed: %s; epochs: each preset's own." % ", ".join(str(run["split"]["testUsers"]) for run in runs))


if __name__ == "__main__":
    main()
