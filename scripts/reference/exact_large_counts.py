#!/usr/bin/env python3
"""Reference Clopper-Pearson and Jeffreys limits for large counts (n up to
4,000,000: a 2x2 table with cells up to 10^6 has a total up to 4*10^6) and
small ones, from scipy.stats.beta (Boost's ibeta_inv), checked against
R's qbeta (an implementation independent of Boost) on every limit (1e-10) before
writing, and against mpmath at 40 digits for the limits with n <= 2,000 (1e-13).

- Clopper-Pearson: L = beta.ppf(alpha/2, x, n - x + 1) (0 at x = 0),
  U = beta.isf(alpha/2, x + 1, n - x) (1 at x = n).
- Jeffreys with Brown, Cai & DasGupta's boundary fix: beta.ppf(alpha/2, x + 1/2,
  n - x + 1/2) and beta.isf(alpha/2, x + 1/2, n - x + 1/2), with L = 0 at x = 0 and
  U = 1 at x = n (statsmodels omits the fix; DxKit applies it).

Writes Tests/DxStatsTests/Fixtures/exact-large-counts.json in the format of
statsmodels.json ("proportions"). Deterministic (fixed seed).
Usage: python3 scripts/reference/exact_large_counts.py
"""
import json
import pathlib
import platform
import subprocess

import mpmath
import numpy as np
import scipy
from scipy.stats import beta

root = pathlib.Path(__file__).resolve().parents[2]
output = root / "Tests" / "DxStatsTests" / "Fixtures" / "exact-large-counts.json"

LEVELS = [0.95, 0.9, 0.99]


def cases():
    pairs = set()
    for n in [1_000, 10_000, 100_000, 1_000_000, 2_000_000, 4_000_000]:
        for x in [0, 1, 2, 10, n // 1000, n // 10, n // 3, n // 2, n - n // 10, n - 10, n - 2, n - 1, n]:
            pairs.add((x, n))
    for n in [1, 2, 5, 20, 48, 78, 399, 400, 799]:
        for x in sorted({0, 1, n // 2, n - 1, n}):
            if 0 <= x <= n:
                pairs.add((x, n))
    generator = np.random.default_rng(16)
    for _ in range(300):
        n = int(np.floor(np.exp(generator.uniform(0, np.log(4_000_000)))))
        x = int(generator.integers(0, n + 1))
        pairs.add((x, n))
    return sorted(pairs)


def limits(method, x, n, level):
    alpha = 1 - level
    if method == "clopper-pearson":
        lower = 0.0 if x == 0 else float(beta.ppf(alpha / 2, x, n - x + 1))
        upper = 1.0 if x == n else float(beta.isf(alpha / 2, x + 1, n - x))
    else:
        lower = 0.0 if x == 0 else float(beta.ppf(alpha / 2, x + 0.5, n - x + 0.5))
        upper = 1.0 if x == n else float(beta.isf(alpha / 2, x + 0.5, n - x + 0.5))
    return lower, upper


def mpmath_quantile(tail, a, b, guess):
    """The x with I_x(a, b) = tail, by mpmath at 40 digits (an independent check of scipy)."""
    mpmath.mp.dps = 40
    function = lambda p: mpmath.betainc(a, b, 0, p, regularized=True) - tail
    guess = mpmath.mpf(guess)
    width = guess * mpmath.mpf("1e-9")
    bracket = (guess - width, min(guess + width, (1 + guess) / 2))
    return float(mpmath.findroot(function, bracket, solver="illinois"))


def shapes(record, which):
    x, n, method = record["x"], record["n"], record["method"]
    if method == "jeffreys":
        return x + 0.5, n - x + 0.5
    return (x, n - x + 1) if which == "lower" else (x + 1, n - x)


def check_with_r(records):
    """Every limit against R's qbeta(alpha/2, a, b, lower.tail = TRUE/FALSE), to 1e-10 relative (the tests
    ask 1e-9; scipy and R differ by up to about 2e-12 at shapes near 10^6, where both are within 2e-12 of
    a 50-digit binomial-sum root)."""
    rows = []
    for record in records:
        alpha = 1 - record["level"]
        if record["x"] > 0:
            rows.append((alpha / 2, *shapes(record, "lower"), "TRUE", record["lower"]))
        if record["x"] < record["n"]:
            rows.append((alpha / 2, *shapes(record, "upper"), "FALSE", record["upper"]))
    table = "\n".join(f"{p!r},{a!r},{b!r},{tail}" for p, a, b, tail, _ in rows)
    code = ("d <- read.csv(file('stdin'), header = FALSE); "
            "q <- mapply(function(p, a, b, t) qbeta(p, a, b, lower.tail = t), d$V1, d$V2, d$V3, d$V4); "
            "writeLines(sprintf('%.17g', q))")
    completed = subprocess.run(["Rscript", "-e", code], input=table, capture_output=True, text=True, check=True)
    values = [float(line) for line in completed.stdout.split()]
    assert len(values) == len(rows)
    worst = 0.0
    for (p, a, b, tail, scipy_value), r_value in zip(rows, values):
        difference = abs(r_value - scipy_value) / scipy_value
        worst = max(worst, difference)
        assert difference <= 1e-10, (p, a, b, tail, scipy_value, r_value)
    return len(rows), worst


def main():
    records = []
    for x, n in cases():
        for level in LEVELS:
            for method in ["clopper-pearson", "jeffreys"]:
                lower, upper = limits(method, x, n, level)
                records.append({
                    "source": f"scipy {scipy.__version__} beta.ppf/isf {method}",
                    "x": x, "n": n, "level": level, "method": method,
                    "estimate": x / n, "lower": lower, "upper": upper,
                })
    # Independent checks of scipy: R's qbeta on every limit, mpmath on the small ones.
    r_checked, r_worst = check_with_r(records)
    checked = 0
    for record in records:
        if record["n"] > 2_000 or record["level"] != 0.95:
            continue
        alpha = 1 - record["level"]
        if record["x"] > 0:
            exact = mpmath_quantile(mpmath.mpf(alpha) / 2, *shapes(record, "lower"), record["lower"])
            assert abs(exact - record["lower"]) <= 1e-13 * exact, (record, exact)
            checked += 1
        if record["x"] < record["n"]:
            exact = mpmath_quantile(1 - mpmath.mpf(alpha) / 2, *shapes(record, "upper"), record["upper"])
            assert abs(exact - record["upper"]) <= 1e-13 * exact, (record, exact)
            checked += 1
    document = {
        "generator": "scripts/reference/exact_large_counts.py",
        "versions": {"python": platform.python_version(), "scipy": scipy.__version__, "numpy": np.__version__,
                     "mpmath": mpmath.__version__, "R": subprocess.run(["Rscript", "-e", "cat(R.version.string)"],
                                                                        capture_output=True, text=True).stdout},
        "proportions": records,
    }
    output.write_text(json.dumps(document, indent=1) + "\n")
    print(f"wrote {len(records)} intervals to {output.relative_to(root)}; {r_checked} limits agree with R's qbeta "
          f"(largest relative difference {r_worst:.1e}), {checked} with mpmath to 1e-13")


if __name__ == "__main__":
    main()
