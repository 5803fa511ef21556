#!/usr/bin/env python3
"""Independent reference values for DxKit from statsmodels and scipy.

Usage (from the repository root):
    python3 scripts/reference/statsmodels_fixtures.py
Reads  scripts/reference/cases.json
Writes Tests/DxStatsTests/Fixtures/statsmodels.json
       scripts/reference/exclusions_statsmodels.txt

Nothing here is copied from DxKit: every interval is produced by the
statsmodels / scipy calls below.  The only arithmetic done here is the
point estimate x/n of a single proportion.
"""

import json
import math
import platform
import sys
import warnings
from pathlib import Path

import numpy
import scipy
import statsmodels
import statsmodels.stats.proportion as smp
from scipy.optimize import brentq
from scipy.stats import binomtest
from scipy.stats.contingency import relative_risk

SCRIPT_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPT_DIR.parent.parent
OUT_PATH = REPO_ROOT / "Tests" / "DxStatsTests" / "Fixtures" / "statsmodels.json"
EXCL_PATH = SCRIPT_DIR / "exclusions_statsmodels.txt"

CASES = json.loads((SCRIPT_DIR / "cases.json").read_text())

VERSIONS = {
    "python": platform.python_version(),
    "statsmodels": statsmodels.__version__,
    "scipy": scipy.__version__,
    "numpy": numpy.__version__,
}
SM = f"statsmodels {statsmodels.__version__}"
SP = f"scipy {scipy.__version__}"

warnings.simplefilter("ignore", RuntimeWarning)

exclusions = []


def fl(v):
    """Plain Python float (json.dumps then uses repr = shortest round-trip)."""
    return float(v)


# --------------------------------------------------------------- proportions

class _NoClipNumpy:
    """Proxy for numpy whose clip() is the identity.

    statsmodels' proportion_confint clips normal / agresti_coull / wilson
    intervals to [0, 1] as its very last step (np.clip).  Swapping this proxy
    in for the module's `np` while calling it yields statsmodels' own
    unclipped numbers (used for rawLower / rawUpper and the `clipped` flag).
    """

    def __getattr__(self, name):
        return getattr(numpy, name)

    @staticmethod
    def clip(a, a_min, a_max, *args, **kwargs):
        return a


def sm_confint(x, n, level, method, clip=True):
    if clip:
        lo, up = smp.proportion_confint(x, n, alpha=1 - level, method=method)
    else:
        saved = smp.np
        smp.np = _NoClipNumpy()
        try:
            lo, up = smp.proportion_confint(x, n, alpha=1 - level, method=method)
        finally:
            smp.np = saved
    return fl(lo), fl(up)


def jeffreys_fix(entry, x, n):
    """Brown-Cai-DasGupta boundary rule (DxKit convention).

    statsmodels/epiR return the plain equal-tailed Beta(x+1/2, n-x+1/2)
    quantiles; DxKit sets lower = 0 at x = 0 and upper = 1 at x = n.
    The untouched reference values are kept as rawLower / rawUpper.
    """
    if x == 0:
        entry["rawLower"] = entry["lower"]
        entry["lower"] = 0.0
    if x == n:
        entry["rawUpper"] = entry["upper"]
        entry["upper"] = 1.0
    return entry


def proportion_entries(x, n, level, methods):
    """methods: subset of the keys of PROP_METHODS."""
    out = []
    for m in methods:
        source, dx_method, fn = PROP_METHODS[m]
        e = {"source": source, "x": x, "n": n, "level": level, "method": dx_method,
             "estimate": x / n}
        e.update(fn(x, n, level))
        vals = [v for k, v in e.items() if k in ("lower", "upper", "rawLower", "rawUpper")]
        if not all(math.isfinite(v) for v in vals):
            exclusions.append(f"proportion {x}/{n} level={level} {source}: non-finite {vals}, skipped")
            continue
        out.append(e)
    return out


def _sm_plain(method):
    def f(x, n, level):
        lo, up = sm_confint(x, n, level, method)
        return {"lower": lo, "upper": up}
    return f


def _sm_jeffreys(x, n, level):
    lo, up = sm_confint(x, n, level, "jeffreys")
    return jeffreys_fix({"lower": lo, "upper": up}, x, n)


