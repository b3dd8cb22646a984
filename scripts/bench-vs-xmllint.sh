#!/usr/bin/env bash
# fa3's schema validation side by side with libxml2's `xmllint --schema`.
#
#   scripts/bench-vs-xmllint.sh [RUNS]
#
# (a) the 26 official FA(3) examples copied 40 times (1,040 files), checked by
#     one fa3 process (one thread) and by one xmllint process;
# (b) a 10,000-line invoice (example 1 with its line repeated, NrWierszaFa
#     1..10000): wall time of both processes, fa3's in-process validation
#     time, and fa3's peak memory above the baseline of a one-file run.
#
# Each command runs RUNS times (default 5); the fastest wall time is shown.
# fa3 is `target/release/fa3 check --schema-only --jobs 1` when that binary
# exists and knows --schema-only, otherwise the `schema_check` example, which
# calls the same `fa3::schema::validate`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=${BENCH_DIR:-target/bench-vs-xmllint}
command -v xmllint >/dev/null || { echo "xmllint not found (apt-get install libxml2-utils)" >&2; exit 2; }

cargo build --release --quiet --example schema_check --example bench_corpus
rm -rf "$work" && mkdir -p "$work"
target/release/examples/bench_corpus "$work"

if [[ -x target/release/fa3 ]] && target/release/fa3 check --help 2>/dev/null | grep -q -- --schema-only; then
  fa3=(target/release/fa3 check --schema-only --jobs 1 --format jsonl --no-progress)
  fa3_rejects() { "${fa3[@]}" "$@" | grep -q .; }
else
  fa3=(target/release/examples/schema_check --quiet)
  fa3_rejects() { "${fa3[@]}" "$@" | grep -v '^valid' | grep -q .; }
fi

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
xmllint=(xmllint --nonet --noout --schema "$xsd")

# Fastest wall time (s, from bash's microsecond clock), the CPU time (user +
# system, s) and the peak RSS (KiB) of that run, over $runs runs. On a busy
# machine the CPU time is the steadier figure.
measure() {
  local best=999999 cpu=0 rss=0 t0 t1 t line
  for _ in $(seq "$runs"); do
    t0=$EPOCHREALTIME
    /usr/bin/time -f "%M %U %S" -o "$work/time.out" "$@" >/dev/null 2>&1 || true
    t1=$EPOCHREALTIME
    t=$(awk "BEGIN{printf \"%.4f\", $t1 - $t0}")
    line=$(tail -1 "$work/time.out")
    if awk "BEGIN{exit !($t < $best)}"; then
      best=$t
      rss=${line%% *}
      cpu=$(echo "$line" | awk '{printf "%.2f", $2 + $3}')
    fi
  done
  echo "$best $cpu $rss"
}

many=("$work"/many/*.xml)
big=$work/big-10000.xml
one=$work/many/c00-00.xml

# Both tools must agree before timing anything.
fa3_rejects "${many[@]}" "$big" && { echo "fa3 rejects a valid file" >&2; exit 1; }
"${xmllint[@]}" "${many[@]}" "$big" 2>&1 | grep -v ' validates$' && { echo "xmllint rejects a valid file" >&2; exit 1; }

read -r fa3_many fa3_many_cpu _ < <(measure "${fa3[@]}" "${many[@]}")
read -r xl_many xl_many_cpu _ < <(measure "${xmllint[@]}" "${many[@]}")
read -r fa3_big fa3_big_cpu fa3_big_rss < <(measure "${fa3[@]}" "$big")
read -r xl_big xl_big_cpu xl_big_rss < <(measure "${xmllint[@]}" "$big")
read -r _ _ fa3_base_rss < <(measure "${fa3[@]}" "$one")
inproc=$(target/release/examples/schema_check --quiet --time 20 "$big" 2>&1 >/dev/null | sed -n 's/.*: \([0-9.]*\) ms.*/\1/p')
size=$(stat -c %s "$big")

ratio() { awk "BEGIN{ if ($2 > 0) printf \"%.1fx\", $1/$2; else print \"-\" }"; }
echo
echo "fa3 command: ${fa3[*]}"
echo "host: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), $(xmllint --version 2>&1 | head -1)"
printf '\n%-42s %9s %9s %8s | %8s %8s %8s\n' "scenario (fastest of $runs)" "fa3" "xmllint" "speed-up" "fa3 CPU" "xml CPU" "speed-up"
printf '%-42s %8ss %8ss %8s | %7ss %7ss %8s\n' "(a) 1,040 official examples, one process" \
  "$fa3_many" "$xl_many" "$(ratio "$xl_many" "$fa3_many")" "$fa3_many_cpu" "$xl_many_cpu" "$(ratio "$xl_many_cpu" "$fa3_many_cpu")"
printf '%-42s %8ss %8ss %8s | %7ss %7ss %8s\n' "(b) 10,000-line invoice ($((size / 1024)) KiB)" \
  "$fa3_big" "$xl_big" "$(ratio "$xl_big" "$fa3_big")" "$fa3_big_cpu" "$xl_big_cpu" "$(ratio "$xl_big_cpu" "$fa3_big_cpu")"
echo
echo "(b) fa3 validation in process (fastest of 20): ${inproc} ms"
echo "(b) peak RSS: fa3 ${fa3_big_rss} KiB (one small file: ${fa3_base_rss} KiB; extra $((fa3_big_rss - fa3_base_rss)) KiB"\
" = $(awk "BEGIN{printf \"%.2f\", ($fa3_big_rss - $fa3_base_rss) * 1024 / $size}")x the file), xmllint ${xl_big_rss} KiB"
