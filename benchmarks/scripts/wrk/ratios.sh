#!/bin/bash
# Issue 16's HTTP figures: the launcher with the CC plugin against a bare launcher (empty plugins
# folder) on the same machine, runs interleaved, wrk at 64 connections.
# Needs `mvn -B package -DskipTests`, wrk, python3; run from the repo root.
# Usage: benchmarks/scripts/wrk/ratios.sh [ROUNDS] [SECONDS]      (defaults: 5 rounds of 15 s)
# wrk runs one thread pinned to the last core (taskset), so it takes the same share from both
# servers; each server is warmed (JIT) for 30 s per workload first. Per round it prints req/s, p99
# and the server's CPU per request (user + system time of the process, GC and JIT included), then
# the medians of the rounds and the medians of the per-round ratios.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
launcher=dist/target/deskcc/bin/deskcc-sim
rounds=${1:-5}
secs=${2:-15}
warm=${WARM:-30} # seconds of warm-up per server and workload
cpu=$(( $(nproc) - 1 ))
work=$(mktemp -d)
mkdir "$work/empty"
start() { # name plugins-dir -> port
  "$launcher" --port 0 --plugins "$2" >"$work/$1.log" 2>&1 &
  echo $! >"$work/$1.pid"
  for _ in $(seq 1 120); do
    p=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/$1.log" | grep -o '[0-9]*$' | head -1 || true)
    [ -n "$p" ] && { echo "$p"; return; }
    sleep 0.5
  done
  echo "no start: $1" >&2; exit 1
}
pp=$(start plugin dist/target/deskcc/plugins)
pb=$(start bare "$work/empty")
trap 'kill $(cat "$work"/*.pid) 2>/dev/null || true' EXIT
# the launcher's own java process (the script execs it, so the pid is the JVM's)
ticks() { awk '{print $14 + $15}' "/proc/$(cat "$work/$1.pid")/stat"; }
auth='Authorization: Bearer alice-token'
# the demo fixture: d1 (HR) gets CC on; d2 (Support) keeps it off
curl -sf -X PUT -H 'Content-Type: application/json' -H "$auth" -d '{"enabled":true,"acknowledged":true}' \
  "http://127.0.0.1:$pp/api/v1/departments/d1/plugins/secondary-contacts/settings" >/dev/null
hz=$(getconf CLK_TCK)
run() { # label server port seconds path wrk-args... -> "label req/s p99-ms cpu-ms/req"
  local label=$1 server=$2 port=$3 s=$4 path=$5; shift 5
  local t0; t0=$(ticks "$server")
  local out; out=$(taskset -c "$cpu" wrk -t1 -c64 -d"${s}s" --latency "$@" "http://127.0.0.1:$port$path" 2>&1)
  local t1; t1=$(ticks "$server")
  echo "$out" | awk -v l="$label" -v c=$((t1 - t0)) -v hz="$hz" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /requests in/ { n = $1 } /Requests\/sec/ { r = $2 } /99%/ { p = ms($2) }
    END { printf "%s\t%.0f\t%.1f\t%.3f\n", l, r, p, c * 1000 / hz / n }'
}
create() { # label server port seconds dept ccs [pool]
  CCS=$6 DEPT=$5 POOL=${7:-0} run "$1" "$2" "$3" "$4" "" -s "$here/$( [ "$6" = 0 ] && echo create_plain.lua || echo create_with_ccs.lua)" \
    -H "$auth"
}
get() { # label server port seconds ticket
  run "$1" "$2" "$3" "$4" "/api/v1/tickets/$5" -H "$auth"
}
ticket() { # port body -> id
  curl -sf -X POST -H 'Content-Type: application/json' -H "$auth" -d "$2" "http://127.0.0.1:$1/api/v1/tickets" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
tp=$(ticket "$pp" '{"departmentId":"d1","subject":"g","description":"x","requester":{"email":"g@example.org"},"fields":{"cc":["a1@example.org","a2@example.org","a3@example.org","a4@example.org","a5@example.org"]}}')
tb=$(ticket "$pb" '{"departmentId":"d1","subject":"g","description":"x","requester":{"email":"g@example.org"}}')
echo "warming up (JIT): $warm s per server and workload" >&2
for _ in 1 2 3; do create warm bare "$pb" "$warm" d1 0 >/dev/null; done # as many creates as the plugin's
create warm plugin "$pp" "$warm" d1 5 >/dev/null
create warm plugin "$pp" "$warm" d1 5 200 >/dev/null
create warm plugin "$pp" "$warm" d2 0 >/dev/null
get warm bare "$pb" "$warm" "$tb" >/dev/null
get warm plugin "$pp" "$warm" "$tp" >/dev/null
results=$work/results.tsv
for r in $(seq 1 "$rounds"); do
  echo "round $r (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  {
    # each plugin run right after a bare run of its own: both worlds grow alike (a bigger heap costs
    # the collector more), and each ratio compares runs seconds apart
    create "$r bare create (a)" bare "$pb" "$secs" d1 0
    create "$r plugin create, 5 new CCs" plugin "$pp" "$secs" d1 5
    create "$r bare create (b)" bare "$pb" "$secs" d1 0
    create "$r plugin create, 5 known CCs" plugin "$pp" "$secs" d1 5 200
    create "$r bare create (c), dept d2" bare "$pb" "$secs" d2 0
    create "$r plugin create, CC-off dept" plugin "$pp" "$secs" d2 0
    create "$r bare create (d)" bare "$pb" "$secs" d1 0
    create "$r plugin create, CC on, no CCs" plugin "$pp" "$secs" d1 0
    get "$r bare GET" bare "$pb" "$secs" "$tb"
    get "$r plugin GET, 5 CCs" plugin "$pp" "$secs" "$tp"
  } | tee -a "$results" >&2
done
python3 - "$results" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    label, rps, p99, cpu = line.rstrip("\n").split("\t")
    rnd, name = label.split(" ", 1)
    rows[name][rnd] = (float(rps), float(p99), float(cpu))
def med(name, i): return statistics.median(v[i] for v in rows[name].values())
print(f"{'median of rounds':32} {'req/s':>8} {'p99 ms':>7} {'cpu ms/req':>10}")
for name in rows:
    print(f"{name:32} {med(name, 0):8.0f} {med(name, 1):7.1f} {med(name, 2):10.3f}")
print("ratios (median of per-round ratios):")
for name, base in [("plugin create, 5 new CCs", "bare create (a)"), ("plugin create, 5 known CCs", "bare create (b)"),
                   ("plugin create, CC-off dept", "bare create (c), dept d2"), ("plugin create, CC on, no CCs", "bare create (d)"),
                   ("plugin GET, 5 CCs", "bare GET")]:
    rs = [rows[name][r][0] / rows[base][r][0] for r in rows[name] if r in rows[base]]
    ps = [rows[name][r][1] / rows[base][r][1] for r in rows[name] if r in rows[base]]
    print(f"  {name:30} throughput {statistics.median(rs):.2f}x (rounds {min(rs):.2f}-{max(rs):.2f}), "
          f"p99 {statistics.median(ps):.2f}x of the bare host's")
PY