def _sm_clipping(method):
    def f(x, n, level):
        lo, up = sm_confint(x, n, level, method)
        rlo, rup = sm_confint(x, n, level, method, clip=False)
        clipped = rlo < 0.0 or rup > 1.0
        # consistency of the no-clip trick: inside [0,1] both runs must agree exactly
        assert (rlo < 0.0) or rlo == lo, (x, n, level, method, lo, rlo)
        assert (rup > 1.0) or rup == up, (x, n, level, method, up, rup)
        return {"lower": lo, "upper": up, "rawLower": rlo, "rawUpper": rup, "clipped": clipped}
    return f


def _sp(method):
    def f(x, n, level):
        ci = binomtest(x, n).proportion_ci(confidence_level=level, method=method)
        return {"lower": fl(ci.low), "upper": fl(ci.high)}
    return f


PROP_METHODS = {
    "sm_wilson": (f"{SM} proportion_confint wilson", "wilson", _sm_plain("wilson")),
    "sm_beta": (f"{SM} proportion_confint beta", "clopper-pearson", _sm_plain("beta")),
    "sm_jeffreys": (f"{SM} proportion_confint jeffreys", "jeffreys", _sm_jeffreys),
    "sm_ac": (f"{SM} proportion_confint agresti_coull", "agresti-coull", _sm_clipping("agresti_coull")),
    "sm_normal": (f"{SM} proportion_confint normal", "wald", _sm_clipping("normal")),
    "sp_wilson": (f"{SP} binomtest.proportion_ci wilson", "wilson", _sp("wilson")),
    "sp_exact": (f"{SP} binomtest.proportion_ci exact", "clopper-pearson", _sp("exact")),
    "sp_wilsoncc": (f"{SP} binomtest.proportion_ci wilsoncc", "wilson-cc", _sp("wilsoncc")),
}

# -------------------------------------------------------------------- ratios


def score_pvalue(x1, n1, x2, n2, value):
    r = smp.test_proportions_2indep(x1, n1, x2, n2, value=value, compare="ratio",
                                    method="score", correction=False,
                                    alternative="two-sided")
    return fl(r.pvalue)


def ratio_estimate(x1, n1, x2, n2):
    if x2 == 0:
        return math.inf if x1 > 0 else math.nan
    return fl(relative_risk(x1, n1, x2, n2).relative_risk)


KOOPMAN_RTOL = 1e-10
koopman_accuracy = {"n": 0, "maxrel": 0.0}


