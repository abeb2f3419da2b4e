#!/usr/bin/env python3
"""Medians (and quartiles) of JMH JSON results: python3 jmh_medians.py result.json [...]"""
import json, statistics, sys

for path in sys.argv[1:]:
    for r in json.load(open(path)):
        raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
        q = statistics.quantiles(raw, n=4) if len(raw) > 1 else [raw[0]] * 3
        params = ",".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
        print(f'{r["benchmark"].split(".")[-2]}.{r["benchmark"].split(".")[-1]:<18} {params:<28} '
              f'median {statistics.median(raw):10.3f} {r["primaryMetric"]["scoreUnit"]:<6} '
              f'(q1 {q[0]:.3f}, q3 {q[2]:.3f}, n={len(raw)})')
