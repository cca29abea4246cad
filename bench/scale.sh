#!/usr/bin/env bash
# How large the pages and the first search are for a large handbook: builds the benchmark
# handbook (bench/gen_handbook.py: N playbooks, N/10 suppliers, N/100 plans) and prints the
# largest HTML page other than the whole-handbook files (print.html, handbook-offline.html),
# the sizes of the files that are the whole handbook by design, and, for a few searches from
# file:// in headless Chromium (bench/measure_search.rs, `cargo run --example measure_search`), the bytes
# the page and the search loaded and how long the results took (with the shards' loading, and
# again with them in memory).
#
#   bench/scale.sh                        # N = 10,000
#   N=50000 QUERIES="04242 ransomware" bench/scale.sh
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$(pwd)
N=${N:-10000}
M=${SUPPLIERS:-$((N / 10 > 0 ? N / 10 : 1))}
P=${PLANS:-$((N / 100 > 0 ? N / 100 : 1))}
# A word of one playbook (its number), words of every playbook, two words.
QUERIES=${QUERIES:-"$(printf '%05d' $((N / 2))) ransomware evidence supplier+evidence"}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795392000}
export NO_COLOR=1

echo "== cargo build --release" >&2
cargo build --release --quiet
WORK="$REPO/target/bench-scale"
HB="$WORK/handbook-$N-$M-$P"
SITE="$WORK/site-$N"
if [[ ! -f "$HB/handbook.yaml" ]]; then
    rm -rf "$HB"
    python3 bench/gen_handbook.py "$HB" --playbooks "$N" --suppliers "$M" --plans "$P" >&2
fi
rm -rf "$SITE"
"$REPO/target/release/irbook" -q build --root "$HB" --out "$SITE"

echo "== N = $N playbooks, $M suppliers, $P plans"
echo "largest pages (bytes) but print.html and handbook-offline.html:"
find "$SITE" -name '*.html' ! -name print.html ! -name handbook-offline.html -printf '%s %P\n' \
    | sort -n | tail -3
echo "the whole handbook by design (bytes):"
for f in print.html handbook-offline.html handbook.json search-index.js sw.js; do
    printf '%s %s\n' "$(stat -c %s "$SITE/$f")" "$f"
done
printf '%s search/ (%s shards)\n' "$(cat "$SITE"/search/*.js | wc -c)" "$(ls "$SITE/search" | wc -l)"
for q in $QUERIES; do
    cargo run --quiet --release --example measure_search -- "$SITE" "${q//+/ }" 2>&1 \
        | grep -E '^(loaded|search for)' || echo "(no browser: install chromium to measure search)"
done