def koopman_entry(x1, n1, x2, n2, level, label):
    """Koopman score interval via statsmodels (correction=False), validated.

    statsmodels solves Nam's cubic with numpy.roots and picks two roots; when a
    proportion equals 1 it can pick the wrong roots (degenerate or complex
    intervals).  Each finite bound is therefore verified independently by
    statsmodels' score *test* (test_proportions_2indep, correction=False): at a
    correct Koopman bound the two-sided p-value equals alpha.
    """
    alpha = 1 - level
    tag = f"ratio {label} ({x1}/{n1})/({x2}/{n2}) level={level} koopman"
    if x1 == 0 and x2 == 0:
        exclusions.append(f"{tag}: 0/0 ratio, statsmodels returns NaN; skipped")
        return None
    lo, up = smp.confint_proportions_2indep(x1, n1, x2, n2, compare="ratio", method="score",
                                            correction=False, alpha=alpha)
    for b in (lo, up):
        if numpy.iscomplexobj(b) and abs(numpy.imag(b)) > 1e-12 * max(1.0, abs(numpy.real(b))):
            exclusions.append(f"{tag}: statsmodels returned complex bounds ({lo}, {up}); degenerate, excluded")
            return None
    lo, up = fl(numpy.real(lo)), fl(numpy.real(up))
    est = ratio_estimate(x1, n1, x2, n2)
    entry = {"source": f"{SM} confint_proportions_2indep compare=ratio method=score correction=False",
             "x1": x1, "n1": n1, "x2": x2, "n2": n2, "level": level, "method": "koopman",
             "estimate": est if math.isfinite(est) else None}
    problems = []
    # lower bound
    if x1 == 0:
        if not (math.isfinite(lo) and abs(lo) <= 1e-9 * max(1.0, abs(up) if math.isfinite(up) else 1.0)):
            problems.append(f"x1=0 but lower={lo!r} (expected 0)")
        entry["lower"] = 0.0
        entry["rawLower"] = lo
    else:
        p = score_pvalue(x1, n1, x2, n2, lo) if math.isfinite(lo) and lo > 0 else math.nan
        if not (math.isfinite(p) and abs(p - alpha) <= 1e-6 * alpha):
            problems.append(f"lower={lo!r} score-test p={p!r} != alpha={alpha!r}")
        entry["lower"] = lo
    # upper bound
    if x2 == 0:
        if math.isfinite(up):
            problems.append(f"x2=0 but upper={up!r} (expected inf)")
        entry["upper"] = None
    else:
        p = score_pvalue(x1, n1, x2, n2, up) if math.isfinite(up) and up > 0 else math.nan
        if not (math.isfinite(p) and abs(p - alpha) <= 1e-6 * alpha):
            problems.append(f"upper={up!r} score-test p={p!r} != alpha={alpha!r}")
        entry["upper"] = up
    # accuracy: statsmodels takes the bounds from numpy.roots on Nam's cubic, which is
    # ill-conditioned near the boundaries (errors up to ~4e-8 relative were seen).  Re-solve
    # "score-test p-value == alpha" with scipy.optimize.brentq next to each finite bound and
    # drop the case if statsmodels' bound is off by more than KOOPMAN_RTOL.
    if not problems:
        for name, b in (("lower", entry["lower"]), ("upper", entry["upper"])):
            if b is None or b == 0.0:
                continue
            try:
                r = brentq(lambda v: score_pvalue(x1, n1, x2, n2, v) - alpha,
                           b * (1 - 1e-5), b * (1 + 1e-5), xtol=1e-16 * b, rtol=1e-15)
            except ValueError as ex:
                problems.append(f"{name}: could not re-solve score test near {b!r} ({ex})")
                continue
            koopman_accuracy["n"] += 1
            rel = abs(r - b) / b
            if rel > KOOPMAN_RTOL:
                problems.append(f"{name}={b!r} inaccurate: score-test inversion gives {r!r} "
                                f"(rel diff {rel:.2g} > {KOOPMAN_RTOL:g})")
            else:
                koopman_accuracy["maxrel"] = max(koopman_accuracy["maxrel"], rel)
    # ordering
    if not problems:
        u = math.inf if entry["upper"] is None else entry["upper"]
        if not (entry["lower"] <= est <= u):
            problems.append(f"estimate {est!r} not inside ({entry['lower']!r}, {u!r})")
    if problems:
        exclusions.append(f"{tag}: statsmodels gave ({lo!r}, {up!r}); " + "; ".join(problems) + "; excluded")
        return None
    return entry


log_crosscheck = {"n": 0, "maxrel": 0.0}


def log_entry(x1, n1, x2, n2, level, label):
    tag = f"ratio {label} ({x1}/{n1})/({x2}/{n2}) level={level} log"
    if min(x1, n1 - x1, x2, n2 - x2) == 0:
        exclusions.append(f"{tag}: zero cell, log (Katz) interval not generated")
        return None
    lo, up = smp.confint_proportions_2indep(x1, n1, x2, n2, compare="ratio", method="log",
                                            alpha=1 - level)
    lo, up = fl(lo), fl(up)
    est = ratio_estimate(x1, n1, x2, n2)
    if not all(math.isfinite(v) for v in (lo, up, est)):
        exclusions.append(f"{tag}: non-finite ({lo}, {up}); skipped")
        return None
    # cross-check against scipy's independent implementation of the same interval
    ci = relative_risk(x1, n1, x2, n2).confidence_interval(confidence_level=level)
    rel = max(abs(fl(ci.low) - lo) / lo, abs(fl(ci.high) - up) / up)
    log_crosscheck["n"] += 1
    log_crosscheck["maxrel"] = max(log_crosscheck["maxrel"], rel)
    assert rel < 1e-12, (tag, lo, up, ci)
    return {"source": f"{SM} confint_proportions_2indep compare=ratio method=log",
            "x1": x1, "n1": n1, "x2": x2, "n2": n2, "level": level, "method": "log",
            "estimate": est, "lower": lo, "upper": up}


