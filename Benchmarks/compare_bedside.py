#!/usr/bin/env python3
"""Times the bedside query (two Langdon signs, both positive, 20,000 Monte
Carlo draws, precomputed when the library was built; and with another seed,
drawn at run time) as a whole process, against the process floor of the same
build (`dxkit --version`) and against the same computation in Python
(numpy/scipy/statsmodels) and R (epiR), all in one run on the same machine.

Every command is run in rounds, interleaved (round 1: each command once or
a few times, round 2: the same, ...), so that load from other programs falls
on all of them alike; the table reports medians over all rounds. Timing is
by hyperfine (`apt-get install -y hyperfine`; -N, no shell) when it is
installed, otherwise by this script (posix_spawn and wait). Peak resident
memory comes from one extra run of each command (ru_maxrss).

Builds measured:
- static: `swift build --package-path Tool -c release --product dxkit --static-swift-stdlib`
  (what scripts/bedside.sh makes), at Tool/.build/release/dxkit;
- dynamic: a plain `swift build --package-path Tool -c release --build-path Tool/.build-dynamic`
  (the Swift runtime and Foundation as shared libraries), if present;
- others given with --other LABEL=PATH (e.g. the same builds of an earlier
  commit: --other "before, static=/tmp/old-static").

Usage: Benchmarks/compare_bedside.py [--rounds 10] [--other LABEL=PATH ...] [--no-peers]
"""
import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
os.environ.setdefault("TZ", "UTC")  # R asks timedatectl otherwise

SIGNS = ["--sign", "closed-fist-percussion=positive", "--sign", "supine-sign=positive"]
REFER = ["refer", "--weeks", "2", "--no-red-flags", "--high-energy-trauma", "no", "--mri", "unavailable",
         "--closed-fist-percussion", "positive", "--supine-sign", "positive"]


def commands(arguments):
    builds = [("static", os.path.join(root, "Tool", ".build", "release", "dxkit")),
              ("dynamic", os.path.join(root, "Tool", ".build-dynamic", "release", "dxkit"))]
    for other in arguments.other:
        label, _, path = other.partition("=")
        builds.append((label, path))
    table = []
    for label, binary in builds:
        if not os.path.exists(binary):
            print(f"skipping the {label} build: {binary} not found", file=sys.stderr)
            continue
        table += [
            (f"DxKit {label}: dxkit --version (process floor)", [binary, "--version"], 3),
            (f"DxKit {label}: dxkit posttest (two signs)", [binary, "posttest", *SIGNS, "--format", "csv"], 3),
            # Another seed: the simulation precomputed for the built-in signs does not apply, so it is drawn.
            (f"DxKit {label}: dxkit posttest (two signs, --seed 7: drawn at run time)",
             [binary, "posttest", *SIGNS, "--seed", "7", "--format", "csv"], 3),
            (f"DxKit {label}: dxkit refer (the same two signs)", [binary, *REFER, "--format", "json"], 3),
        ]
    if not arguments.no_peers:
        table += [
            ("Python (numpy/scipy/statsmodels)", [sys.executable, os.path.join(here, "bedside.py")], 1),
            ("R (epiR)", ["Rscript", os.path.join(here, "bedside.R")], 1),
        ]
    return [(name, command, runs) for name, command, runs in table
            if shutil.which(command[0]) or os.path.exists(command[0])]


def time_with_hyperfine(command, runs):
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        subprocess.run(["hyperfine", "-N", "--warmup", "1", "--runs", str(runs), "--export-json", export.name,
                        "--output", "null", subprocess.list2cmdline(command)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        return json.load(open(export.name))["results"][0]["times"]


def time_directly(command, runs):
    times = []
    with open(os.devnull, "wb") as null:
        for _ in range(runs):
            start = time.perf_counter()
            pid = os.posix_spawnp(command[0], command, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, null.fileno(), 1)])
            os.waitpid(pid, 0)
            times.append(time.perf_counter() - start)
    return times


def peak_memory_mib(command):
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    return int(subprocess.run([sys.executable, "-c", code] + command, stdout=subprocess.PIPE, text=True, check=True).stdout) / 1024


def load_average():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--other", action="append", default=[], metavar="LABEL=PATH",
                        help="another dxkit binary to time in the same run (repeatable)")
    parser.add_argument("--no-peers", action="store_true", help="leave out Python and R")
    arguments = parser.parse_args()
    table = commands(arguments)
    timer = time_with_hyperfine if shutil.which("hyperfine") else time_directly
    for _, command, _ in table:  # answers and a warm file cache
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times = {name: [] for name, _, _ in table}
    loads = [load_average()]
    for _ in range(arguments.rounds):
        for name, command, runs in table:
            times[name] += timer(command, runs)
        loads.append(load_average())
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; "
          f"{arguments.rounds} interleaved rounds, timed by {'hyperfine -N' if timer is time_with_hyperfine else 'posix_spawn'}; "
          f"load average (1, 5, 15 min) at the start {loads[0]}, at the end {loads[-1]}\n")
    print("| command | runs | median | fastest | peak memory |")
    print("|---|---:|---:|---:|---:|")
    for name, command, _ in table:
        values = times[name]
        print(f"| {name} | {len(values)} | {medians[name] * 1000:.1f} ms | {min(values) * 1000:.1f} ms | "
              f"{peak_memory_mib(command):.1f} MiB |")
    print()
    for label in ["static", "dynamic"] + [other.partition("=")[0] for other in arguments.other]:
        floor = medians.get(f"DxKit {label}: dxkit --version (process floor)")
        if floor is None:
            continue
        for what in ["posttest (two signs)", "posttest (two signs, --seed 7: drawn at run time)", "refer (the same two signs)"]:
            value = medians.get(f"DxKit {label}: dxkit {what}")
            if value is None:
                continue
            print(f"- {label} build, dxkit {what}: {value * 1000:.1f} ms, {(value - floor) * 1000:.1f} ms above the floor "
                  f"({floor * 1000:.1f} ms).")
    posttest = medians.get("DxKit static: dxkit posttest (two signs)")
    if posttest:
        for peer in ["Python (numpy/scipy/statsmodels)", "R (epiR)"]:
            if peer in medians:
                print(f"- {peer}: {medians[peer] * 1000:.0f} ms, {medians[peer] / posttest:.0f}× the static build's posttest.")


if __name__ == "__main__":
    main()
