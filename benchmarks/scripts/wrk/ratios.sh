#!/bin/bash
# Issue 16's HTTP figures: the plugin's launcher vs a bare host (empty plugins folder), same
# machine, interleaved runs, wrk at 64 connections. Needs `mvn -B package -DskipTests` and wrk.
# Usage: benchmarks/scripts/wrk/ratios.sh [ROUNDS]   (from the repo root)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
launcher=dist/target/deskcc/bin/deskcc-sim
rounds=${1:-2}
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
auth='Authorization: Bearer alice-token'
# the demo fixture: d1 (HR) gets CC on; d2 (Support) keeps it off
curl -sf -X PUT -H 'Content-Type: application/json' -H "$auth" -d '{"enabled":true,"acknowledged":true}' \
  "http://127.0.0.1:$pp/api/v1/departments/d1/plugins/secondary-contacts/settings" >/dev/null
post() { # label port script dept ccs
  CCS=$5 DEPT=$4 wrk -t2 -c64 -d15s --latency -s "$here/$3" "http://127.0.0.1:$2" 2>&1 \
    | awk -v l="$1" '/Requests\/sec/{r=$2} /99%/{p=$2} END{printf "%-34s %10s req/s  p99 %s\n", l, r, p}'
}
get() { # label port ticket
  wrk -t2 -c64 -d10s --latency -H "$auth" "http://127.0.0.1:$2/api/v1/tickets/$3" 2>&1 \
    | awk -v l="$1" '/Requests\/sec/{r=$2} /99%/{p=$2} END{printf "%-34s %10s req/s  p99 %s\n", l, r, p}'
}
ticket() { # port body -> id
  curl -sf -X POST -H 'Content-Type: application/json' -H "$auth" -d "$2" "http://127.0.0.1:$1/api/v1/tickets" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
post warm-up "$pp" create_with_ccs.lua d1 5 >/dev/null
post warm-up "$pb" create_plain.lua d1 0 >/dev/null
for r in $(seq 1 "$rounds"); do
  echo "round $r (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  post "bare: create" "$pb" create_plain.lua d1 0
  post "plugin: create, 5 CCs (CC on)" "$pp" create_with_ccs.lua d1 5
  post "plugin: create, CC-off dept" "$pp" create_plain.lua d2 0
done
tp=$(ticket "$pp" '{"departmentId":"d1","subject":"g","description":"x","requester":{"email":"g@example.org"},"fields":{"cc":["a1@example.org","a2@example.org","a3@example.org","a4@example.org","a5@example.org"]}}')
tb=$(ticket "$pb" '{"departmentId":"d1","subject":"g","description":"x","requester":{"email":"g@example.org"}}')
for r in $(seq 1 "$rounds"); do
  get "bare: GET ticket" "$pb" "$tb"
  get "plugin: GET ticket, 5 CCs" "$pp" "$tp"
done