def scipy_log_entry(x1, n1, x2, n2, level):
    r = relative_risk(x1, n1, x2, n2)
    ci = r.confidence_interval(confidence_level=level)
    return {"source": f"{SP} contingency.relative_risk confidence_interval",
            "x1": x1, "n1": n1, "x2": x2, "n2": n2, "level": level, "method": "log",
            "estimate": fl(r.relative_risk), "lower": fl(ci.low), "upper": fl(ci.high)}


def lr_args(t):
    tp, fp, fn, tn = t["tp"], t["fp"], t["fn"], t["tn"]
    return {"LR+": (tp, tp + fn, fp, fp + tn), "LR-": (fn, tp + fn, tn, fp + tn)}


# ------------------------------------------------------------- build fixtures

def table_pairs(t):
    tp, fp, fn, tn = t["tp"], t["fp"], t["fn"], t["tn"]
    return [(tp, tp + fn), (tn, fp + tn), (tp, tp + fp), (tn, fn + tn)]


def main():
    proportions, ratios = [], []
    counts = {}

    def add(lst, items, key):
        items = [i for i in items if i is not None]
        lst.extend(items)
        counts[key] = counts.get(key, 0) + len(items)

    # --- named proportions: every table's Se/Sp/PPV/NPV + Newcombe's list
    pairs = []
    for t in CASES["tables"]:
        for x, n in table_pairs(t):
            if n > 0 and (x, n) not in pairs:
                pairs.append((x, n))
    for x, n in CASES["proportions"]:
        if (x, n) not in pairs:
            pairs.append((x, n))
    for x, n in pairs:
        for level in CASES["proportionLevels"]:
            add(proportions, proportion_entries(x, n, level, list(PROP_METHODS)), "proportions (named)")

    # --- named ratios: LR+ / LR- of every table, plus scipy doc example
    for t in CASES["tables"]:
        for which, (x1, n1, x2, n2) in lr_args(t).items():
            label = f"{t['name']} {which}"
            for level in CASES["ratioLevels"]:
                add(ratios, [koopman_entry(x1, n1, x2, n2, level, label)], "ratios koopman (named)")
                add(ratios, [log_entry(x1, n1, x2, n2, level, label)], "ratios log (named)")
    for r in CASES["extraRatios"]:
        x1, n1, x2, n2 = r["x1"], r["n1"], r["x2"], r["n2"]
        for level in CASES["ratioLevels"]:
            add(ratios, [koopman_entry(x1, n1, x2, n2, level, r["name"])], "ratios koopman (named)")
            add(ratios, [log_entry(x1, n1, x2, n2, level, r["name"])], "ratios log (named)")
            add(ratios, [scipy_log_entry(x1, n1, x2, n2, level)], "ratios log scipy (named)")

    # --- seeded random sweep
    rc = CASES["random"]
    rng = numpy.random.default_rng(rc["seed"])
    hi = rc["maxCount"]
    random_tables = []
    while len(random_tables) < rc["count"]:
        # 20% of cells drawn from 0..3 so that zero / boundary cells are common
        cells = [int(rng.integers(0, 4)) if rng.random() < 0.2 else int(rng.integers(0, hi + 1))
                 for _ in range(4)]
        tp, fp, fn, tn = cells
        if min(tp + fn, fp + tn, tp + fp, fn + tn) == 0:
            continue  # every proportion needs n > 0 (also rules out the all-zero table)
        level = min(max(round(float(rng.uniform(0.5, 0.999)), 4), 0.5001), 0.9989)
        random_tables.append(({"name": f"random#{len(random_tables)}", "tp": tp, "fp": fp,
                               "fn": fn, "tn": tn}, level))
    for t, rlevel in random_tables:
        for level in (0.95, rlevel):
            for x, n in table_pairs(t):
                add(proportions, proportion_entries(x, n, level, ["sm_wilson", "sm_beta", "sm_jeffreys", "sp_wilsoncc"]),
                    "proportions (random)")
            for which, (x1, n1, x2, n2) in lr_args(t).items():
                label = f"{t['name']} {t['tp']}/{t['fp']}/{t['fn']}/{t['tn']} {which}"
                add(ratios, [koopman_entry(x1, n1, x2, n2, level, label)], "ratios koopman (random)")
                add(ratios, [log_entry(x1, n1, x2, n2, level, label)], "ratios log (random)")

    # --- check that correction=False really means "no N/(N-1) factor"
    a = (670, 744, 202, 842)
    nc = smp.confint_proportions_2indep(*a, compare="ratio", method="score", correction=False)
    wc = smp.confint_proportions_2indep(*a, compare="ratio", method="score", correction=True)
    p_nc = [score_pvalue(*a, fl(v)) for v in nc]
    assert fl(wc[0]) < fl(nc[0]) and fl(wc[1]) > fl(nc[1]), (nc, wc)
    assert all(abs(p - 0.05) < 1e-9 for p in p_nc), p_nc
    print(f"correction check V1 LR+: correction=False {tuple(map(fl, nc))} (uncorrected score-test p at bounds {p_nc}); "
          f"correction=True {tuple(map(fl, wc))} is wider -> no N/(N-1) factor with correction=False")

    # --- sanity checks against published values
    def find(lst, **kw):
        hits = [e for e in lst if all(e.get(k) == v for k, v in kw.items())]
        assert hits, kw
        return hits[0]

    checks = [
        ("V1 Se Wilson", find(proportions, x=670, n=744, level=0.95, method="wilson"), 0.8769319125, 0.9200284498, 10),
        ("V1 Se CP", find(proportions, x=670, n=744, level=0.95, method="clopper-pearson"), 0.8767461768, 0.9210922996, 10),
        ("V1 LR+ log", find(ratios, x1=670, n1=744, x2=202, n2=842, level=0.95, method="log"), 3.3206884355, 4.2432346488, 10),
        ("V1 LR+ Koopman", find(ratios, x1=670, n1=744, x2=202, n2=842, level=0.95, method="koopman"), 3.328172079, 4.251414458, 9),
        ("V7 LR- Koopman", find(ratios, x1=0, n1=20, x2=45, n2=50, level=0.95, method="koopman"), 0.0, 0.1792924388, 10),
    ]
    ok = True
    for name, e, plo, pup, dec in checks:
        tol = 0.5 * 10 ** -dec
        good = abs(e["lower"] - plo) <= tol and abs(e["upper"] - pup) <= tol
        ok &= good
        print(f"sanity {name}: {e['lower']!r} - {e['upper']!r} vs published {plo} - {pup}: {'MATCH' if good else 'MISMATCH'}")

    doc = {
        "generator": "scripts/reference/statsmodels_fixtures.py",
        "versions": VERSIONS,
        "proportions": proportions,
        "ratios": ratios,
        "tables": [],
    }
    with open(OUT_PATH, "w") as f:
        f.write("{\n")
        f.write(f'  "generator": {json.dumps(doc["generator"])},\n')
        f.write(f'  "versions": {json.dumps(VERSIONS)},\n')
        for key in ("proportions", "ratios"):
            f.write(f'  "{key}": [\n')
            f.write(",\n".join("    " + json.dumps(e, allow_nan=False) for e in doc[key]))
            f.write("\n  ],\n")
        f.write('  "tables": []\n}\n')
    json.loads(OUT_PATH.read_text())  # parses

    EXCL_PATH.write_text(
        f"# generated by statsmodels_fixtures.py ({json.dumps(VERSIONS)})\n" + "\n".join(exclusions) + "\n")

    print(f"wrote {OUT_PATH}")
    for k, v in counts.items():
        print(f"  {k}: {v}")
    print(f"  proportions total: {len(proportions)}, ratios total: {len(ratios)}")
    print(f"  log interval cross-check statsmodels vs scipy relative_risk: {log_crosscheck['n']} cases, "
          f"max rel diff {log_crosscheck['maxrel']:.3g}")
    print(f"  koopman bounds re-verified by score-test inversion: {koopman_accuracy['n']}, "
          f"max rel diff among kept {koopman_accuracy['maxrel']:.3g} (tolerance {KOOPMAN_RTOL:g})")
    print(f"  exclusions: {len(exclusions)} (see {EXCL_PATH})")
    if not ok:
        print("SANITY CHECK MISMATCH", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
