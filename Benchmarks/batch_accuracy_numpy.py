#!/usr/bin/env python3
"""The same work as `dxkit accuracy --input tables.csv` as a vectorised
numpy/pandas pipeline: read the CSV, compute sensitivity, specificity, PPV,
NPV, prevalence and accuracy with Wilson intervals, LR+ and LR− with the log
(Simel) interval, the DOR (Woolf, +0.5 with zeros) and Youden's J (Wald),
and write a CSV with the input columns and every estimate and limit.

Zero cells are not given DxKit's Koopman fallback here (that has no
vectorised form); such limits are left empty. Usage:
    batch_accuracy_numpy.py tables.csv > out.csv
"""
import sys

import numpy as np
import pandas as pd
from scipy.stats import norm

z = norm.ppf(0.975)
frame = pd.read_csv(sys.argv[1])
tp, fp, fn, tn = (frame[c].to_numpy(dtype=float) for c in ("tp", "fp", "fn", "tn"))
out = {}


def wilson(name, x, n):
    with np.errstate(divide="ignore", invalid="ignore"):
        p = x / n
        denominator = 1 + z * z / n
        centre = (p + z * z / (2 * n)) / denominator
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    out[name], out[name + "_lower"], out[name + "_upper"] = p, np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


def log_ratio(name, x1, n1, x2, n2):
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (x1 / n1) / (x2 / n2)
        se = np.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2)
        bad = (x1 == 0) | (x2 == 0)
        out[name] = np.where(np.isfinite(ratio), ratio, np.nan)
        out[name + "_lower"] = np.where(bad, np.nan, ratio * np.exp(-z * se))
        out[name + "_upper"] = np.where(bad, np.nan, ratio * np.exp(z * se))


n1, n0, total = tp + fn, fp + tn, tp + fp + fn + tn
wilson("sensitivity", tp, n1)
wilson("specificity", tn, n0)
wilson("ppv", tp, tp + fp)
wilson("npv", tn, fn + tn)
wilson("prevalence", n1, total)
wilson("accuracy", tp + tn, total)
log_ratio("lrPositive", tp, n1, fp, n0)
log_ratio("lrNegative", fn, n1, tn, n0)
zero = (tp == 0) | (fp == 0) | (fn == 0) | (tn == 0)
a, b, c, d = (np.where(zero, v + 0.5, v) for v in (tp, fp, fn, tn))
dor = a * d / (b * c)
se = np.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
out["diagnosticOddsRatio"], out["diagnosticOddsRatio_lower"], out["diagnosticOddsRatio_upper"] = dor, dor * np.exp(-z * se), dor * np.exp(z * se)
with np.errstate(divide="ignore", invalid="ignore"):
    se_, sp_ = tp / n1, tn / n0
    j = se_ + sp_ - 1
    sd = np.sqrt(se_ * (1 - se_) / n1 + sp_ * (1 - sp_) / n0)
out["youden"], out["youden_lower"], out["youden_upper"] = j, np.clip(j - z * sd, -1, 1), np.clip(j + z * sd, -1, 1)
result = pd.concat([frame, pd.DataFrame(out)], axis=1)
result.to_csv(sys.stdout, index=False)  # shortest round-trip repr, like DxKit
