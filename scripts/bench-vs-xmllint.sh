#!/usr/bin/env bash
# fa3's schema validation side by side with libxml2's `xmllint --schema`.
#
#   scripts/bench-vs-xmllint.sh [--full] [RUNS]
#
# With --full, fa3 runs its default check (hygiene, schema, typed model and
# every rule) instead of --schema-only, and (b) is the 4,000-line invoice
# (0.94 MB, under KSeF's 1,000,000-byte limit).
#
# (a) the 26 official FA(3) examples copied 40 times (1,040 files), checked by
#     one `fa3 check --schema-only --jobs 1` process and by one
#     `xmllint --schema` process, both given the same list of files;
# (b) a 10,000-line invoice (example 1 with its line repeated, NrWierszaFa
#     1..10000), one process each.
#
# Both tools must accept every input before anything is timed. Each command
# is timed by hyperfine (no shell in between, 3 warm-up runs), in three
# rounds that alternate between the tools so that a slow spell of a shared
# machine does not fall on one tool only; RUNS runs in all (default 30). The
# table shows the fastest and the mean wall time and the ratios. A second
# table comes from RUNS paired runs (fa3, then xmllint, each pair under the
# same conditions): the median and lowest of the per-pair speed-ups. (b)
# also reports fa3's in-process validation time (the file already in
# memory) and its peak memory above a run on one small file (the median of
# nine alternated pairs of runs, with their range).
#
# Needs: cargo, xmllint (libxml2-utils), hyperfine, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
full=
if [ "${1:-}" = --full ]; then
  full=1
  export FULL=1
  shift
fi
runs=${1:-30}
work=${BENCH_DIR:-target/bench-vs-xmllint}
for tool in xmllint hyperfine python3; do
  command -v "$tool" >/dev/null || { echo "$tool not found" >&2; exit 2; }
done

cargo build --release --quiet --bin fa3 --example schema_check --example bench_corpus
rm -rf "$work" && mkdir -p "$work"
target/release/examples/bench_corpus "$work"

schemas=$(pwd)/schemas/fa3
prefix=http://crd.gov.pl/xml/schematy/dziedzinowe/mf/2022/01/05/eD/DefinicjeTypy/
cat > "$work/catalog.xml" <<XML
<?xml version="1.0"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog" prefer="system">
  <rewriteSystem systemIdStartString="$prefix" rewritePrefix="file://$schemas/"/>
  <rewriteURI uriStartString="$prefix" rewritePrefix="file://$schemas/"/>
</catalog>
XML
export XML_CATALOG_FILES=$(pwd)/$work/catalog.xml
xsd="$schemas/schemat_FA(3)_v1-0E.xsd"
if [ -n "$full" ]; then
  fa3="target/release/fa3 check --jobs 1 --format jsonl --no-progress"
else
  fa3="target/release/fa3 check --schema-only --jobs 1 --format jsonl --no-progress"
fi
xmllint="xmllint --nonet --noout --schema $xsd"

