#!/usr/bin/env python3
"""Batch benchmarks (issues 8 and 16), each tool a fresh process, wall time
and peak resident memory, in one run on one machine. Tools doing the same
task run interleaved, in rounds, and the table gives the median over the
rounds (other programs' load then falls on all of them alike).

Tasks (--tasks picks some; default all):
- wilson:    1,000,000 2x2 tables (counts 0-199), every measure with Wilson
             and log-LR intervals, CSV in and out: dxkit vs numpy/pandas.
- exact:     1,000,000 tables (counts 1-399), Clopper-Pearson for the six
             proportions: dxkit on one core (--threads 1) and on every core
             vs vectorised scipy.stats.beta.ppf/isf (one core).
- large:     1,000,000 tables with counts log-uniform from 1 to 10^6, the
             same, dxkit --threads 1 vs scipy.
- refer:     dxkit refer --patient FILE over 10,000 patients (pathway
             version 2 keys, every pretest different, Benchmarks/make_patients.py),
             JSON lines and text; patients a second; a sample of patients is
             then run one at a time and compared byte for byte with the batch.
- montecarlo: the bedside Monte Carlo with 1,000,000 draws: dxkit vs numpy.

Usage (after `swift build --package-path Tool -c release --product dxkit --static-swift-stdlib`):
    python3 Benchmarks/compare_batch.py [--tables 1000000] [--rounds 3] [--tasks exact,refer]
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
dxkit = os.path.join(root, "Tool", ".build", "release", "dxkit")
os.environ.setdefault("TZ", "UTC")


def measure(command, output=os.devnull):
    """Wall time (s) and peak resident memory (MiB) of one fresh process."""
    code = ("import resource, subprocess, sys, time; start = time.perf_counter(); "
            "out = open(sys.argv[1], 'w'); subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL, check=True); "
            "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", code, output] + command, stdout=subprocess.PIPE, text=True, check=True)
    seconds, kib = result.stdout.split()
    return float(seconds), int(kib) / 1024


def tables_file(work, count, kind):
    path = os.path.join(work, f"tables-{kind}-{count}.csv")
    if not os.path.exists(path):
        generator = np.random.default_rng(1)
        if kind == "wilson":
            cells = generator.integers(0, 200, (count, 4))
            cells[cells.sum(1) == 0, 0] = 1
        elif kind == "exact":
            cells = generator.integers(1, 400, (count, 4))
        else:
            cells = np.floor(np.exp(generator.uniform(0, np.log(1_000_001), (count, 4)))).astype(int)
        with open(path, "w") as handle:
            handle.write("id,tp,fp,fn,tn\n")
            handle.writelines(f"{i},{a},{b},{c},{d}\n" for i, (a, b, c, d) in enumerate(cells))
    return path


def interleaved(rounds, contenders):
    """contenders: [(tool, command, scale)]; returns {tool: (median seconds, median MiB, runs)}."""
    results = {tool: [] for tool, _, _ in contenders}
    for _ in range(rounds):
        for tool, command, scale in contenders:
            seconds, memory = measure(command)
            results[tool].append((seconds * scale, memory))
    return {tool: (statistics.median(s for s, _ in values), statistics.median(m for _, m in values), len(values))
            for tool, values in results.items()}


def refer_identity(patients, sample):
    """Runs `sample` patients one at a time and compares with the batch output, byte for byte."""
    batch = subprocess.run([dxkit, "refer", "--patient", patients, "--format", "json"], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True, check=True).stdout.splitlines()
    lines = open(patients).read().splitlines()
    picks = np.linspace(0, len(lines) - 1, sample).astype(int)
    same = 0
    with tempfile.TemporaryDirectory() as work:
        for index in picks:
            single = os.path.join(work, "patient.json")
            with open(single, "w") as handle:
                handle.write(lines[index] + "\n")
            alone = subprocess.run([dxkit, "refer", "--patient", single, "--format", "json"], stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True, check=True).stdout.strip()
            same += alone == batch[index]
    return same, len(picks)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tables", type=int, default=1_000_000)
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tasks", default="wilson,exact,large,refer,montecarlo")
    parser.add_argument("--work", default="/tmp/dxkit-bench")
    arguments = parser.parse_args()
    tasks = arguments.tasks.split(",")
    os.makedirs(arguments.work, exist_ok=True)
    rows, notes = [], []
    loads = [" ".join(f"{v:.2f}" for v in os.getloadavg())]

    def add(task, results, extra=None):
        for tool, (seconds, memory, runs) in results.items():
            rows.append((task, tool, seconds, memory, runs, (extra or {}).get(tool, "")))

    millions = f"{arguments.tables / 1e6:g}M"
    if "wilson" in tasks:
        path = tables_file(arguments.work, arguments.tables, "wilson")
        add(f"{millions} tables, Wilson + log LR", interleaved(arguments.rounds, [
            ("DxKit", [dxkit, "accuracy", "--input", path], 1),
            ("numpy/pandas", [sys.executable, os.path.join(here, "batch_accuracy_numpy.py"), path], 1)]))
    for task, kind in [("exact", "exact"), ("large", "large")]:
        if task not in tasks:
            continue
        path = tables_file(arguments.work, arguments.tables, kind)
        label = "counts 1-399" if kind == "exact" else "counts 1-10^6"
        contenders = [("DxKit, one core (--threads 1, every measure)",
                       [dxkit, "accuracy", "--input", path, "--ci", "clopper-pearson", "--threads", "1"], 1)]
        if kind == "exact":
            contenders.append(("DxKit, every core (every measure)", [dxkit, "accuracy", "--input", path, "--ci", "clopper-pearson"], 1))
        contenders.append(("scipy beta.ppf/isf (CP limits only, one core)",
                           [sys.executable, os.path.join(here, "batch_exact_scipy.py"), path], 1))
        add(f"{millions} tables, Clopper-Pearson, {label}", interleaved(arguments.rounds, contenders))
    if "refer" in tasks:
        patients = os.path.join(arguments.work, f"patients-{arguments.patients}.jsonl")
        if not os.path.exists(patients):
            with open(patients, "w") as handle:
                subprocess.run([sys.executable, os.path.join(here, "make_patients.py"), "--patients", str(arguments.patients)],
                               stdout=handle, check=True)
        results = interleaved(arguments.rounds, [
            ("DxKit refer, JSON lines", [dxkit, "refer", "--patient", patients, "--format", "json"], 1),
            ("DxKit refer, text", [dxkit, "refer", "--patient", patients, "--format", "text"], 1)])
        add(f"{arguments.patients:,} referral patients, every pretest different", results,
            {tool: f"{arguments.patients / seconds:,.0f} patients/s" for tool, (seconds, _, _) in results.items()})
        same, total = refer_identity(patients, 30)
        notes.append(f"Referral batch: {same} of {total} sampled patients run one at a time gave output identical to the batch's.")
    if "montecarlo" in tasks:
        sign_arguments = ["--sign", "closed-fist-percussion=positive", "--sign", "supine-sign=positive"]
        add("Monte Carlo, 1M draws", interleaved(arguments.rounds, [
            ("DxKit", [dxkit, "posttest", *sign_arguments, "--draws", "1000000", "--format", "json"], 1),
            ("numpy", [sys.executable, os.path.join(here, "bedside.py"), "1000000"], 1)]))
    loads.append(" ".join(f"{v:.2f}" for v in os.getloadavg()))
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; {arguments.rounds} interleaved rounds; "
          f"load average (1, 5, 15 min) at the start {loads[0]}, at the end {loads[-1]}\n")
    print("| task | tool | median wall time | peak memory | runs | note |")
    print("|---|---|---:|---:|---:|---|")
    for task, tool, seconds, memory, runs, note in rows:
        print(f"| {task} | {tool} | {seconds:.2f} s | {memory:.0f} MiB | {runs} | {note} |")
    for note in notes:
        print(f"\n- {note}")


if __name__ == "__main__":
    main()
