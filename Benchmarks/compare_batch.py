#!/usr/bin/env python3
"""Batch benchmarks of issue 8, in one run on one machine, each tool as a
fresh process (wall time, peak resident memory):

1. 1,000,000 2x2 tables, every measure with Wilson and log-LR intervals, CSV in
   and CSV out: dxkit vs a vectorised numpy/pandas pipeline; R epiR epi.tests
   on the first 10,000 tables (one call per table), scaled to a million.
2. 1,000,000 tables with Clopper-Pearson intervals: dxkit vs vectorised
   scipy.stats.beta.ppf/isf.
3. Monte Carlo post-test interval with 1,000,000 draws: dxkit vs numpy.

Usage (after `swift build -c release --product dxkit --static-swift-stdlib`):
    python3 Benchmarks/compare_batch.py [--tables 1000000]
"""
import argparse
import os
import platform
import resource
import subprocess
import sys
import time

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
dxkit = os.path.join(root, ".build", "release", "dxkit")
os.environ.setdefault("TZ", "UTC")


def measure(command, output=os.devnull):
    code = ("import resource, subprocess, sys, time; start = time.perf_counter(); "
            "out = open(sys.argv[1], 'w'); subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL, check=True); "
            "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", code, output] + command, stdout=subprocess.PIPE, text=True, check=True)
    seconds, kib = result.stdout.split()
    return float(seconds), int(kib) / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tables", type=int, default=1_000_000)
    parser.add_argument("--work", default="/tmp/dxkit-bench")
    arguments = parser.parse_args()
    os.makedirs(arguments.work, exist_ok=True)
    tables = os.path.join(arguments.work, f"tables-{arguments.tables}.csv")
    if not os.path.exists(tables):
        rng = np.random.default_rng(1)
        cells = rng.integers(0, 200, (arguments.tables, 4))
        cells[cells.sum(1) == 0, 0] = 1
        with open(tables, "w") as handle:
            handle.write("id,tp,fp,fn,tn\n")
            handle.writelines(f"{i},{a},{b},{c},{d}\n" for i, (a, b, c, d) in enumerate(cells))
    rows = []
    def add(task, tool, command, scale=1.0):
        seconds, memory = measure(command)
        rows.append((task, tool, seconds * scale, memory, "" if scale == 1 else f"measured on {arguments.tables / scale:,.0f}, scaled"))
    add("1M tables, Wilson + log LR", "DxKit", [dxkit, "accuracy", "--input", tables])
    add("1M tables, Wilson + log LR", "numpy/pandas", [sys.executable, os.path.join(here, "batch_accuracy_numpy.py"), tables])
    subset = 10_000
    add("1M tables, Wilson + log LR", "R epiR (epi.tests per table)", ["Rscript", os.path.join(here, "batch_epir.R"), tables, str(subset)],
        scale=arguments.tables / subset)
    add("1M tables, Clopper-Pearson", "DxKit (all measures)", [dxkit, "accuracy", "--input", tables, "--ci", "clopper-pearson"])
    add("1M tables, Clopper-Pearson", "scipy beta.ppf (CP limits only)", [sys.executable, os.path.join(here, "batch_exact_scipy.py"), tables])
    sign_arguments = ["--sign", "closed-fist-percussion=positive", "--sign", "supine-sign=positive"]
    add("Monte Carlo, 1M draws", "DxKit", [dxkit, "posttest", *sign_arguments, "--draws", "1000000", "--format", "json"])
    add("Monte Carlo, 1M draws", "numpy", [sys.executable, os.path.join(here, "bedside.py"), "1000000"])
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; {arguments.tables:,} tables\n")
    print("| task | tool | wall time | peak memory | note |")
    print("|---|---|---:|---:|---|")
    for task, tool, seconds, memory, note in rows:
        print(f"| {task} | {tool} | {seconds:.2f} s | {memory:.0f} MiB | {note} |")


if __name__ == "__main__":
    main()
