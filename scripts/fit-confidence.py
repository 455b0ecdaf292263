#!/usr/bin/env python3
"""Fits search's confidence model (`Confidence` in src/search/mod.rs) on the dev split.

Input: a dump of how search saw each dev query, written by the integration test
`dump_diagnoses_named_in_the_environment`:

    SEARCH_DUMP=/tmp/dev.tsv \
    SEARCH_EVAL=data/search/dev/en.tsv,data/search/dev/zh.tsv,data/search/dev/oos-en.tsv,data/search/dev/oos-zh.tsv,heldout-en.tsv,heldout-zh.tsv \
        cargo test --test integration dump_diagnoses
    scripts/fit-confidence.py /tmp/dev.tsv [--floor heldout-en.tsv=93.0 --floor heldout-zh.tsv=89.0]

Never give it tests/fixtures/search/own-heldout/ or heldout-v2/: those measure the result.

The model: a logistic regression of "the best guide is the right answer" (1 for an in-scope
query whose best guide is the expected one; 0 for a wrong best guide and for every query no
guide covers) on four numbers: P(none of these), the unknown share, the best guide's
nearest-phrase similarity and its lead over the second. Each set (a file's in-scope rows, a
file's out-of-scope rows) weighs the same in total; a mild ridge (C = 10 on weights averaging
1) keeps the slopes stable. Then the decision point is moved up from the fitted one (bias +
shift, in steps of 0.1) until every in-scope file loses under one point of top-1 to "none of
these", and (with `--floor FILE=PERCENT`, the floors of tests/integration/search.rs) until each
such file's top-1 is at least its floor: the most rejections that keep top-1. It prints the
coefficients for `Tuning::default` and the figures per file.

On the 21-guide catalog this method gives bias -0.85, none -6.79, unknown -6.86, similarity
4.91, margin 1.06 and a shift of 1.8, against the -0.9742, -6.5221, -7.3651, 4.9728, 1.0834
and 2.0 recorded then (their script was not kept).

Plain Python (no numpy): Newton's method on five parameters.
"""

import math
import sys
from collections import defaultdict

FEATURES = ("none", "unknown", "similarity", "margin")
# A ridge on the four slopes (not the bias): 1/C.
RIDGE = 0.1
# How much top-1 (points, in each in-scope file) the decision point may cost.
TOP1_LOSS = 1.0


def read(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 8:
                    continue
                file, expected, query = cols[0], cols[1], cols[2]
                none, unknown, _prob, similarity = (float(c) for c in cols[3:7])
                ranked = [(cols[i], float(cols[i + 1])) for i in range(8, len(cols) - 1, 2)]
                best = ranked[0] if ranked else None
                margin = best[1] - ranked[1][1] if len(ranked) > 1 else (best[1] if best else 0.0)
                rows.append(
                    {
                        "file": file,
                        "expected": expected,
                        "query": query,
                        "x": (none, unknown, similarity, margin),
                        "in_scope": expected != "-",
                        "right": expected != "-" and best is not None and best[0] == expected,
                        "best": best[0] if best else None,
                        "ranked": [r[0] for r in ranked],
                    }
                )
    return rows


def weights(rows):
    """Each set (file, in scope or not) the same total; the weights average 1."""
    count = defaultdict(int)
    for r in rows:
        count[(r["file"], r["in_scope"])] += 1
    scale = len(rows) / len(count)
    return [scale / count[(r["file"], r["in_scope"])] for r in rows]


def solve(a, b):
    """Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(rows, w):
    beta = [0.0] * (1 + len(FEATURES))
    for _ in range(50):
        grad = [0.0] * len(beta)
        hess = [[0.0] * len(beta) for _ in beta]
        for r, wi in zip(rows, w):
            x = (1.0,) + r["x"]
            z = sum(b * xi for b, xi in zip(beta, x))
            p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
            y = 1.0 if r["right"] else 0.0
            for i in range(len(beta)):
                grad[i] += wi * (p - y) * x[i]
                for j in range(len(beta)):
                    hess[i][j] += wi * p * (1 - p) * x[i] * x[j]
        for i in range(1, len(beta)):
            grad[i] += RIDGE * beta[i]
            hess[i][i] += RIDGE
        step = solve(hess, grad)
        beta = [b - s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-9:
            break
    return beta


def confident(beta, shift, r):
    if r["best"] is None:
        return False
    z = beta[0] + shift + sum(b * xi for b, xi in zip(beta[1:], r["x"]))
    return z >= 0.0


def measure(rows, beta, shift):
    """Per file: top-1 without and with rejection (in scope), rejection (out of scope)."""
    out = {}
    for file in sorted({r["file"] for r in rows}):
        mine = [r for r in rows if r["file"] == file]
        ins = [r for r in mine if r["in_scope"]]
        oos = [r for r in mine if not r["in_scope"]]
        top1 = sum(r["best"] == r["expected"] for r in ins)
        kept = sum(r["best"] == r["expected"] and confident(beta, shift, r) for r in ins)
        rejected = sum(not confident(beta, shift, r) for r in oos)
        out[file] = (len(ins), top1, kept, len(oos), rejected)
    return out


def pooled(measured):
    """The largest top-1 loss of an in-scope file, in points, and the mean rejection of the
    out-of-scope sets, in percent."""
    loss = [100.0 * (t - k) / n for n, t, k, _, _ in measured.values() if n]
    rej = [100.0 * j / o for _, _, _, o, j in measured.values() if o]
    return max(loss), sum(rej) / len(rej)


def below_floor(measured, floors):
    return any(
        n and 100.0 * kept / n < floor
        for file, (n, _, kept, _, _) in measured.items()
        for name, floor in floors.items()
        if file == name or file.endswith("/" + name)
    )


def main():
    args = sys.argv[1:]
    floors = {}
    while "--floor" in args:
        at = args.index("--floor")
        name, value = args[at + 1].split("=")
        floors[name] = float(value)
        del args[at : at + 2]
    rows = read(args)
    beta = fit(rows, weights(rows))
    print("fitted: bias {:+.4f}, ".format(beta[0])
          + ", ".join(f"{n} {b:+.4f}" for n, b in zip(FEATURES, beta[1:])))
    shift = 0.0
    while shift < 10:
        measured = measure(rows, beta, shift)
        if pooled(measured)[0] < TOP1_LOSS and not below_floor(measured, floors):
            break
        shift = round(shift + 0.1, 1)
    shift = round(shift, 1)
    print(f"decision point: bias {beta[0]:.4f} + {shift:.1f}")
    for s in sorted({0.0, shift - 0.2, shift - 0.1, shift, shift + 0.1, shift + 0.2}):
        loss, rej = pooled(measure(rows, beta, s))
        print(f"  shift {s:+.1f}: most top-1 lost {loss:.2f} points, out of scope rejected {rej:.1f}%")
    print(f"{'file':<28} {'in':>5} {'top-1':>7} {'kept':>7} {'oos':>5} {'rejected':>9}")
    for file, (n, top1, kept, o, rej) in measure(rows, beta, shift).items():
        t1 = f"{100 * top1 / n:.1f}%" if n else "-"
        k = f"{100 * kept / n:.1f}%" if n else "-"
        rj = f"{100 * rej / o:.1f}%" if o else "-"
        print(f"{file:<28} {n:>5} {t1:>7} {k:>7} {o:>5} {rj:>9}")


if __name__ == "__main__":
    main()
