#!/usr/bin/env bash
# Parallel speed-up of `fa3 check`: 1,500 invoices (the 26 official examples
# copied over and over), checked with --jobs 1 and with all cores, side by side.
#
#   scripts/bench-parallel.sh [FILES]     (default 1500)
#
# Needs hyperfine when available (apt-get install hyperfine); falls back to
# bash's `time`. Run on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1500}
cargo build --release --quiet
bin=target/release/fa3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
i=0
while [ "$i" -lt "$n" ]; do
  for f in tests/corpus/official/*.xml; do
    [ "$i" -lt "$n" ] || break
    cp "$f" "$work/$(printf '%05d' "$i").xml"
    i=$((i + 1))
  done
done
cores=$(nproc)
echo "files: $n, cores: $cores"
# Duplicate keys across the copies are expected findings; exit status 1 is fine.
args=(check --now 2026-11-21T12:00:00Z --format jsonl --no-progress "$work")
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 2 --runs 10 -i \
    "$bin ${args[*]} --jobs 1 > /dev/null" \
    "$bin ${args[*]} --jobs $cores > /dev/null"
else
  for jobs in 1 "$cores"; do
    echo "--jobs $jobs"
    time ("$bin" "${args[@]}" --jobs "$jobs" > /dev/null || true)
  done
fi
