#!/usr/bin/env python3
"""Re-runs every `$ dxkit …` command shown in Notebooks-md/*.md and writes its
output under it. The test NotebookTests fails when a notebook's shown output
differs from what dxkit prints, so run this after a deliberate change and
review the diff. Usage: scripts/update-notebooks.py [path-to-dxkit]"""
import pathlib
import re
import shlex
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parents[1]
dxkit = sys.argv[1] if len(sys.argv) > 1 else str(root / "Tool" / ".build" / "debug" / "dxkit")
block = re.compile(r"```console\n\$ (dxkit[^\n]*)\n(.*?)```", re.S)


def run(command):
    arguments = shlex.split(command)[1:]
    completed = subprocess.run([dxkit] + arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=root)
    # Standard output first, then standard error: the order NotebookTests compares in.
    output = (completed.stdout + completed.stderr).rstrip("\n")
    return output + "\n" if output else ""


consult = re.compile(r"(<!-- consult answers: (.*?) -->\n```text\n)(.*?)(```)", re.S)


def replay(answers):
    """The interactive consult's screen for these answers (needs pexpect, in the image's Python)."""
    import io
    import pexpect

    log = io.StringIO()
    child = pexpect.spawn(dxkit, encoding="utf-8", dimensions=(50, 400), timeout=30)
    child.logfile_read = log
    for answer in answers.split("|"):
        child.expect(r": $")
        child.sendline(answer)
    child.expect(pexpect.EOF)
    return log.getvalue().replace("\r\n", "\n").strip("\n") + "\n"


# Pictures shown in the notebooks: file under Notebooks-md/pictures, then the dxkit arguments
# (MetaCommandTests checks that the committed files are what dxkit draws).
pictures = {
    "kearon-1998-forest.svg": ["meta", "--input", "Notebooks-md/kearon-1998-symptomatic.csv", "--plot", "forest"],
    "kearon-1998-sroc.svg": ["meta", "--input", "Notebooks-md/kearon-1998-symptomatic.csv", "--plot", "sroc"],
}
for name, arguments in pictures.items():
    picture = root / "Notebooks-md" / "pictures" / name
    drawn = subprocess.run([dxkit] + arguments, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=root).stdout
    if not picture.exists() or picture.read_text() != drawn:
        picture.write_text(drawn)
        print(f"updated {picture.relative_to(root)}")

for notebook in sorted((root / "Notebooks-md").glob("*.md")):
    text = notebook.read_text()
    updated = block.sub(lambda match: f"```console\n$ {match.group(1)}\n{run(match.group(1))}```", text)
    updated = consult.sub(lambda match: match.group(1) + replay(match.group(2)) + match.group(4), updated)
    if updated != text:
        notebook.write_text(updated)
        print(f"updated {notebook.relative_to(root)}")
