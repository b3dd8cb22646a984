#!/usr/bin/env bash
# Time and peak memory of fa3 on each hostile input of the security review,
# at full size: builds the inputs in a temporary folder, runs the release
# binary under /usr/bin/time -v, and prints a Markdown table (wall time,
# maximum resident set size, exit status, bytes of output).
#
#   scripts/bench-hostile.sh [BIN]     (default: target/release/fa3, built here)
#
# Needs python3 (to write the inputs), mkfifo and GNU time (/usr/bin/time).
# A command that would not end is stopped after 60 s (`timeout`) and shown so,
# with the peak memory it reached. To measure an older build that reads
# without a bound, cap its memory first: `(ulimit -v 6000000; scripts/bench-hostile.sh OLD)`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
  bin=$(realpath "$1")
else
  cargo build --release --quiet --bin fa3
  bin=$(realpath target/release/fa3)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'EOF'
import os, sys, zipfile
work = sys.argv[1]
base = open("tests/fixtures/base.xml").read().replace(
    "<!-- fa3-test: now=2026-11-21T12:00:00Z -->\n", "")
W = "<WariantFormularza>3</WariantFormularza>"
def w(name, text):
    with open(os.path.join(work, name), "wb") as f:
        f.write(text.encode() if isinstance(text, str) else text)
def extra(n, sep, attachment=False, pad=0):
    doc = base.replace(W, W + sep.join(["<NieznanyElement_%06d/>" % i for i in range(n)]), 1)
    if attachment:
        doc = doc.replace("</Faktura>", "<Zalacznik/></Faktura>")
    if pad:
        doc = doc.replace("</Faktura>", " " * (pad - len(doc.encode())) + "</Faktura>")
    return doc
# 36,000 unknown elements: one line (0.94 MB) and one per line.
w("extra-36k-one-line.xml", extra(36_000, ""))
w("extra-36k-per-line.xml", extra(36_000, "\n"))
# 100,000 on one line: over 1 MB, so with an empty Zalacznik (3 MB limit).
w("extra-100k-one-line.xml", extra(100_000, "", attachment=True))
# 2.9 MB invoice with <Zalacznik/> and 100,000 unknown elements on a line.
w("extra-100k-2.9mb.xml", extra(100_000, "", attachment=True, pad=2_900_000))
# 100,000 attributes on one element; 45,000 namespace declarations.
w("attributes-100k.xml", base.replace("<Naglowek>",
    "<Naglowek" + "".join(' a%x=""' % i for i in range(100_000)) + ">", 1))
w("namespaces-45k.xml", base.replace("<Naglowek>",
    "<Naglowek" + "".join(' xmlns:n%x="u"' % i for i in range(45_000)) + ">", 1))
# A 100 MB text value.
w("value-100mb.xml", base.replace("<SystemInfo>SamploFaktur</SystemInfo>",
    "<SystemInfo>" + "V" * 100_000_000 + "</SystemInfo>", 1))
# A 211 KB file of errors on one line.
w("errors-211kb-one-line.xml", extra(8_000, ""))
# A ZIP of 300 entries of 4 MB of blanks.
with zipfile.ZipFile(os.path.join(work, "blanks.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    blanks = b" " * 4_000_000
    for i in range(300):
        z.writestr("%03d.xml" % i, blanks)
# A folder with a *.xml symlink to /dev/zero and a FIFO.
os.mkdir(os.path.join(work, "folder"))
w("folder/ok.xml", base)
os.symlink("/dev/zero", os.path.join(work, "folder", "zero.xml"))
EOF
mkfifo "$work/pipe.xml" "$work/folder/pipe.xml"

measure() { # label, command...
  local label=$1
  shift
  local out="$work/out" stats="$work/stats"
  set +e
  # time(1) outside timeout(1): the peak of a stopped run is still measured.
  /usr/bin/time -v -o "$stats" timeout 60 "$@" >"$out" 2>/dev/null
  local status=$?
  set -e
  local wall rss bytes
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$stats")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$stats")
  bytes=$(wc -c <"$out")
  if [ "$status" -eq 124 ]; then
    printf '| %s | stopped after 60 s | at least %s MB | | %s |\n' "$label" "$((rss / 1024))" "$bytes"
    return
  fi
  printf '| %s | %s | %s MB | %s | %s |\n' "$label" "$wall" "$((rss / 1024))" "$status" "$bytes"
}

echo "fa3: $bin; $(nproc) cores; $(date -u +%Y-%m-%d)"
echo
echo "| input (command) | wall time | peak RSS | exit | output bytes |"
echo "|---|---:|---:|---:|---:|"
w=$work
measure "check /dev/zero" "$bin" check --no-config /dev/zero
measure "format /dev/zero" "$bin" format /dev/zero
measure "check FIFO *.xml (no writer)" "$bin" check --no-config "$w/pipe.xml"
measure "check folder with *.xml → /dev/zero and a FIFO" "$bin" check --no-config "$w/folder"
measure "check 36,000 unknown elements, one line (0.94 MB)" "$bin" check --no-config "$w/extra-36k-one-line.xml"
measure "check 36,000 unknown elements, one per line" "$bin" check --no-config "$w/extra-36k-per-line.xml"
measure "check 100,000 unknown elements, one line" "$bin" check --no-config "$w/extra-100k-one-line.xml"
measure "check 2.9 MB with Zalacznik, 100,000 unknown elements on a line" "$bin" check --no-config "$w/extra-100k-2.9mb.xml"
measure "check 100,000 attributes on one element" "$bin" check --no-config "$w/attributes-100k.xml"
measure "check 45,000 namespace declarations" "$bin" check --no-config "$w/namespaces-45k.xml"
measure "check ZIP of 300 × 4 MB blanks (1.25 MB)" "$bin" check --no-config "$w/blanks.zip"
measure "format 100 MB value" "$bin" format "$w/value-100mb.xml"
measure "link 100 MB value" "$bin" link "$w/value-100mb.xml"
measure "check 100 MB value" "$bin" check --no-config "$w/value-100mb.xml"
measure "check 211 KB of errors on one line (human)" "$bin" check --no-config "$w/errors-211kb-one-line.xml"
