#!/usr/bin/env bash
# Runs one vitest project (or some of its files) N times in a row while another process
# keeps a core busy, as a loaded 2-core CI machine would; stops at the first failing run.
#
#   scripts/stress-suite.sh <project> [runs=5] [vitest args, e.g. files…]
#   scripts/stress-suite.sh sync-server 5
#   scripts/stress-suite.sh board 5 packages/board/test/controller.test.ts
#
# Heavy: in this repo run it under the shared lock, as one command:
#   flock /tmp/rt-heavy.lock -c 'cd /work/main && scripts/stress-suite.sh sync-server 5'
set -u
project=${1:?usage: scripts/stress-suite.sh <project> [runs] [vitest args…]}
runs=${2:-5}
shift $(($# < 2 ? $# : 2))
cd "$(dirname "$0")/.."

# The busy core: one endless loop, pinned to the last core where taskset exists.
last_core=$(($(nproc) - 1))
if command -v taskset >/dev/null; then
  taskset -c "$last_core" node -e 'for (;;) {}' &
else
  node -e 'for (;;) {}' &
fi
busy=$!
trap 'kill "$busy" 2>/dev/null' EXIT

started=$(date +%s)
for ((run = 1; run <= runs; run++)); do
  echo "== run $run of $runs: vitest run --project $project $* (one core kept busy)"
  if ! npx vitest run --project "$project" "$@"; then
    echo "== FAILED on run $run of $runs ($((run - 1)) passed before it)"
    exit 1
  fi
done
echo "== all $runs runs of $project passed in $(($(date +%s) - started)) s, one core kept busy"
