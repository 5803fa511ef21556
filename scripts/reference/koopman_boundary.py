#!/usr/bin/env python3
"""Plain Koopman (1984) score intervals for a ratio of two binomial proportions,
solved with scipy's brentq, for the boundary cases that statsmodels'
confint_proportions_2indep(method='score', compare='ratio') answers
degenerately (a proportion equal to 1) and for zero counts.

An independent implementation of the formula in statistics.md §3.3, written
for the fixtures only; DxKit's Swift code is not consulted.

Writes Tests/DxStatsTests/Fixtures/koopman-boundary.json.
"""
import json
import math
import pathlib
import platform

import numpy
import scipy
from scipy.optimize import brentq
from scipy.stats import chi2


def score(phi, x1, n1, x2, n2):
    big_n, big_x = n1 + n2, x1 + x2
    a = phi * big_n
    b = phi * (n1 + x2) + x1 + n2
    p2 = (b - math.sqrt(max(0.0, b * b - 4 * a * big_x))) / (2 * a)
    p1 = phi * p2

    def term(x, n, p):
        variance = n * p * (1 - p)
        return 0.0 if variance == 0 else (x - n * p) ** 2 / variance

    return term(x1, n1, p1) + term(x2, n2, p2)


def root(f, inside, direction):
    """Walk from `inside` (f < 0) on the log scale until f > 0, then brentq."""
    step = 0.25
    outside = inside + direction * step
    while f(outside) <= 0:
        inside, step = outside, step * 2
        outside = inside + direction * step
    low, high = sorted((inside, outside))
    return brentq(f, low, high, xtol=1e-15, rtol=4 * numpy.finfo(float).eps, maxiter=500)


def koopman(x1, n1, x2, n2, level):
    critical = chi2.ppf(level, 1)
    f = lambda t: score(math.exp(t), x1, n1, x2, n2) - critical
    # A point inside the acceptance region: the ratio with 1/2 added to each count.
    inside = math.log(((x1 + 0.5) / (n1 + 1)) / ((x2 + 0.5) / (n2 + 1)))
    if x1 > 0 and x2 > 0:
        inside = math.log((x1 / n1) / (x2 / n2))
    while f(inside) >= 0:  # one-sided regions: walk toward the open end
        inside += 0.25 if x2 == 0 else -0.25
    lower = 0.0 if x1 == 0 else math.exp(root(f, inside, -1))
    upper = None if x2 == 0 else math.exp(root(f, inside, +1))
    estimate = None if x2 == 0 else (x1 / n1) / (x2 / n2)
    return estimate, lower, upper


CASES = [
    (20, 20, 5, 50),   # V7 LR+ (Se = 1)
    (0, 20, 45, 50),   # V7 LR− (FN = 0)
    (48, 48, 3, 30), (5, 5, 1, 10), (3, 10, 10, 10), (10, 10, 10, 10),
    (10, 10, 0, 10), (1, 1, 0, 1), (0, 10, 3, 10), (7, 12, 0, 30), (0, 30, 12, 12),
    (42, 48, 0, 30), (6, 48, 30, 30),
]

cases = []
for x1, n1, x2, n2 in CASES:
    for level in (0.9, 0.95, 0.99):
        estimate, lower, upper = koopman(x1, n1, x2, n2, level)
        cases.append({
            "source": f"scipy {scipy.__version__} brentq on Koopman's U (scripts/reference/koopman_boundary.py)",
            "x1": x1, "n1": n1, "x2": x2, "n2": n2, "level": level, "method": "koopman",
            "estimate": estimate, "lower": lower, "upper": upper,
        })

output = {
    "generator": "scripts/reference/koopman_boundary.py",
    "versions": {"python": platform.python_version(), "scipy": scipy.__version__, "numpy": numpy.__version__},
    "ratios": cases,
}
path = pathlib.Path(__file__).resolve().parents[2] / "Tests/DxStatsTests/Fixtures/koopman-boundary.json"
path.write_text(json.dumps(output, indent=1) + "\n")
print(f"wrote {len(cases)} cases to {path}")
