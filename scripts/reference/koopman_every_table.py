#!/usr/bin/env python3
"""Koopman (1984) score intervals for the likelihood ratios of every 2x2 table
in a grid (every arm size 1, 2, 3, 5, 8 and every count in it), plus tables
with a proportion of 1 next to a tiny other arm and counts up to 10^9: the
tables where a naive root search fails (issue 13: TP 100, FP 1, FN 1, TN 0).

An independent implementation of statistics.md's formula, written for the
fixtures only (DxKit's Swift code is not consulted): U(phi) is evaluated in
50-digit arithmetic (mpmath), so the constrained estimate p2~, a near-double
root of its quadratic where a proportion is 1, is exact to double precision;
the roots of U(phi) = chi2_{1,1-alpha} on ln(phi) are then found with scipy's
brentq after bracketing outwards from the maximum-likelihood ratio.

Writes Tests/DxStatsTests/Fixtures/koopman-every-table.json (the "ratios"
shape of the other fixtures: x1/n1 over x2/n2, as LR+ = (TP/n1)/(FP/n0)).
"""
import json
import math
import pathlib
import platform

import mpmath
import numpy
import scipy
from scipy.optimize import brentq
from scipy.stats import chi2

mpmath.mp.dps = 50


def score(log_phi, x1, n1, x2, n2):
    """Koopman's U(phi) in 50-digit arithmetic, returned as a float."""
    phi = mpmath.exp(mpmath.mpf(log_phi))
    x1, n1, x2, n2 = (mpmath.mpf(v) for v in (x1, n1, x2, n2))
    big_n, big_x = n1 + n2, x1 + x2
    a = phi * big_n
    b = phi * (n1 + x2) + x1 + n2
    discriminant = b * b - 4 * a * big_x
    if discriminant < 0:
        discriminant = mpmath.mpf(0)
    p2 = (b - mpmath.sqrt(discriminant)) / (2 * a)
    p1 = phi * p2

    def term(x, n, p):
        variance = n * p * (1 - p)
        if variance == 0:
            return mpmath.mpf(0) if x == n * p else mpmath.inf
        return (x - n * p) ** 2 / variance

    return float(term(x1, n1, p1) + term(x2, n2, p2))


def koopman(x1, n1, x2, n2, level):
    critical = chi2.ppf(level, 1)
    f = lambda t: score(t, x1, n1, x2, n2) - critical
    # A point inside the acceptance region: the maximum-likelihood ratio when
    # both counts are positive, else walk toward the open end.
    if x1 > 0 and x2 > 0:
        inside = math.log((x1 / n1) / (x2 / n2))
    else:
        inside = math.log(((x1 + 0.5) / (n1 + 1)) / ((x2 + 0.5) / (n2 + 1)))
        while f(inside) >= 0:
            inside += 0.5 if x2 == 0 else -0.5
    assert f(inside) < 0, (x1, n1, x2, n2)

    def root(direction):
        step, near = 0.25, inside
        far = near + direction * step
        while f(far) <= 0:
            near, step = far, step * 2
            far = near + direction * step
        low, high = sorted((near, far))
        return brentq(f, low, high, xtol=1e-15, rtol=4 * numpy.finfo(float).eps, maxiter=500)

    lower = 0.0 if x1 == 0 else math.exp(root(-1))
    upper = None if x2 == 0 else math.exp(root(+1))
    estimate = None if x2 == 0 else (x1 / n1) / (x2 / n2)
    return estimate, lower, upper


def grid():
    sizes = (1, 2, 3, 5, 8)
    for n1 in sizes:
        for n2 in sizes:
            for x1 in range(n1 + 1):
                for x2 in range(n2 + 1):
                    if x1 == 0 and x2 == 0:
                        continue
                    yield x1, n1, x2, n2, 0.95


EXTREME = [
    (100, 101, 1, 1), (1, 101, 0, 1),                   # issue 13: TP 100, FP 1, FN 1, TN 0 (LR+ and LR-)
    (10**9, 10**9 + 1, 1, 1), (1, 10**9 + 1, 0, 1),     # the same at 10^9
    (1, 1, 10**9, 10**9 + 1), (1, 2, 10**9, 10**9),     # a proportion of 1 beside a huge arm
    (10**9, 2 * 10**9, 10**9, 2 * 10**9),               # 10^9 in every cell
    (1, 10**9 + 1, 10**9, 10**9 + 1),
    (999, 1000, 1, 2), (50, 50, 1, 1), (1, 1, 1, 1000), (7, 7, 3, 3),
]


cases = []
for x1, n1, x2, n2, level in list(grid()) + [(*case, level) for case in EXTREME for level in (0.9, 0.95, 0.99)]:
    estimate, lower, upper = koopman(x1, n1, x2, n2, level)
    cases.append({
        "source": f"scipy {scipy.__version__} brentq on Koopman's U in mpmath {mpmath.__version__} (scripts/reference/koopman_every_table.py)",
        "x1": x1, "n1": n1, "x2": x2, "n2": n2, "level": level, "method": "koopman",
        "estimate": estimate, "lower": lower, "upper": upper,
    })

output = {
    "generator": "scripts/reference/koopman_every_table.py",
    "versions": {"python": platform.python_version(), "scipy": scipy.__version__, "numpy": numpy.__version__,
                 "mpmath": mpmath.__version__},
    "ratios": cases,
}
path = pathlib.Path(__file__).resolve().parents[2] / "Tests/DxStatsTests/Fixtures/koopman-every-table.json"
path.write_text(json.dumps(output, indent=1) + "\n")
print(f"wrote {len(cases)} cases to {path}")
