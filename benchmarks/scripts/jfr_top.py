#!/usr/bin/env python3
"""Top frames of a JFR recording: jfr print --events jdk.ExecutionSample rec.jfr | python3 jfr_top.py [depth]
Prints the hottest top frames (self) and the hottest frames anywhere on the stack (total)."""
import collections, re, sys

depth = int(sys.argv[1]) if len(sys.argv) > 1 else 30
self_c, total_c, n = collections.Counter(), collections.Counter(), 0
stack = None
for line in sys.stdin:
    line = line.rstrip()
    if line.startswith("jdk.ExecutionSample"):
        stack = []
    elif stack is not None and re.match(r"\s+[\w$.<>]+\(.*\)\s+line:", line):
        stack.append(re.sub(r"\s+line:.*", "", line.strip()))
    elif stack is not None and line.strip() == "}":
        if stack:
            n += 1
            self_c[stack[0]] += 1
            for f in set(stack):
                total_c[f] += 1
        stack = None
print(f"{n} samples\n-- self --")
for f, c in self_c.most_common(depth):
    print(f"{100*c/n:5.1f}% {f}")
print("-- total (frame anywhere on the stack) --")
for f, c in total_c.most_common(depth * 2):
    print(f"{100*c/n:5.1f}% {f}")
