#!/usr/bin/env python3
"""Validates JSON read from standard input against a schema file in
Schemas/: one JSON document, or JSON lines (one document per line). Prints
each problem and exits 1 when any. Needs the `jsonschema` package (in the
image's Python; scripts/test.sh installs it when missing).
Usage: dxkit … --format json | scripts/validate-json.py Schemas/accuracy.schema.json"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
text = sys.stdin.read()
try:
    documents = [json.loads(text)]
except json.JSONDecodeError:
    documents = [json.loads(line) for line in text.splitlines() if line.strip()]
if not documents:
    sys.exit("no JSON in the input")
problems = 0
for index, document in enumerate(documents):
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        problems += 1
        print(f"document {index + 1}: {'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}")
sys.exit(1 if problems else 0)
