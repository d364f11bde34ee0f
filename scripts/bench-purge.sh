#!/usr/bin/env bash
# Purging tombstones at launch scale: on a copy of a seeded store, three cohorts of every series are saved and deleted through
# the service (their frozen rows become tombstones), then `graph purge --older-than 0d` runs while a client saves a small cohort
# every 0.1 s; prints the purge's time and the saves' latency beside it. With --no-purge, the saves' latency alone.
# Usage: scripts/bench-purge.sh SEEDED_DATA_DIR WORK_DIR [--no-purge]   (SEEDED_DATA_DIR from `graph seed --patients 20000 --data DIR`)
set -euo pipefail
seed=${1:?seeded data folder}; data=${2:?work folder (replaced)}; mode=${3:-}
root="$(cd "$(dirname "$0")/.." && pwd)"
graph=(dotnet "$root/src/Graph.Cli/bin/Release/net10.0/graph.dll")
port=5097
rm -rf "$data" && cp -r "$seed" "$data"
key=$("${graph[@]}" keys create --role admin --owner bench --data "$data" | tail -1)
dotnet "$root/src/Graph.Api/bin/Release/net10.0/Graph.Api.dll" --urls "http://127.0.0.1:$port" --data "$data" --Graph:PurgeTombstonesAfterDays 0 > "$data/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null && break; sleep 1; done
query() { curl -s -H "X-Api-Key: $key" -H 'Content-Type: application/json' -d "{\"query\":\"$1\"}" "http://127.0.0.1:$port/graphql"; }
for i in 1 2 3; do
  id=$(query "mutation { saveCohort(input: { name: \\\"all $i\\\", criteria: {} }) { cohortId } }" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["saveCohort"]["cohortId"])')
  query "mutation { deleteCohort(id: \\\"$id\\\") }" > /dev/null
done
python3 -c 'import sqlite3,sys; print("relationship tombstones:", sqlite3.connect(sys.argv[1]).execute("select count(*) from edges where deleted = 1").fetchone()[0])' "$data/graph.db"
for i in $(seq 1 60); do
  curl -s -o /dev/null -w "%{time_total}\n" -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
    -d "{\"query\":\"mutation { saveCohort(input: { name: \\\"small $i\\\", criteria: { patients: { sex: { eq: \\\"F\\\" }, ageAtDiagnosis: { eq: 50 } } } }) { cohortId } }\"}" \
    "http://127.0.0.1:$port/graphql"
  sleep 0.1
done > "$data/latency.txt" &
saves=$!
sleep 1
if [ "$mode" != "--no-purge" ]; then
  /usr/bin/time -f "purge: %e s wall, %M KiB peak resident" "${graph[@]}" purge --older-than 0d --data "$data"
fi
wait $saves
sort -n "$data/latency.txt" | awk '{a[NR]=$1} END {printf "small saves (%d): p50 %.3f s, p90 %.3f s, max %.3f s\n", NR, a[int(NR/2)], a[int(NR*0.9)], a[NR]}'
