#!/usr/bin/env python3
"""Cross-check the two generated fixture files against each other.

R (epiR, prop.test, binom.test) and Python (statsmodels, scipy) are separate
implementations; wherever both cover the same quantity they must agree.
Exits non-zero on disagreement.  Usage (from the repository root):
    python3 scripts/reference/crosscheck.py
"""

import json
import sys
from collections import defaultdict
from pathlib import Path

FIX = Path(__file__).resolve().parent.parent.parent / "Tests" / "DxStatsTests" / "Fixtures"
R = json.loads((FIX / "epir.json").read_text())
P = json.loads((FIX / "statsmodels.json").read_text())

RTOL = {"wilson": 1e-12, "wilson-cc": 1e-12, "clopper-pearson": 1e-9, "jeffreys": 1e-9, "log": 1e-12}
ATOL = 1e-15  # epiR's Wilson lower bound at x = 0 is -2.8e-17 rather than 0

stats = defaultdict(lambda: [0, 0.0])  # key -> [count, max rel diff]
failures = []


def close(a, b, method):
    d = abs(a - b)
    scale = max(abs(a), abs(b))
    rel = d / scale if scale else 0.0
    return (d <= ATOL or rel <= RTOL[method]), (0.0 if d <= ATOL else rel)


def compare(key, method, ref_a, ref_b, what):
    for bound in ("lower", "upper"):
        ok, rel = close(ref_a[bound], ref_b[bound], method)
        s = stats[key]
        s[0] += 1
        s[1] = max(s[1], rel)
        if not ok:
            failures.append(f"{what} {bound}: {ref_a[bound]!r} vs {ref_b[bound]!r}")


# 1. single proportions present in both files
py = defaultdict(list)
for e in P["proportions"]:
    py[(e["x"], e["n"], e["level"], e["method"])].append(e)
for e in R["proportions"]:
    for o in py.get((e["x"], e["n"], e["level"], e["method"]), []):
        compare(f"proportion {e['method']}: {e['source'].split(' ', 2)[-1]} vs {o['source']}", e["method"], e, o,
                f"{e['x']}/{e['n']} level={e['level']} {e['method']} [{e['source']} vs {o['source']}]")

# 2. epiR table measures vs statsmodels single proportions (same x, n, level, method)
xn = {
    "sensitivity": lambda t: (t["tp"], t["tp"] + t["fn"]),
    "specificity": lambda t: (t["tn"], t["fp"] + t["tn"]),
    "ppv": lambda t: (t["tp"], t["tp"] + t["fp"]),
    "npv": lambda t: (t["tn"], t["fn"] + t["tn"]),
}
for t in R["tables"]:
    for m, f in xn.items():
        if m not in t["measures"]:
            continue
        x, n = f(t)
        for o in py.get((x, n, t["level"], t["method"]), []):
            if not o["source"].startswith("statsmodels"):
                continue
            compare(f"epiR table {m} ({t['method']}) vs {o['source']}", t["method"], t["measures"][m], o,
                    f"table {t['tp']}/{t['fp']}/{t['fn']}/{t['tn']} {m} level={t['level']} {t['method']}")

# 3. epiR LR+/LR- (Katz log) vs statsmodels method=log
logs = {(e["x1"], e["n1"], e["x2"], e["n2"], e["level"]): e for e in P["ratios"] if e["method"] == "log"}
for t in R["tables"]:
    tp, fp, fn, tn = t["tp"], t["fp"], t["fn"], t["tn"]
    for m, args in (("lrPositive", (tp, tp + fn, fp, fp + tn)), ("lrNegative", (fn, tp + fn, tn, fp + tn))):
        o = logs.get(args + (t["level"],))
        if m in t["measures"] and o is not None:
            compare(f"epiR {m} vs statsmodels log", "log", t["measures"][m], o,
                    f"table {tp}/{fp}/{fn}/{tn} {m} level={t['level']} ({t['method']} run)")

for k in sorted(stats):
    n, rel = stats[k]
    print(f"{n:5d} bounds  max rel diff {rel:.2e}  {k}")
if failures:
    print(f"{len(failures)} DISAGREEMENTS:", *failures[:50], sep="\n  ", file=sys.stderr)
    sys.exit(1)
print("crosscheck OK")
