#!/usr/bin/env bash
# Whether two irbook binaries build byte-identical sites: the repository's example handbook
# (with and without a base URL) and a generated handbook. For performance work: every change
# that should not change the output is checked with this before it is committed.
#
#   bench/same_output.sh OLD_BINARY NEW_BINARY [PLAYBOOKS]
#
# PLAYBOOKS (default 2000) sizes the generated handbook (PLAYBOOKS/10 suppliers, /100 plans);
# it is generated once under target/same-output/. Prints the files that differ and exits 1 if
# any does; `.irbook-site` (the manifest) is compared sorted: it must list the same files, in
# whatever order they were planned (the search shards are planned after the pages).
# sw.js is compared without its VERSION line: the version is a hash of all the other files,
# which are compared byte by byte, and how it is computed may change.
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$(pwd)
OLD=$(realpath "$1")
NEW=$(realpath "$2")
N=${3:-2000}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795392000}
export NO_COLOR=1

WORK="$REPO/target/same-output"
HB="$WORK/handbook-$N"
mkdir -p "$WORK"
if [[ ! -d "$HB" ]]; then
    python3 bench/gen_handbook.py "$HB" --playbooks "$N" --suppliers $((N / 10)) \
        --plans $((N / 100 > 0 ? N / 100 : 1)) >/dev/null
fi

status=0
compare() {
    local name=$1
    shift
    rm -rf "$WORK/old-$name" "$WORK/new-$name"
    "$OLD" -q build "$@" --out "$WORK/old-$name"
    "$NEW" -q build "$@" --out "$WORK/new-$name"
    local sw
    for sw in "$WORK/old-$name/sw.js" "$WORK/new-$name/sw.js"; do
        [[ -f "$sw" ]] && sed -i 's/^const VERSION = .*$/const VERSION = (not compared);/' "$sw"
    done
    local manifest
    for manifest in "$WORK/old-$name/.irbook-site" "$WORK/new-$name/.irbook-site"; do
        [[ -f "$manifest" ]] && LC_ALL=C sort -o "$manifest" "$manifest"
    done
    if diff -rq "$WORK/old-$name" "$WORK/new-$name"; then
        echo "same: $name ($(find "$WORK/new-$name" -type f | wc -l) files)"
    else
        status=1
    fi
}

compare example --root "$REPO"
compare example-base-url --root "$REPO" --base-url https://ir.example/handbook/
compare generated-$N --root "$HB"
exit $status
