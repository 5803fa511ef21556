#!/usr/bin/env python3
"""Reference values for combining two signs (issue 4), computed independently
with numpy/scipy/statsmodels from the formulas in statistics.md §3.7 and the
definitions in CombinedPostTest's documentation; DxKit's code is not consulted.

For the Langdon signs (closed-fist percussion 42/3/6/27, supine 39/2/9/28) and
each result pattern, at several pretest probabilities:
- independence: LR = LR1 * LR2, post-test probability, and the log interval of
  the product (Var = sum of Simel variances) carried through the odds transform;
- Fréchet bounds of the joint LR and the post-test range at the point estimates;
- Monte Carlo with numpy's PCG64 (a different generator from DxKit's MT19937):
  Se ~ Beta(TP + 1/2, FN + 1/2), Sp ~ Beta(TN + 1/2, FP + 1/2) per sign;
  reference quantiles from 2,000,000 draws, and the standard deviation of a
  20,000-draw estimate from 200 replicates (the tolerance DxKit's tests use);
- the gate interval: quantiles of the lowest and highest post-test
  probability the Fréchet bounds allow per draw;
- a correlation model (rho = 0.3 with and 0.2 without the condition);
- a pretest Beta(48.5, 30.5) uncertainty;
- the DTComPair Paired1 joint LR with the log (Katz) interval from statsmodels.

Writes Tests/DxStatsTests/Fixtures/combination.json.
"""
import json
import math
import pathlib
import platform

import numpy as np
import scipy
import statsmodels
from scipy.stats import norm
from statsmodels.stats.proportion import confint_proportions_2indep

SIGNS = {"closed-fist-percussion": (42, 3, 6, 27), "supine-sign": (39, 2, 9, 28)}
PATTERNS = [("positive", "positive"), ("positive", "negative"), ("negative", "positive"), ("negative", "negative")]
LEVEL = 0.95
REFERENCE_DRAWS = 2_000_000
DXKIT_DRAWS = 20_000
REPLICATES = 200


def margins(table, result, se=None, sp=None):
    tp, fp, fn, tn = table
    se = tp / (tp + fn) if se is None else se
    sp = tn / (tn + fp) if sp is None else sp
    return (se, 1 - sp) if result == "positive" else (1 - se, sp)