many=("$work"/many/*.xml)
big=$work/big-10000.xml
[ -n "$full" ] && big=$work/big-4000.xml
one=$work/many/c00-00.xml

# Both tools must accept every input before anything is timed.
# (The default check also reports rule findings, such as the batch's
# duplicate numbers; only schema and XML findings count here.)
if $fa3 "${many[@]}" "$big" | grep -q "${full:+\"code\":\"FA3-X}"; then
  echo "fa3 rejects a valid file" >&2
  exit 1
fi
if $xmllint "${many[@]}" "$big" 2>&1 | grep -v ' validates$' | grep -q .; then
  echo "xmllint rejects a valid file" >&2
  exit 1
fi

# The default check exits with 1 when it reports a finding (the batch's
# duplicate numbers): not a failure of the run being timed.
ignore=${full:+--ignore-failure}
time_pair() { # NAME ARGS... : hyperfine on fa3 and xmllint with the same files
  local name=$1 round
  shift
  for round in 1 2 3; do
    # shellcheck disable=SC2086
    hyperfine -N $ignore --warmup 3 --runs $(((runs + 2) / 3)) --style none \
      --export-json "$work/$name-$round.json" \
      --command-name fa3 "$fa3 $*" \
      --command-name xmllint "$xmllint $*" >/dev/null 2>&1
  done
}
time_pair many "${many[@]}"
time_pair big "$big"

# Paired runs: fa3 and xmllint one after the other, RUNS times, so that each
# pair meets the same state of the machine; the speed-up of a pair is
# xmllint's time over fa3's, and the table gives the median and the lowest.
paired() { # NAME ARGS...
  local name=$1
  shift
  python3 - "$work/$name-paired.json" "$runs" "$fa3" "$xmllint" "$@" <<'PY'
import json, os, shlex, shutil, sys, time
out, runs, fa3, xmllint, *files = sys.argv[1:]
devnull = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
def command(line):
    argv = shlex.split(line) + files
    return shutil.which(argv[0]), argv
def timed(exe, argv):
    start = time.perf_counter()
    pid = os.posix_spawn(exe, argv, os.environ, file_actions=devnull)
    os.waitpid(pid, 0)
    return time.perf_counter() - start
tools = {"fa3": command(fa3), "xmllint": command(xmllint)}
for tool in tools.values():  # warm-up
    timed(*tool)
pairs = [(timed(*tools["fa3"]), timed(*tools["xmllint"])) for _ in range(int(runs))]
json.dump(pairs, open(out, "w"))
PY
}
paired many "${many[@]}"
paired big "$big"

peak_rss() { /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || true; tail -1 "$work/rss"; }
# Peak RSS moves by a few hundred KiB from run to run, the one-file baseline's
# too: nine runs of each, alternated, and the median of the nine differences.
fa3_big_rss=""
fa3_one_rss=""
for _ in 1 2 3 4 5 6 7 8 9; do
  # shellcheck disable=SC2086
  fa3_big_rss="$fa3_big_rss $(peak_rss $fa3 "$big")"
  # shellcheck disable=SC2086
  fa3_one_rss="$fa3_one_rss $(peak_rss $fa3 "$one")"
done
# shellcheck disable=SC2086
xl_big_rss=$(peak_rss $xmllint "$big")
inproc=$(target/release/examples/schema_check --quiet --time 50 "$big" 2>&1 >/dev/null |
  sed -n 's/.*: \([0-9.]*\) ms.*/\1/p')

echo "fa3:     $fa3"
echo "xmllint: $xmllint"
echo "host:    $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), $(xmllint --version 2>&1 | head -1)"
echo
python3 - "$work" "$runs" "$(stat -c %s "$big")" "$fa3_big_rss" "$fa3_one_rss" "$xl_big_rss" "$inproc" <<'PY'
import json, os, sys
work, runs, size, big_rss, one_rss, xl_rss, inproc = sys.argv[1:]
size = int(size)
rows = [("(a) 1,040 official examples, one process", "many"),
        (f"(b) {'full check, ' if os.environ.get('FULL') else ''}large invoice ({size // 1024} KiB)", "big")]
print(f"| scenario ({runs} runs each, 3 rounds) | fa3 fastest | xmllint fastest | speed-up | fa3 mean | xmllint mean | speed-up |")
print("|---|---:|---:|---:|---:|---:|---:|")
for label, name in rows:
    times = {"fa3": [], "xmllint": []}
    for round_ in (1, 2, 3):
        for r in json.load(open(f"{work}/{name}-{round_}.json"))["results"]:
            times[r["command"]] += r["times"]
    f, x = times["fa3"], times["xmllint"]
    fmin, xmin, fmean, xmean = min(f), min(x), sum(f) / len(f), sum(x) / len(x)
    ms = lambda s: f"{s * 1000:.1f} ms"
    print(f"| {label} | {ms(fmin)} | {ms(xmin)} | {xmin / fmin:.1f}× "
          f"| {ms(fmean)} | {ms(xmean)} | {xmean / fmean:.1f}× |")
print()
print(f"| paired runs ({runs} pairs, fa3 then xmllint) | fa3 median | xmllint median | speed-up, median of pairs | lowest pair |")
print("|---|---:|---:|---:|---:|")
for label, name in rows:
    pairs = json.load(open(f"{work}/{name}-paired.json"))
    med = lambda v: sorted(v)[len(v) // 2]
    ratios = [x / f for f, x in pairs]
    print(f"| {label} | {med([f for f, _ in pairs]) * 1000:.1f} ms | {med([x for _, x in pairs]) * 1000:.1f} ms "
          f"| {med(ratios):.1f}× | {min(ratios):.1f}× |")
bigs, ones = [int(v) for v in big_rss.split()], [int(v) for v in one_rss.split()]
extras = sorted(b - o for b, o in zip(bigs, ones))
extra = extras[len(extras) // 2]
print()
print(f"(b) fa3 schema validation in process (SchemaValidator, file in memory, fastest of 50): {inproc} ms")
print(f"(b) peak RSS: fa3 {sorted(bigs)[len(bigs) // 2]} KiB, {extra} KiB above a one-file run"
      f" ({sorted(ones)[len(ones) // 2]} KiB) = {extra * 1024 / size:.2f}× the file (median of"
      f" {len(extras)} pairs; {extras[0] * 1024 / size:.2f}–{extras[-1] * 1024 / size:.2f}×);"
      f" xmllint {xl_rss} KiB")
PY
