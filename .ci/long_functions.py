#!/usr/bin/env python3
"""Fails when a function in src/ is longer than the house allows (STYLE.md: a function that
grows is a sign a step wants a name). Counted from the line that opens `fn` to its closing
brace at the same indentation, comments and blank lines included.

    python3 .ci/long_functions.py [max_lines]     # default 80
"""
import os
import re
import sys

LIMIT = int(sys.argv[1]) if len(sys.argv) > 1 else 80
FN = re.compile(r"^(\s*)(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)")

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
found = []
for folder, _, files in os.walk(root):
    for name in files:
        if not name.endswith(".rs"):
            continue
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        for start, line in enumerate(lines):
            m = FN.match(line)
            if not m:
                continue
            indent = m.group(1)
            for end in range(start, len(lines)):
                if lines[end] == indent + "}":
                    found.append((end - start + 1, os.path.relpath(path, os.path.join(root, "..")), start + 1, m.group(7)))
                    break
                if lines[end].rstrip().endswith(";") and "{" not in "".join(lines[start : end + 1]):
                    break  # a declaration without a body

found.sort(reverse=True)
too_long = [f for f in found if f[0] > LIMIT]
for length, path, line, name in too_long:
    print(f"long functions: {path}:{line} {name} is {length} lines (at most {LIMIT})", file=sys.stderr)
if too_long:
    sys.exit(1)
length, path, line, name = found[0]
print(f"long functions: none over {LIMIT} lines (the longest: {name}, {length}, {path}:{line})")
