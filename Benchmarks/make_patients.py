#!/usr/bin/env python3
"""Writes a JSON-lines file of referral patients (pathway version 2 keys) for
`dxkit refer --patient FILE`: every patient is in the gate's scope (no red
flag, no high-energy trauma, one level, MRI unavailable, at least one sign
examined) and every patient has a different pretest probability, so no two
patients share a gate estimate. Seeded: the same file on every run.

Usage: Benchmarks/make_patients.py [--patients 10000] [--seed 1] > patients.jsonl
"""
import argparse
import json
import random
import sys

SIGN_RESULTS = ["positive", "negative", "notDone", "notAssessable"]


def patient(index, generator, count):
    closed_fist = generator.choice(SIGN_RESULTS)
    supine = generator.choice(SIGN_RESULTS)
    if closed_fist in ("notDone", "notAssessable") and supine in ("notDone", "notAssessable"):
        supine = generator.choice(["positive", "negative"])
    return {
        "id": f"patient-{index:07d}",
        "fractureLevel": "L2",
        "weeksSinceOnset": round(generator.uniform(0.1, 20), 2),
        "highEnergyTrauma": "no",
        "neurologicalDeficit": "no",
        "spinalInstability": "no",
        "malignancySuspected": "no",
        "infectionSuspected": "no",
        "deformityOrProgressiveKyphosis": "no",
        "pulmonaryDysfunction": generator.choice(["no", "yes", "unknown"]),
        "anticoagulated": generator.choice(["no", "yes", "unknown"]),
        "pregnant": "no",
        "augmentationCandidate": generator.choice(["yes", "no", "unknown"]),
        "painTrajectory": generator.choice(["improving", "unchanged", "worsening"]),
        "painSeverity": generator.randint(0, 10),
        "analgesiaTriedPainPersists": generator.random() < 0.5,
        "mri": generator.choice(["unavailable", "contraindicated"]),
        "closedFistPercussion": closed_fist,
        "supineSign": supine,
        # A different pretest for every patient: evenly spread over (0.05, 0.95), never repeated.
        "pretest": 0.05 + 0.9 * (index + 0.5) / count,
        "age": generator.randint(50, 95),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    generator = random.Random(arguments.seed)
    out = sys.stdout
    for index in range(arguments.patients):
        out.write(json.dumps(patient(index, generator, arguments.patients), separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
