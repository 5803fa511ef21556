#!/usr/bin/env python3
"""The bedside query of `dxkit posttest --sign closed-fist-percussion=positive
--sign supine-sign=positive` done with numpy/scipy/statsmodels: the Langdon
tables, each sign's LR with statsmodels' log interval, the independence
product and its log interval, 20,000 Jeffreys Monte Carlo draws, the Fréchet
range and the gate. Prints the same headline numbers as DxKit."""
import math

import numpy as np
from scipy.stats import norm
from statsmodels.stats.proportion import confint_proportions_2indep

SIGNS = [(42, 3, 6, 27), (39, 2, 9, 28)]
import sys

PRETEST, LEVEL = 48 / 78, 0.95
DRAWS = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000

z = norm.ppf(1 - (1 - LEVEL) / 2)
odds = PRETEST / (1 - PRETEST)
product, variance = 1.0, 0.0
for tp, fp, fn, tn in SIGNS:
    low, high = confint_proportions_2indep(tp, tp + fn, fp, fp + tn, compare="ratio", method="log", alpha=1 - LEVEL)
    product *= (tp / (tp + fn)) / (fp / (fp + tn))
    variance += 1 / tp - 1 / (tp + fn) + 1 / fp - 1 / (fp + tn)
post = odds * product / (1 + odds * product)
half = z * math.sqrt(variance)
post_low = odds * product * math.exp(-half) / (1 + odds * product * math.exp(-half))
post_high = odds * product * math.exp(half) / (1 + odds * product * math.exp(half))

rng = np.random.default_rng(20100163)
m, f = [], []
for tp, fp, fn, tn in SIGNS:
    m.append(rng.beta(tp + 0.5, fn + 0.5, DRAWS))
    f.append(1 - rng.beta(tn + 0.5, fp + 0.5, DRAWS))
lr = m[0] * m[1] / (f[0] * f[1])
mc = odds * lr / (1 + odds * lr)
low_d = np.maximum(0, m[0] + m[1] - 1); low_n = np.maximum(0, f[0] + f[1] - 1)
lowest = odds * (low_d / np.minimum(f[0], f[1])) / (1 + odds * (low_d / np.minimum(f[0], f[1])))
with np.errstate(divide="ignore", invalid="ignore"):
    upper_lr = np.where(low_n > 0, np.minimum(m[0], m[1]) / low_n, np.inf)
    highest = np.where(np.isinf(upper_lr), 1.0, odds * upper_lr / (1 + odds * upper_lr))
gate = (np.quantile(lowest, 0.025), np.quantile(highest, 0.975))
klass = "acute" if gate[0] >= 0.8 else "chronic" if gate[1] <= 0.2 else "indeterminate"
print(f"post-test {post:.4f} ({post_low:.4f}-{post_high:.4f}); MC {np.quantile(mc, 0.025):.4f}-{np.quantile(mc, 0.975):.4f}; "
      f"gate {gate[0]:.4f}-{gate[1]:.4f} {klass}")