def transform(pretest, lr):
    lr = np.asarray(lr, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        odds = pretest / (1 - pretest) * lr if np.ndim(pretest) == 0 else pretest * lr / (1 - pretest)
        out = np.where(np.isinf(lr), 1.0, odds / (1 + odds))
    return out


def frechet(m, f):
    k = len(m)
    d_low, d_high = max(0.0, sum(m) - (k - 1)), min(m)
    n_low, n_high = max(0.0, sum(f) - (k - 1)), min(f)
    lower = 0.0 if d_low == 0 else (d_low / n_high if n_high > 0 else math.inf)
    upper = 0.0 if d_high == 0 else (d_high / n_low if n_low > 0 else math.inf)
    return lower, upper


def frechet_vectorised(ms, fs):
    k = len(ms)
    d_low = np.maximum(0.0, sum(ms) - (k - 1)); d_high = np.minimum.reduce(ms)
    n_low = np.maximum(0.0, sum(fs) - (k - 1)); n_high = np.minimum.reduce(fs)
    with np.errstate(divide="ignore", invalid="ignore"):
        lower = np.where(d_low == 0, 0.0, d_low / n_high)
        upper = np.where(d_high == 0, 0.0, np.where(n_low == 0, np.inf, d_high / n_low))
    return lower, upper


def draw_margins(rng, n, table, result):
    tp, fp, fn, tn = table
    se = rng.beta(tp + 0.5, fn + 0.5, n)
    sp = rng.beta(tn + 0.5, fp + 0.5, n)
    return (se, 1 - sp) if result == "positive" else (1 - se, sp)


def simulate(rng, n, results, pretest, pretest_beta=None, correlation=None):
    ms, fs, ses, sps = [], [], [], []
    for (name, table), result in zip(SIGNS.items(), results):
        tp, fp, fn, tn = table
        se = rng.beta(tp + 0.5, fn + 0.5, n)
        sp = rng.beta(tn + 0.5, fp + 0.5, n)
        ses.append(se); sps.append(sp)
        ms.append(se if result == "positive" else 1 - se)
        fs.append(1 - sp if result == "positive" else sp)
    p = rng.beta(*pretest_beta, n) if pretest_beta else pretest
    if correlation:
        rho_d, rho_n = correlation
        cov_d = rho_d * np.sqrt(ses[0] * (1 - ses[0]) * ses[1] * (1 - ses[1]))
        cov_n = rho_n * np.sqrt(sps[0] * (1 - sps[0]) * sps[1] * (1 - sps[1]))
        lo_d = np.maximum(-(1 - ses[0]) * (1 - ses[1]), -ses[0] * ses[1]); hi_d = np.minimum(ses[0] * (1 - ses[1]), ses[1] * (1 - ses[0]))
        lo_n = np.maximum(-(1 - sps[0]) * (1 - sps[1]), -sps[0] * sps[1]); hi_n = np.minimum(sps[0] * (1 - sps[1]), sps[1] * (1 - sps[0]))
        cov_d = np.clip(cov_d, lo_d, hi_d); cov_n = np.clip(cov_n, lo_n, hi_n)
        sign = 1.0 if results[0] == results[1] else -1.0
        joint_d = np.maximum(0, ms[0] * ms[1] + sign * cov_d)
        joint_n = np.maximum(0, fs[0] * fs[1] + sign * cov_n)
        with np.errstate(divide="ignore"):
            lr = np.where(joint_n > 0, joint_d / joint_n, np.inf)
        return transform(p, lr), None, None
    lr = (ms[0] * ms[1]) / (fs[0] * fs[1])
    low, high = frechet_vectorised(ms, fs)
    return transform(p, lr), transform(p, low), transform(p, high)


def quantiles(values):
    return float(np.quantile(values, (1 - LEVEL) / 2)), float(np.quantile(values, 1 - (1 - LEVEL) / 2))


def monte_carlo_reference(seed, results, pretest, **kwargs):
    rng = np.random.default_rng(seed)
    model, lowest, highest = simulate(rng, REFERENCE_DRAWS, results, pretest, **kwargs)
    out = {"monteCarlo": quantiles(model)}
    if lowest is not None:
        out["gate"] = (float(np.quantile(lowest, (1 - LEVEL) / 2)), float(np.quantile(highest, 1 - (1 - LEVEL) / 2)))
    # Spread of a DXKIT_DRAWS-draw estimate.
    spreads = {"monteCarlo": [], "gate": []}
    rng = np.random.default_rng(seed + 1)
    for _ in range(REPLICATES):
        model, lowest, highest = simulate(rng, DXKIT_DRAWS, results, pretest, **kwargs)
        spreads["monteCarlo"].append(quantiles(model))
        if lowest is not None:
            spreads["gate"].append((np.quantile(lowest, (1 - LEVEL) / 2), np.quantile(highest, 1 - (1 - LEVEL) / 2)))
    out["monteCarloStandardDeviation"] = [float(v) for v in np.std(np.array(spreads["monteCarlo"]), axis=0, ddof=1)]
    if spreads["gate"]:
        out["gateStandardDeviation"] = [float(v) for v in np.std(np.array(spreads["gate"]), axis=0, ddof=1)]
    return out


z = norm.ppf(1 - (1 - LEVEL) / 2)
cases = []
seed = 2024
for results in PATTERNS:
    for pretest in (0.3, 48 / 78):
        lrs, variance = [], 0.0
        ms, fs = [], []
        for (name, table), result in zip(SIGNS.items(), results):
            m, f = margins(table, result)
            ms.append(m); fs.append(f)
            lrs.append(m / f)
            tp, fp, fn, tn = table
            x1, x2 = (tp, fp) if result == "positive" else (fn, tn)
            variance += 1 / x1 - 1 / (tp + fn) + 1 / x2 - 1 / (fp + tn)
        lr = lrs[0] * lrs[1]
        half = z * math.sqrt(variance)
        lr_low, lr_high = frechet(ms, fs)
        case = {
            "source": f"numpy {np.__version__} / scipy {scipy.__version__} (scripts/reference/combination_numpy.py)",
            "results": list(results), "pretest": pretest, "level": LEVEL,
            "likelihoodRatio": lr, "likelihoodRatioLower": lr * math.exp(-half), "likelihoodRatioUpper": lr * math.exp(half),
            "posttest": float(transform(pretest, lr)),
            "posttestLower": float(transform(pretest, lr * math.exp(-half))),
            "posttestUpper": float(transform(pretest, lr * math.exp(half))),
            "frechetLikelihoodRatio": [lr_low, None if math.isinf(lr_high) else lr_high],
            "frechetPosttest": [float(transform(pretest, lr_low)), float(transform(pretest, lr_high))],
        }
        seed += 10
        case.update(monte_carlo_reference(seed, results, pretest))
        cases.append(case)

# A stated correlation and an uncertain pretest, both signs positive.
seed += 10
correlated = {"source": "numpy correlation model rho = (0.3, 0.2)", "results": ["positive", "negative"], "pretest": 48 / 78,
              "level": LEVEL, "correlation": [0.3, 0.2]}
correlated.update(monte_carlo_reference(seed, ("positive", "negative"), 48 / 78, correlation=(0.3, 0.2)))
se1, se2, sp1, sp2 = 42 / 48, 39 / 48, 27 / 30, 28 / 30
cov_d = 0.3 * math.sqrt(se1 * (1 - se1) * se2 * (1 - se2)); cov_n = 0.2 * math.sqrt(sp1 * (1 - sp1) * sp2 * (1 - sp2))
correlated["modelLikelihoodRatio"] = (se1 * (1 - se2) - cov_d) / ((1 - sp1) * sp2 - cov_n)
seed += 10
uncertain = {"source": "numpy pretest Beta(48.5, 30.5)", "results": ["positive", "positive"], "pretest": 48 / 78,
             "level": LEVEL, "pretestBeta": [48.5, 30.5]}
uncertain.update(monte_carlo_reference(seed, ("positive", "positive"), 48 / 78, pretest_beta=(48.5, 30.5)))

# DTComPair Paired1 (validation V2): joint LR of ++ and of +- with statsmodels' log (Katz) ratio interval.
paired = []
diseased = {"++": 319, "+-": 78, "-+": 22, "--": 32}
healthy = {"++": 31, "+-": 53, "-+": 22, "--": 155}
for pattern in diseased:
    x1, n1, x2, n2 = diseased[pattern], sum(diseased.values()), healthy[pattern], sum(healthy.values())
    low, high = confint_proportions_2indep(x1, n1, x2, n2, method="log", compare="ratio", alpha=1 - LEVEL)
    paired.append({"pattern": pattern, "estimate": (x1 / n1) / (x2 / n2), "lower": float(low), "upper": float(high),
                   "source": f"statsmodels {statsmodels.__version__} confint_proportions_2indep(method='log', compare='ratio')"})

output = {
    "generator": "scripts/reference/combination_numpy.py",
    "versions": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
                 "statsmodels": statsmodels.__version__},
    "referenceDraws": REFERENCE_DRAWS, "dxkitDraws": DXKIT_DRAWS, "replicates": REPLICATES,
    "cases": cases, "correlated": correlated, "uncertainPretest": uncertain, "paired": paired,
}
path = pathlib.Path(__file__).resolve().parents[2] / "Tests/DxStatsTests/Fixtures/combination.json"
path.write_text(json.dumps(output, indent=1) + "\n")
print(f"wrote {len(cases)} cases to {path}")
