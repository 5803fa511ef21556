#!/usr/bin/env python3
"""Times the bedside query (two Langdon signs, 20,000 Monte Carlo draws) in
DxKit, in Python (numpy/scipy/statsmodels) and in R (epiR), in one run on the
same machine, as a user runs them: each a fresh process, wall time and peak
resident memory. Prints a Markdown table and the ratios.

Usage: Benchmarks/compare_bedside.py [--runs N]   (after `swift build -c release`)
"""
import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
dxkit = os.path.join(root, ".build", "release", "dxkit")

COMMANDS = {
    "DxKit (dxkit posttest)": [dxkit, "posttest", "--sign", "closed-fist-percussion=positive", "--sign", "supine-sign=positive",
                               "--format", "csv"],
    "Python (numpy/scipy/statsmodels)": [sys.executable, os.path.join(here, "bedside.py")],
    "R (epiR)": ["Rscript", os.path.join(here, "bedside.R")],  # TZ is set below: R asks timedatectl otherwise
}


def run_once(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {completed.stderr}")
    return elapsed, completed.stdout


def peak_memory_kib(command):
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far: measure each tool in a fresh helper process.
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    return int(subprocess.run([sys.executable, "-c", code] + command, stdout=subprocess.PIPE, text=True, check=True).stdout)


os.environ.setdefault("TZ", "UTC")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    arguments = parser.parse_args()
    if not os.path.exists(dxkit):
        raise SystemExit("build first: swift build -c release --product dxkit --static-swift-stdlib (or scripts/bedside.sh)")
    results = {}
    for name, command in COMMANDS.items():
        if shutil.which(command[0]) is None and not os.path.exists(command[0]):
            print(f"skipping {name}: {command[0]} not found", file=sys.stderr)
            continue
        run_once(command)  # warm the file cache
        times = [run_once(command)[0] for _ in range(arguments.runs)]
        results[name] = (statistics.median(times), min(times), peak_memory_kib(command), run_once(command)[1].strip())
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; runs per tool: {arguments.runs}\n")
    print("| tool | median wall time | fastest | peak memory | answer |")
    print("|---|---:|---:|---:|---|")
    for name, (median, fastest, memory, answer) in results.items():
        short = answer.splitlines()[-1][:110] if answer else ""
        print(f"| {name} | {median * 1000:.1f} ms | {fastest * 1000:.1f} ms | {memory / 1024:.1f} MiB | {short} |")
    base = results.get("DxKit (dxkit posttest)")
    if base:
        print()
        for name, (median, *_rest) in results.items():
            if name != "DxKit (dxkit posttest)":
                print(f"- DxKit is {median / base[0]:.1f}× faster than {name} (median wall time, whole process).")


if __name__ == "__main__":
    main()
