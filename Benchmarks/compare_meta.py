#!/usr/bin/env python3
"""Meta-analysis benchmarks of issue 14, in one run on one machine, each tool
as a fresh process (wall time, peak resident memory), on seeded simulated
study sets (bivariate normal logits, binomial counts):

1. 40 studies, bivariate REML: dxkit meta vs R metafor rma.mv (REML);
2. 1,000 studies, bivariate REML: the same;
3. 40 and 1,000 studies, bivariate binomial GLMM (Laplace): dxkit meta --model glmm vs R lme4 glmer.

Each tool prints its estimates, so the answers can be compared in the table.

DxKit runs `--runs` times (median and fastest reported); R runs a third as often,
and once for 1,000 studies, where metafor's rma.mv (a dense 2,000 × 2,000 marginal
covariance) takes minutes. Rows are printed as they finish.

Usage (after `swift build --package-path Tool -c release --product dxkit --static-swift-stdlib`):
    python3 Benchmarks/compare_meta.py [--runs 10]
"""
import argparse
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
dxkit = os.path.join(root, "Tool", ".build", "release", "dxkit")


def measure(command):
    code = ("import resource, subprocess, sys, time; start = time.perf_counter(); "
            "out = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True, text=True).stdout; "
            "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); print(out)")
    result = subprocess.run([sys.executable, "-c", code] + command, stdout=subprocess.PIPE, text=True, check=True)
    first, rest = result.stdout.split("\n", 1)
    seconds, kib = first.split()
    return float(seconds), int(kib) / 1024, rest


def simulate(path, studies, seed):
    rng = random.Random(seed)
    with open(path, "w") as handle:
        handle.write("study,tp,fp,fn,tn\n")
        for index in range(studies):
            e1, e2 = rng.gauss(0, 1), rng.gauss(0, 1)
            eta1 = 1.5 + 0.7 * e1
            eta2 = 2.0 + 0.9 * (-0.4 * e1 + math.sqrt(1 - 0.16) * e2)
            se, sp = 1 / (1 + math.exp(-eta1)), 1 / (1 + math.exp(-eta2))
            n1, n0 = rng.randint(20, 120), rng.randint(40, 300)
            tp = sum(rng.random() < se for _ in range(n1))
            tn = sum(rng.random() < sp for _ in range(n0))
            handle.write(f"S{index + 1},{tp},{n0 - tn},{n1 - tp},{tn}\n")


def dxkit_answer(output):
    result = json.loads(output)
    return (f"mu {result['logitSensitivity']['estimate']:.6f} {result['logitSpecificity']['estimate']:.6f} "
            f"tau2 {result['tau2Sensitivity']:.6f} {result['tau2Specificity']:.6f} rho {result['correlation']:.6f} "
            f"logLik {result['logLikelihood']:.6f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--work", default="/tmp/dxkit-bench")
    arguments = parser.parse_args()
    os.makedirs(arguments.work, exist_ok=True)
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}\n")
    print("| studies | model | tool | median wall time | fastest | peak memory | answer (logit means, τ², ρ, logLik) |")
    print("|---:|---|---|---:|---:|---:|---|", flush=True)
    for studies in (40, 1000):
        path = os.path.join(arguments.work, f"meta-{studies}.csv")
        simulate(path, studies, 20140 + studies)
        tasks = [
            ("REML", "DxKit (dxkit meta)", [dxkit, "meta", "--input", path, "--format", "json"]),
            ("REML", "R metafor rma.mv", ["Rscript", os.path.join(here, "meta.R"), path, "reitsma"]),
            ("GLMM Laplace", "DxKit (dxkit meta --model glmm)", [dxkit, "meta", "--input", path, "--model", "glmm", "--format", "json"]),
            ("GLMM Laplace", "R lme4 glmer", ["Rscript", os.path.join(here, "meta.R"), path, "glmm"]),
        ]
        for model, tool, command in tasks:
            runs = arguments.runs if "dxkit" in command[0] else (1 if studies >= 1000 else max(3, arguments.runs // 3))
            times, memories, output = [], [], ""
            for _ in range(runs):
                seconds, memory, output = measure(command)
                times.append(seconds)
                memories.append(memory)
            answer = dxkit_answer(output) if "dxkit" in command[0] else output.strip().split(": ", 1)[1]
            median, fastest, memory = statistics.median(times), min(times), max(memories)
            print(f"| {studies} | {model} | {tool} | {median * 1000:.1f} ms | {fastest * 1000:.1f} ms | {memory:.1f} MiB | {answer} |", flush=True)


if __name__ == "__main__":
    main()
