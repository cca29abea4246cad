#!/usr/bin/env bash
# Benchmark `irbook check` and `irbook build` on a generated large handbook and on the
# repository's own example.
#
#   bench/run.sh            # 10,000 playbooks, 1,000 suppliers, 20 plans; 5 runs after 1 warm-up
#
# Environment: PLAYBOOKS, SUPPLIERS, PLANS, RUNS override the defaults.
# The generated handbook is cached in target/bench-handbook (regenerated when sizes or the
# generator change). Exits non-zero if the build, the generator or any check run fails.
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$(pwd)
PLAYBOOKS=${PLAYBOOKS:-10000}
SUPPLIERS=${SUPPLIERS:-1000}
PLANS=${PLANS:-20}
RUNS=${RUNS:-5}
# 2026-11-23: the "today" the generated review and expiry dates are valid for.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795392000}
export NO_COLOR=1

echo "== cargo build --release" >&2
cargo build --release --quiet
BIN="$REPO/target/release/irbook"

HB="$REPO/target/bench-handbook"
STAMP="$HB.stamp"
GEN_HASH=$(python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest()[:16])' bench/gen_handbook.py)
WANT="playbooks=$PLAYBOOKS suppliers=$SUPPLIERS plans=$PLANS gen=$GEN_HASH"
if [[ -d "$HB" && -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" ]]; then
    echo "== using cached handbook $HB ($WANT)" >&2
else
    echo "== generating $HB ($WANT)" >&2
    rm -rf "$HB" "$STAMP"
    python3 bench/gen_handbook.py "$HB" --playbooks "$PLAYBOOKS" --suppliers "$SUPPLIERS" --plans "$PLANS" >&2
    echo "$WANT" >"$STAMP"
fi

FILES=$(find "$HB" -type f | wc -l)
SIZE=$(du -sh "$HB" | cut -f1)
BYTES=$(find "$HB" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "== generated handbook: $FILES files, $SIZE on disk, $BYTES bytes of content" >&2

echo "== strict check of the generated handbook" >&2
if "$BIN" check --strict --root "$HB"; then
    echo "strict: passed" >&2
else
    echo "strict: FAILED" >&2
    exit 1
fi

# bench NAME ROOT COMMAND...: 1 warm-up + RUNS timed runs of `irbook -q COMMAND... --root ROOT`;
# prints min/median.
bench() {
    local name=$1 root=$2
    shift 2
    python3 - "$BIN" "$root" "$RUNS" "$name" "$@" <<'PY'
import statistics, subprocess, sys, time
binary, root, runs, name = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
cmd = [binary, "-q"] + sys.argv[5:] + ["--root", root]
def once():
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ms = (time.perf_counter() - t) * 1000
    if r.returncode != 0:
        sys.stderr.write(r.stderr.decode(errors="replace"))
        sys.exit("%s: %s failed with exit code %d" % (name, " ".join(sys.argv[5:]), r.returncode))
    return ms
once()  # warm-up
times = [once() for _ in range(runs)]
print("%-22s min %8.1f ms   median %8.1f ms   (%d runs: %s)" % (
    name, min(times), statistics.median(times), runs, " ".join("%.1f" % t for t in times)))
PY
}

echo "== timing irbook check ($RUNS runs after 1 warm-up)" >&2
bench "generated ($PLAYBOOKS pb)" "$HB" check
bench "example (--root .)" "$REPO" check

OUT="$REPO/target/bench-site"
echo "== timing irbook build ($RUNS runs after 1 warm-up; output in $OUT-*)" >&2
bench "generated ($PLAYBOOKS pb)" "$HB" build --out "$OUT-generated"
bench "example (--root .)" "$REPO" build --out "$OUT-example"
echo "== generated site: $(find "$OUT-generated" -type f | wc -l) files, $(du -sh "$OUT-generated" | cut -f1)" >&2
