#!/usr/bin/env python3
"""Closed-form measures that no installed reference package computes the way
statistics.md specifies, evaluated independently in Python (numpy/scipy) from
the formulas there; DxKit's Swift code is not consulted.

- Youden's J with the Wald SE sqrt(Se(1-Se)/n1 + Sp(1-Sp)/n0) (epibasix), clipped to [-1, 1].
- DOR with Woolf's interval; +0.5 to every cell when any cell is zero.
- LR with the log method after +0.5 to every cell (Stata `sf`, mada `correction`).
- Post-test probability with Mercaldo's standard logit interval (no zero in the
  cells the LR needs) and adjusted logit interval (always), p-hat estimate.

Writes Tests/DxStatsTests/Fixtures/closed-forms.json.
"""
import json
import math
import pathlib
import platform

import numpy
import scipy
from scipy.stats import norm

TABLES = [
    (42, 3, 6, 27), (39, 2, 9, 28), (670, 202, 74, 640), (397, 84, 54, 177), (40, 21, 11, 212),
    (20, 5, 0, 45), (48, 25, 3, 33), (342, 53, 3, 112), (96, 21, 10, 52), (5, 1, 0, 9), (3, 4, 2, 0),
    (0, 3, 5, 7), (1, 0, 0, 1), (12, 0, 4, 30), (7, 9, 7, 0),
]
LEVELS = (0.9, 0.95, 0.99)
PRETESTS = (0.05, 0.1, 0.3, 0.615, 0.9)


def expit(x):
    return 1 / (1 + math.exp(-x))


def logit(p):
    return math.log(p / (1 - p))


cases = []
source = f"numpy {numpy.__version__} / scipy {scipy.__version__} closed forms (scripts/reference/closed_forms.py)"
for tp, fp, fn, tn in TABLES:
    n1, n0 = tp + fn, fp + tn
    for level in LEVELS:
        z = norm.ppf(1 - (1 - level) / 2)
        base = {"source": source, "tp": tp, "fp": fp, "fn": fn, "tn": tn, "level": level}
        if n1 > 0 and n0 > 0:
            se, sp = tp / n1, tn / n0
            j = se + sp - 1
            sd = math.sqrt(se * (1 - se) / n1 + sp * (1 - sp) / n0)
            cases.append({**base, "measure": "youden", "estimate": j,
                          "lower": max(-1.0, j - z * sd), "upper": min(1.0, j + z * sd)})
            a, b, c, d = (float(v) for v in (tp, fp, fn, tn))
            if 0 in (tp, fp, fn, tn):
                a, b, c, d = a + 0.5, b + 0.5, c + 0.5, d + 0.5
            log_dor = math.log(a * d / (b * c))
            sd = math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
            cases.append({**base, "measure": "diagnosticOddsRatio", "estimate": a * d / (b * c),
                          "lower": math.exp(log_dor - z * sd), "upper": math.exp(log_dor + z * sd)})
            for name, x1, x2 in (("lrPositiveAddHalf", tp, fp), ("lrNegativeAddHalf", fn, tn)):
                if x1 == 0 or x2 == 0:
                    p1, p2 = (x1 + 0.5) / (n1 + 1), (x2 + 0.5) / (n0 + 1)
                    sd = math.sqrt(1 / (x1 + 0.5) - 1 / (n1 + 1) + 1 / (x2 + 0.5) - 1 / (n0 + 1))
                    cases.append({**base, "measure": name, "estimate": p1 / p2,
                                  "lower": p1 / p2 * math.exp(-z * sd), "upper": p1 / p2 * math.exp(z * sd)})
            for pretest in PRETESTS:
                for result in ("positive", "negative"):
                    x1, x2 = (tp, fp) if result == "positive" else (fn, tn)
                    # p-hat estimate: pretest odds times the unadjusted LR.
                    if x2 == 0:
                        estimate = None if x1 == 0 else 1.0
                    else:
                        odds = pretest / (1 - pretest) * (x1 / n1) / (x2 / n0)
                        estimate = odds / (1 + odds)
                    for adjusted in (False, True):
                        if not adjusted and (x1 == 0 or x2 == 0):
                            continue
                        shift = z * z if adjusted else 0.0
                        m1, m0 = n1 + shift, n0 + shift
                        s_e, s_p = (tp + shift / 2) / m1, (tn + shift / 2) / m0
                        if result == "positive":
                            log_lr = math.log(s_e / (1 - s_p))
                            var = (1 - s_e) / (m1 * s_e) + s_p / (m0 * (1 - s_p))
                        else:
                            log_lr = math.log((1 - s_e) / s_p)
                            var = s_e / (m1 * (1 - s_e)) + (1 - s_p) / (m0 * s_p)
                        centre = logit(pretest) + log_lr
                        cases.append({**base, "measure": "posttest", "pretest": pretest, "result": result,
                                      "method": "adjusted-logit" if adjusted else "logit", "estimate": estimate,
                                      "lower": expit(centre - z * math.sqrt(var)),
                                      "upper": expit(centre + z * math.sqrt(var))})

output = {
    "generator": "scripts/reference/closed_forms.py",
    "versions": {"python": platform.python_version(), "scipy": scipy.__version__, "numpy": numpy.__version__},
    "closedForms": cases,
}
path = pathlib.Path(__file__).resolve().parents[2] / "Tests/DxStatsTests/Fixtures/closed-forms.json"
path.write_text(json.dumps(output, indent=1) + "\n")
print(f"wrote {len(cases)} cases to {path}")
