#!/usr/bin/env python3
"""Turns every ```swift example in the libraries' doc comments and DocC
articles into a test, so that no example can go stale: each example must
compile, and each value written after it in a comment is checked against
what the code produces.

    sensitivity.estimate                      // 0.875          checked (to the digits shown)
    try sensitivity.interval(method: .wilson)  // 0.7530 – 0.9414 checked (lower – upper)
    lr.estimate                                // .finite(8.75)  checked
    result.gate.classification                 // .acuteLikely   checked
    try PretestGrid.values("0.1:0.5:0", …)     // throws: …      checked (it must throw)
    random.beta(shapeA: 42.5, shapeB: 6.5)     // the same value on every run   (prose: compiles only)

Writes Tests/DocumentationExamplesTests/DocumentationExamples.swift; with
--check, fails when that file is not what this script would write (a test
runs it so). Usage: scripts/extract-doc-examples.py [--check]"""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parents[1]
output = root / "Tests" / "DocumentationExamplesTests" / "DocumentationExamples.swift"
LIBRARIES = ["DxStats", "DxEvidenceFormat", "DxEvidence", "DxReferral", "DxMeta", "DxReport", "DxIO", "DxBatch"]


def examples():
    """(source file, line, code lines) for every ```swift block."""
    found = []
    for library in LIBRARIES:
        for path in sorted((root / "Sources" / library).rglob("*")):
            if path.suffix == ".swift":
                lines = path.read_text().split("\n")
                block, start = None, 0
                for number, line in enumerate(lines, 1):
                    stripped = line.strip()
                    if not stripped.startswith("///"):
                        block = None
                        continue
                    text = stripped[3:]
                    text = text[1:] if text.startswith(" ") else text
                    if block is None and text.startswith("```swift"):
                        block, start = [], number
                    elif block is not None and text.startswith("```"):
                        found.append((path, start, block))
                        block = None
                    elif block is not None:
                        block.append(text)
            elif path.suffix == ".md":
                text = path.read_text()
                for match in re.finditer(r"```swift\n(.*?)```", text, re.S):
                    start = text[: match.start()].count("\n") + 1
                    found.append((path, start, match.group(1).rstrip("\n").split("\n")))
    return found


def split_comment(line):
    """Code and its trailing // comment (not inside a string)."""
    in_string = False
    index = 0
    while index < len(line):
        character = line[index]
        if character == "\\" and in_string:
            index += 2
            continue
        if character == '"':
            in_string = not in_string
        if not in_string and line.startswith("//", index):
            return line[:index].rstrip(), line[index + 2:].strip()
        index += 1
    return line.rstrip(), None


def checkable(comment):
    return comment is not None and re.match(r'^(throws|\.[a-zA-Z]|-?[0-9]|\[|"|true\b|false\b|nil\b)', comment)


def expression_statement(code):
    """A line that is a whole expression statement (not a declaration, an assignment, a call
    for its effect such as print, or a continuation)."""
    stripped = code.strip()
    if code != code.lstrip():
        return False
    if re.match(r"^(let|var|for|if|guard|while|return|print|//|\}|\)|#)", stripped):
        return False
    if re.search(r"[^=!<>]=[^=]", stripped.split("//")[0]):
        return False
    return re.match(r"^(try\s+)?[A-Za-z_][\w.]*", stripped) is not None and not stripped.endswith(")") or stripped.endswith(")") and "." in stripped.split("(")[0] and not re.match(r"^\w+\.(set|append|line|text|insert)\(", stripped) and not re.match(r"^[a-z]\w*\.(set|append|line|text)", stripped)


def swift_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def transform(lines):
    body = []
    for line in lines:
        if line.strip().startswith("import "):
            continue
        code, comment = split_comment(line)
        if not checkable(comment) or not code.strip() or code.rstrip().endswith(("(", ",", "[", "{")):
            # An expression whose value the example only describes in words is still evaluated.
            if comment and code.strip() and expression_statement(code) and not code.rstrip().endswith(("(", ",", "[", "{")):
                line = code[: len(code) - len(code.lstrip())] + "_ = " + code.strip() + (f"  // {comment}" if comment else "")
            body.append(line)
            continue
        indent = code[: len(code) - len(code.lstrip())]
        declaration = re.match(r"^(\s*)(let|var)\s+(\w+)\s*=\s*(.*)$", code)
        if comment.startswith("throws"):
            expression = code.strip()
            if declaration:
                expression = declaration.group(4)
            if not expression.startswith("try"):
                expression = "try " + expression
            body.append(f"{indent}#expect(throws: (any Error).self) {{ _ = {expression} }}")
            continue
        if declaration:
            body.append(code)
            subject = declaration.group(3)
        else:
            subject = code.strip()
            if subject.startswith("try "):
                subject = subject[4:]
        throwing = not declaration and code.strip().startswith("try ")
        call = f"DocumentationCheck.expect({subject}, {swift_string(comment)})"
        body.append(f"{indent}{'try ' if throwing else ''}{call}")
    return body


def generate():
    tests = []
    for index, (path, line, code) in enumerate(examples()):
        relative = path.relative_to(root)
        body = "\n".join("        " + l if l.strip() else "" for l in transform(code))
        tests.append(
            f'    @Test("{relative}:{line}")\n'
            f"    func example{index + 1}() throws {{\n"
            f"{body}\n"
            f"    }}\n")
    imports = "".join(f"@testable import {library}\n" for library in LIBRARIES)
    return (
        "// Generated by scripts/extract-doc-examples.py from the ```swift examples of the\n"
        "// libraries' doc comments and DocC articles. Do not edit: edit the example, then\n"
        "// run the script. Every example compiles; every value after it is checked.\n"
        "// swift-format-ignore-file\n"
        "import Foundation\n"
        "import Testing\n\n"
        f"{imports}\n"
        "@Suite(\"Documentation examples\")\n"
        "struct DocumentationExamples {\n"
        + "\n".join(tests)
        + "}\n")


if __name__ == "__main__":
    text = generate()
    if "--check" in sys.argv:
        if not output.exists() or output.read_text() != text:
            sys.exit(f"{output.relative_to(root)} is out of date: run scripts/extract-doc-examples.py")
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text)
        print(f"wrote {output.relative_to(root)} ({text.count('@Test(')} examples)")
