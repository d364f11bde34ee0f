#!/usr/bin/env bash
# Compares folder ingest speed of this checkout ("head") with another commit ("base") on the same synthetic files.
#
# Usage: bench/Graph.Bench.Ingest/compare.sh BASE_COMMIT [ROUNDS (default 5)] [-- more Graph.Bench.Ingest arguments]
#
# Both sides run this checkout's benchmark program, built in Release against each side's libraries, so only the
# reader and ingest code differ. The program runs ROUNDS times per side, head and base alternately, on one folder
# generated once; each run prints its medians (--runs 3). The script prints, per step, the median over the rounds of
# CPU time (user + system) per file, less sensitive than wall time to other work on the machine, and of wall time per
# file, with the ratio head / base. The base worktree and the folder are removed at the end.
set -euo pipefail
[ $# -ge 1 ] || { sed -n '2,4p' "$0"; exit 2; }
base_commit=$1; shift
rounds=5
if [ $# -ge 1 ] && [ "$1" != "--" ]; then rounds=$1; shift; fi
[ "${1:-}" = "--" ] && shift

repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d "${TMPDIR:-/tmp}/graph-ingest-compare.XXXXXX")
cleanup() {
  git -C "$repo" worktree remove --force "$work/base" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

git -C "$repo" worktree add --detach "$work/base" "$base_commit" >/dev/null
rm -rf "$work/base/bench/Graph.Bench.Ingest" "$work/base/bench/Shared"
cp -r "$repo/bench/Graph.Bench.Ingest" "$repo/bench/Shared" "$work/base/bench/"
rm -rf "$work/base/bench/Graph.Bench.Ingest/bin" "$work/base/bench/Graph.Bench.Ingest/obj"
for side in head base; do
  source_root=$repo
  [ "$side" = base ] && source_root=$work/base
  echo "building $side ($(git -C "$source_root" rev-parse --short HEAD))"
  dotnet build "$source_root/bench/Graph.Bench.Ingest" -c Release -nologo -v q -clp:ErrorsOnly -o "$work/$side-bin" >/dev/null
done

folder=$work/folder
for round in $(seq 1 "$rounds"); do
  for side in head base; do
    echo "round $round/$rounds: $side"
    dotnet "$work/$side-bin/Graph.Bench.Ingest.dll" --folder "$folder" --runs 3 "$@" | grep '^RESULT' | sed "s/^RESULT/$side/" | tee -a "$work/results.txt"
  done
done

echo
awk '
  function median(list,    n, i, j, t, a) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  {
    side = $1; split($2, s, "="); step = s[2]
    for (f = 3; f <= NF; f++) { split($f, kv, "="); value[side, step, kv[1]] = value[side, step, kv[1]] " " kv[2] }
    if (!(step in seen)) { seen[step] = 1; order[++steps] = step }
  }
  END {
    printf "%-8s %26s %26s %26s %26s\n", "step", "CPU us/file head", "CPU us/file base", "wall us/file head", "wall us/file base"
    for (i = 1; i <= steps; i++) {
      st = order[i]
      ch = median(value["head", st, "cpu_us_per_file"]); cb = median(value["base", st, "cpu_us_per_file"])
      wh = median(value["head", st, "wall_us_per_file"]); wb = median(value["base", st, "wall_us_per_file"])
      printf "%-8s %26.2f %26.2f %26.2f %26.2f   CPU head/base %.3f, wall head/base %.3f\n", st, ch, cb, wh, wb, ch / cb, wh / wb
    }
  }' "$work/results.txt"
